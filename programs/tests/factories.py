"""A factory for every model of the programs app."""

from datetime import timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from factory.django import DjangoModelFactory

from outreach import clock
from outreach.tests.factories import AreaCommandFactory, ConcernFactory, UserFactory
from programs.models import (
    Presentation,
    PresentationAttachment,
    PresentationConcern,
    PresentationEvent,
    PresentationRequest,
    Program,
)


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

    class Params:
        # ``scheduled=True``: a presentation three days ahead, on the calendar, not reported yet.
        scheduled = factory.Trait(
            status=Presentation.Status.SCHEDULED,
            starts_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=3)),
        )

    @factory.post_generation
    def presenters(self, create, extracted, **kwargs):
        if create:
            self.presenters.set(extracted or [self.author])


class PresentationEventFactory(DjangoModelFactory):
    class Meta:
        model = PresentationEvent

    presentation = factory.SubFactory(PresentationFactory)
    action = PresentationEvent.Action.REPORT_STARTED
    by = factory.SelfAttribute("presentation.author")


class PresentationConcernFactory(DjangoModelFactory):
    """A concern raised at a presentation, filed in the presentation's area."""

    class Meta:
        model = PresentationConcern

    presentation = factory.SubFactory(PresentationFactory)
    concern = factory.SubFactory(
        ConcernFactory,
        source="presentation",
        area_command=factory.SelfAttribute("..presentation.area_command"),
        created_by=factory.SelfAttribute("..presentation.author"),
    )


class PresentationAttachmentFactory(DjangoModelFactory):
    class Meta:
        model = PresentationAttachment

    presentation = factory.SubFactory(PresentationFactory)
    file = factory.LazyFunction(lambda: ContentFile(b"%PDF-1.4\n%test\n", name="sign-in.pdf"))
    original_name = "sign-in.pdf"
    content_type = "application/pdf"
    size = 16
    uploaded_by = factory.SelfAttribute("presentation.author")


class PresentationRequestFactory(DjangoModelFactory):
    """A citizen's pending request, not yet placed in an area command."""

    class Meta:
        model = PresentationRequest

    requester_name = factory.Faker("name")
    organization_name = "Maplewood Elementary School Parent–Teacher Association"
    email = factory.Sequence(lambda n: f"requester{n}@example.org")
    phone = "(555) 010-5000"
    program = factory.SubFactory(ProgramFactory)
    preferred_date = factory.LazyFunction(lambda: clock.today() + timedelta(days=30))
    audience_size = 40
    address = "455 Maple Avenue, Fairview"
