"""Benchmark harness for archcheck: seeded corpora, baselines, and the ratios its targets use."""
