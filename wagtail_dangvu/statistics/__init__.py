"""Indicators, their figures, the statistics and findings blocks, the dashboard page."""
