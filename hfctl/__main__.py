"""Run hfctl as ``python -m hfctl``."""

from hfctl.launch import main

main()
