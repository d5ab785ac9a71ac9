"""Importers of content from the systems portals ran before."""
