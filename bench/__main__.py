"""Entry point: `python -m bench` (what `make bench` runs)."""

from bench.cli import main

raise SystemExit(main())
