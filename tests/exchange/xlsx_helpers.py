"""Shared pieces of the spreadsheet tests: generated balances and a cell-by-cell view of a workbook."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from ecg_desktop.balance.model import (
    AMOUNT_FIELDS,
    SIGNED_FIELDS,
    STATUSES,
    AuditInfo,
    Balance,
    CompanyFacts,
    EvidenceRef,
    Organisation,
    Period,
)
from ecg_desktop.balance.validate import validate_balance
from ecg_desktop.matrix import VERSIONS, load_matrix

TRICKY_TEXTS = (
    "=1+1",
    '=HYPERLINK("http://example.org","click")',
    "+49 30 1234",
    "-5 points, see @auditor",
    "@SUM(A1:A3)",
    "Größe: 5 €, “quoted” ✓",
    "line one\nline two",
    "  leading and trailing  ",
    "tab\there",
    "control \x01 char",
    "x" * 40_000,
)

texts = st.one_of(st.sampled_from(TRICKY_TEXTS), st.text(min_size=1, max_size=60))


def levels(low: Decimal, high: Decimal) -> st.SearchStrategy[Decimal]:
    return st.one_of(
        st.integers(int(low), int(high)).map(Decimal),
        st.decimals(min_value=low, max_value=high, places=2, allow_nan=False, allow_infinity=False),
        st.decimals(min_value=low, max_value=high, places=20, allow_nan=False, allow_infinity=False),
    )


@st.composite
def balances(draw: st.DrawFn, version: str | None = None, kind: str | None = None) -> Balance:
    """A valid balance of any matrix version and type, with ratings, texts, weights and evidence."""
    version = version or draw(st.sampled_from(VERSIONS))
    matrix = load_matrix(version)
    kind = kind or draw(st.sampled_from(matrix.types))
    ranges: dict[str, tuple[Decimal, Decimal]] = {}
    for aspect in matrix.aspects(kind):
        ranges[aspect.code] = matrix.rating_range if aspect.positive else matrix.deduction_range
    for criterion in matrix.negative_criteria:
        ranges[criterion.code] = (criterion.deduction, Decimal(0))
    codes = sorted(ranges)
    rated = draw(st.lists(st.sampled_from(codes), unique=True, max_size=12))
    audited = draw(st.lists(st.sampled_from(codes), unique=True, max_size=6))
    commented = draw(st.lists(st.sampled_from(codes), unique=True, max_size=4))
    ratings = {c: draw(levels(*ranges[c])) for c in rated}
    auditor = {c: draw(levels(*ranges[c])) for c in audited}
    reasoning = {c: draw(texts) for c in draw(st.lists(st.sampled_from(codes), unique=True, max_size=4))}
    comments = {c: draw(texts) for c in commented}
    justifications = {c: draw(texts) for c in rated if c.startswith("N")}
    weights: dict[str, Decimal] = {}
    if matrix.family == "5":
        for theme in draw(st.lists(st.sampled_from([t.code for t in matrix.themes]), unique=True, max_size=3)):
            weights[theme] = draw(st.sampled_from([Decimal("0.5"), Decimal(1), Decimal("1.5"), Decimal(2)]))
    amounts = {}
    for name in draw(st.lists(st.sampled_from(AMOUNT_FIELDS), unique=True, max_size=5)):
        low = -(10**6) if name in SIGNED_FIELDS else 0
        amounts[name] = draw(st.decimals(min_value=low, max_value=10**7, places=2, allow_nan=False))
    period = None
    if draw(st.booleans()):
        start = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 1, 1)))
        period = Period(start, date(start.year + 1, 12, 31))
    evidence = tuple(
        EvidenceRef(
            sha256=hashlib.sha256(str(i).encode()).hexdigest(),
            name=draw(texts)[:80] or "file.pdf",
            size=draw(st.integers(0, 10**9)),
            codes=tuple(draw(st.lists(st.sampled_from(codes), unique=True, max_size=3))),
            description=draw(st.sampled_from(("", "signed contract", "=cmd|' /C calc'!A0"))),
            added_at=datetime(2024, 5, 1, 12, 0, i, tzinfo=UTC),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    balance = Balance(
        matrix=version,
        type=kind,
        organisation=Organisation(name=draw(texts), website="https://example.org"),
        period=period,
        company=CompanyFacts(**amounts, canteen=draw(st.sampled_from((None, True, False)))),
        weights=weights,
        ratings=ratings,
        justifications=justifications,
        reasoning=reasoning,
        auditor_ratings=auditor,
        auditor_comments=comments,
        audit=AuditInfo(status=draw(st.sampled_from(STATUSES))),
        evidence=evidence,
    )
    errors = [p for p in validate_balance(balance) if p.severity == "error"]
    assert not errors, [p.text() for p in errors]
    return balance


def workbook_cells(source: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every sheet's cell values, row by row (read fully, not streamed, so merged cells show too)."""
    from openpyxl import load_workbook

    workbook = load_workbook(source)
    return {ws.title: [tuple(row) for row in ws.iter_rows(values_only=True)] for ws in workbook.worksheets}


def database_checksum(path: str | Path) -> str:
    """A checksum of every row of every table of a SQLite database (independent of page layout)."""
    digest = hashlib.sha256()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        for table in tables:
            digest.update(table.encode())
            for row in connection.execute(f'SELECT * FROM "{table}" ORDER BY 1'):
                digest.update(repr(row).encode())
    return digest.hexdigest()
