"""The events service's use cases: load, decide in the domain, save, collect the events."""
