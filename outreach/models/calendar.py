"""The secret address of each staff member's calendar feed."""

import uuid

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .people import User


class CalendarFeed(models.Model):
    """The secret address of a staff member's calendar feed; resetting it cuts off the old one."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.UUIDField(default=uuid.uuid4, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return f"{self.user} · {self.created_at:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("outreach:calendar_feed", args=[self.token])
