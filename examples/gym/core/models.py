"""Shared model bases of the Summit Climbing Gym site."""

from django.db import models


class TimeStamped(models.Model):
    """Every table records when a row was made and last changed."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
