"""Run the benchmark: python -m bench [--sizes 1,10,100] [--repeat 5]."""

from bench.run import main

main()
