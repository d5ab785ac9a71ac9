"""The article core: the abstract article and index pages every article type declares on,
their filters and feeds, and what a reader finds under every article."""
