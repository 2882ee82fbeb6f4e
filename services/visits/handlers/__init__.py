"""Use cases of the visits service: load, decide with the domain, save, record events, commit."""
