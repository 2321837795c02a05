"""`backtrans align ...` and `backtrans score ...` (placeholder until issue 8 lands)."""
