"""The package's import rules, checked on the source: the stages stay apart.

- `archive/ask/` (answering) never imports `archive/build/` (indexing);
- neither `archive/ask/` nor `archive/build/` imports `archive.core` (the facade sits on top of them);
- only `archive/web/` imports streamlit;
- no module imports another module's private (underscore) name;
- only `archive/ask/understand/` compiles a pattern that reads a question's type ("how many", "who",
  "what time") or a figure's unit ("per cent", "per 10,000", "million"): a question is understood once.
"""

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "archive"
UNDERSTANDING = PACKAGE / "ask" / "understand"
# what a pattern that reads a question's type, or a figure's unit, looks like in the source
QUESTION_TYPE = re.compile(r"how\s+(?:many|much|long|often)|what\s+(?:time|date)|\\bwho|\^\\s\*who|\bwhom\b"
                           r"|which\s+(?:month|year|date)|\\bwhen\\b|\^\\s\*when", re.I)
FIGURE_UNIT = re.compile(r"per\s?\\?s?\??\s?cent|percent|10,\??000|\b10k\b|million|billion", re.I)


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) for every import in the file, relative imports resolved."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, module] if module else base)
            out.append((module, [alias.name for alias in node.names]))
    return out


def _private_attributes(path: Path) -> list[str]:
    """`module._name` where `module` was imported as a module of this package."""
    tree = ast.parse(path.read_text())
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("archive"):
            modules.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            modules.update((alias.asname or alias.name).split(".")[0] for alias in node.names
                           if alias.name.startswith("archive"))
    return [f"{node.value.id}.{node.attr}" for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules
            and node.attr.startswith("_") and not node.attr.startswith("__")]


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).as_posix()


@pytest.mark.parametrize("path", _modules(), ids=_name)
def test_import_rules(path):
    stage = path.relative_to(PACKAGE).parts[0]
    for module, names in _imports(path):
        if stage == "ask":
            assert not module.startswith("archive.build"), f"{_name(path)} imports {module}: ask/ imports build/"
        if stage in ("ask", "build"):
            facade = module == "archive.core" or (module == "archive" and {"core", "Archive"} & set(names))
            assert not facade, f"{_name(path)} imports the Archive facade: {stage}/ must not"
        if stage != "web":
            assert module.split(".")[0] != "streamlit", f"{_name(path)} imports streamlit outside web/"
        private = [n for n in names if n.startswith("_") and not n.startswith("__")]
        assert not private, f"{_name(path)} imports private names {private} from {module}"
    assert not _private_attributes(path), f"{_name(path)} uses private names {_private_attributes(path)}"


def _patterns(path: Path) -> list[str]:
    """The source of the pattern argument of every re.<function>(...) call in the file."""
    source = path.read_text()
    return [ast.get_source_segment(source, node.args[0]) or "" for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args]


@pytest.mark.parametrize("path", _modules(), ids=_name)
def test_only_understanding_reads_question_types_and_units(path):
    if UNDERSTANDING in path.parents:
        return
    for pattern in _patterns(path):
        assert not QUESTION_TYPE.search(pattern), f"{_name(path)} reads a question's type: {pattern[:80]}"
        assert not FIGURE_UNIT.search(pattern), f"{_name(path)} reads a figure's unit: {pattern[:80]}"


def test_understanding_holds_the_patterns_it_is_said_to():
    """The pattern check is not vacuous: the question types and units are found where they live."""
    assert any(QUESTION_TYPE.search(p) for p in _patterns(UNDERSTANDING / "cues.py"))
    assert any(FIGURE_UNIT.search(p) for p in _patterns(UNDERSTANDING / "units.py"))


def test_the_rules_catch_what_they_forbid(tmp_path):
    """The checks above fail on code that breaks them (they are not vacuous)."""
    bad = PACKAGE / "ask" / "_rule_probe.py"
    bad.write_text("import streamlit\nfrom archive.build.indexer import _previous\nfrom archive.ask import answer\n"
                   "answer._abstain\n")
    try:
        imports = _imports(bad)
        assert ("archive.build.indexer", ["_previous"]) in imports and ("streamlit", []) in imports
        assert _private_attributes(bad) == ["answer._abstain"]
        with pytest.raises(AssertionError):
            test_import_rules(bad)
    finally:
        bad.unlink()


@pytest.mark.parametrize("stage", ["ask", "build"])
def test_the_facade_and_pattern_rules_catch_what_they_forbid(stage):
    """A stage module that imports core, or compiles its own question or unit pattern, fails."""
    bad = PACKAGE / stage / "_rule_probe.py"
    for code in ("from archive.core import Archive\n", "from archive import Archive\n", "import archive.core\n"):
        bad.write_text(code)
        try:
            with pytest.raises(AssertionError, match="facade"):
                test_import_rules(bad)
        finally:
            bad.unlink()
    for pattern in (r'r"^\s*how many\b"', r'r"\bwho\b|\bwhom\b"', r'r"\s*(?:per\s?cent|percent)\b"',
                    r'r"per (?:10,000|1,000)"', r'"what time"'):
        bad.write_text(f"import re\nPATTERN = re.compile({pattern}, re.I)\n")
        try:
            with pytest.raises(AssertionError, match="reads a"):
                test_only_understanding_reads_question_types_and_units(bad)
        finally:
            bad.unlink()


def test_top_level_app_is_only_a_launcher():
    app = (PACKAGE.parent / "app.py").read_text()
    assert [m for m, _ in _imports(PACKAGE.parent / "app.py")] == ["archive.web.app"] and len(app.splitlines()) < 10
