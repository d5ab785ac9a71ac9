"""Pure Python: symbols, numbers, dates, charts, text, roll-ups, facets. No Django import;
they return codes and parameters, which :mod:`wagtail_dangvu.wording` words."""
