"""hfctl: the governance of a Norwegian health community, kept as code."""

__version__ = "0.1.0"
