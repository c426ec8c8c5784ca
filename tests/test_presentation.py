"""Level colours, status lines and number/date formats shared by the PDFs and the UI."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal as D

import pytest

from ecg_desktop.balance.model import AuditInfo
from ecg_desktop.matrix.model import Text
from ecg_desktop.presentation import (
    LABELS,
    LEVEL_STYLES,
    format_date,
    format_datetime,
    format_number,
    format_percent,
    format_points,
    format_size,
    level_key,
    status_line,
    theme_level_style,
    valid_until,
)
from ecg_desktop.scoring.result import Explanation, ThemeScore


@pytest.mark.parametrize(
    ("percentage", "points", "na", "key"),
    [
        (None, D(0), True, "not_applicable"),
        (D(50), D(-10), False, "negative"),
        (D(-5), None, False, "negative"),
        (D(0), D(0), False, "p0"),
        (D("9.99"), None, False, "p0"),
        (D(10), None, False, "p10"),
        (D(29), None, False, "p10"),
        (D(30), None, False, "p30"),
        (D("59.9"), None, False, "p30"),
        (D(60), None, False, "p60"),
        (D(100), None, False, "p60"),
    ],
)
def test_level_key_bands(percentage, points, na, key):
    assert level_key(percentage, points, na) == key


def _theme(points: str, max_points: str, percentage: str | None) -> ThemeScore:
    explanation = Explanation("x", Text("x", "x"))
    return ThemeScore(
        "A1",
        D(1),
        D(1),
        False,
        D(1),
        D(max_points),
        D(points),
        None if percentage is None else D(percentage),
        explanation,
        explanation,
    )


def test_theme_level_style_uses_points_over_maximum_when_no_percentage():
    assert theme_level_style(_theme("20", "50", None)).key == "p30"  # 40 %
    assert theme_level_style(_theme("0", "0", None)).key == "not_applicable"
    assert theme_level_style(_theme("-30", "50", None)).key == "negative"


def _luminance(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


@pytest.mark.parametrize("style", LEVEL_STYLES, ids=lambda s: s.key)
def test_every_level_colour_has_readable_text(style):
    light, dark = sorted((_luminance(style.fill), _luminance(style.text)), reverse=True)
    contrast = (light + 0.05) / (dark + 0.05)
    assert contrast >= 4.5, f"{style.key}: contrast {contrast:.2f}"
    assert re.fullmatch(r"#[0-9a-f]{6}", style.fill)
    assert style.label.en and style.label.de


def test_numbers_per_language():
    assert format_number(D("1234.5"), "de") == "1.234,5"
    assert format_number(D("1234.5"), "en") == "1,234.5"
    assert format_number(D("1234.5"), "de", 2) == "1.234,50"
    assert format_number(D("-0.0"), "en") == "0"
    assert format_number(D("2.50"), "en") == "2.5"
    assert format_number(D("1E+3"), "de") == "1.000"
    assert format_points(D("412.5"), "de") == "413"
    assert format_points(D("-1234.5"), "de") == "-1.235"
    assert format_percent(D("45.5"), "de", 1) == "45,5 %"
    assert format_percent(None) == "–"
    assert format_size(512) == "512 B"
    assert format_size(1_234_567, "de") == "1,2 MB"
    assert format_size(12_345, "en") == "12.3 kB"


def test_dates_per_language():
    assert format_date(date(2025, 12, 31), "de") == "31.12.2025"
    assert format_date(date(2025, 3, 1), "en") == "1 Mar 2025"
    assert format_datetime(datetime(2025, 3, 1, 9, 5), "de") == "01.03.2025 09:05"
    assert format_date(None) == ""


def test_status_lines():
    assert status_line(AuditInfo(status="audited", kind="self"), "en") == "Self-assessed"
    assert status_line(AuditInfo(status="draft", kind="self"), "de") == "Selbstbewertung (Entwurf)"
    assert status_line(AuditInfo(status="audited", kind="peer"), "de") == "Peer-evaluiert"
    audited = AuditInfo(
        status="audited",
        kind="external",
        auditor="Jörg Weiß",
        audit_date=date(2025, 6, 30),
        valid_until=date(2027, 6, 30),
    )
    assert status_line(audited, "en") == "Audited by Jörg Weiß on 30 Jun 2025, valid until 30 Jun 2027"
    assert status_line(audited, "de") == "Auditiert von Jörg Weiß am 30.06.2025, gültig bis 30.06.2027"
    pending = AuditInfo(status="in_review", kind="external", auditor="X")
    assert "not yet completed" in status_line(pending, "en")
    assert "(in Prüfung)" in status_line(pending, "de")


def test_validity_defaults_to_two_years_after_the_audit():
    assert valid_until(AuditInfo(audit_date=date(2024, 2, 29))) == date(2026, 2, 28)
    assert valid_until(AuditInfo(audit_date=date(2025, 1, 15), valid_until=date(2026, 1, 1))) == date(2026, 1, 1)
    assert valid_until(AuditInfo()) is None


def test_every_label_in_both_languages_with_the_same_parameters():
    for key, text in LABELS.items():
        assert text.en and text.de, key
        assert set(re.findall(r"{(\w+)}", text.en)) == set(re.findall(r"{(\w+)}", text.de)), key
