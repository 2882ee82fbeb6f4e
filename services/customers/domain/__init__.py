"""The customers domain: pure rules, no database and no nameko."""
