"""Plumbing with no domain words: lists and CSV, public forms, validators, references, mail, health, charts."""
