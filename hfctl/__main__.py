"""Run hfctl as ``python -m hfctl``."""

from hfctl.cli import main

main()
