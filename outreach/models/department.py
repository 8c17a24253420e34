"""The department running this installation, its area commands and their sectors."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from timezone_field import TimeZoneField

from ..lib.history import history
from ..lib.validators import TEXT_MAX_LENGTH
from ..scope import AreaScopedQuerySet

LOGO_MAX_BYTES = 1024 * 1024


def default_time_zone():
    """The zone from DJANGO_TIME_ZONE, read when the department row is first created."""
    return settings.TIME_ZONE


def validate_logo_size(file):
    if file.size > LOGO_MAX_BYTES:
        raise ValidationError(_("The logo must be 1 MB or smaller."))


class Department(models.Model):
    """The department running this installation: one row, on every page header and report."""

    SINGLETON_ID = 1

    name = models.CharField(_("name"), max_length=150)
    address = models.CharField(_("address"), max_length=250, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("public e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    chief_name = models.CharField(_("chief of police"), max_length=150, blank=True)
    logo = models.ImageField(
        _("logo"),
        upload_to="department/",
        blank=True,
        validators=[
            FileExtensionValidator(["png", "jpg", "jpeg"]),
            validate_logo_size,
        ],
        help_text=_("PNG or JPEG, at most 1 MB. Shown on every page header and report."),
    )
    time_zone = TimeZoneField(
        _("time zone"),
        default=default_time_zone,
        help_text=_("Deadlines such as the 10-day action-plan clock are counted in this zone."),
    )
    report_language = models.CharField(
        _("language of the reports"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The monthly and annual PDF reports are written in this language."),
    )

    history = history()

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("department")
        permissions = [("view_trends", _("Can see each area command's outreach this month and its trend"))]
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="outreach_department_singleton"),
        ]

    def __str__(self):
        return self.name

    @classmethod
    def load(cls):
        department, _created = cls.objects.get_or_create(pk=cls.SINGLETON_ID, defaults={"name": "Police Department"})
        return department

    def is_complete(self):
        return bool(self.address and self.phone and self.chief_name)


class AreaCommandQuerySet(AreaScopedQuerySet):
    area_lookup = "pk"

    def active(self):
        return self.filter(is_active=True)


class AreaCommand(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    code = models.SlugField(_("code"), max_length=20, unique=True, help_text=_("Short code used in lists, e.g. NE."))
    description = models.TextField(_("description"), blank=True, max_length=TEXT_MAX_LENGTH)
    is_active = models.BooleanField(_("active"), default=True)

    objects = AreaCommandQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["name"]
        verbose_name = _("area command")
        verbose_name_plural = _("area commands")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("outreach:area_detail", args=[self.code])


class Sector(models.Model):
    """A sector or beat inside an area command."""

    area_command = models.ForeignKey(
        AreaCommand, on_delete=models.PROTECT, related_name="sectors", verbose_name=_("area command")
    )
    name = models.CharField(_("name"), max_length=100)
    code = models.CharField(_("code"), max_length=20)

    objects = AreaScopedQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["area_command__name", "code"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        constraints = [
            models.UniqueConstraint(fields=["area_command", "code"], name="outreach_sector_unique_code_per_area"),
        ]

    def __str__(self):
        return f"{self.area_command.code.upper()} · {self.name}"
