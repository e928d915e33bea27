"""The package's import rules, checked on the source: the stages stay apart.

- `archive/ask/` (answering) never imports `archive/build/` (indexing);
- only `archive/web/` imports streamlit;
- no module imports another module's private (underscore) name.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "archive"


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
        if stage != "web":
            assert module.split(".")[0] != "streamlit", f"{_name(path)} imports streamlit outside web/"
        private = [n for n in names if n.startswith("_") and not n.startswith("__")]
        assert not private, f"{_name(path)} imports private names {private} from {module}"
    assert not _private_attributes(path), f"{_name(path)} uses private names {_private_attributes(path)}"


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


def test_top_level_app_is_only_a_launcher():
    app = (PACKAGE.parent / "app.py").read_text()
    assert [m for m, _ in _imports(PACKAGE.parent / "app.py")] == ["archive.web.app"] and len(app.splitlines()) < 10
