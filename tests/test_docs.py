"""The README is the front door: its commands must exist and CI must run its test command."""

import re
from pathlib import Path

from click.testing import CliRunner

from archive.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()


def test_readme_two_commands_are_make_targets():
    makefile = (ROOT / "Makefile").read_text()
    for target in ("run", "test"):
        assert f"make {target}" in README
        assert re.search(rf"^{target}:", makefile, re.MULTILINE)


def test_ci_runs_the_readme_test_command():
    assert re.search(r"^make test$", (ROOT / ".ci" / "run").read_text(), re.MULTILINE)


def test_every_archive_command_in_the_readme_exists():
    used = set(re.findall(r"^archive (\w+)", README, re.MULTILINE))
    assert used >= {"index", "ask", "search", "eval", "glossary", "serve"}
    for command in used:
        result = CliRunner().invoke(cli, [command, "--help"])
        assert result.exit_code == 0, command


def test_documented_filter_options_exist():
    help_text = CliRunner().invoke(cli, ["search", "--help"]).output
    for option in ("--committee", "--from", "--to", "--type", "--index-dir", "--jsonl", "--json"):
        assert option in help_text and option in README


def test_shipped_corpus_matches_its_manifest():
    import csv

    with open(ROOT / "corpus" / "manifest.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    files = {p.name for p in (ROOT / "corpus").iterdir() if p.name not in ("manifest.csv", "corpus.toml")}
    assert {r["file"] for r in rows} == files
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["meeting_date"]) for r in rows)


def _design_layout_modules() -> set[str]:
    """Modules the Layout block of docs/DESIGN.md names ("archive/ask/   query, kinds, ..."), as paths."""
    design = (ROOT / "docs" / "DESIGN.md").read_text()
    block = design.split("## Layout", 1)[1].split("```")[1]
    named, folder = set(), None
    for line in block.splitlines():
        if line.startswith("archive/"):
            folder, line = line.split(maxsplit=1)
        elif not line.startswith(" "):
            folder = None
        if folder:
            for name in re.sub(r"\([^)]*\)", "", line).split(","):
                if name.strip() and name.strip() != "__init__":
                    named.add(f"{folder}{name.strip()}.py")
    return named


def test_design_layout_names_every_module_and_only_modules_that_exist():
    package = ROOT / "archive"
    actual = {p.relative_to(ROOT).as_posix() for p in package.rglob("*.py") if p.name != "__init__.py"}
    named = _design_layout_modules()
    assert actual - named == set(), "modules missing from docs/DESIGN.md's Layout"
    assert named - actual == set(), "docs/DESIGN.md's Layout names modules that do not exist"
