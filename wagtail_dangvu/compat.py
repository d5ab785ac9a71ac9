"""What differs between the Wagtail releases this package supports (7.0 and newer)."""

try:  # Wagtail 8 lets a project swap the base Page model.
    import swapper

    PAGE_MODEL = swapper.get_model_name("wagtailcore", "Page")
except ImportError:  # pragma: no cover - Wagtail 7
    PAGE_MODEL = "wagtailcore.Page"


def listing_menu_item(label, url, icon_name, priority):
    """An item of the "More" menu on a row of an admin listing (`get_list_more_buttons`).

    Wagtail 7.1 and newer describe it with `wagtail.admin.ui.menus.MenuItem`; Wagtail 7.0 has no
    such module and renders a `ListingButton` there.
    """
    try:
        from wagtail.admin.ui.menus import MenuItem
    except ImportError:  # Wagtail 7.0
        from wagtail.admin.widgets.button import ListingButton

        return ListingButton(label, url=url, icon_name=icon_name, priority=priority)
    return MenuItem(label, url=url, icon_name=icon_name, priority=priority)


def _number_column():
    try:
        from wagtail.admin.ui.tables import NumberColumn
    except ImportError:  # Wagtail 7.0
        from django.contrib.humanize.templatetags.humanize import intcomma
        from wagtail.admin.ui.tables import Column

        class NumberColumn(Column):
            """A listing column of numbers grouped in thousands, as Wagtail 7.1 and newer have."""

            def get_cell_context_data(self, instance, parent_context):
                context = super().get_cell_context_data(instance, parent_context)
                context["value"] = intcomma(self.get_value(instance))
                return context

    return NumberColumn


# The admin's classes are looked up when asked for: models and migrations import this module
# before the admin can be.
_LAZY = {"NumberColumn": _number_column}


def __getattr__(name):
    if name in _LAZY:
        globals()[name] = value = _LAZY[name]()
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["PAGE_MODEL", "listing_menu_item"]  # and NumberColumn, on demand
