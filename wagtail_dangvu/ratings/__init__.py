"""The portal's five-star article rating, usable on any Wagtail page."""
