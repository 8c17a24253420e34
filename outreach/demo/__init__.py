"""The demo department's records by topic, for ``manage.py seed_demo`` (which owns the people and places)."""
