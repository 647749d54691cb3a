"""What each renderer shows of a page: GitHub's view is cmark-gfm itself, the site's view is
Python-Markdown with the site's own extensions. Both are read back out of the HTML they render."""
