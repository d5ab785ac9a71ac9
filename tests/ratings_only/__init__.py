"""A Wagtail project that installs the star rating alone (``wagtail_dangvu.ratings``,
not ``wagtail_dangvu``). The tests in ``test_ratings_only.py`` run it in subprocesses."""
