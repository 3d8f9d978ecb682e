"""hfctl: the governance of a Norwegian health community, kept as code."""

__version__ = "0.1.0"


def version_line() -> str:
    """What ``hfctl --version`` prints."""
    return f"hfctl {__version__}"
