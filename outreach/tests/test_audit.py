"""The audit log (CJIS 5.4): what it records, that no one changes or deletes a row, and who reads it."""

import pytest
from django.contrib.admin.sites import site
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory
from django.urls import reverse

from outreach.models import AuditEvent
from outreach.tests.factories import PASSWORD
from reports.tests.factories import GeneratedReportFactory

Action = AuditEvent.Action
ADDRESS = "203.0.113.24"


def _actions():
    log_ins = AuditEvent.objects.filter(action__startswith="auth.").order_by("pk")
    return list(log_ins.values_list("action", "username", "address"))


def test_log_ins_failures_log_outs_and_lockouts_are_recorded_with_the_address(client, people):
    client.post(reverse("login"), {"username": "officer", "password": "wrong"}, REMOTE_ADDR=ADDRESS)
    client.post(reverse("login"), {"username": "officer", "password": PASSWORD}, REMOTE_ADDR=ADDRESS)
    client.post(reverse("logout"), REMOTE_ADDR=ADDRESS)
    for _attempt in range(5):
        client.post(reverse("login"), {"username": "sergeant", "password": "wrong"}, REMOTE_ADDR=ADDRESS)

    recorded = _actions()

    assert recorded[:3] == [
        (Action.LOGIN_FAILED, "officer", ADDRESS),
        (Action.LOGIN, "officer", ADDRESS),
        (Action.LOGOUT, "officer", ADDRESS),
    ]
    assert (Action.LOCKED_OUT, "sergeant", ADDRESS) in recorded


def test_releasing_a_lock_is_recorded(client, people):
    for _attempt in range(5):
        client.post(reverse("login"), {"username": "officer", "password": "wrong"})
    client.force_login(people.sysadmin)

    client.post(reverse("outreach:lockout_release"), {"username": "officer"})

    released = AuditEvent.objects.get(action=Action.RELEASED)
    assert (released.user, released.data) == (people.sysadmin, {"released": "officer"})


def test_every_csv_export_is_recorded_with_its_filters(client, people):
    client.force_login(people.chief)

    client.get(reverse("outreach:referral_list"), {"format": "csv", "q": "Elm"}, REMOTE_ADDR=ADDRESS)

    export = AuditEvent.objects.get(action=Action.EXPORTED)
    assert (export.user, export.address) == (people.chief, ADDRESS)
    assert export.data["path"] == reverse("outreach:referral_list") and "q=Elm" in export.data["query"]


def test_a_report_download_is_recorded(client, people, area, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    report = GeneratedReportFactory(area_command=area)
    client.force_login(people.commander)

    client.get(reverse("reports:report_download", args=[report.pk]))

    download = AuditEvent.objects.get(action=Action.REPORT_DOWNLOADED)
    assert (download.user, download.object_id, download.area_command) == (people.commander, str(report.pk), area)


def test_no_one_changes_or_deletes_an_audit_event(people):
    event = AuditEvent.objects.create(action=Action.LOGIN, user=people.officer, username="officer")

    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        AuditEvent.objects.filter(pk=event.pk).update(username="someone else")
    with pytest.raises(TypeError):
        AuditEvent.objects.filter(pk=event.pk).delete()
    # …and the database refuses a raw statement too.
    for statement in (
        "UPDATE outreach_auditevent SET username = 'x' WHERE id = %s",
        "DELETE FROM outreach_auditevent WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement, [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).username == "officer"


def test_the_admin_shows_audit_events_but_never_adds_changes_or_deletes_them(people):
    request = RequestFactory().get("/admin/")
    request.user = people.sysadmin
    admin = site._registry[AuditEvent]

    assert admin.has_view_permission(request)
    assert not admin.has_add_permission(request)
    assert not admin.has_change_permission(request)
    assert not admin.has_delete_permission(request)


@pytest.mark.parametrize(("role", "status"), [("chief", 200), ("sysadmin", 200), ("designee", 403), ("commander", 403)])
def test_the_audit_page_is_for_the_chief_and_the_system_administrator(client, people, role, status):
    client.force_login(getattr(people, role))

    assert client.get(reverse("outreach:audit_list")).status_code == status


def test_the_audit_page_filters_and_exports(client, people):
    AuditEvent.objects.create(action=Action.LOGIN_FAILED, username="officer", address=ADDRESS)
    AuditEvent.objects.create(action=Action.LOGIN, user=people.sergeant, username="sergeant")
    client.force_login(people.chief)

    page = client.get(reverse("outreach:audit_list"), {"user": "officer"})
    csv = client.get(reverse("outreach:audit_list"), {"action": Action.LOGIN_FAILED, "format": "csv"})

    assert [event.username for event in page.context["page"].object_list] == ["officer"]
    content = b"".join(csv.streaming_content).decode()
    assert "Failed log-in" in content and ADDRESS in content and "sergeant" not in content


def test_every_view_of_a_citizens_contact_details_is_recorded(client, people, area):
    from outreach.tests.factories import ConcernFactory, WatchGroupFactory
    from programs.tests.factories import PresentationRequestFactory

    request_obj = PresentationRequestFactory(area_command=area)
    group = WatchGroupFactory(area_command=area, requester_name="Rosa Jiménez", requester_email="rosa@example.org")
    reported = ConcernFactory(area_command=area, reporter_name="Rosa Jiménez", reporter_phone="(555) 010-2222")
    client.force_login(people.sergeant)

    client.get(reverse("programs:request_detail", args=[request_obj.pk]), REMOTE_ADDR=ADDRESS)
    client.get(reverse("outreach:watch_detail", args=[group.pk]), REMOTE_ADDR=ADDRESS)
    client.get(reverse("outreach:concern_detail", args=[reported.pk]), REMOTE_ADDR=ADDRESS)

    viewed = AuditEvent.objects.filter(action=Action.CONTACT_VIEWED).order_by("pk")
    assert [(event.object_type, event.object_id) for event in viewed] == [
        ("programs.presentationrequest", str(request_obj.pk)),
        ("outreach.watchgroup", str(group.pk)),
        ("outreach.concern", str(reported.pk)),
    ]
    assert {(event.user, event.address, event.area_command) for event in viewed} == {(people.sergeant, ADDRESS, area)}


def test_a_page_that_hides_the_reporter_records_no_view_of_it(client, people, area):
    from outreach.tests.factories import ConcernFactory

    reported = ConcernFactory(area_command=area, reporter_name="Rosa Jiménez", reporter_phone="(555) 010-2222")
    client.force_login(people.officer)  # neither its officer nor who recorded it

    page = client.get(reverse("outreach:concern_detail", args=[reported.pk]))

    assert "Rosa Jiménez" not in page.content.decode()
    assert not AuditEvent.objects.filter(action=Action.CONTACT_VIEWED).exists()


def test_role_and_permission_changes_are_recorded_with_who_made_them(client, people, other_area):
    from django.contrib.auth.models import Group, Permission

    client.force_login(people.sysadmin)
    officer = people.officer
    change = reverse("admin:outreach_user_change", args=[officer.pk])
    form = client.get(change).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and not isinstance(value, list)}
    data.update(
        {
            "username": officer.username,
            "role": "sergeant",
            "area_command": other_area.pk,
            "date_joined_0": officer.date_joined.strftime("%Y-%m-%d"),
            "date_joined_1": officer.date_joined.strftime("%H:%M:%S"),
            "is_active": "on",
        }
    )
    data.pop("password", None)
    data.pop("last_login", None)
    client.post(change, data, REMOTE_ADDR=ADDRESS)
    Group.objects.get(name="Officer").permissions.remove(Permission.objects.get(codename="add_referral"))

    role = AuditEvent.objects.filter(action=Action.ROLE_CHANGED, object_id=str(officer.pk)).latest("pk")
    assert (role.user, role.address, role.data["role"]) == (people.sysadmin, ADDRESS, "sergeant")
    assert role.data["before"]["role"] == "officer"
    permissions = AuditEvent.objects.filter(action=Action.PERMISSIONS_CHANGED).latest("pk")
    assert (permissions.object_repr, permissions.data) == (
        "Officer",
        {"change": "remove", "permissions": ["outreach.add_referral"]},
    )
