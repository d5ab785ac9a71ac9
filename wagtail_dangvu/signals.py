"""Signals of the app."""

from django.dispatch import Signal

# A register entry's translation group became withheld (``public=False``) or public again
# (``public=True``). Sent once per change with ``documents``, every member of the group
# after the change, inside the transaction that saved it: receivers move files, refresh
# search indexes and mentions so that no request ever sees the old state.
document_visibility_changed = Signal()
