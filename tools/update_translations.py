"""Build the German translation: lupdate over ecg_desktop/ui, fill from de-*.tsv, compile with lrelease.

    python tools/update_translations.py          # rewrite ecg_desktop_de.ts and .qm
    python tools/update_translations.py --check  # build in a temporary folder; report, change nothing

Translations live in resources/translations/de-*.tsv (tab-separated: context, English source,
German; "\\n" and "\\t" stand for a newline and a tab; lines starting with # are comments).
The shell keeps de-shell.tsv, the work views de-views.tsv. The .ts file is generated; edit the
TSV files. Exit status 1 when a source text has no German translation (or, with --check, when
the committed .qm is not what the sources and TSV files produce).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "ecg_desktop" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
TS_NAME = "ecg_desktop_de.ts"
QM_NAME = "ecg_desktop_de.qm"


def _tool(name: str) -> str:
    """A PySide6 tool next to the running interpreter, else on PATH."""
    candidate = Path(sys.executable).with_name(name)
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found (install PySide6-Essentials)")
    return found


def unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def read_tsv_files(folder: Path = TRANSLATIONS) -> tuple[dict[tuple[str, str], str], list[str]]:
    """All (context, source) -> German pairs of the de-*.tsv files, and the problems found in them."""
    table: dict[tuple[str, str], str] = {}
    problems: list[str] = []
    for path in sorted(folder.glob("de-*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                problems.append(f"{path.name}:{number}: expected 3 tab-separated columns, found {len(parts)}")
                continue
            context, source, german = (unescape(p) for p in parts)
            key = (context, source)
            if not german.strip():
                problems.append(f"{path.name}:{number}: empty German text for {context}: {source!r}")
                continue
            if key in table and table[key] != german:
                problems.append(f"{path.name}:{number}: {context}: {source!r} is translated twice, differently")
            table[key] = german
    return table, problems


def source_files() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def run_lupdate(ts_path: Path) -> None:
    files = [str(p) for p in source_files()]
    subprocess.run(
        [_tool("pyside6-lupdate"), *files, "-no-obsolete", "-locations", "none", "-ts", str(ts_path)],
        check=True,
        capture_output=True,
        text=True,
    )


def fill(ts_path: Path, table: dict[tuple[str, str], str]) -> tuple[list[tuple[str, str]], int]:
    """Write the German texts into the .ts file; returns the untranslated (context, source) pairs and the count."""
    tree = ET.parse(ts_path)  # noqa: S314 - our own lupdate output, not untrusted input
    root = tree.getroot()
    root.set("language", "de_DE")
    root.set("sourcelanguage", "en")
    missing: list[tuple[str, str]] = []
    count = 0
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            count += 1
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if message.get("numerus") == "yes":
                missing.append((name, source + "  [plural forms are not supported: rephrase]"))
                continue
            german = table.get((name, source))
            if german is None:
                translation.text = None
                translation.set("type", "unfinished")
                missing.append((name, source))
            else:
                translation.text = german
                translation.attrib.pop("type", None)
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts_path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return missing, count


def run_lrelease(ts_path: Path, qm_path: Path) -> None:
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ts_path), "-qm", str(qm_path)],
        check=True,
        capture_output=True,
        text=True,
    )


def build(folder: Path) -> tuple[list[tuple[str, str]], list[str], int]:
    """Generate .ts and .qm in `folder`; returns untranslated pairs, TSV problems, message count."""
    ts_path = folder / TS_NAME
    if folder != TRANSLATIONS and (TRANSLATIONS / TS_NAME).exists():
        shutil.copyfile(TRANSLATIONS / TS_NAME, ts_path)
    run_lupdate(ts_path)
    table, problems = read_tsv_files()
    missing, count = fill(ts_path, table)
    run_lrelease(ts_path, folder / QM_NAME)
    return missing, problems, count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="build in a temporary folder and report only")
    parser.add_argument("--print-missing-tsv", action="store_true", help="print missing entries as TSV lines")
    options = parser.parse_args(argv)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    if options.check:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            missing, problems, count = build(folder)
            committed = TRANSLATIONS / QM_NAME
            stale = not committed.exists() or committed.read_bytes() != (folder / QM_NAME).read_bytes()
    else:
        missing, problems, count = build(TRANSLATIONS)
        stale = False
    for problem in problems:
        print(problem, file=sys.stderr)
    for context, source in missing:
        if options.print_missing_tsv:
            print(f"{escape(context)}\t{escape(source)}\t")
        else:
            print(f"untranslated: {context}: {source!r}", file=sys.stderr)
    if stale:
        print(f"{QM_NAME} is out of date: run tools/update_translations.py and commit the result", file=sys.stderr)
    print(f"{count} texts, {count - len(missing)} translated into German", file=sys.stderr)
    return 1 if missing or problems or stale else 0


if __name__ == "__main__":
    sys.exit(main())
