"""What differs between the Wagtail releases this package supports (7.0 and newer)."""

try:  # Wagtail 8 lets a project swap the base Page model.
    import swapper

    PAGE_MODEL = swapper.get_model_name("wagtailcore", "Page")
except ImportError:  # pragma: no cover - Wagtail 7
    PAGE_MODEL = "wagtailcore.Page"

__all__ = ["PAGE_MODEL"]
