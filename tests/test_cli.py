from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kgbuild.cli import main
from tests.builders import ROOT, write

pytestmark = pytest.mark.slow
PLAIN = "The mayor said that the bridge would reopen on Monday.\n"


@pytest.fixture(scope="module")
def mixed_inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    write(folder / "good.txt", PLAIN)
    write(folder / "empty.txt", b"")
    write(folder / "binary.txt", b"\x00\x01\x02")
    return folder


def test_run_skips_bad_inputs_names_them_and_keeps_the_rest(mixed_inputs, tmp_path):
    result = CliRunner().invoke(main, ["run", str(mixed_inputs), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "E001" in result.stderr and "empty.txt" in result.stderr and "E002" in result.stderr
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["counts"]["articles"] == 1 and len(report["skipped"]) == 2
    assert "bridge" in (tmp_path / "graph.ttl").read_text()
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind


def test_strict_exits_1_when_inputs_were_skipped(mixed_inputs, tmp_path):
    result = CliRunner().invoke(main, ["run", str(mixed_inputs), "--out", str(tmp_path), "--strict", "--no-html"])
    assert result.exit_code == 1
    assert (tmp_path / "graph.ttl").exists() and not (tmp_path / "graph.html").exists()


def test_usage_errors_exit_2(tmp_path):
    assert CliRunner().invoke(main, ["run", str(tmp_path / "missing")]).exit_code == 2
    assert CliRunner().invoke(main, ["query", "SELECT * WHERE {}", "--graph", str(tmp_path / "none.ttl")]).exit_code == 2


def test_query_formats_and_validate(seeds_out, tmp_path):
    graph = str(seeds_out / "graph.ttl")
    query = "SELECT ?label WHERE { ?a a kg:Actor ; skos:prefLabel ?label } ORDER BY ?label"
    query = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n" + query
    table = CliRunner().invoke(main, ["query", query, "--graph", graph])
    assert table.exit_code == 0 and "Yury Dashkin" in table.output and "rows)" in table.output
    as_json = json.loads(CliRunner().invoke(main, ["query", query, "--graph", graph, "--format", "json"]).output)
    assert {"label": "Yury Dashkin"} in as_json
    file = write(tmp_path / "q.rq", query)
    as_csv = CliRunner().invoke(main, ["query", str(file), "--graph", graph, "--format", "csv"]).output
    assert as_csv.splitlines()[0] == "label" and "Yury Dashkin" in as_csv
    bad = CliRunner().invoke(main, ["query", "SELEC nonsense", "--graph", graph])
    assert bad.exit_code == 2
    valid = CliRunner().invoke(main, ["validate", graph])
    assert valid.exit_code == 0 and "Conforms: True" in valid.output


def test_export_writes_graphml_beside_the_graph_or_gexf_where_asked(seeds_out, tmp_path):
    graph = write(tmp_path / "graph.ttl", (seeds_out / "graph.ttl").read_bytes())
    graphml = CliRunner().invoke(main, ["export", str(graph)])
    assert graphml.exit_code == 0 and "nodes" in graphml.stderr
    assert (tmp_path / "graph.graphml").read_text().startswith("<?xml")
    gexf = CliRunner().invoke(main, ["export", str(graph), "--format", "gexf", "--out", str(tmp_path / "g" / "seeds.gexf")])
    assert gexf.exit_code == 0 and "<gexf" in (tmp_path / "g" / "seeds.gexf").read_text()
    assert CliRunner().invoke(main, ["export", str(graph), "--format", "dot"]).exit_code == 2


def test_export_loads_neither_rdflib_nor_spacy_nor_networkx(seeds_out, tmp_path):
    import subprocess
    import sys

    script = ("import sys\nfrom kgbuild.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
              "print(sorted({m.split('.')[0] for m in sys.modules} & {'rdflib', 'spacy', 'networkx', 'pyvis'}))")
    graph = str(seeds_out / "graph.ttl")
    done = subprocess.run([sys.executable, "-c", script, "export", graph, "--out", str(tmp_path / "g.graphml")],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]" and (tmp_path / "g.graphml").exists()


def test_validate_fails_on_a_broken_graph(tmp_path):
    broken = write(tmp_path / "broken.ttl", "@prefix kg: <https://w3id.org/kgbuild/ns#> .\n<urn:x> a kg:Attribution .\n")
    result = CliRunner().invoke(main, ["validate", str(broken)])
    assert result.exit_code == 1 and "Conforms: False" in result.output


def test_an_alias_file_joins_actors_and_the_graph_says_why(tmp_path):
    from kgbuild import load_graph
    from tests.builders import SEEDS

    aliases = write(tmp_path / "aliases.yaml", "same:\n  - [Russia, Russian officials]\n")
    result = CliRunner().invoke(main, ["run", str(SEEDS), "--out", str(tmp_path / "out"), "--no-html",
                                       "--aliases", str(aliases)])
    assert result.exit_code == 0, result.output
    rows = list(load_graph(tmp_path / "out" / "graph.ttl").query("""
        PREFIX kg: <https://w3id.org/kgbuild/ns#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?label ?rule WHERE { ?actor skos:prefLabel ?label ; kg:merge ?m . ?m kg:rule ?rule .
                                    FILTER(?rule = "alias file: same") }"""))
    assert [(str(label), str(rule)) for label, rule in rows] == [("Russia", "alias file: same")]


def test_a_bad_alias_file_is_a_usage_error_that_names_it(tmp_path):
    aliases = write(tmp_path / "aliases.yaml", "same:\n  - [Russia]\n")
    result = CliRunner().invoke(main, ["run", "seeds", "--out", str(tmp_path / "out"), "--aliases", str(aliases)])
    assert result.exit_code == 2 and "aliases.yaml" in result.output and "not a pair" in result.output
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_an_empty_input_folder_says_so_and_exits_as_documented(tmp_path):
    (tmp_path / "in").mkdir()
    result = CliRunner().invoke(main, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-html"])
    assert result.exit_code == 0
    assert "E017" in result.stderr and "holds no files" in result.stderr and "0 articles" in result.stderr
    strict = CliRunner().invoke(main, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--strict"])
    assert strict.exit_code == 1


def test_a_killed_runs_temporary_files_are_removed(tmp_path):
    stale = [write(tmp_path / "out" / ".graph.ttl.k1ll3d.tmp", "@prefix"),
             write(tmp_path / "out" / ".cache" / ".0123abcd.json.x9.tmp", "[")]
    kept = write(tmp_path / "out" / ".notes.tmp", "the user's")
    write(tmp_path / "in" / "a.txt", PLAIN)
    result = CliRunner().invoke(main, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-html"])
    assert result.exit_code == 0, result.output
    assert not any(path.exists() for path in stale) and kept.exists()


def test_a_query_file_that_does_not_exist_is_named(tmp_path, seeds_out):
    result = CliRunner().invoke(main, ["query", str(tmp_path / "nosuch.rq"), "--graph", str(seeds_out / "graph.ttl")])
    assert result.exit_code == 2 and "E023" in result.output and "nosuch.rq" in result.output
    assert "does not parse" not in result.output
    bare = CliRunner().invoke(main, ["query", "nosuch", "--graph", str(seeds_out / "graph.ttl")])
    assert bare.exit_code == 2 and "E023" in bare.output


@pytest.mark.parametrize("command", [["query", "SELECT * WHERE { ?s ?p ?o }", "--graph"], ["validate"], ["export"]])
@pytest.mark.parametrize("damage", ["truncated", "not turtle", "not utf-8"])
def test_a_broken_graph_gives_one_line_and_no_traceback(seeds_out, tmp_path, command, damage):
    data = (seeds_out / "graph.ttl").read_bytes()
    broken = {"truncated": data[: len(data) // 3], "not turtle": b"<html>oops</html>", "not utf-8": b"\xff\xfe\x00@"}[damage]
    graph = write(tmp_path / "graph.ttl", broken)
    result = CliRunner().invoke(main, [*command, str(graph)])
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "E022" in errors[0] and "Traceback" not in result.output


def test_eval_on_files_of_the_wrong_shape_gives_one_line(tmp_path):
    gold = write(tmp_path / "gold.jsonl", '{"id": "a", "text": "x", "attributions": 5}\n')
    pred = write(tmp_path / "pred.jsonl", "not json\n")
    for arguments in (["eval", str(gold), "--pred", str(pred)], ["eval", str(pred), "--pred", str(gold)]):
        result = CliRunner().invoke(main, arguments)
        assert result.exit_code == 2 and "is not annotated JSONL" in result.output and "Traceback" not in result.output


def test_a_long_inline_query_is_sparql_not_a_file_name(seeds_out):
    from click.testing import CliRunner

    from kgbuild.cli import main

    query = "SELECT ?claim WHERE { ?c a kg:Claim ; schema:text ?claim . " + "FILTER(STRLEN(?claim) > 0) " * 20 + "} LIMIT 1"
    assert len(query) > 255
    result = CliRunner().invoke(main, ["query", query, "--graph", str(seeds_out / "graph.ttl"), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("claim\n")


def test_inputs_named_on_the_command_line_may_be_pipes_or_not_utf8(tmp_path):
    import os

    named = write(tmp_path / os.fsdecode(b"caf\xe9.txt"), PLAIN)
    os.mkfifo(tmp_path / "pipe.txt")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(named), str(tmp_path / "pipe.txt"), "--out", str(out), "--no-html"])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert [(p["code"], p["source"].rsplit("/", 1)[1]) for p in report["skipped"] + report["warnings"]] == [
        ("E016", "pipe.txt"), ("E021", "caf\ufffd.txt")]
    assert list(report["attributions_per_article"]) == ["caf\ufffd"]
    assert report["inputs"][0].endswith("caf\ufffd.txt")


def test_a_second_run_into_a_folder_inside_the_input_does_not_read_its_own_outputs(tmp_path, monkeypatch):
    write(tmp_path / "a.txt", PLAIN)
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        result = CliRunner().invoke(main, ["run", ".", "--out", "out"])
        assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report["skipped"] == [] and list(report["attributions_per_article"]) == ["a"]


def test_an_interrupt_a_finalizer_swallowed_is_raised_again_after_it():
    import signal
    import sys
    import time

    from kgbuild.cli import interrupt_after_finalizer, stop_on_term

    class Finalized:
        def __del__(self):
            raise KeyboardInterrupt  # Ctrl-C landing while the garbage collector runs a finalizer

    previous_hook, previous_term = sys.unraisablehook, signal.signal(signal.SIGTERM, stop_on_term)
    sys.unraisablehook = interrupt_after_finalizer
    try:
        with pytest.raises(KeyboardInterrupt):
            Finalized()
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:  # the interrupt comes back once the finalizer is done
                pass
    finally:
        sys.unraisablehook = previous_hook
        signal.signal(signal.SIGTERM, previous_term)
