"""The hfctl benchmark: `python -m bench` (see bench/run.py)."""
