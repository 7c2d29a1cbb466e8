"""Live database sources, read through SQLAlchemy introspection only."""
