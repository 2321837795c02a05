"""Interchange formats for glossaries: the native .gloss text, TBX, CSV/TSV."""
