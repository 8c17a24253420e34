"""Citizen surveys: builder, the chief's approval, public pages and results (built next)."""
