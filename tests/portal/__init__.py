"""A host portal's own app, for the tests: page types of its own that use the star rating."""
