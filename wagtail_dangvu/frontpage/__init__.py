"""A portal's front page: the lists, as blocks and template tags."""
