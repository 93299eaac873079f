"""The HTML graph in a real browser: Playwright driving Debian's Chromium."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kgbuild.pipeline import build
from tests.builders import EVIL_TEXT, LAUNDERED_ARTICLES, write

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
REQUIRED = os.environ.get("KGBUILD_REQUIRE_BROWSER") == "1"
if not Path(CHROMIUM).exists():
    if REQUIRED:
        raise RuntimeError("KGBUILD_REQUIRE_BROWSER=1 but Chromium is missing: apt-get install chromium")
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        )
        yield browser
        browser.close()


def open_page(browser, html: Path):
    """Load a page from disk; return it with the console errors and the requests it made."""
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    errors, requests = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(html.as_uri())
    page.wait_for_selector("body[data-ready=true]", timeout=15000)
    return page, errors, requests


def test_seeds_page_loads_offline_with_the_expected_nodes(browser, seeds_out):
    page, errors, requests = open_page(browser, seeds_out / "graph.html")
    assert errors == []
    assert requests == [(seeds_out / "graph.html").as_uri()]
    counts = page.evaluate(
        """() => { const c = {}; Object.values(kgbuild.DETAILS.nodes).forEach(n => c[n.kind] = (c[n.kind] || 0) + 1); return c; }"""
    )
    assert counts["outlet"] == 5 and counts["claim"] >= 10 and counts["actor"] >= 10
    visible = page.evaluate("() => kgbuild.nodes.get({filter: n => !n.hidden}).length")
    assert 0 < visible < sum(counts.values())  # the first view is the shared or contested claims
    assert "Contested" in page.inner_text("#details")  # it opens on the contested claim
    page.screenshot(path=str(seeds_out / "graph.png"))


def test_filters_narrow_the_graph_and_reset_restores_it(browser, seeds_out):
    page, errors, _ = open_page(browser, seeds_out / "graph.html")
    shown = lambda: page.evaluate("() => kgbuild.edges.get({filter: e => !e.hidden}).length")  # noqa: E731
    page.uncheck("#sharedOnly")
    everything = shown()
    page.select_option("#actor", label="Yury Dashkin")
    dashkin = shown()
    assert 0 < dashkin < everything
    page.select_option("#actor", value="")
    for stance in ("asserts", "confirms", "questions"):
        page.uncheck(f"#stances input[value={stance}]")
    rejections = page.evaluate("() => kgbuild.edges.get({filter: e => !e.hidden}).map(e => kgbuild.DETAILS.edges[e.id].stance)")
    assert rejections and set(rejections) <= {"denies", "refutes"}
    page.fill("#search", "no claim says this")
    assert shown() == 0
    page.click("#reset")
    assert shown() == everything and errors == []


def test_an_article_carrying_markup_executes_nothing(browser, tmp_path):
    write(tmp_path / "in" / "evil.txt", EVIL_TEXT)
    build([tmp_path / "in"], out=tmp_path / "out")
    page, errors, requests = open_page(browser, tmp_path / "out" / "graph.html")
    page.uncheck("#sharedOnly")
    for key in page.evaluate("() => Object.keys(kgbuild.DETAILS.nodes)"):
        page.evaluate("(key) => kgbuild.network.selectNodes([key])", key)
        page.evaluate("(key) => kgbuild.network.body.emitter.emit('click', {nodes: [key], edges: []})", key)
        assert page.evaluate("() => window.pwned") is None
        assert page.evaluate("() => document.querySelectorAll('#details script, #details img').length") == 0
    page.evaluate("() => kgbuild.network.body.emitter.emit('click', {nodes: [], edges: [0]})")
    assert page.evaluate("() => window.pwned") is None
    shown = page.evaluate("() => Object.values(kgbuild.DETAILS.nodes).map(n => n.label).join(' ')")
    assert "<script>window.pwned = 1</script>" in shown  # the markup is there, as text
    assert requests == [(tmp_path / "out" / "graph.html").as_uri()] and errors == []


def test_a_busy_graph_shows_the_leading_claims_first(browser, seeds_out):
    page, errors, _ = open_page(browser, seeds_out / "graph.html")
    page.uncheck("#sharedOnly")
    page.evaluate("() => { kgbuild.view.maxClaims = 5; kgbuild.applyFilters(); }")
    claims = page.evaluate("() => kgbuild.nodes.get().filter(n => kgbuild.DETAILS.nodes[n.id].kind === 'claim').map(n => n.id)")
    contested = page.evaluate("() => Object.keys(kgbuild.DETAILS.nodes).filter(k => kgbuild.DETAILS.nodes[k].contested)")
    assert len(claims) == 5 and set(contested) <= set(claims)  # contested claims come first
    total = page.evaluate("() => Object.values(kgbuild.DETAILS.nodes).filter(n => n.kind === 'claim').length")
    assert f"showing the 5 leading claims of {total}" in page.inner_text("#count")
    page.fill("#search", "epicenter")  # a search reaches claims beyond the first five
    labels = page.evaluate("() => kgbuild.nodes.get().map(n => n.title)")
    assert any("epicenter" in label for label in labels)
    assert errors == []


def test_a_claim_shows_its_wordings_under_each_outlet(browser, seeds_out):
    page, errors, _ = open_page(browser, seeds_out / "graph.html")
    key = page.evaluate(
        "() => Object.keys(kgbuild.DETAILS.nodes).find(k => kgbuild.DETAILS.nodes[k].kind === 'claim' && "
        "kgbuild.DETAILS.nodes[k].contested && kgbuild.DETAILS.nodes[k].label.includes('helicopter'))"
    )
    page.evaluate("(key) => kgbuild.network.body.emitter.emit('click', {nodes: [key], edges: []})", key)
    headings = page.locator("#details h3.outlet-heading").all_inner_texts()
    assert len(headings) == len(set(headings)) >= 2  # one heading per outlet carrying it (000 refutes, 003 reports)
    assert page.locator("#details blockquote").count() >= 2 and errors == []


def test_the_laundered_filter_and_how_each_outlet_carries_the_claim(browser, nlp, tmp_path):
    import json

    write(tmp_path / "articles.jsonl", "".join(json.dumps(a) + "\n" for a in LAUNDERED_ARTICLES))
    build([tmp_path / "articles.jsonl"], out=tmp_path / "out", nlp=nlp)
    page, errors, _ = open_page(browser, tmp_path / "out" / "graph.html")
    page.check("#launderedOnly")
    claims = page.evaluate("() => kgbuild.nodes.get({filter: n => kgbuild.DETAILS.nodes[n.id].kind === 'claim'}).map(n => n.id)")
    assert len(claims) == 1
    page.evaluate("(key) => kgbuild.network.body.emitter.emit('click', {nodes: [key], edges: []})", claims[0])
    details = page.inner_text("#details")
    assert "Laundered" in details and "Daily: states it as fact (2025-03-02)" in details
    assert "Herald: states it, hedged" in details and "Wire: attributes it to" in details
    assert "Times: reports that ministry denied it" in details  # not "attributes it to ministry"
    assert "States as fact what Herald hedges (article herald)" in details  # laundering's evidence
    assert "in its own voice (headline)" in details and errors == []


def test_an_entity_shows_the_claims_it_made_and_the_claims_about_it(browser, seeds_out):
    page, errors, _ = open_page(browser, seeds_out / "graph.html")
    page.uncheck("#sharedOnly")
    everything = page.evaluate("() => kgbuild.edges.get().length")
    page.select_option("#entity", label="Vladimir Putin")  # he speaks in no seed, but claims are about him
    headings = page.locator("#details h3.entity-heading").all_inner_texts()
    assert headings[0] == "Claims it made (0)" and headings[1].startswith("Claims about it (")
    assert int(headings[1].split("(")[1].rstrip(")")) >= 5
    assert any("epicent" in q for q in page.locator("#details blockquote").all_inner_texts())
    assert 0 < page.evaluate("() => kgbuild.edges.get().length") < everything  # the graph narrows to them
    page.select_option("#entity", label="Ukraine")  # speaks and is spoken about: one entity, both lists
    made, about = page.locator("#details h3.entity-heading").all_inner_texts()
    assert made != "Claims it made (0)" and about != "Claims about it (0)"
    page.click("#reset")
    assert page.evaluate("() => kgbuild.edges.get().length") == everything and errors == []


def test_a_claim_shows_how_it_spread_and_each_wordings_diff_against_the_earliest(browser, seeds_out):
    page, errors, _ = open_page(browser, seeds_out / "graph.html")
    def show(words: str) -> None:
        key = page.evaluate("(words) => Object.keys(kgbuild.DETAILS.nodes)"
                            ".find(k => kgbuild.DETAILS.nodes[k].label.includes(words))", words)
        page.evaluate("(key) => kgbuild.network.body.emitter.emit('click', {nodes: [key], edges: []})", key)

    show("drone attack targeting Putin")
    steps = page.locator("#details ol.timeline li").all_inner_texts()
    assert len(steps) == 2  # one per outlet, in order (the seeds are undated: by article id)
    assert "refuted: Center for Strategic" in steps[0] and "000_53f1b2db4d6df99e" in steps[0]
    assert "attributed: Russian officials" in steps[1]
    dot = "() => getComputedStyle(document.querySelector('#details ol.timeline li'), '::before').backgroundColor"
    assert page.evaluate(dot) == "rgb(148, 103, 189)"  # the refutation's colour
    show("epicenter of the repelled strike")  # Dashkin's, carried by 001, 003 and 004
    assert len(page.locator("#details ol.timeline li").all_inner_texts()) == 3
    added = page.locator("#details .drift ins").all_inner_texts()
    assert "aircraft" in added  # 003's word against 001's
    assert "which was thwarted by Russia's air defence systems" in added  # 004's
    assert any("helicopter" in words for words in page.locator("#details .drift del").all_inner_texts())
    page.screenshot(path=str(seeds_out / "spread.png"), full_page=True)
    assert errors == []
