"""E-mail waiting to go out: written with the change that causes it, so that no message is lost when the
broker or the mail server is down (the outbox pattern)."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingMailQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(sent_at__isnull=True)


class OutgoingMail(models.Model):
    """One plain-text e-mail; ``sent_at`` is set once the mail server took it."""

    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("message"), max_length=20_000)
    recipients = models.JSONField(_("recipients"), default=list)
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mail")
        indexes = [
            # The outbox task: the mail not sent yet, oldest first.
            models.Index(fields=["created_at"], condition=Q(sent_at__isnull=True), name="outreach_outbox_unsent"),
        ]

    def __str__(self):
        return self.subject
