"""The community side's pages, in the ``outreach`` namespace."""

from datetime import date

from django.urls import path, register_converter

from .views import (
    account,
    areas,
    audit,
    calendar,
    concerns,
    dashboard,
    department,
    organizations,
    partnerships,
    plans,
    projects,
    public,
    referrals,
    retention,
    two_factor,
    watch,
)

app_name = "outreach"


class IsoDateConverter:
    """A day written ``YYYY-MM-DD`` (the Monday of an audit week); anything else is not a route (404)."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        return date.fromisoformat(value)  # ValueError for 2026-02-30: no match

    def to_url(self, value):
        return value.isoformat() if isinstance(value, date) else str(value)


register_converter(IsoDateConverter, "isodate")

urlpatterns = [
    path("", public.home, name="home"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("accounts/profile/", account.profile, name="profile"),
    path("accounts/session/", account.session_keepalive, name="session_keepalive"),
    path("accounts/two-factor/", two_factor.two_factor_verify, name="two_factor_verify"),
    path("accounts/two-factor/setup/", two_factor.two_factor_setup, name="two_factor_setup"),
    path("accounts/two-factor/recovery/", two_factor.two_factor_recovery, name="two_factor_recovery"),
    path("accounts/two-factor/recovery/new/", two_factor.two_factor_recovery_renew, name="two_factor_recovery_renew"),
    path("accounts/lockouts/", account.lockout_list, name="lockout_list"),
    path("audit/", audit.audit_list, name="audit_list"),
    # Retention: legal holds
    path("holds/", retention.hold_list, name="hold_list"),
    path("holds/new/", retention.hold_create, name="hold_create"),
    path("holds/<int:pk>/release/", retention.hold_release, name="hold_release"),
    path("audit/reviews/", audit.audit_review_list, name="audit_review_list"),
    path("audit/reviews/<isodate:week>/", audit.audit_review, name="audit_review"),
    path("accounts/lockouts/release/", account.lockout_release, name="lockout_release"),
    # Area commands
    path("areas/", areas.area_list, name="area_list"),
    path("areas/<slug:code>/", areas.area_detail, name="area_detail"),
    # Department
    path("department/", department.department_settings, name="department_settings"),
    path("department/logo/", department.department_logo, name="department_logo"),
    # Organizations
    path("organizations/", organizations.organization_list, name="organization_list"),
    path("organizations/new/", organizations.organization_create, name="organization_create"),
    path("organizations/<int:pk>/", organizations.organization_detail, name="organization_detail"),
    path("organizations/<int:pk>/edit/", organizations.organization_edit, name="organization_edit"),
    path(
        "organizations/<int:pk>/immigration-outreach/",
        organizations.immigration_outreach_add,
        name="immigration_outreach_add",
    ),
    # Partnerships and referrals
    path("partnerships/", partnerships.partnership_list, name="partnership_list"),
    path("partnerships/new/", partnerships.partnership_create, name="partnership_create"),
    path("partnerships/<int:pk>/", partnerships.partnership_detail, name="partnership_detail"),
    path("partnerships/<int:pk>/edit/", partnerships.partnership_edit, name="partnership_edit"),
    path("partnerships/<int:pk>/log/", partnerships.partnership_log_add, name="partnership_log_add"),
    path("referrals/", referrals.referral_list, name="referral_list"),
    path("referrals/new/", referrals.referral_create, name="referral_create"),
    path("referrals/<int:pk>/", referrals.referral_detail, name="referral_detail"),
    path("referrals/<int:pk>/edit/", referrals.referral_edit, name="referral_edit"),
    path("referrals/<int:pk>/confirm/", referrals.referral_confirm, name="referral_confirm"),
    # Concerns (PACT, SOP 4-7)
    path("concerns/", concerns.concern_list, name="concern_list"),
    path("concerns/new/", concerns.concern_create, name="concern_create"),
    path("concerns/<int:pk>/", concerns.concern_detail, name="concern_detail"),
    path("concerns/<int:pk>/edit/", concerns.concern_edit, name="concern_edit"),
    path("concerns/<int:pk>/assign/", concerns.concern_assign, name="concern_assign"),
    path("concerns/<int:pk>/take/", concerns.concern_take, name="concern_take"),
    path("concerns/<int:pk>/merge/<int:into>/", concerns.concern_merge, name="concern_merge"),
    path("concerns/<int:pk>/no-action/", concerns.concern_no_action, name="concern_no_action"),
    # Action plans (SARA)
    path("plans/", plans.plan_list, name="plan_list"),
    path("plans/new/", plans.plan_create, name="plan_create"),
    path("plans/<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/edit/", plans.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/submit/", plans.plan_submit, name="plan_submit"),
    path("plans/<int:pk>/approve/", plans.plan_approve, name="plan_approve"),
    path("plans/<int:pk>/return/", plans.plan_return, name="plan_return"),
    path("plans/<int:pk>/log/", plans.plan_log_add, name="plan_log_add"),
    path("plans/<int:pk>/actions/<int:action_pk>/done/", plans.plan_action_done, name="plan_action_done"),
    path("plans/<int:pk>/assessment/", plans.plan_assess, name="plan_assess"),
    path("plans/<int:pk>/resolve/", plans.plan_resolve, name="plan_resolve"),
    path("plans/<int:pk>/monitor/", plans.plan_monitor, name="plan_monitor"),
    path("plans/<int:pk>/reopen/", plans.plan_reopen, name="plan_reopen"),
    path("plans/<int:pk>/close/", plans.plan_close, name="plan_close"),
    # POP projects
    path("projects/", projects.project_list, name="project_list"),
    path("projects/new/", projects.project_create, name="project_create"),
    path("projects/<int:pk>/", projects.project_detail, name="project_detail"),
    path("projects/<int:pk>/edit/", projects.project_edit, name="project_edit"),
    path("projects/<int:pk>/notes/", projects.project_note_add, name="project_note_add"),
    # Calendar
    path("calendar/", calendar.calendar_month, name="calendar_month"),
    path("calendar/feed/", calendar.calendar_feed_reset, name="calendar_feed_reset"),
    path("calendar/feed/<uuid:token>.ics", calendar.calendar_feed, name="calendar_feed"),
    path("calendar/public.ics", calendar.public_calendar_feed, name="calendar_public_feed"),
    # Neighborhood watch
    path("watch/", watch.watch_list, name="watch_list"),
    path("watch/new/", watch.watch_create, name="watch_create"),
    path("watch/coverage/", watch.watch_coverage, name="watch_coverage"),
    path("watch/<int:pk>/", watch.watch_detail, name="watch_detail"),
    path("watch/<int:pk>/edit/", watch.watch_edit, name="watch_edit"),
    path("watch/<int:pk>/status/", watch.watch_set_status, name="watch_set_status"),
    path("watch/<int:pk>/captains/", watch.captain_add, name="watch_captain_add"),
    path("watch/<int:pk>/meetings/", watch.meeting_add, name="watch_meeting_add"),
    path("watch/<int:pk>/captains/<int:captain_pk>/remove/", watch.captain_remove, name="watch_captain_remove"),
    path("watch/<int:pk>/meetings/<int:meeting_pk>/remove/", watch.meeting_remove, name="watch_meeting_remove"),
    # Public pages (no login)
    path("request/watch/", public.watch_request, name="watch_request"),
    path("request/watch/<uuid:code>/", public.watch_request_done, name="watch_request_done"),
    path("request/thanks/", public.request_thanks, name="request_thanks"),
    path("request/status/", public.request_status, name="request_status"),
]
