"""The reception service's domain: receptions, deals, service tickets and return visits. Pure."""
