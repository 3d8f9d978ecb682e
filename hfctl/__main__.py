"""Run hfctl as ``python -m hfctl``."""

from hfctl.cli.launch import main

main()
