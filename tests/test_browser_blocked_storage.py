"""Site data blocked in the browser (issue 24 section 3): naming localStorage or sessionStorage throws.

Chromium does this when a visitor blocks cookies and site data; the test makes the same two properties
throw the same SecurityError before any script of the page runs.
"""
from __future__ import annotations

import pytest

from tests.test_browser_dpo import wait_ready
from tests.test_browser_visitor import search
from wizards.present.texts import t

pytestmark = pytest.mark.browser

BLOCKED = """for (const name of ["localStorage", "sessionStorage"]) {
    Object.defineProperty(window, name, { configurable: true,
        get() { throw new DOMException("Access is denied for this document.", "SecurityError"); } });
}"""


@pytest.fixture
def blocked(browser):
    context = browser.new_context(service_workers="block", viewport={"width": 1280, "height": 900})
    context.add_init_script(BLOCKED)
    yield context
    context.close()


def page_with_errors(context):
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return page, errors


def test_pages_and_search_work_with_site_data_blocked(hub, blocked):
    page, errors = page_with_errors(blocked)
    page.goto(hub.url + "en/guide/")
    page.wait_for_timeout(500)
    links, _ = search(page, "camera")
    assert links
    assert errors == []


def test_a_wizard_works_and_the_profile_says_nothing_is_kept_with_site_data_blocked(hub, blocked):
    page, errors = page_with_errors(blocked)
    page.goto(hub.url + "wizards/dpo/")
    wait_ready(page)
    page.check("form.wz-step input[value=yes]")
    page.click("form.wz-step .wz-next")
    page.wait_for_selector(".wz-result[data-verdict=required]")
    page.goto(hub.url + "wizards/")
    page.check("form.wz-profile input[name=public_body][value=no]")
    page.click("form.wz-profile button[type=submit]")
    page.wait_for_function("t => document.querySelector('form.wz-profile .wz-status').textContent === t",
                           arg=t("nl", "notice.storage_off"))
    assert errors == []
