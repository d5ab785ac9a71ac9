"""Importers that bring another portal's content into the app (NukeViet 4 news)."""
