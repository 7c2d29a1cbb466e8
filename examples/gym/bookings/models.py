"""Class bookings."""

from django.db import models

from core.models import TimeStamped


class Course(models.Model):
    title = models.CharField(max_length=120)
    level = models.CharField(max_length=20)


class Booking(TimeStamped):
    member = models.ForeignKey("members.Member", on_delete=models.CASCADE)
    course = models.ForeignKey(Course, on_delete=models.PROTECT)
    paid = models.BooleanField(default=False)
