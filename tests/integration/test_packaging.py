"""``pip install .`` (not only ``-e``) gives a working kgbuild: the wheel carries the ontology, the
page template and every data file, and builds the seeds' graph byte for byte as the source tree
does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from tests.builders import ROOT, SEEDS

pytestmark = pytest.mark.slow

OUTPUTS = ("graph.ttl", "graph.html", "attributions.jsonl")
DATA_FILES = (
    "kgbuild/graph/ontology/kgbuild.ttl", "kgbuild/graph/ontology/shapes.ttl", "kgbuild/export/graph.html.j2",
    "kgbuild/extract/cues.tsv", "kgbuild/extract/attribution_model.json", "kgbuild/merge/names/given_names.txt",
    "kgbuild/merge/claims/data/minilm-tokenizer.json",
)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The project built into a wheel from a copy of what packaging reads (nothing else of the
    tree), and installed into a folder of its own: (the wheel, the folder)."""
    work = tmp_path_factory.mktemp("packaging")
    source = work / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("kgbuild", "ontology"):  # the package links to the ontology: links are copied as links
        shutil.copytree(ROOT / folder, source / folder, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "--wheel-dir", work / "wheels", source], check=True)
    (wheel,) = (work / "wheels").glob("kgbuild-*.whl")
    subprocess.run([*pip, "install", "--no-deps", "--target", work / "site", wheel], check=True)
    return wheel, work / "site"


def test_the_wheel_carries_every_data_file(installed):
    wheel, _ = installed
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert set(DATA_FILES) <= names
    assert not any(name.startswith(("tests/", "benchmarks/")) for name in names)


def test_the_installed_kgbuild_builds_the_seeds_as_the_source_tree_does(installed, seeds_out, tmp_path):
    _, site = installed
    env = {**os.environ, "PYTHONPATH": str(site)}  # before the editable install of the source tree
    run = lambda *command: subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)  # noqa: E731
    where = run(sys.executable, "-c", "import kgbuild, kgbuild.graph as g; print(kgbuild.__file__); print(g.SHAPES)")
    module, shapes = where.stdout.split()
    assert module.startswith(str(site)) and shapes.startswith(str(site))
    built = run(str(site / "bin" / "kgbuild"), "run", str(SEEDS), "--out", "out")
    assert built.returncode == 0, built.stderr
    for name in OUTPUTS:
        assert (tmp_path / "out" / name).read_bytes() == (seeds_out / name).read_bytes(), name
    checked = run(str(site / "bin" / "kgbuild"), "validate", "out/graph.ttl")  # the shapes shipped in the wheel
    assert checked.returncode == 0 and "Conforms: True" in checked.stdout, checked.stdout + checked.stderr
