"""The personal-data classifier: names, types and comments of columns, and form fields.

`classify_column` says whether a column holds personal data and of which taxonomy
category; `classify_field` suggests a category for a form field (every field a
person fills in is personal). Both are pure, deterministic and cached.
"""

from cnsnt.classify.classifier import classify_column, classify_field

__all__ = ["classify_column", "classify_field"]
