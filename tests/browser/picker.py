"""Choosing a customer as its user does: typing into the search-as-you-type picker and clicking the match."""
from playwright.sync_api import expect


def pick_customer(page, form, name, typed=None):
    """In `form` (a selector), type `typed` (the whole name unless given) and choose the one match for `name`."""
    page.locator(f"{form} .picker-input").first.press_sequentially(typed or name)
    match = page.locator(f"{form} .picker-list li[role=option]", has_text=name)
    expect(match).to_have_count(1)
    match.click()
