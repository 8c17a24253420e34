"""Staff: the custom user, with a role (its group grants the permissions) and an area command."""

from django.contrib.auth.models import AbstractUser, Group, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .. import roles
from ..lib.history import history
from ..scope import AreaScopedQuerySet, sees_all_areas
from .department import AreaCommand


class UserQuerySet(AreaScopedQuerySet):
    def active(self):
        return self.filter(is_active=True)

    def field_officers(self):
        """Active staff whose work belongs to an area command: presenters, liaisons, responsible officers."""
        return self.active().filter(role__in=roles.AREA_ROLES)

    def command_staff(self):
        return self.active().filter(role__in=roles.COMMAND_STAFF_ROLES)


class OutreachUserManager(UserManager.from_queryset(UserQuerySet)):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        extra_fields.setdefault("role", User.Role.ADMIN)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    Role = roles.Role

    # Roles whose work belongs to one area command.
    AREA_ROLES = roles.AREA_ROLES
    # Roles that may use the Django admin.
    ADMIN_SITE_ROLES = roles.ADMIN_SITE_ROLES

    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.OFFICER)
    badge_number = models.CharField(
        _("badge number"), max_length=20, blank=True, help_text=_("Leave blank for civilian staff.")
    )
    area_command = models.ForeignKey(
        AreaCommand,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("area command"),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    sergeant = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="unit",
        limit_choices_to={"role": roles.Role.SERGEANT},
        verbose_name=_("unit sergeant"),
        help_text=_("The sergeant whose unit an officer works in: the unit's monthly report counts their work."),
    )

    objects = OutreachUserManager()
    history = history(excluded_fields=["password", "last_login"])

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("user")
        verbose_name_plural = _("users")
        permissions = [("view_all_areas", _("Can see the records of every area command"))]
        constraints = [
            models.UniqueConstraint(
                fields=["badge_number"],
                condition=~Q(badge_number=""),
                name="outreach_user_unique_badge_number",
            ),
            models.CheckConstraint(
                condition=~Q(role__in=roles.AREA_ROLES) | Q(area_command__isnull=False),
                name="outreach_user_area_role_has_area_command",
                violation_error_message=_("Officers, sergeants, lieutenants and area commanders need an area command."),
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        name = self.get_full_name() or self.username
        if self.badge_number:
            return f"{name} (#{self.badge_number})"
        return name

    @property
    def sees_all_areas(self):
        return sees_all_areas(self)

    def clean(self):
        super().clean()
        if self.role in self.AREA_ROLES and self.area_command_id is None:
            raise ValidationError(
                {"area_command": _("Officers, sergeants, lieutenants and area commanders need an area command.")}
            )
        if self.sergeant_id is not None and (
            self.role != self.Role.OFFICER
            or self.sergeant.role != self.Role.SERGEANT
            or self.sergeant.area_command_id != self.area_command_id
        ):
            raise ValidationError({"sergeant": _("An officer's unit sergeant is a sergeant of the same area command.")})

    def unit_members(self):
        """A sergeant's unit: the sergeant and the officers who work under them."""
        return User.objects.filter(Q(pk=self.pk) | Q(sergeant=self))

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._synced_role = instance.__dict__.get("role")
        return instance

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        role_changed = self.role != getattr(self, "_synced_role", None) and (
            update_fields is None or "role" in update_fields
        )
        if role_changed:
            self.is_staff = self.is_superuser or self.role in self.ADMIN_SITE_ROLES
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "is_staff"}
        super().save(*args, **kwargs)
        if role_changed:
            self.sync_role_group()

    def sync_role_group(self):
        """Keep the user in exactly one role group: the group grants the permissions."""
        role_groups = Group.objects.filter(name__in=roles.ROLE_GROUPS.values())
        self.groups.remove(*role_groups.exclude(name=roles.ROLE_GROUPS[self.role]))
        group, _created = Group.objects.get_or_create(name=roles.ROLE_GROUPS[self.role])
        self.groups.add(group)
        self._synced_role = self.role
        # Permissions are cached on the instance; the group change invalidates them.
        for cache in ("_perm_cache", "_user_perm_cache", "_group_perm_cache"):
            self.__dict__.pop(cache, None)
