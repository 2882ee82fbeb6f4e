"""The events service's rules: plain functions and workflows, reached by unit tests without a broker."""
