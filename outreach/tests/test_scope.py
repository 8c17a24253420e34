"""The area-command scope rule and role groups, for every role."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from outreach import roles
from outreach.models import Organization, User
from outreach.tests.factories import OrganizationFactory

AREA_ROLES = ["officer", "sergeant", "lieutenant", "commander"]
ALL_AREA_ROLES = ["chief", "designee", "records", "sysadmin"]


@pytest.fixture
def organizations(area, other_area):
    return (
        OrganizationFactory(name="Hillcrest Neighbors", area_command=area),
        OrganizationFactory(name="River District League", area_command=other_area),
    )


def test_every_role_has_a_group(db):
    assert set(roles.ROLE_GROUPS) == set(User.Role.values)
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ROLE_GROUPS.values())


def test_a_user_is_in_exactly_the_group_of_their_role(people):
    officer = people.officer
    assert list(officer.groups.values_list("name", flat=True)) == ["Officer"]

    officer.role = User.Role.SERGEANT
    officer.save()

    assert list(officer.groups.values_list("name", flat=True)) == ["Sergeant"]


def test_area_roles_require_an_area_command(db):
    user = User(username="nobody", role=User.Role.OFFICER)
    with pytest.raises(Exception, match="area command"):
        user.full_clean()


@pytest.mark.parametrize("role", AREA_ROLES)
def test_area_roles_see_only_their_area_command(people, organizations, role):
    visible = Organization.objects.for_user(getattr(people, role))

    assert list(visible) == [organizations[0]]


@pytest.mark.parametrize("role", ALL_AREA_ROLES)
def test_department_wide_roles_see_every_area_command(people, organizations, role):
    visible = Organization.objects.for_user(getattr(people, role))

    assert set(visible) == set(organizations)


def test_inactive_user_sees_nothing(people, organizations):
    people.chief.is_active = False
    people.chief.save()

    assert not Organization.objects.for_user(people.chief).exists()


@pytest.mark.parametrize("role", AREA_ROLES)
def test_another_area_commands_record_is_not_found(client, people, organizations, role):
    client.force_login(getattr(people, role))

    for name in ("outreach:organization_detail", "outreach:organization_edit"):
        response = client.get(reverse(name, args=[organizations[1].pk]))
        assert response.status_code == 404


@pytest.mark.parametrize("role", AREA_ROLES + ALL_AREA_ROLES)
def test_own_area_record_is_shown(client, people, organizations, role):
    client.force_login(getattr(people, role))

    response = client.get(reverse("outreach:organization_detail", args=[organizations[0].pk]))

    assert response.status_code == 200
    assert b"Hillcrest Neighbors" in response.content


def test_a_role_without_the_permission_is_refused_on_its_own_area_record(client, people, organizations):
    # A department re-maps its roles in the admin: officers may no longer edit organizations.
    officers = Group.objects.get(name=roles.ROLE_GROUPS[roles.Role.OFFICER])
    officers.permissions.remove(Permission.objects.get(codename="change_organization"))
    client.force_login(people.officer)

    own = client.get(reverse("outreach:organization_edit", args=[organizations[0].pk]))
    other = client.get(reverse("outreach:organization_edit", args=[organizations[1].pk]))

    assert own.status_code == 403
    assert other.status_code == 404


def test_anonymous_visitor_is_sent_to_log_in(client, organizations):
    response = client.get(reverse("outreach:organization_detail", args=[organizations[0].pk]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_changing_the_role_in_the_admin_changes_the_permissions(client, people):
    client.force_login(people.sysadmin)
    officer = people.officer
    url = reverse("admin:outreach_user_change", args=[officer.pk])
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name != "password"}
    data.update(
        role=User.Role.SERGEANT,
        area_command=officer.area_command_id,
        groups=[g.pk for g in officer.groups.all()],  # the form still holds the old role's group
        user_permissions=[],
        date_joined_0=officer.date_joined.strftime("%Y-%m-%d"),
        date_joined_1=officer.date_joined.strftime("%H:%M:%S"),
    )
    data.pop("date_joined", None)
    data.pop("last_login", None)

    response = client.post(url, data)

    officer = User.objects.get(pk=officer.pk)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert list(officer.groups.values_list("name", flat=True)) == ["Sergeant"]
    assert officer.has_perm("programs.review_presentation")


def test_saving_other_fields_does_not_resync_the_role(people):
    officer = people.officer
    officer.role = User.Role.CHIEF
    officer.save(update_fields=["first_name"])

    assert list(officer.groups.values_list("name", flat=True)) == ["Officer"]
