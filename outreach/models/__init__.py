"""The community side's models, one module per topic; every model is importable from here."""

from .audit import AuditEvent, AuditReview
from .calendar import CalendarFeed
from .concerns import Concern, ConcernEvent, CrimeType
from .department import AreaCommand, Department, Sector, default_time_zone, validate_logo_size
from .organizations import ImmigrationOutreach, Organization
from .outbox import OutgoingMail
from .partnerships import Partnership, PartnershipLogEntry
from .people import User
from .plans import ActionPlan, ImplementationEntry, PlanEvent, PlannedAction, PlanReminder
from .projects import Project, ProjectNote
from .referrals import Referral
from .retention import LegalHold, PurgeLog
from .watch import BlockCaptain, WatchGroup, WatchMeeting

__all__ = [
    "ActionPlan",
    "AreaCommand",
    "AuditEvent",
    "AuditReview",
    "BlockCaptain",
    "CalendarFeed",
    "Concern",
    "ConcernEvent",
    "CrimeType",
    "Department",
    "ImmigrationOutreach",
    "ImplementationEntry",
    "LegalHold",
    "Organization",
    "OutgoingMail",
    "Partnership",
    "PartnershipLogEntry",
    "PlanEvent",
    "PlanReminder",
    "PlannedAction",
    "Project",
    "ProjectNote",
    "PurgeLog",
    "Referral",
    "Sector",
    "User",
    "WatchGroup",
    "WatchMeeting",
    "default_time_zone",
    "validate_logo_size",
]
