"""Entry point of the frozen build: the same as the `kefu-assist` command."""
import sys

from kefu_assist.cli import main

if __name__ == "__main__":
    sys.exit(main())
