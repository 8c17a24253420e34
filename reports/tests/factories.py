from datetime import date

import factory
from django.core.files.base import ContentFile

from outreach.tests.factories import AreaCommandFactory
from reports.models import AnnualRecommendations, GeneratedReport


class GeneratedReportFactory(factory.django.DjangoModelFactory):
    """A monthly area-command report, done, with a (tiny) file."""

    class Meta:
        model = GeneratedReport

    kind = GeneratedReport.Kind.MONTHLY
    level = GeneratedReport.Level.AREA
    period = date(2026, 10, 1)
    area_command = factory.SubFactory(AreaCommandFactory)
    language = "en"
    status = GeneratedReport.Status.DONE
    page_count = 1
    file = factory.LazyFunction(lambda: ContentFile(b"%PDF-1.7\n%%EOF\n", name="report.pdf"))


class AnnualRecommendationsFactory(factory.django.DjangoModelFactory):
    """A year's recommendations, written and not final yet."""

    class Meta:
        model = AnnualRecommendations

    year = factory.Sequence(lambda n: 2025 - n)
    status = AnnualRecommendations.Status.WRITTEN
    text = "Light the parks on the east side; bring Neighborhood Watch to Route 9."
