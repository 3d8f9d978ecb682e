"""One module per command: each reads its options, calls the core once and prints the result."""
