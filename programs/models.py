from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class CrimeType(models.Model):
    """The controlled vocabulary of crime types: programs address them, concerns are filed under them."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    name_es = models.CharField(_("name in Spanish"), max_length=100, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("crime type")
        verbose_name_plural = _("crime types")

    def __str__(self):
        if get_language() == "es" and self.name_es:
            return self.name_es
        return self.name


class ProgramQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def addressing(self, crime_types):
        return self.filter(crime_types__in=crime_types).distinct()

    def search(self, text):
        return self.filter(Q(name__icontains=text) | Q(description__icontains=text) | Q(audience__icontains=text))


class Program(models.Model):
    """A crime-prevention or outreach program the department offers."""

    class Category(models.TextChoices):
        ELEMENTARY = "elementary", _("Elementary school")
        YOUTH = "youth", _("Youth")
        BUSINESS = "business", _("Business")
        CRIME_AWARENESS = "crime_awareness", _("Crime awareness")
        SECURITY_SURVEY = "security_survey", _("Security survey")
        COMMUNITY_EVENT = "community_event", _("Community event")
        SENIOR = "senior", _("Senior")
        VOLUNTEER = "volunteer", _("Volunteer")

    name = models.CharField(_("name"), max_length=150, unique=True)
    category = models.CharField(_("category"), max_length=20, choices=Category)
    audience = models.CharField(
        _("audience"),
        max_length=200,
        blank=True,
        help_text=_("Who the program is for, e.g. grades K–5, business owners."),
    )
    crime_types = models.ManyToManyField(
        CrimeType,
        blank=True,
        related_name="programs",
        verbose_name=_("crime types addressed"),
        help_text=_("Used to suggest programs for the concerns raised in an area."),
    )
    description = models.TextField(_("description"), blank=True)
    policy_reference = models.CharField(
        _("policy reference"),
        max_length=200,
        blank=True,
        help_text=_("The policy section that names this program, if any."),
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Retired programs stay on record but are not offered.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProgramQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[crime_types])

    class Meta:
        ordering = ["name"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        indexes = [
            # Catalog page: active programs filtered by category.
            models.Index(fields=["is_active", "category"], name="programs_program_active_cat"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programs:detail", args=[self.pk])

    def retire(self):
        """Stop offering the program; its record and history stay."""
        self.is_active = False
        self.save(update_fields=["is_active", "updated_at"])

    def reinstate(self):
        self.is_active = True
        self.save(update_fields=["is_active", "updated_at"])
