"""`backtrans translate ...`: batch back-translation."""
