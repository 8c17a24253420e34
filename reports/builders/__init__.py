"""The figures of each report, gathered by SQL aggregation in a fixed number of queries; templates query nothing."""
