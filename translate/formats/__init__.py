"""Bilingual interchange files (TMX, XLIFF), read safely into one value; the safe XML parser."""
