"""`backtrans check ...` (placeholder until issue 7 lands)."""
