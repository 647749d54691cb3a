"""What archcheck adds to a built page's HTML, whichever builder made it."""
