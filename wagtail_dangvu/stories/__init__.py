"""Stories of "dân vận khéo" models and their index."""
