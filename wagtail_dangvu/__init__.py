"""wagtail-dangvu: a Wagtail app for the web portals of Vietnamese Party committees."""

__version__ = "0.1.0"
