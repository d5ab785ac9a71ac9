"""Seminar events, their index, and their iCalendar files and feeds."""
