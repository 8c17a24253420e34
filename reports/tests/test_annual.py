"""The annual citizen-concerns report: its figures, its PDF (cover, contents, DRAFT, tagged), the chief's
recommendations from draft to final, and who may read, draft or make it final."""

import io
from datetime import date, datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from outreach import clock
from outreach.models import CrimeType, Organization
from outreach.tests.factories import (
    ActionPlanFactory,
    ConcernFactory,
    ImmigrationOutreachFactory,
    OrganizationFactory,
    WatchGroupFactory,
)
from programs.models import Presentation
from programs.tests.factories import PresentationFactory, ProgramFactory
from reports.builders.annual import annual_report
from reports.models import AnnualRecommendations, GeneratedReport
from reports.services import annual_draft_request, report_compile

Kind, Level, Status = GeneratedReport.Kind, GeneratedReport.Level, GeneratedReport.Status


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def year():
    return clock.today().year - 1


def _on(day, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour)))


@pytest.fixture
def the_year(people, area, other_area, year):
    """A year of the department's work, hand-counted in the tests."""
    burglary, traffic = CrimeType.objects.get(code="burglary"), CrimeType.objects.get(code="traffic")
    # North: 2 burglary (March, one a potential problem) and 1 traffic (July); Southeast: 1 burglary (July).
    march, july = date(year, 3, 10), date(year, 7, 4)
    planned = ConcernFactory(area_command=area, category=burglary, received_on=march, is_potential_problem=True)
    ConcernFactory(area_command=area, category=burglary, received_on=march, source="email")
    ConcernFactory(area_command=area, category=traffic, received_on=july)
    ConcernFactory(area_command=other_area, category=burglary, received_on=july)
    ConcernFactory(area_command=area, category=traffic, received_on=date(year + 1, 1, 2))  # the next year
    # One plan, submitted 6 days after its concern: within the ten days.
    ActionPlanFactory(
        concern=planned,
        officer=people.officer,
        status="in_progress",
        first_submitted_at=_on(march + timedelta(days=6)),
    )
    program = ProgramFactory(name="Home Security Basics")
    for participants in (30, 12):
        PresentationFactory(
            area_command=area,
            program=program,
            author=people.officer,
            starts_at=_on(july),
            participants=participants,
            status=Presentation.Status.APPROVED,
        )
    WatchGroupFactory(area_command=area, status="active", households=40)
    shelter = OrganizationFactory(area_command=area, kind=Organization.Kind.FAMILY_VIOLENCE)
    OrganizationFactory(area_command=other_area, kind=Organization.Kind.SEXUAL_ASSAULT)
    ImmigrationOutreachFactory(organization=shelter, reached_on=july, officer=people.officer)
    return year


def test_the_figures_match_the_hand_count(the_year, area, other_area):
    data = annual_report(year=the_year)

    concerns = data["concerns"]
    assert concerns["total"] == 4 and concerns["potential_total"] == 1
    assert [(row["category"].code, row["count"]) for row in concerns["by_category"]] == [
        ("burglary", 3),
        ("traffic", 1),
    ]
    assert concerns["by_area"] == {area.pk: 3, other_area.pk: 1}
    assert concerns["monthly"][2] == 2 and concerns["monthly"][6] == 2 and sum(concerns["monthly"]) == 4
    assert {row["source"]: row["count"] for row in concerns["by_source"]} == {"Phone call": 3, "E-mail": 1}
    handling = data["handling"]
    assert (handling["plans"], handling["submitted"], handling["within"], handling["median_days"]) == (1, 1, 1, 6)
    outreach = data["outreach"]
    assert (outreach["presentations"], outreach["participants"], outreach["watch_active"]) == (2, 42, 1)
    assert [(row["kind"], row["count"], row["reached"]) for row in outreach["service_providers"]] == [
        ("Family-violence center", 1, 1),
        ("Sexual-assault program", 1, 0),
    ]
    north = next(part for part in data["areas"] if part["area"] == area)
    assert (north["concerns"], north["potential"], north["plans"], north["presentations"]) == (3, 1, 1, 2)


def test_the_builder_reads_the_same_number_of_queries_for_one_record_or_many(the_year, area, django_assert_num_queries):
    with django_assert_num_queries(23) as few:
        annual_report(year=the_year)
    for month in range(1, 13):
        ConcernFactory(area_command=area, received_on=date(the_year, month, 3), is_potential_problem=True)

    with django_assert_num_queries(len(few.captured_queries)):
        annual_report(year=the_year)


def _pdf(report):
    with report.file.open("rb") as file:
        return PdfReader(io.BytesIO(file.read()))


def _text(reader):
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_draft_has_a_cover_contents_draft_mark_and_is_a_tagged_pdf(the_year, department):
    report, _created = annual_draft_request(year=the_year)

    done = report_compile(report_id=report.pk)

    reader = _pdf(done)
    text = _text(reader)
    assert done.is_draft and "DRAFT" in text
    assert f"Citizen concerns {the_year}" in text and department.name in text
    assert "Contents" in text and "6. The chief's recommendations" in text
    assert "Not written yet" in text
    assert f"Page 2 of {len(reader.pages)}" in text
    assert bool(reader.trailer["/Root"]["/MarkInfo"]["/Marked"])
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_the_chief_writes_the_recommendations_then_makes_the_report_final(
    client, people, the_year, django_capture_on_commit_callbacks
):
    client.force_login(people.chief)
    page = reverse("reports:annual_detail", args=[the_year])

    client.post(reverse("reports:annual_recommendations", args=[the_year]), {"text": "Light the Elm St. park."})
    confirm = client.get(reverse("reports:annual_finalize", args=[the_year]))
    with django_capture_on_commit_callbacks(execute=False):
        client.post(reverse("reports:annual_finalize", args=[the_year]))

    assert "cannot be undone" in confirm.content.decode()
    recommendations = AnnualRecommendations.objects.get(year=the_year)
    assert (recommendations.status, recommendations.finalized_by) == ("final", people.chief)
    final = GeneratedReport.objects.get(kind=Kind.ANNUAL, is_draft=False)
    text = _text(_pdf(report_compile(report_id=final.pk)))
    assert "Light the Elm St. park." in text and "DRAFT" not in text
    # Final: the recommendations no longer change and no draft is compiled.
    client.post(reverse("reports:annual_recommendations", args=[the_year]), {"text": "Something else."})
    client.post(reverse("reports:annual_draft", args=[the_year]))
    recommendations.refresh_from_db()
    assert recommendations.text == "Light the Elm St. park."
    assert not GeneratedReport.objects.filter(kind=Kind.ANNUAL, is_draft=True).exists()
    assert "Download the final report" in client.get(page).content.decode()


def test_the_report_is_not_made_final_without_recommendations(client, people, the_year):
    client.force_login(people.designee)

    client.post(reverse("reports:annual_finalize", args=[the_year]))
    empty = client.post(reverse("reports:annual_recommendations", args=[the_year]), {"text": "   "})

    assert empty.status_code == 400 and "text" in empty.context["form"].errors
    assert AnnualRecommendations.objects.get(year=the_year).status == "draft"
    assert not GeneratedReport.objects.exists()


@pytest.mark.parametrize(
    ("role", "reads", "drafts", "writes"),
    [
        ("chief", 200, 302, 302),
        ("designee", 200, 302, 302),
        ("records", 200, 302, 403),
        ("commander", 200, 403, 403),
        ("sergeant", 403, 403, 403),
        ("officer", 403, 403, 403),
        ("sysadmin", 403, 403, 403),
    ],
)
def test_who_reads_drafts_and_writes_the_annual_report(client, people, year, role, reads, drafts, writes):
    client.force_login(getattr(people, role))

    seen = client.get(reverse("reports:annual_detail", args=[year]))
    drafted = client.post(reverse("reports:annual_draft", args=[year]))
    written = client.post(reverse("reports:annual_recommendations", args=[year]), {"text": "More patrols."})

    assert (seen.status_code, drafted.status_code, written.status_code) == (reads, drafts, writes)


def test_a_year_out_of_range_is_not_found(client, people):
    client.force_login(people.chief)

    assert client.get(reverse("reports:annual_detail", args=[1990])).status_code == 404
    assert client.get(reverse("reports:annual_detail", args=[clock.today().year + 1])).status_code == 404


def test_the_draft_of_last_year_is_scheduled_for_15_january(db, year):
    from django_celery_beat.models import PeriodicTask

    from reports.tasks import compile_annual_draft

    task = PeriodicTask.objects.select_related("crontab").get(task="reports.tasks.compile_annual_draft")
    assert (task.crontab.day_of_month, task.crontab.month_of_year, task.crontab.hour) == ("15", "1", "3")
    report = GeneratedReport.objects.get(pk=compile_annual_draft())
    assert (report.kind, report.period, report.is_draft) == (Kind.ANNUAL, date(year, 1, 1), True)


def test_a_draft_is_not_compiled_again_once_the_report_is_final(client, people, year):
    from .factories import AnnualRecommendationsFactory, GeneratedReportFactory

    AnnualRecommendationsFactory(year=year, status="final")
    draft = GeneratedReportFactory(
        kind=Kind.ANNUAL, level=Level.DEPARTMENT, area_command=None, period=date(year, 1, 1), is_draft=True
    )
    client.force_login(people.chief)

    response = client.post(reverse("reports:report_regenerate", args=[draft.pk]))

    assert response.url == draft.get_absolute_url()
    assert GeneratedReport.objects.count() == 1
