"""Form sources: HTML and server templates, JSON-Schema forms."""
