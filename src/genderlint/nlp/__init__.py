"""The spaCy side: pipeline construction, the matcher component and context checks."""
