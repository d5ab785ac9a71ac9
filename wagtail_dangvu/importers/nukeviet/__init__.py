"""Importing a NukeViet 4 portal's news module (issue #14)."""
