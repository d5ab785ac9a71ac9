"""Directive implementation reports ("báo cáo") and their index."""
