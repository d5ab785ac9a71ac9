"""The lists under an article, read fast by construction.

:mod:`.lists` reads the newer and older articles of its index, the latest articles of each
of its topics and its related articles in one SQL statement, as plain rows (title,
address path, date), never as page objects; :mod:`.links` turns an address path into the
page's URL from the site root paths looked up once per request, as Wagtail's ``pageurl``
would, without its per-page work. The article core
(:mod:`wagtail_dangvu.models.reading`) uses them.
"""
