"""backtrans: offline back-translation with glossary enforcement and terminology checks."""

__version__ = "0.1.0"
