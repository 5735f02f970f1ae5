"""Benchmarks with their baselines, run by hand; results in README.md (see bench/README.md)."""
