"""archcheck: check Markdown architecture notes for the facts a release depends on."""

__version__ = "0.1.0"
