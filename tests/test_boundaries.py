"""Layer boundaries: only ecg_desktop/ui (and the entry point) may touch Qt; the CLI and domain load no heavy library."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "ecg_desktop"
FORBIDDEN = ("PySide6", "ecg_desktop.ui")
ALLOWED = {PACKAGE / "__main__.py"}  # starts the GUI when no command is given
HEAVY = ("PySide6", "pandas", "openpyxl", "reportlab", "sqlalchemy")


def imported_modules(tree: ast.AST, module: str) -> list[tuple[int, str]]:
    """(line, module) of every import in `tree`, relative imports resolved against `module`."""
    found: list[tuple[int, str]] = []
    package = module.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.append((node.lineno, name))
            found += [(node.lineno, f"{name}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
            "import_module",
            "__import__",
        ):
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.append((node.lineno, node.args[0].value))
    return found


def forbidden(name: str) -> bool:
    return any(name == f or name.startswith(f + ".") for f in FORBIDDEN)


def domain_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if (PACKAGE / "ui") not in p.parents and p not in ALLOWED)


def test_only_the_ui_imports_qt() -> None:
    files = domain_files()
    assert len(files) > 20  # the walk really found the package
    offenders = []
    for path in files:
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        offenders += [
            f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}"
            for line, name in imported_modules(tree, module)
            if forbidden(name)
        ]
    assert offenders == []


@pytest.mark.parametrize(
    "source",
    [
        "import PySide6.QtCore",
        "from PySide6 import QtWidgets",
        "from ecg_desktop.ui.app import run",
        "from ecg_desktop import ui",
        "import importlib\nimportlib.import_module('PySide6.QtGui')",
        "def f():\n    from ..ui import main_window",
    ],
)
def test_the_check_sees_every_import_form(source: str) -> None:
    names = [name for _, name in imported_modules(ast.parse(source), "ecg_desktop.services.facade")]
    assert any(forbidden(name) for name in names), names


def test_the_check_lets_domain_imports_pass() -> None:
    source = "from ecg_desktop.scoring import score\nimport json\nfrom . import numbers\nfrom ..balance import model"
    names = [name for _, name in imported_modules(ast.parse(source), "ecg_desktop.scoring.matrix5")]
    assert not any(forbidden(name) for name in names)
    assert "ecg_desktop.balance.model" in names


def test_cli_and_domain_load_no_heavy_library() -> None:
    code = (
        "import json, sys\n"
        "import ecg_desktop.cli.main, ecg_desktop.scoring, ecg_desktop.balance.json_format\n"
        "import ecg_desktop.cli.score, ecg_desktop.scoring.matrix5, ecg_desktop.scoring.matrix41\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {list(HEAVY)!r})))\n"
        "print(json.dumps('ecg_desktop.cli.main' in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=PACKAGE.parent, capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    loaded, ok = (json.loads(line) for line in done.stdout.splitlines())
    assert ok is True
    assert loaded == []


def test_the_heavy_check_can_see_a_heavy_import() -> None:
    """The same probe, importing pandas on purpose, does report it (the check is not vacuous)."""
    pytest.importorskip("pandas")
    code = f"import sys, json, pandas\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({list(HEAVY)!r}))))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120)
    assert json.loads(done.stdout) == ["pandas"]
