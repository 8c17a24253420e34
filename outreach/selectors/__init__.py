"""Reads that gather several models for a page or feed: the calendar, the dashboard."""
