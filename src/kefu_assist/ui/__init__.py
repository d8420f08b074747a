"""The sidebar. The only package that imports Qt; views live in resources/ui/ as Designer files."""
