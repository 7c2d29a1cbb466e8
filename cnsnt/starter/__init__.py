"""`cnsnt init`: find a project's sources and personal fields, and write a starter policy."""
