"""`python -m kefu_assist` is the same as the `kefu-assist` command."""
import sys

from .cli import main

sys.exit(main())
