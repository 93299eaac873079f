from __future__ import annotations

import json
from pathlib import Path

import pytest

from kgbuild.ingest import ingest, split_front_matter
from tests.builders import SEEDS, SHARED, write

GOOD = "Officials said the bridge would reopen on Monday.\n"


def codes(skipped):
    return sorted(s.code for s in skipped)


def test_seeds_are_read_byte_for_byte_with_their_manifest():
    articles, skipped = ingest([SEEDS])
    assert skipped == []
    assert [a.id for a in articles] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    for article in articles:
        assert article.text == (SEEDS / f"{article.id}.txt").read_bytes().decode("utf-8")
        assert article.outlet is None  # outlets are not known: none is invented
    titles = {a.id: a.title for a in articles}
    assert titles["003_3cb7803623048eff"] == "Ukraine vs. Russia: Did Kyiv Target Putin?"


@pytest.mark.parametrize(
    "name, data, code",
    [
        ("empty.txt", b"", "E001"),
        ("blank.txt", b"  \n\t\n", "E001"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E002"),
        ("latin1.txt", "Le ministre a déclaré que ça ira.".encode("latin-1"), "E003"),
        ("bad-front.md", b"---\noutlet: [unclosed\n---\nBody text here.\n", "E005"),
        ("open-front.md", b"---\noutlet: X\nBody text with no closing fence.\n", "E005"),
        ("list-front.md", b"---\n- a\n- b\n---\nBody.\n", "E005"),
        ("image.png", b"\x89PNG", "E011"),
    ],
)
def test_bad_file_is_skipped_with_its_reason_and_the_good_one_is_kept(tmp_path, name, data, code):
    write(tmp_path / "good.txt", GOOD)
    write(tmp_path / name, data)
    articles, skipped = ingest([tmp_path])
    assert [a.id for a in articles] == ["good"]
    assert codes(skipped) == [code]
    assert skipped[0].source.endswith(name) and skipped[0].reason


def test_huge_file_is_skipped(tmp_path):
    write(tmp_path / "good.txt", GOOD)
    write(tmp_path / "huge.txt", "word " * 1000)
    articles, skipped = ingest([tmp_path], max_bytes=1000)
    assert [a.id for a in articles] == ["good"] and codes(skipped) == ["E004"]


def test_front_matter_gives_metadata_and_the_body_keeps_its_offsets(tmp_path):
    body = "Headline\n\nThe minister said it.\n"
    write(tmp_path / "a.md", f"---\noutlet: Daily Example\ndate: 2025-05-21\ntitle: Headline\n---\n{body}")
    (article,), skipped = ingest([tmp_path])
    assert skipped == []
    assert (article.outlet, article.date, article.title, article.text) == ("Daily Example", "2025-05-21", "Headline", body)


def test_jsonl_bad_lines_are_reported_and_good_lines_kept(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": GOOD, "outlet": "Wire", "extra": [1, 2]}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "b"}),
        json.dumps({"id": "c", "text": "   "}),
        json.dumps({"id": "a", "text": "Another text with the same id."}),
        json.dumps({"id": "d", "text": GOOD}),
        "",
        json.dumps({"id": "e", "text": "A fine second article.", "date": "2024-01-02"}),
    ]
    write(tmp_path / "articles.jsonl", "\n".join(lines) + "\n")
    articles, skipped = ingest([tmp_path / "articles.jsonl"])
    assert [(a.id, a.outlet) for a in articles] == [("a", "Wire"), ("e", None)]
    assert codes(skipped) == ["E006", "E006", "E007", "E007", "E008", "E008"]
    assert {s.source.rsplit(":", 1)[1] for s in skipped} == {"2", "3", "4", "5", "6", "7"}


def test_manifest_metadata_applies_and_a_bad_manifest_line_is_reported(tmp_path):
    write(tmp_path / "a.txt", GOOD)
    manifest = [json.dumps({"id": "a", "outlet": "Example Times", "url": "https://example.org/a"}), "oops"]
    write(tmp_path / "manifest.jsonl", "\n".join(manifest))
    (article,), skipped = ingest([tmp_path])
    assert (article.outlet, article.url) == ("Example Times", "https://example.org/a")
    assert codes(skipped) == ["E009"]


def test_duplicate_text_under_another_name_is_skipped(tmp_path):
    write(tmp_path / "a.txt", GOOD)
    write(tmp_path / "b.txt", GOOD)
    articles, skipped = ingest([tmp_path])
    assert [a.id for a in articles] == ["a"] and codes(skipped) == ["E006"]


def test_byte_order_mark_is_dropped(tmp_path):
    write(tmp_path / "bom.txt", "\ufeff" + GOOD)
    (article,), _ = ingest([tmp_path])
    assert article.text == GOOD


def test_front_matter_only_when_it_opens_the_file():
    assert split_front_matter("Text --- not front matter") == ({}, "Text --- not front matter")


@pytest.mark.skipif(not (SHARED / "eval/polnear/dev.jsonl").exists(), reason="needs ../shared/eval")
def test_polnear_dev_runs_as_it_is():
    articles, skipped = ingest([SHARED / "eval/polnear/dev.jsonl"])
    assert len(articles) == 84 and skipped == []
    assert all(a.outlet for a in articles)


def test_links_are_followed_and_loops_dangling_links_and_pipes_are_reported(tmp_path):
    import os

    write(tmp_path / "outside" / "linked.txt", GOOD)
    folder = tmp_path / "in"
    write(folder / "sub" / "good.txt", "A second article said so.\n")
    os.symlink(tmp_path / "outside" / "linked.txt", folder / "linked.txt")
    os.symlink(tmp_path / "outside", folder / "outside-folder")
    os.symlink(folder, folder / "sub" / "back-to-top")
    os.symlink(folder / "gone.txt", folder / "dangling.txt")
    os.symlink("loop.txt", folder / "loop.txt")
    os.mkfifo(folder / "pipe.txt")
    articles, problems = ingest([folder])
    assert [a.id for a in articles] == ["linked", "good"]  # outside-folder/linked.txt: the same file again
    reasons = {p.source.removeprefix(f"{folder}/"): (p.code, p.reason.split(";")[0]) for p in problems}
    assert reasons == {
        "dangling.txt": ("E016", "a dangling symbolic link"),
        "loop.txt": ("E016", "a symbolic link loop"),
        "pipe.txt": ("E016", "a named pipe"),
        "sub/back-to-top": ("E016", "a link to a folder already read"),
        "outside-folder/linked.txt": ("E006", f"id 'linked' already read from {folder}/linked.txt"),
    }


def test_an_empty_folder_is_reported(tmp_path):
    (tmp_path / "empty").mkdir()
    articles, problems = ingest([tmp_path / "empty"])
    assert articles == [] and codes(problems) == ["E017"]


def test_a_yaml_date_is_read_as_written_so_a_bad_one_costs_only_the_date(tmp_path):
    write(tmp_path / "a.md", f"---\noutlet: Wire\ndate: 2025-02-30\n---\n{GOOD}")
    write(tmp_path / "b.md", "---\ndate: 2025-05-21 10:30:00\n---\nAnother article said it.\n")
    (a, b), problems = ingest([tmp_path])
    assert (a.outlet, a.date, b.date) == ("Wire", None, "2025-05-21")
    assert codes(problems) == ["E013"] and problems[0].reason.startswith("date: '2025-02-30' is no day")


def test_a_manifest_overrides_a_page_but_not_front_matter(tmp_path):
    write(tmp_path / "page.html", "<html><head><meta property='og:site_name' content='Page Site'></head><body><article>"
          "<p>The mayor said the bridge would reopen on Monday after repairs that lasted three weeks.</p></article></body></html>")
    write(tmp_path / "text.md", f"---\noutlet: Front Matter\n---\n{GOOD}")
    write(tmp_path / "manifest.jsonl", '{"id": "page", "outlet": "Manifest"}\n{"id": "text", "outlet": "Manifest"}\n')
    articles, problems = ingest([tmp_path])
    assert problems == [] and {a.id: a.outlet for a in articles} == {"page": "Manifest", "text": "Front Matter"}


def test_a_huge_file_or_line_is_reported_by_its_size_without_being_loaded(tmp_path):
    with open(tmp_path / "sparse.txt", "wb") as handle:
        handle.truncate(10**10)  # 10 GB of nothing, on no disk
    write(tmp_path / "lines.jsonl", json.dumps({"id": "a", "text": GOOD}) + "\n" + "x" * 5000 + "\n"
          + json.dumps({"id": "b", "text": "Another one said."}) + "\n" + "y" * 2500)
    articles, skipped = ingest([tmp_path], max_bytes=1000)
    assert [a.id for a in articles] == ["a", "b"]
    assert [(s.source.rsplit("/", 1)[1], s.code, s.reason.split(";")[0]) for s in skipped] == [
        ("lines.jsonl:2", "E004", "5,001 bytes > 1,000"),
        ("lines.jsonl:4", "E004", "2,500 bytes > 1,000"),
        ("sparse.txt", "E004", "10,000,000,000 bytes > 1,000"),
    ]


def test_a_folder_nested_deeper_than_pythons_recursion_limit_is_read(tmp_path, monkeypatch):
    import os
    import sys

    depth = sys.getrecursionlimit() + 100
    monkeypatch.chdir(tmp_path)  # each step relative, so that making it stays cheap
    for _ in range(depth):
        os.mkdir("d")
        os.chdir("d")
    write(Path("deep.txt"), GOOD)
    try:
        articles, problems = ingest([tmp_path / "d"])
        assert [a.id for a in articles] == ["deep"] and problems == []
    finally:  # undone by a loop too: pytest's cleanup (shutil.rmtree) recurses and would fail on it
        os.remove("deep.txt")
        for _ in range(depth):
            os.chdir("..")
            os.rmdir("d")


def test_the_same_text_from_another_outlet_is_a_syndicated_copy_and_lands(tmp_path):
    lines = [json.dumps({"id": i, "text": GOOD, "outlet": outlet}) for i, outlet in
             [("a", "Wire"), ("b", "Daily Example"), ("c", "Wire")]]
    write(tmp_path / "articles.jsonl", "\n".join(lines) + "\n")
    articles, skipped = ingest([tmp_path / "articles.jsonl"])
    assert [(a.id, a.outlet) for a in articles] == [("a", "Wire"), ("b", "Daily Example")]
    assert codes(skipped) == ["E006"]
