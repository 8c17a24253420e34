"""The monthly report: its figures against a hand-counted fixture, in its PDF, for whom, and how it is made."""

import io
import socket
import threading
from datetime import datetime, time, timedelta

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from outreach import clock
from outreach.lib.pdf import PdfFetcher
from outreach.models import Concern, CrimeType, Partnership, User
from outreach.tests.factories import (
    ActionPlanFactory,
    ConcernFactory,
    ImplementationEntryFactory,
    OrganizationFactory,
    PartnershipFactory,
    PartnershipLogEntryFactory,
    ReferralFactory,
    UserFactory,
)
from programs.models import Presentation
from programs.tests.factories import PresentationFactory, ProgramFactory
from reports.builders import monthly
from reports.builders.monthly import monthly_report
from reports.models import GeneratedReport
from reports.services import TEMPLATES, report_compile, report_context, report_request

from .factories import GeneratedReportFactory

Kind, Level, Status = GeneratedReport.Kind, GeneratedReport.Level, GeneratedReport.Status


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def month():
    """Last month: its first day."""
    return clock.previous_month(clock.today().replace(day=1))


def _on(day, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _category(code):
    return CrimeType.objects.get(code=code)


@pytest.fixture
def month_of_work(people, area, other_area, month):
    """A month of the area's work, hand-counted in the tests; the same kinds of record in another area."""
    officer = people.officer
    officer.sergeant = people.sergeant
    officer.save()
    day = month + timedelta(days=4)
    # Concerns: 2 burglary and 1 traffic this month (one a potential problem), 1 burglary the month
    # before, 1 traffic a year before; one of another area, which never counts.
    for code, received, extra in [
        ("burglary", day, {"is_potential_problem": True, "description": "Garage break-ins on Oak Court"}),
        ("burglary", day + timedelta(days=3), {}),
        ("traffic", day + timedelta(days=5), {}),
        ("burglary", clock.previous_month(month) + timedelta(days=2), {}),
        ("traffic", month.replace(year=month.year - 1) + timedelta(days=2), {}),
    ]:
        ConcernFactory(area_command=area, category=_category(code), received_on=received, assigned_to=officer, **extra)
    ConcernFactory(area_command=other_area, category=_category("burglary"), received_on=day)
    # A plan started before the month and never submitted: overdue at the month's end. Another opened
    # this month and submitted after its ten days: late.
    plan = ActionPlanFactory(
        concern=ConcernFactory(area_command=area, received_on=month - timedelta(days=20), status="plan_due"),
        officer=officer,
        title="Garage break-ins on Oak Court",
    )
    type(plan).objects.filter(pk=plan.pk).update(created_at=_on(month - timedelta(days=18)))
    late = ActionPlanFactory(
        concern=ConcernFactory(area_command=area, received_on=month - timedelta(days=3), status="plan_due"),
        officer=officer,
        title="Speeding past the school",
    )
    type(late).objects.filter(pk=late.pk).update(
        created_at=_on(month + timedelta(days=1)), first_submitted_at=_on(month + timedelta(days=12))
    )
    ImplementationEntryFactory(plan=plan, done_on=day, arrests=1, citations=4, warnings=2, results="Lights fixed.")
    # Partnerships: one active with two log entries this month, one that ended this month.
    partnership = PartnershipFactory(
        organization=OrganizationFactory(area_command=area, name="Oak Court Tenants"),
        responsible_officer=officer,
        starts_on=month - timedelta(days=90),
    )
    PartnershipLogEntryFactory(partnership=partnership, logged_on=day)
    PartnershipLogEntryFactory(partnership=partnership, logged_on=day + timedelta(days=1), follow_up_needed=True)
    PartnershipFactory(
        organization=OrganizationFactory(area_command=area),
        responsible_officer=officer,
        starts_on=month - timedelta(days=200),
        ends_on=month + timedelta(days=10),
        status=Partnership.Status.ENDED,
    )
    # Presentations: two of one program (25 and 40 taking part), one cancelled, one next month.
    program = ProgramFactory(name="Home Security Basics")
    for participants in (25, 40):
        PresentationFactory(
            area_command=area,
            program=program,
            author=officer,
            starts_at=_on(day),
            participants=participants,
            status=Presentation.Status.APPROVED,
        )
    PresentationFactory(area_command=area, author=officer, starts_at=_on(day), status=Presentation.Status.CANCELLED)
    PresentationFactory(
        area_command=area,
        program=program,
        author=officer,
        starts_at=_on(clock.next_month(month) + timedelta(days=9), 18),
        status=Presentation.Status.SCHEDULED,
        participants=None,
        place="Oak Court Community Room",
    )
    # Referrals: one made this month, its follow-up overdue at the month's end.
    ReferralFactory(area_command=area, officer=officer, referred_on=day)
    return area


def _text(report):
    with report.file.open("rb") as file:
        return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(file.read())).pages)


def test_the_figures_match_the_hand_count(month_of_work, month):
    data = monthly_report(area=month_of_work, month=month)

    concerns = data["concerns"]
    # The month before: the burglary of the fixture and the two plans' concerns (burglary too).
    assert concerns["totals"] == {"this": 3, "before": 3, "year_before": 1}
    by_code = {row["category"].code: row for row in concerns["by_category"]}
    assert (by_code["burglary"]["this"], by_code["burglary"]["before"], by_code["burglary"]["change"]) == (2, 3, -1)
    assert (by_code["traffic"]["this"], by_code["traffic"]["year_before"], by_code["traffic"]["change_year"]) == (
        1,
        1,
        0,
    )
    assert [concern.description for concern in concerns["potential"]["rows"]] == ["Garage break-ins on Oak Court"]
    progress = data["progress"]
    assert (progress["opened"], progress["submitted"], progress["on_time"], progress["late"]) == (1, 1, 0, 1)
    assert [plan.title for plan in progress["overdue"]["rows"]] == ["Garage break-ins on Oak Court"]
    assert progress["enforcement"]["arrests"] == 1 and progress["enforcement"]["citations"] == 4
    partnerships = data["partnerships"]
    assert (partnerships["active"], partnerships["ended"], partnerships["log_entries"]) == (2, 1, 2)
    assert partnerships["follow_ups"] == 1
    presentations = data["presentations"]
    assert (presentations["count"], presentations["participants"]) == (2, 65)
    assert [row["program"] for row in presentations["by_program"]] == ["Home Security Basics"]
    assert [p.place for p in data["upcoming"]["presentations"]["rows"]] == ["Oak Court Community Room"]
    assert data["referrals"]["count"] == 1 and data["referrals"]["overdue"]["total"] == 1


def test_an_officers_report_counts_only_their_work(month_of_work, month, people, area):
    other = UserFactory(role=User.Role.OFFICER, area_command=area)
    ConcernFactory(area_command=area, received_on=month + timedelta(days=6), assigned_to=other)

    mine = monthly_report(area=area, month=month, officer=people.officer)
    unit = monthly_report(area=area, month=month, sergeant=people.sergeant)
    whole = monthly_report(area=area, month=month)

    assert mine["concerns"]["totals"]["this"] == 3
    assert unit["concerns"]["totals"]["this"] == 3  # the other officer is in no unit
    assert whole["concerns"]["totals"]["this"] == 4
    assert [member.pk for member in unit["members"]] == sorted(
        [people.officer.pk, people.sergeant.pk], key=lambda pk: User.objects.get(pk=pk).last_name
    )


def test_the_builder_reads_the_same_number_of_queries_for_one_record_or_many(
    month_of_work, month, area, people, django_assert_num_queries
):
    with django_assert_num_queries(27) as few:
        monthly_report(area=area, month=month)
    for index in range(6):
        ConcernFactory(area_command=area, received_on=month + timedelta(days=index), category=_category("traffic"))
        ReferralFactory(area_command=area, officer=people.officer, referred_on=month + timedelta(days=index))
        PresentationFactory(area_command=area, author=people.officer, starts_at=_on(month + timedelta(days=index)))

    with django_assert_num_queries(len(few.captured_queries)):
        monthly_report(area=area, month=month)


def test_a_long_list_names_its_first_rows_and_counts_the_rest(month_of_work, month, people, area, monkeypatch):
    """However many records an area holds, the report stays a readable size (and quick to draw)."""
    monkeypatch.setattr(monthly, "LISTED", 2)
    for index in range(3):
        ReferralFactory(area_command=area, officer=people.officer, referred_on=month + timedelta(days=index))

    report, _created = report_request(kind=Kind.MONTHLY, level=Level.AREA, period=month, area_command=area)
    context = report_context(GeneratedReport.objects.select_related("area_command").get(pk=report.pk))

    overdue = context["data"]["referrals"]["overdue"]
    assert (len(overdue["rows"]), overdue["total"]) == (2, 4)
    assert [referral.follow_up_due for referral in overdue["rows"]] == sorted(
        referral.follow_up_due for referral in overdue["rows"]
    )
    assert "The first 2 of 4: the app lists them all." in render_to_string(TEMPLATES[Kind.MONTHLY], context)


def test_the_pdf_says_the_hand_counted_figures(month_of_work, month, people, area, department):
    report, created = report_request(kind=Kind.MONTHLY, level=Level.AREA, period=month, area_command=area)

    done = report_compile(report_id=report.pk)

    assert created and done.status == Status.DONE and done.page_count >= 2
    text = _text(done)
    assert "Area command monthly report" in text and area.name in text
    assert "3 concerns received this month, against 3 the month before and 1 in the same month last year" in text
    assert "Garage break-ins on Oak Court" in text
    assert "Home Security Basics 2 2 65" in text
    assert "Oak Court Tenants" in text
    assert f"Page 1 of {done.page_count}" in text
    assert department.name in text and department.phone in text


def test_a_section_with_nothing_in_it_says_so(people, area, month):
    report, _created = report_request(kind=Kind.MONTHLY, level=Level.AREA, period=month, area_command=area)

    text = _text(report_compile(report_id=report.pk))

    assert "No partnership was active this month." in text
    assert "No presentation was given this month." in text
    assert "No referral was made this month." in text
    assert "No survey response from the area command this month." in text


def test_the_report_is_in_the_departments_language(people, area, month, department):
    department.report_language = "es"
    department.save()
    report, _created = report_request(kind=Kind.MONTHLY, level=Level.AREA, period=month, area_command=area)

    text = _text(report_compile(report_id=report.pk))

    assert report.language == "es"
    assert "Informe mensual del comando de área" in text and "Alianzas" in text


def test_asking_twice_while_queued_makes_one_report_and_one_task(
    people, area, month, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        first, created = report_request(kind=Kind.MONTHLY, level=Level.AREA, period=month, area_command=area)
        again, created_again = report_request(kind=Kind.MONTHLY, level=Level.AREA, period=month, area_command=area)

    assert (created, created_again) == (True, False)
    assert again == first and len(callbacks) == 1


def test_compiling_twice_makes_one_file_and_regenerating_keeps_the_earlier(people, area, month, client):
    report, _created = report_request(kind=Kind.MONTHLY, level=Level.AREA, period=month, area_command=area)
    report_compile(report_id=report.pk)
    report.refresh_from_db()
    first_file = report.file.name

    assert report_compile(report_id=report.pk) is None
    report.refresh_from_db()
    assert (report.status, report.file.name, report.attempts) == (Status.DONE, first_file, 1)

    client.force_login(people.commander)
    response = client.post(reverse("reports:report_regenerate", args=[report.pk]))
    newer = GeneratedReport.objects.exclude(pk=report.pk).get()
    assert response.url == newer.get_absolute_url()
    assert newer.status == Status.QUEUED and GeneratedReport.objects.get(pk=report.pk).file.name == first_file


def test_a_report_that_cannot_be_drawn_fails_with_its_error(people, area, month, monkeypatch):
    def broken(**kwargs):
        raise ValueError("the figures could not be read")

    monkeypatch.setattr("reports.services.monthly_report", broken)
    report, _created = report_request(kind=Kind.MONTHLY, level=Level.AREA, period=month, area_command=area)

    assert report_compile(report_id=report.pk) is None
    report.refresh_from_db()
    assert (report.status, report.error) == (Status.FAILED, "the figures could not be read")


class _Listener:
    """A TCP port on 127.0.0.1 that counts the connections made to it."""

    def __init__(self):
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen()
        self.server.settimeout(0.2)
        self.port, self.connections, self.running = self.server.getsockname()[1], 0, True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while self.running:
            try:
                connection, _address = self.server.accept()
            except TimeoutError:
                continue
            self.connections += 1
            connection.close()

    def close(self):
        self.running = False
        self.thread.join()
        self.server.close()


def test_markup_in_a_concern_is_literal_text_and_nothing_is_fetched(people, area, month, monkeypatch):
    listener = _Listener()
    fetched, fetch = [], PdfFetcher.fetch
    monkeypatch.setattr(PdfFetcher, "fetch", lambda self, url, headers=None: fetched.append(url) or fetch(self, url))
    try:
        for text in (
            '<img src="file:///etc/passwd">',
            f'<link rel=stylesheet href="http://127.0.0.1:{listener.port}/x.css">',
        ):
            ConcernFactory(
                area_command=area, received_on=month + timedelta(days=3), is_potential_problem=True, description=text
            )
        report, _created = report_request(kind=Kind.MONTHLY, level=Level.AREA, period=month, area_command=area)
        text = _text(report_compile(report_id=report.pk))
    finally:
        listener.close()

    assert '<img src="file:///etc/passwd">' in text
    assert f'<link rel=stylesheet href="http://127.0.0.1:{listener.port}/x.css">' in text
    assert listener.connections == 0
    assert [url for url in fetched if not url.endswith("/static/css/report.css")] == []


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "http://127.0.0.1:9/x.css", "https://pdf.invalid/static/../settings.py", "ftp://x/y"],
)
def test_the_pdf_fetcher_refuses_every_address_but_the_apps_static_files(url):
    fetcher = PdfFetcher()

    with pytest.raises(ValueError):
        fetcher.fetch(url)

    assert fetcher.refused == [url]


def test_the_pdf_fetcher_serves_the_apps_static_files_and_small_data_uris():
    fetcher = PdfFetcher()

    css = fetcher.fetch("https://pdf.invalid/static/css/report.css")
    data = fetcher.fetch("data:text/plain;base64,aGk=")

    assert b"@page" in css.read() and data.read() == b"hi"
    with pytest.raises(ValueError):
        fetcher.fetch("data:text/plain;base64," + "A" * (3 * 1024 * 1024))


def test_the_monthly_reports_are_scheduled_at_two_on_the_first_in_the_departments_zone(db):
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.select_related("crontab").get(task="reports.tasks.compile_monthly_reports")

    assert (task.crontab.minute, task.crontab.hour, task.crontab.day_of_month) == ("0", "2", "1")
    assert task.enabled


def test_the_schedule_asks_for_every_area_unit_and_officer_report_of_last_month(people, area, other_area, month):
    from reports.tasks import compile_monthly_reports

    people.officer.sergeant = people.sergeant
    people.officer.save()

    created = compile_monthly_reports()

    reports = GeneratedReport.objects.filter(period=month)
    officers = User.objects.active().filter(role=User.Role.OFFICER).count()
    assert created == reports.count() == 2 + 1 + officers
    assert reports.filter(level=Level.UNIT, sergeant=people.sergeant).exists()
    assert compile_monthly_reports() == 0  # still queued: nothing asked twice


# Who may see, download and ask for which report (policy 003 4-7-5: each level reports up the chain).


def test_an_officer_reads_their_area_and_own_reports_but_not_another_officers(client, people, area):
    area_report = GeneratedReportFactory(area_command=area)
    own = GeneratedReportFactory(area_command=area, level=Level.OFFICER, officer=people.officer)
    others = GeneratedReportFactory(
        area_command=area, level=Level.OFFICER, officer=UserFactory(role=User.Role.OFFICER, area_command=area)
    )
    client.force_login(people.officer)

    listed = client.get(reverse("reports:report_list")).context["page"].object_list

    assert set(listed) == {area_report, own}
    assert client.get(reverse("reports:report_download", args=[own.pk])).status_code == 200
    assert client.get(reverse("reports:report_download", args=[others.pk])).status_code == 404


def test_a_sergeant_reads_the_units_reports_and_the_units_officers(client, people, area):
    people.officer.sergeant = people.sergeant
    people.officer.save()
    unit = GeneratedReportFactory(area_command=area, level=Level.UNIT, sergeant=people.sergeant)
    officer = GeneratedReportFactory(area_command=area, level=Level.OFFICER, officer=people.officer)
    outsider = GeneratedReportFactory(
        area_command=area, level=Level.OFFICER, officer=UserFactory(role=User.Role.OFFICER, area_command=area)
    )
    client.force_login(people.sergeant)

    listed = set(client.get(reverse("reports:report_list")).context["page"].object_list)

    assert {unit, officer} <= listed and outsider not in listed


def test_the_download_is_the_pdf_never_cached(client, people, area):
    report = GeneratedReportFactory(area_command=area)
    client.force_login(people.commander)

    response = client.get(reverse("reports:report_download", args=[report.pk]))

    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert client.get(report.file.url).status_code == 404  # no public media address serves it


def test_a_sergeant_of_another_area_can_neither_download_nor_ask_for_this_areas_report(client, people, area, month):
    report = GeneratedReportFactory(area_command=area)
    client.force_login(people.other_sergeant)

    download = client.get(reverse("reports:report_download", args=[report.pk]))
    asked = client.post(
        reverse("reports:report_list"), {"month": month.strftime("%Y-%m"), "subject": f"area:{area.pk}"}
    )

    assert (download.status_code, asked.status_code) == (404, 404)
    assert GeneratedReport.objects.count() == 1


def test_an_officer_may_not_download_the_annual_report(client, people):
    annual = GeneratedReportFactory(
        kind=Kind.ANNUAL, level=Level.DEPARTMENT, period=clock.today().replace(month=1, day=1), area_command=None
    )
    client.force_login(people.officer)

    assert client.get(reverse("reports:report_download", args=[annual.pk])).status_code == 403
    client.force_login(people.chief)
    assert client.get(reverse("reports:report_download", args=[annual.pk])).status_code == 200


def test_asking_for_a_report_queues_it_and_the_page_follows_its_status(client, people, area, month):
    client.force_login(people.officer)

    response = client.post(
        reverse("reports:report_list"), {"month": month.strftime("%Y-%m"), "subject": f"officer:{people.officer.pk}"}
    )

    report = GeneratedReport.objects.get()
    assert response.url == report.get_absolute_url()
    assert (report.level, report.officer, report.requested_by) == (Level.OFFICER, people.officer, people.officer)
    status = client.get(reverse("reports:report_status", args=[report.pk])).json()
    assert status["pending"] and not status["done"]
    page = client.get(report.get_absolute_url()).content.decode()
    assert "js/report-status" in page and 'data-report-status="' in page


def test_a_bad_month_is_refused_next_to_the_field(client, people, area):
    client.force_login(people.commander)

    response = client.post(reverse("reports:report_list"), {"month": "1999-13", "subject": f"area:{area.pk}"})

    assert response.status_code == 400
    assert "month" in response.context["form"].errors
    assert not GeneratedReport.objects.exists()


def test_the_reports_page_reads_a_fixed_number_of_queries(client, people, area, django_assert_max_num_queries):
    for officer in UserFactory.create_batch(4, role=User.Role.OFFICER, area_command=area):
        GeneratedReportFactory(area_command=area, level=Level.OFFICER, officer=officer)
    GeneratedReportFactory(area_command=area)
    client.force_login(people.commander)

    with django_assert_max_num_queries(14):
        client.get(reverse("reports:report_list"))


def test_concern_status_merged_is_not_counted(people, area, month):
    ConcernFactory(area_command=area, received_on=month + timedelta(days=1), status=Concern.Status.MERGED)

    assert monthly_report(area=area, month=month)["concerns"]["totals"]["this"] == 0


def test_the_templates_query_nothing(month_of_work, month, people, area, django_assert_num_queries):
    from django.template.loader import render_to_string

    from reports.services import TEMPLATES, report_context

    for kind, fields in (
        (Kind.MONTHLY, {"level": Level.AREA, "area_command": area}),
        (Kind.ANNUAL, {"level": Level.DEPARTMENT, "period": month.replace(month=1)}),
    ):
        report, _created = report_request(kind=kind, **{"period": month, **fields})
        report = GeneratedReport.objects.select_related("area_command", "requested_by").get(pk=report.pk)
        context = report_context(report)

        with django_assert_num_queries(0):
            render_to_string(TEMPLATES[kind], context)


def test_a_transient_database_error_is_retried_then_fails_the_report(people, area, month, monkeypatch):
    from django.db import OperationalError

    from reports.tasks import RETRIES, compile_report

    def unreachable(**kwargs):
        raise OperationalError("the database went away")

    monkeypatch.setattr("reports.services.report_compile", unreachable)
    report = GeneratedReportFactory(area_command=area, period=month, status=Status.QUEUED, file="")

    last = compile_report.apply(args=[report.pk], retries=RETRIES, throw=False)

    report.refresh_from_db()
    assert compile_report.max_retries == RETRIES and compile_report.acks_late and compile_report.reject_on_worker_lost
    assert last.state == "FAILURE" and (report.status, report.error) == (Status.FAILED, "the database went away")


def test_the_departments_logo_is_drawn_in_the_report(people, area, month, department):
    from django.core.files.base import ContentFile

    png = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
        b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
    )
    department.logo.save("logo.png", ContentFile(png))
    report, _created = report_request(kind=Kind.MONTHLY, level=Level.AREA, period=month, area_command=area)

    done = report_compile(report_id=report.pk)

    with done.file.open("rb") as file:
        first_page = PdfReader(io.BytesIO(file.read())).pages[0]
    assert len(first_page.images) == 1
