"""Administrative units: the province and its communes as data, and the unit of a page.

``unit_of`` and ``units_of`` (:mod:`wagtail_dangvu.units.lookup`) are loaded when first
asked for, so that the pure modules of this package (``graph``, ``csvfile``) load
without Django.
"""

_LOOKUPS = ("unit_of", "units_of")


def __getattr__(name):
    if name in _LOOKUPS:
        from . import lookup

        return getattr(lookup, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["unit_of", "units_of"]  # loaded on demand by __getattr__
