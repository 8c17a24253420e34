"""The one table of default permissions: every entry real, every group synced from it, nothing taken back."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission

from outreach import roles
from outreach.models import User

Role = roles.Role


def _perms_of(group):
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list("content_type__app_label", "codename")
    }


def test_every_permission_in_the_table_exists(db):
    known = {f"{p.content_type.app_label}.{p.codename}" for p in Permission.objects.select_related("content_type")}

    assert sorted(set(roles.DEFAULT_GRANTS) - known) == []


def test_each_role_group_starts_with_exactly_its_rows_of_the_table(db):
    for role, perms in roles.grants_by_role().items():
        if role == Role.ADMIN:
            continue
        group = Group.objects.get(name=roles.ROLE_GROUPS[role])

        assert _perms_of(group) == set(perms), role


def test_the_system_administrator_holds_every_permission_of_the_project(db):
    admin = Group.objects.get(name=roles.ROLE_GROUPS[Role.ADMIN])

    assert set(roles.DEFAULT_GRANTS) - set(roles.ADMIN_WITHHELD) <= _perms_of(admin)
    assert "outreach.delete_organization" in _perms_of(admin)


def test_only_the_chief_and_the_designee_approve_a_survey_not_the_system_administrator(db):
    holders = Group.objects.filter(permissions__codename="approve_survey").values_list("name", flat=True)

    assert set(holders) == {roles.ROLE_GROUPS[Role.CHIEF], roles.ROLE_GROUPS[Role.DESIGNEE]}


def test_who_may_review_a_presentation_report_is_answered_by_the_table():
    assert roles.DEFAULT_GRANTS["programs.review_presentation"] == (
        Role.SERGEANT,
        Role.LIEUTENANT,
        Role.COMMANDER,
        Role.ADMIN,
    )


def test_officers_do_not_pick_up_citizens_requests():
    for perm in ("programs.handle_presentationrequest", "outreach.handle_watchgroup_request"):
        assert Role.OFFICER not in roles.DEFAULT_GRANTS[perm]


def test_syncing_again_keeps_what_a_department_granted_and_adds_what_it_removed(db):
    officers = Group.objects.get(name=roles.ROLE_GROUPS[Role.OFFICER])
    extra = Permission.objects.get(content_type__app_label="outreach", codename="delete_referral")
    officers.permissions.add(extra)
    officers.permissions.remove(Permission.objects.get(codename="add_referral"))

    roles.sync_default_grants(apps)

    assert {"outreach.delete_referral", "outreach.add_referral"} <= _perms_of(officers)


def test_the_user_model_uses_the_one_role_definition():
    assert User.Role is Role
    assert set(roles.ROLE_GROUPS) == set(Role)
