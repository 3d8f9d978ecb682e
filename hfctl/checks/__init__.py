"""The checks `hfctl validate` runs, one module per family; `registry` holds what they share."""
