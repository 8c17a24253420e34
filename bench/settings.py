"""The production settings, plus the minimal view the survey benchmark measures against (bench/urls.py)."""

from outreach.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
