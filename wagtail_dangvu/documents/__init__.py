"""The Party documents register: entries, their confidentiality gate, mentions, files, API."""
