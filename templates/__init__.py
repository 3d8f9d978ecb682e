"""The default templates of hfctl; a data repository's own templates/ folder overrides them."""
