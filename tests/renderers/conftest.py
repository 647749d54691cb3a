"""The test sites' pages are data for the renderers, not documentation examples to collect."""

collect_ignore = ["sites"]
