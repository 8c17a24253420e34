"""Monthly area-command and annual citizen-concerns reports, compiled by Celery (built next)."""
