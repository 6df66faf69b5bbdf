"""The wizard pages under odd conditions: no JavaScript, anchors and foreign keys in the fragment, broken
storage, numbers Python cannot read, tampered stored records, a slow or failed start (issue 15, issue 11.12)."""
import json
import re

import pytest

from wizards.present.texts import t

pytestmark = pytest.mark.browser


def wait_ready(page):
    page.wait_for_selector(".wz[data-state=ready], .wz[data-state=failed]", timeout=60000)
    assert page.get_attribute(".wz", "data-state") == "ready"


def watch_errors(page):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Failed requests (the sitemap 404s of issue 11.6) are checked by the site-wide tests, not here.
    page.on("console", lambda msg: errors.append(msg.text)
            if msg.type == "error" and not msg.text.startswith("Failed to load resource") else None)
    return errors


def set_storage(page, hub, items):
    """Writes raw strings into the site's local storage (from any page of the same origin)."""
    page.goto(hub.url + "404.html")
    page.evaluate("items => { localStorage.clear(); for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); }", items)


@pytest.mark.parametrize("how", ["javascript off", "wizard.js missing"])
def test_no_answer_reaches_the_server_without_the_page_script(hub, browser, how):
    context = browser.new_context(java_script_enabled=how != "javascript off", service_workers="block")
    try:
        if how == "wizard.js missing":
            context.route("**/wizard.js", lambda route: route.abort())
        page = context.new_page()
        sent = []
        page.on("request", lambda request: sent.append(request.url))
        page.goto(hub.url + "wizards/dpo/")
        if how == "wizard.js missing":
            # The page head sees the script fail and shows the outline instead of a form that cannot answer.
            page.wait_for_selector(".wz[data-state=failed]", timeout=20000)
            assert not page.is_visible("form.wz-step .wz-next")
        else:
            page.check("form.wz-step input[value=no]")
            page.click("form.wz-step .wz-next")
        page.goto(hub.url + "wizards/")
        page.check("form.wz-profile input[name=public_body][value=no]")
        page.fill("form.wz-profile input[name=employees]", "3")
        page.click("form.wz-profile button[type=submit]")
        page.wait_for_timeout(500)
        assert page.url == hub.url + "wizards/"
        assert not [url for url in sent if "?" in url or "public_body" in url or "employees" in url]
    finally:
        context.close()


STORE_EVERYTHING = """async () => {
    localStorage.setItem("gdpr-hub.profile", '{"employees": "3"}');
    localStorage.setItem("gdpr-hub.results", '{"dpo": {"md": "x"}}');
    localStorage.setItem("gdpr-hub.record", '{"activities": [{"activity": "Klantenkaart"}]}');
    localStorage.setItem("/.__palette", "{}");          // Material keeps its settings under the site's path
    localStorage.setItem("another-app", "keep");        // not ours: another site on the same origin
    sessionStorage.setItem("/.__search", "camera");
    sessionStorage.setItem("gdpr-hub.anything", "x");
    const cache = await caches.open("gdpr-hub-test");
    await cache.put("/wizards/dpo/?public_body=no", new Response("answers in the address"));
    await cache.put("/wizards/dpo/", new Response("a page"));
    await (await caches.open("another-app")).put("/other/", new Response("not ours"));
}"""

LEFT = """async () => ({
    local: Object.keys(localStorage).sort(), session: Object.keys(sessionStorage).sort(),
    caches: (await caches.keys()).sort(),
    workers: (await navigator.serviceWorker.getRegistrations()).length,
})"""


def test_delete_everything_clears_every_store_the_site_writes(hub, context_with_offline_cache):
    """Also the offline cache (it shows which wizards were visited), Python's runtime and snapshot, and
    the service worker; asked first, since the record of processing activities goes too."""
    page = context_with_offline_cache.new_page()
    page.goto(hub.url + "wizards/dpo/")
    wait_ready(page)
    page.wait_for_function("async () => (await navigator.serviceWorker.getRegistrations()).length === 1")
    page.goto(hub.url + "wizards/")
    page.evaluate(STORE_EVERYTHING)
    assert any(name.startswith("gdpr-hub-wizards-") for name in page.evaluate(LEFT)["caches"])
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    page.click("form.wz-profile button[data-action=clear]")
    page.wait_for_function("t => document.querySelector('form.wz-profile .wz-status').textContent === t",
                           arg=t("nl", "profile.cleared"))
    assert asked == [t("nl", "profile.clear_confirm")]
    assert page.evaluate(LEFT) == {"local": ["another-app"], "session": [], "caches": ["another-app"], "workers": 0}


def test_delete_everything_dismissed_keeps_everything(hub, context):
    page = context.new_page()
    page.goto(hub.url + "wizards/")
    page.evaluate(STORE_EVERYTHING)
    before = page.evaluate(LEFT)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("form.wz-profile button[data-action=clear]")
    page.wait_for_timeout(500)
    assert page.evaluate(LEFT) == before
    assert "Klantenkaart" in page.evaluate("localStorage.getItem('gdpr-hub.record')")


def test_anchor_links_leave_the_answers_alone(hub, context):
    page = context.new_page()
    errors = watch_errors(page)
    page.goto(hub.url + "wizards/dpo/#public_body=no&monitoring_core=no")
    wait_ready(page)
    page.wait_for_selector("form.wz-step[data-question=sensitive_core]")
    page.evaluate("location.hash = '#bronnen'")  # what the table of contents does
    page.wait_for_timeout(300)
    assert page.locator("form.wz-step[data-question=sensitive_core]").count() == 1
    assert page.locator(".wz-answers li").count() == 2
    assert page.inner_text("form.wz-step .wz-error") == ""
    # A page opened at an anchor (a permalink to the sources) starts at question 1 without an error.
    page.goto(hub.url + "en/wizards/dpo/#sources")
    wait_ready(page)
    page.wait_for_timeout(300)
    assert page.locator("form.wz-step[data-question=public_body]").count() == 1
    assert page.inner_text("form.wz-step .wz-error") == "" and page.url.endswith("#sources")
    assert errors == []


def test_unknown_keys_are_dropped_with_a_note_and_starting_over_is_always_possible(hub, context):
    page = context.new_page()
    page.goto(hub.url + "wizards/dpo/#utm_source=newsletter&public_body=no")
    wait_ready(page)
    page.wait_for_selector("form.wz-step[data-question=monitoring_core]")
    assert "utm_source" in page.inner_text(".wz-notice") and page.is_visible(".wz-notice")
    assert "utm_source" not in page.url and "public_body=no" in page.url
    assert page.locator(".wz button[data-action=restart]:visible").count() == 1
    # A bad answer in a link for a later question is dropped with its reason and asked again, not a lock.
    page = context.new_page()
    page.goto(hub.url + "wizards/dpo/#public_body=no&monitoring_core=perhaps")
    wait_ready(page)
    page.wait_for_selector("form.wz-step[data-question=monitoring_core] .wz-error:not(:empty)")
    assert "perhaps" in page.inner_text("form.wz-step .wz-error") and "perhaps" not in page.url
    page.check("form.wz-step input[value=yes]")
    page.click("form.wz-step .wz-next")
    page.wait_for_selector("form.wz-step[data-question=monitoring_large_scale]")
    page.click(".wz button[data-action=restart]:visible")
    page.wait_for_selector("form.wz-step[data-question=public_body]")
    assert page.locator(".wz-answers li").count() == 0 and "#" not in page.url
    assert page.locator(".wz button[data-action=restart]:visible").count() == 0  # nothing left to undo


@pytest.mark.parametrize("stored", ["null", "{broken", '["a"]', '{"public_body": {"a": 1}, "employees": [5], "activities": null}'])
def test_broken_storage_stops_neither_the_wizard_nor_the_profile_page(hub, context, stored):
    page = context.new_page()
    errors = watch_errors(page)
    set_storage(page, hub, {"gdpr-hub.profile": stored, "gdpr-hub.results": stored})
    page.goto(hub.url + "wizards/dpo/")
    wait_ready(page)
    page.check("form.wz-step input[value=yes]")
    page.click("form.wz-step .wz-next")
    page.wait_for_selector(".wz-result[data-verdict=required]")
    assert "dpo" in json.loads(page.evaluate("localStorage.getItem('gdpr-hub.results')"))
    page.goto(hub.url + "wizards/")
    page.check("form.wz-profile input[name=public_body][value=no]")
    page.click("form.wz-profile button[type=submit]")
    page.wait_for_function("t => document.querySelector('form.wz-profile .wz-status').textContent === t",
                           arg=t("nl", "profile.saved"))
    assert json.loads(page.evaluate("localStorage.getItem('gdpr-hub.profile')"))["public_body"] == "no"
    with page.expect_download() as info:
        page.click("form.wz-profile button[data-action=download-all]")
    assert t("nl", "dpo.title") in open(info.value.path(), encoding="utf-8").read()
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("form.wz-profile button[data-action=clear]")
    page.wait_for_function("() => localStorage.getItem('gdpr-hub.profile') === null")
    assert errors == []


@pytest.mark.parametrize("number", ["%C2%B2", "%E2%91%A0", "9" * 5000])
def test_a_number_python_cannot_read_is_refused_like_any_bad_answer(hub, context, number):
    page = context.new_page()
    errors = watch_errors(page)
    page.goto(hub.url + f"wizards/register/#employees={number}")
    wait_ready(page)
    page.wait_for_selector("form.wz-step[data-question=employees] .wz-error:not(:empty)")
    assert page.inner_text(".wz-error").startswith(t("nl", "ui.refused"))
    page.fill("form.wz-step input[type=number]", "3")
    page.click("form.wz-step .wz-next")
    page.wait_for_selector("form.wz-step[data-question=has_staff]")
    assert page.get_attribute(".wz", "data-state") == "ready" and errors == []


TAMPERED = {
    "title": "<script>alert(1)</script>", "date": "2026-12-02", "version": "1", "verdict_label": "**Ja**",
    "conclusion": "# Fake heading", "summary": "[click](javascript:alert(1))\n# Injected\n<img src=x onerror=alert(1)>",
    "answers": [{"text": "<b>Question</b>", "answer_label": "- list"}], "depends_on": ["## Also fake"],
    "reasons": [{"title": "1. x", "explanation": "<a href='javascript:alert(1)'>x</a>"}], "not_examined": False,
    "actions": [{"text": "`code` | pipe"}], "sources": [{"label": "Art. 30", "url": "javascript:alert(1)"},
                                                         {"label": "GDPR", "url": "https://eur-lex.europa.eu/eli/reg/2016/679/oj"}],
}
OWN_HEADING = re.compile(r"^(# |## |### )")


def test_the_combined_record_escapes_stored_text_and_can_be_signed(hub, context):
    page = context.new_page()
    set_storage(page, hub, {
        "gdpr-hub.profile": json.dumps({"org_name": "Apotheek <b>De Linde</b>\n# Title", "decided_by": "An Peeters, zaakvoerder",
                                        "employees": "<img src=x>", "public_body": "no", "activities": "cameras,<evil>"}),
        "gdpr-hub.results": json.dumps({"dpo": {"record": TAMPERED, "md": "# Fake\n<img src=x onerror=alert(1)>"},
                                        "old": {"md": "# Old record\n[x](javascript:alert(1))"}}),
    })
    page.goto(hub.url + "wizards/")
    with page.expect_download() as info:
        page.click("form.wz-profile button[data-action=download-all]")
    record = open(info.value.path(), encoding="utf-8").read()
    # No raw HTML, no link to javascript:, no heading that this page did not write itself.
    assert not re.search(r"(?<!\\)<(?!https://)", record), record
    assert not re.search(r"(?<!\\)\]\(javascript:", record) and "<javascript:" not in record
    headings = [line for line in record.splitlines() if line.startswith("#")]
    assert headings == ["# " + t("nl", "ui.record_title"), "## " + t("nl", "profile.title"),
                        "## " + t("nl", "ui.record_title") + ": \\<script\\>alert(1)\\</script\\>",
                        "### " + t("nl", "ui.your_answers"), "### " + t("nl", "ui.open_points"), "### " + t("nl", "ui.grounds"),
                        "### " + t("nl", "ui.actions"), "### " + t("nl", "ui.sources"), "## " + t("nl", "record.decision")]
    assert "<https://eur-lex.europa.eu/eli/reg/2016/679/oj>" in record  # a real source keeps its link
    # The text is still there to read; the organisation and the person who decided are named.
    assert "Apotheek \\<b\\>De Linde\\</b\\> \\# Title" in record and "An Peeters, zaakvoerder" in record
    assert "employees" not in record and "img" not in record.split("## " + t("nl", "ui.record_title"))[0]
    for key in ("decision_date", "signature"):
        assert t("nl", f"record.{key}") in record


def test_the_combined_record_without_a_profile_says_what_to_fill_in(hub, context):
    page = context.new_page()
    set_storage(page, hub, {})
    page.goto(hub.url + "fr/wizards/")
    with page.expect_download() as info:
        page.click("form.wz-profile button[data-action=download-all]")
    record = open(info.value.path(), encoding="utf-8").read()
    organisation = record.split("## " + t("fr", "profile.title"), 1)[1].split("\n## ", 1)[0]
    assert t("fr", "record.org_name") in organisation and t("fr", "record.no_profile") in organisation
    assert t("fr", "record.no_results") in record
    for key in ("decided_by", "decision_date", "signature", "drawn_up"):
        assert t("fr", f"record.{key}") in record.split("## " + t("fr", "record.decision"), 1)[1]


def test_a_link_followed_while_loading_is_used_once_ready(hub, context):
    held = []
    context.route("**/assets/hub/worker.js", lambda route: held.append(route))
    page = context.new_page()
    page.goto(hub.url + "wizards/dpo/", wait_until="domcontentloaded")
    assert page.get_attribute(".wz", "data-state") == "loading"
    page.evaluate("location.hash = '#public_body=no&monitoring_core=no'")  # e.g. a catalogue link
    page.wait_for_timeout(200)
    for route in held:
        route.continue_()
    context.unroute("**/assets/hub/worker.js")
    wait_ready(page)
    page.wait_for_selector("form.wz-step[data-question=sensitive_core]")
    assert "monitoring_core=no" in page.url


def test_start_again_leaves_empty_profile_values_out(hub, context):
    page = context.new_page()
    set_storage(page, hub, {"gdpr-hub.profile": json.dumps({"employees": "", "public_body": "no"})})
    page.goto(hub.url + "wizards/register/")
    wait_ready(page)
    page.fill("form.wz-step[data-question=employees] input", "3")
    page.click("form.wz-step .wz-next")
    page.check("form.wz-step[data-question=has_staff] input[value=yes]")
    page.click("form.wz-step .wz-next")
    page.wait_for_selector(".wz-result")
    page.click(".wz button[data-action=restart]:visible")
    page.wait_for_selector("form.wz-step[data-question=employees]")
    page.wait_for_timeout(300)
    assert page.inner_text("form.wz-step .wz-error") == ""


def test_an_answer_after_a_failed_start_keeps_the_failure_message(hub, context):
    context.add_init_script("window.Worker = undefined;")  # as in a browser without Web Workers
    page = context.new_page()
    page.goto(hub.url + "wizards/dpo/")
    page.wait_for_selector(".wz[data-state=failed]", timeout=30000)
    # Issue 23 #17: the form's "Volgende" led nowhere after a failed start; the flowchart replaces it.
    assert not page.is_visible("form.wz-step .wz-next")
    assert page.inner_text(".wz-status") == t("nl", "ui.failed")
    assert page.is_visible("details.wz-flow[open]")
