"""Word (.docx) packages: safe opening, parts, and the annotated copy (comments, tracked
changes)."""
