"""The script library: YAML files -> validated, immutable objects."""
from .categories import CATEGORIES
from .loader import load_library
from .model import Library, LoadResult, Problem, Script, shrink_ratio
from .placeholders import Rendered, parse, render

__all__ = ["CATEGORIES", "Library", "LoadResult", "Problem", "Rendered", "Script", "load_library", "parse", "render", "shrink_ratio"]
