"""Benchmarks: `python -m bench.stats` times /stats on a generated network."""
