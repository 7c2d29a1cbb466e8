"""Members and their waivers. cnsnt reads this file; it never imports or runs it."""

from django.contrib.auth.models import AbstractUser
from django.db import models

from core.models import TimeStamped


class Member(AbstractUser, TimeStamped):
    """A climber with an account (Django's user fields come from AbstractUser)."""

    birth_date = models.DateField(null=True, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    emergency_contact_phone = models.CharField(
        max_length=30, blank=True, help_text="Who we call if you are hurt on the wall"
    )
    health_conditions = models.TextField(
        blank=True, help_text="Heart, joint or other conditions our staff should know about"
    )
    newsletter_opt_in_at = models.DateTimeField(null=True, blank=True)


class Waiver(TimeStamped):
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="waivers")
    signed_at = models.DateTimeField()
    signature_image = models.ImageField(upload_to="waivers/")

    class Meta:
        db_table = "member_waivers"
