from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from outreach.models import AreaCommand, Organization, Sector, User
from programs.models import Presentation, Program


class AreaCommandFactory(DjangoModelFactory):
    class Meta:
        model = AreaCommand
        django_get_or_create = ["code"]

    name = factory.Sequence(lambda n: f"Area Command {n}")
    code = factory.Sequence(lambda n: f"area{n}")


class SectorFactory(DjangoModelFactory):
    class Meta:
        model = Sector

    area_command = factory.SubFactory(AreaCommandFactory)
    name = factory.Sequence(lambda n: f"Sector {n}")
    code = factory.Sequence(lambda n: f"S{n}")


PASSWORD = "correct horse battery"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    role = User.Role.OFFICER
    area_command = factory.Maybe(
        factory.LazyAttribute(lambda u: u.role in User.AREA_ROLES),
        yes_declaration=factory.SubFactory(AreaCommandFactory),
        no_declaration=None,
    )
    badge_number = factory.Sequence(lambda n: str(5000 + n))
    password = factory.django.Password(PASSWORD)


class OrganizationFactory(DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organization {n}")
    kind = Organization.Kind.NEIGHBORHOOD
    area_command = factory.SubFactory(AreaCommandFactory)
    contact_name = factory.Faker("name")
    phone = "(555) 010-2000"
    email = factory.Sequence(lambda n: f"org{n}@example.org")
    address = factory.Faker("street_address")


class ProgramFactory(DjangoModelFactory):
    class Meta:
        model = Program
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Program {n}")
    category = Program.Category.CRIME_AWARENESS
    audience = "Residents"
    description = "A program."


class PresentationFactory(DjangoModelFactory):
    """A presentation already given, its report in draft."""

    class Meta:
        model = Presentation
        skip_postgeneration_save = True

    program = factory.SubFactory(ProgramFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=2))
    place = "Community center"
    area_command = factory.SubFactory(AreaCommandFactory)
    author = factory.SubFactory(UserFactory, area_command=factory.SelfAttribute("..area_command"))
    status = Presentation.Status.DRAFT
    participants = 25

    @factory.post_generation
    def presenters(self, create, extracted, **kwargs):
        if create:
            self.presenters.set(extracted or [self.author])
