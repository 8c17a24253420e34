"""POP projects: led by the area's lieutenant, their people and partners of one area, a note every month."""

from datetime import timedelta

import pytest
from django.urls import reverse

from outreach import clock
from outreach.models import ActionPlan, Project, ProjectNote
from outreach.tests.factories import ConcernFactory, OrganizationFactory, ProjectFactory, ProjectNoteFactory


def _project_form(area, people, **changes):
    return {
        "name": "Juniper Road corridor",
        "goal": "Fewer drug sales and calls for service along Juniper Road",
        "area_command": area.pk,
        "lieutenant": people.lieutenant.pk,
        "officers": [people.officer.pk],
        "starts_on": clock.today().isoformat(),
        "status": "active",
        **changes,
    }


def test_the_lieutenant_starts_a_project_with_the_area_s_people_partners_and_concerns(client, people, area):
    partner, concern = OrganizationFactory(area_command=area), ConcernFactory(area_command=area)
    client.force_login(people.lieutenant)

    response = client.post(
        reverse("outreach:project_create"), _project_form(area, people, partners=[partner.pk], concerns=[concern.pk])
    )

    project = Project.objects.get()
    assert response["Location"] == project.get_absolute_url()
    assert (list(project.officers.all()), list(project.partners.all()), list(project.concerns.all())) == (
        [people.officer],
        [partner],
        [concern],
    )


def test_an_officer_of_another_area_is_refused_at_the_field(client, people, area):
    client.force_login(people.commander)

    response = client.post(
        reverse("outreach:project_create"), _project_form(area, people, officers=[people.other_officer.pk])
    )

    assert "officers" in response.context["form"].errors
    assert not Project.objects.exists()


@pytest.mark.parametrize("role", ["officer", "sergeant", "records"])
def test_only_lieutenants_and_commanders_start_projects(client, people, area, role):
    client.force_login(getattr(people, role))

    assert client.post(reverse("outreach:project_create"), _project_form(area, people)).status_code == 403


def test_one_note_a_month_and_a_second_is_refused_at_its_field(client, people, area):
    project = ProjectFactory(area_command=area, lieutenant=people.lieutenant)
    month = clock.today().replace(day=1).strftime("%Y-%m")
    client.force_login(people.lieutenant)
    url = reverse("outreach:project_note_add", args=[project.pk])

    client.post(url, {"month": month, "text": "Two abatements filed."})
    again = client.post(url, {"month": month, "text": "Again."})

    assert ProjectNote.objects.get().text == "Two abatements filed."
    assert again.status_code == 400 and "month" in again.context["note_form"].errors


def test_an_officer_does_not_write_the_lieutenant_s_note(client, people, area):
    project = ProjectFactory(area_command=area, lieutenant=people.lieutenant)
    client.force_login(people.officer)

    response = client.post(reverse("outreach:project_note_add", args=[project.pk]), {"month": "x", "text": "x"})

    assert response.status_code == 403


def test_a_missing_note_for_last_month_is_flagged_until_written(client, people, area):
    project = ProjectFactory(
        area_command=area,
        lieutenant=people.lieutenant,
        status="active",
        starts_on=clock.today().replace(day=1) - timedelta(days=40),
    )
    client.force_login(people.lieutenant)

    before = client.get(reverse("outreach:dashboard")).context["now"]["notes_missing"]
    ProjectNoteFactory(project=project, month=clock.previous_month(clock.today().replace(day=1)))
    after = client.get(reverse("outreach:dashboard")).context["now"]["notes_missing"]

    assert list(before) == [project] and list(after) == []


def test_a_project_s_plan_is_due_ten_days_after_it_began(client, people, area):
    project = ProjectFactory(
        area_command=area, lieutenant=people.lieutenant, starts_on=clock.today() - timedelta(days=3)
    )
    client.force_login(people.lieutenant)

    client.post(
        reverse("outreach:plan_create") + f"?project={project.pk}",
        {"title": "Corridor lighting", "officer": people.officer.pk, "problem": "Dark blocks.", "measure": "Calls"},
    )

    plan = ActionPlan.objects.get()
    assert (plan.project, plan.due_on) == (project, project.starts_on + timedelta(days=10))


def test_the_project_list_is_the_user_s_area_s(client, people, area, other_area):
    mine = ProjectFactory(area_command=area)
    ProjectFactory(area_command=other_area)
    client.force_login(people.officer)

    assert list(client.get(reverse("outreach:project_list")).context["page"].object_list) == [mine]


def test_the_system_administrator_s_project_keeps_to_one_area(client, people, area):
    # The administrator sees every area: the form offers everyone, the check keeps one area.
    client.force_login(people.sysadmin)

    response = client.post(
        reverse("outreach:project_create"), _project_form(area, people, officers=[people.other_officer.pk])
    )

    assert "belong to another area command" in str(response.context["form"].errors["officers"])


def test_the_project_list_costs_the_same_for_three_or_twelve_projects(client, people, area, django_assert_num_queries):
    ProjectFactory.create_batch(3, area_command=area)
    client.force_login(people.lieutenant)
    client.get(reverse("outreach:project_list"))
    with django_assert_num_queries(8) as few:
        client.get(reverse("outreach:project_list"))
    ProjectFactory.create_batch(9, area_command=area)

    with django_assert_num_queries(len(few.captured_queries)):
        client.get(reverse("outreach:project_list"))
