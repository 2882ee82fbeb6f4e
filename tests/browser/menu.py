"""Going to an area of the console as its user does: through the menu, opening the folded menu first on
an iPad or a phone."""


def open_area(page, area):
    link = page.locator(f"[data-nav={area}]")
    if not link.is_visible():
        page.click(".menu-toggle")
    link.click()
