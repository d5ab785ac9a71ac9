"""News articles ("Tin bài") and nestable news sections ("Chuyên mục")."""
