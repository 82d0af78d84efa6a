"""Benchmarks: `python -m bench [--quick]` measures Apport against the floor of each path
(docs/PERFORMANCE.md); `python -m bench.stats` times /stats and the directory command by command.
"""
