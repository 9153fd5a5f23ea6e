"""Rule data: schema, loading, variant generation and the compiled rule set."""
