"""How fast a built graph.html becomes interactive in headless Chromium (Playwright + Debian's chromium).

    python benchmarks/page.py GRAPH.html [GRAPH.html ...] [--repeat N] [--screenshot PNG]

For a 2,000+ article graph, build one first, e.g. from the 3,444 articles of ../shared:

    kgbuild run ../shared/data/news/*.jsonl ../shared/eval/polnear/*.jsonl --out /tmp/big
    python benchmarks/page.py out/graph.html /tmp/big/graph.html

For each page, the best and worst of N cold loads (a new page each time) of:
  ready     navigation start -> the page has drawn its first view and says so (body[data-ready]);
  filter    choosing the busiest outlet in the Outlet filter -> the graph redrawn;
  search    typing a word into the search box -> the graph redrawn;
  click     clicking the busiest claim -> its details panel filled.
Also the page size, the nodes and edges in its data, and those on screen in the first view.
"""

from __future__ import annotations

import argparse
import shutil
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def measure(browser, html: Path, screenshot: Path | None = None) -> dict:
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    errors, requests = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: requests.append(r.url))
    page.goto(html.as_uri(), wait_until="commit", timeout=120_000)
    page.wait_for_selector("body[data-ready=true]", timeout=120_000)
    ready = page.evaluate("() => performance.now()") / 1000
    if screenshot:
        page.screenshot(path=str(screenshot))
    sizes = page.evaluate(
        """() => ({ nodes: Object.keys(kgbuild.DETAILS.nodes).length, edges: kgbuild.DETAILS.edges.length,
                    shownNodes: kgbuild.nodes.length, shownEdges: kgbuild.edges.length })"""
    )
    busiest = page.evaluate(
        """() => Object.entries(kgbuild.DETAILS.nodes).filter(([, n]) => n.kind === "outlet")
                  .sort((a, b) => b[1].weight - a[1].weight)[0][0]"""
    )

    def redraw(action) -> float:
        start = time.perf_counter()
        action()
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        return time.perf_counter() - start

    filtering = redraw(lambda: page.select_option("#outlet", value=busiest))
    page.select_option("#outlet", value="")
    searching = redraw(lambda: page.fill("#search", "said"))
    page.fill("#search", "")
    claim = page.evaluate("() => kgbuild.nodes.get().find(n => kgbuild.DETAILS.nodes[n.id].kind === 'claim').id")
    clicking = redraw(
        lambda: page.evaluate("(key) => { kgbuild.network.body.emitter.emit('click', {nodes: [key], edges: []}); }", claim)
    )
    page.close()
    if errors or requests != [html.as_uri()]:
        raise SystemExit(f"{html}: errors {errors[:3]}, requests {requests[:3]}")
    return {"ready": ready, "filter": filtering, "search": searching, "click": clicking, **sizes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--screenshot", type=Path, default=None, help="a screenshot of the last page's first view")
    args = parser.parse_args()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for html in args.pages:
            html = html.resolve()
            runs = [measure(browser, html, args.screenshot if html == args.pages[-1].resolve() else None)
                    for _ in range(args.repeat)]
            first = runs[0]
            print(
                f"{html}: {html.stat().st_size / 1e6:.1f} MB; {first['nodes']:,} nodes and {first['edges']:,} edges "
                f"in the data, {first['shownNodes']} nodes and {first['shownEdges']} edges in the first view"
            )
            for key in ("ready", "filter", "search", "click"):
                times = sorted(r[key] for r in runs)
                print(f"  {key:<7} best {times[0]:.2f} s, worst {times[-1]:.2f} s")
        browser.close()


if __name__ == "__main__":
    main()
