"""The demo content of ``manage.py dangvu_demo``: data files and the builder that reads them.

Nothing that runs in production imports this package; only the ``dangvu_demo`` command
(and the tests of the demo) do. The content is in ``data/`` as TOML, one file per kind:
``documents.toml`` and ``indicators.toml`` (snippets), ``pages/*.toml`` (the page tree, in
file order), ``ratings.toml`` and ``english.toml`` (the English versions).
"""
