"""What every page type shares: the base page, listing pages, the walk over a page's content."""
