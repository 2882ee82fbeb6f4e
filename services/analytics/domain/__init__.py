"""How events turn into the department's figures: pure projections, periods and ratios."""
