"""Writes on the community side that touch several records, send mail or enqueue work: one module per topic."""
