"""Staff and public forms of the community side, one module per topic."""
