"""Use cases of the reception service: load, decide with the domain, save, record events, commit."""
