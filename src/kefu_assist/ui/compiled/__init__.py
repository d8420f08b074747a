"""Python compiled from resources/ui/*.ui by scripts/compile_ui.py (see uiload.load_view)."""
