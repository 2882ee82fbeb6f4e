"""The visits service's rules: pure functions over plain records, raising kam errors."""
