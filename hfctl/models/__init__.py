"""Typed models of the governance data; every model knows the file and line it came from."""
