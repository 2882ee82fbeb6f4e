"""Use cases of the visits service: load, decide with the domain, save, collect the events (the use-case layer commits)."""
