"""Use cases of the customers service: load, decide with the domain, save, publish, commit."""
