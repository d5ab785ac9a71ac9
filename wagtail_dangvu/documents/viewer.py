"""Who is looking at the admin, for what shows a register entry's name without a request.

Widgets, blocks and ``str()`` are rendered with no request at hand, yet a withheld entry
(classified or for internal circulation) may be named only to the register's keepers.
Admin code that knows the user declares them for the duration of a render with
:func:`viewing_as`; what it renders then reads :func:`current_viewer`.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from django.utils.translation import gettext_lazy as _
from wagtail.blocks.base import BlockWidget

# What a withheld entry is called before someone who may not see it.
WITHHELD_LABEL = _("Classified or internal document")

_UNDECLARED = object()
_viewer: ContextVar = ContextVar("wagtail_dangvu_viewer", default=_UNDECLARED)


@contextmanager
def viewing_as(user):
    """Declare ``user`` as the one looking, until the block ends."""
    token = _viewer.set(user)
    try:
        yield
    finally:
        _viewer.reset(token)


def viewer_is_declared() -> bool:
    return _viewer.get() is not _UNDECLARED


def current_viewer():
    """The declared user, or None (nobody in particular) when no one was declared."""
    viewer = _viewer.get()
    return None if viewer is _UNDECLARED else viewer


class ViewerBlockWidget(BlockWidget):
    """A StreamField's widget that renders its blocks as ``user`` is to see them."""

    def __init__(self, block_def, user, attrs=None):
        super().__init__(block_def, attrs=attrs)
        self.user = user

    def render_with_errors(self, name, value, attrs=None, errors=None, renderer=None):
        with viewing_as(self.user):
            return super().render_with_errors(
                name, value, attrs=attrs, errors=errors, renderer=renderer
            )


def bind_viewer(form, user) -> None:
    """Render every StreamField of ``form`` as ``user`` is to see it.

    Django gives each form its own copy of the fields and widgets, so replacing them
    here touches no other request.
    """
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, BlockWidget) and not isinstance(widget, ViewerBlockWidget):
            field.widget = ViewerBlockWidget(widget.block_def, user, attrs=widget.attrs)
