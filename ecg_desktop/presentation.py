"""How results look to people, shared by the PDFs and the UI: level colours, labels, numbers, dates.

Qt-free and reportlab-free on purpose: colours are "#rrggbb" strings that both QColor and
reportlab's HexColor accept, and every text exists in English and German.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from ecg_desktop.balance.model import AuditInfo
from ecg_desktop.matrix.model import Text
from ecg_desktop.scoring.numbers import HUNDRED, round_half_away, whole_points
from ecg_desktop.scoring.result import ThemeScore
from ecg_desktop.scoring.tax import TaxSchedule

LANGS = ("en", "de")
# An audit certificate is valid for two years (ecg-background.md 4.3); used when no end date is stored.
AUDIT_VALIDITY_YEARS = 2


# ---- level colours


@dataclass(frozen=True)
class LevelStyle:
    """One colour band of the matrix view: the cell fill, a text colour readable on it, and its legend label."""

    key: str
    fill: str
    text: str
    label: Text
    low: Decimal | None = None  # lowest percentage of the band (None: not a percentage band)


LEVEL_STYLES: tuple[LevelStyle, ...] = (
    LevelStyle("not_applicable", "#d9d9d9", "#3a3a3a", Text("not applicable", "entfällt")),
    LevelStyle("negative", "#b4432f", "#ffffff", Text("negative points", "Minuspunkte")),
    LevelStyle("p0", "#f1f6ec", "#1f3a1f", Text("0–9 %", "0–9 %"), Decimal(0)),
    LevelStyle("p10", "#cfe5c2", "#1f3a1f", Text("10–29 %", "10–29 %"), Decimal(10)),
    LevelStyle("p30", "#93c47d", "#132b13", Text("30–59 %", "30–59 %"), Decimal(30)),
    LevelStyle("p60", "#3f7f3f", "#ffffff", Text("60–100 %", "60–100 %"), Decimal(60)),
)
_STYLE_BY_KEY = {style.key: style for style in LEVEL_STYLES}


def level_style(key: str) -> LevelStyle:
    """The style named `key` (one of LEVEL_STYLES)."""
    return _STYLE_BY_KEY[key]


def level_key(percentage: Decimal | None, points: Decimal | None = None, not_applicable: bool = False) -> str:
    """The colour band of a theme: not applicable, negative points, or the band of the percentage reached."""
    if not_applicable:
        return "not_applicable"
    if points is not None and points < 0:
        return "negative"
    if percentage is None:
        return "p0"
    if percentage < 0:
        return "negative"
    key = "p0"
    for style in LEVEL_STYLES:
        if style.low is not None and percentage >= style.low:
            key = style.key
    return key


def theme_percentage(theme: ThemeScore) -> Decimal | None:
    """The percentage reached as shown (the scorer's, else points / maximum); None when not applicable."""
    if theme.not_applicable:
        return None
    if theme.percentage is not None:
        return theme.percentage
    return theme.points * HUNDRED / theme.max_points


def theme_level_style(theme: ThemeScore) -> LevelStyle:
    """The colour band of one scored theme."""
    return level_style(level_key(theme_percentage(theme), theme.points, theme.not_applicable))


# ---- labels

LABELS: dict[str, Text] = {
    "status.self": Text("Self-assessed", "Selbstbewertung"),
    "status.peer": Text("Peer-evaluated", "Peer-evaluiert"),
    "status.audited": Text("Audited by {auditor} on {date}", "Auditiert von {auditor} am {date}"),
    "status.audited_no_date": Text("Audited by {auditor}", "Auditiert von {auditor}"),
    "status.valid_until": Text("valid until {date}", "gültig bis {date}"),
    "status.audit_pending": Text("external audit not yet completed", "externes Audit noch nicht abgeschlossen"),
    "status.draft": Text("draft", "Entwurf"),
    "status.in_review": Text("in review", "in Prüfung"),
    "status.unknown_auditor": Text("an external auditor", "einer externen Auditorin / einem externen Auditor"),
    "basis.self": Text("Points of the self-assessment", "Punkte der Selbstbewertung"),
    "basis.auditor": Text("Points as evaluated by the auditor", "Punkte laut Bewertung des Audits"),
    "type.full": Text("full balance sheet", "Vollbilanz"),
    "type.compact": Text("compact balance sheet", "Kompaktbilanz"),
    "not_applicable": Text("not applicable", "entfällt"),
    "evidence.ok": Text("✓ verified", "✓ geprüft"),
    "evidence.missing": Text("✗ file missing", "✗ Datei fehlt"),
    "evidence.changed": Text("✗ content changed", "✗ Inhalt verändert"),
    "evidence.unchecked": Text("not checked", "nicht geprüft"),
    "evidence.error": Text("✗ cannot be read", "✗ nicht lesbar"),
    "schedule.ecg-vat-example": Text("ECG VAT example (five classes)", "GWÖ-Beispiel Mehrwertsteuer (fünf Klassen)"),
    "schedule.linear": Text("Linear schedule", "Linearer Tarif"),
}


def label(key: str, lang: str = "en", **params: object) -> str:
    """The label `key` in `lang`, with parameters filled in."""
    text = LABELS[key].get(lang)
    return text.format(**params) if params else text


def balance_type_label(balance_type: str, lang: str = "en") -> str:
    """'full balance sheet' / 'Vollbilanz' (the code itself for an unknown type)."""
    key = f"type.{balance_type}"
    return label(key, lang) if key in LABELS else balance_type


def evidence_status_label(status: str, lang: str = "en") -> str:
    """A verification result (ok, missing, changed, unchecked, error) for people; unknown codes as they are."""
    key = f"evidence.{status}"
    return label(key, lang) if key in LABELS else status


def schedule_name(schedule: TaxSchedule, lang: str = "en") -> str:
    """The name of a tax schedule; the built-in presets' names in `lang`, a user's own name as written."""
    from ecg_desktop.scoring.tax import PRESETS

    for key, make in PRESETS.items():
        if schedule.name and schedule.name == make().name:
            return label(f"schedule.{key}", lang)
    return schedule.name


def valid_until(audit: AuditInfo) -> date | None:
    """The stored end of validity, else two years after the audit date, else None."""
    if audit.valid_until is not None:
        return audit.valid_until
    if audit.audit_date is None:
        return None
    day = audit.audit_date
    try:
        return day.replace(year=day.year + AUDIT_VALIDITY_YEARS)
    except ValueError:  # 29 February
        return day.replace(year=day.year + AUDIT_VALIDITY_YEARS, day=28)


def status_line(audit: AuditInfo, lang: str = "en") -> str:
    """The assessment status as one line: self-assessed, peer-evaluated, or audited by NAME on DATE, valid until DATE."""
    if audit.kind == "external" and audit.status == "audited":
        auditor = audit.auditor.strip() or label("status.unknown_auditor", lang)
        if audit.audit_date is not None:
            text = label("status.audited", lang, auditor=auditor, date=format_date(audit.audit_date, lang))
        else:
            text = label("status.audited_no_date", lang, auditor=auditor)
        until = valid_until(audit)
        if until is not None:
            text += ", " + label("status.valid_until", lang, date=format_date(until, lang))
        return text
    if audit.kind == "external":
        text = label("status.self", lang) + " – " + label("status.audit_pending", lang)
    elif audit.kind == "peer":
        text = label("status.peer", lang)
        if audit.status == "audited" and audit.valid_until is not None:
            text += ", " + label("status.valid_until", lang, date=format_date(audit.valid_until, lang))
    else:
        text = label("status.self", lang)
    if audit.status in ("draft", "in_review"):
        text += f" ({label('status.' + audit.status, lang)})"
    return text


# ---- numbers and dates

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_number(value: Decimal | int, lang: str = "en", places: int | None = None) -> str:
    """A number for people: German 1.234,5; English 1,234.5. `places` rounds (halves away from 0) and pads."""
    number = Decimal(value)
    if places is not None:
        number = round_half_away(number, places)
    elif number == number.to_integral_value():
        number = number.quantize(Decimal(1))
    else:
        number = number.normalize()
    if number.is_zero():
        number = abs(number)
    text = format(number, ",f")
    if lang == "de":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def format_points(value: Decimal, lang: str = "en") -> str:
    """Points as shown in the matrix: whole points, halves away from zero."""
    return format_number(whole_points(value), lang)


def format_percent(value: Decimal | None, lang: str = "en", places: int = 0) -> str:
    """'45 %' (a dash for None)."""
    if value is None:
        return "–"
    return f"{format_number(value, lang, places)} %"


def format_date(value: date | datetime | None, lang: str = "en") -> str:
    """German 31.12.2025; English 31 Dec 2025 (no locale needed); empty for None."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if lang == "de":
        return f"{value.day:02d}.{value.month:02d}.{value.year}"
    return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"


def format_datetime(value: datetime, lang: str = "en") -> str:
    """A date with hours and minutes."""
    return f"{format_date(value, lang)} {value.hour:02d}:{value.minute:02d}"


def format_period(start: date, end: date, lang: str = "en") -> str:
    """A reporting period: 01.01.2024 – 31.12.2025."""
    return f"{format_date(start, lang)} – {format_date(end, lang)}"


def format_size(size: int, lang: str = "en") -> str:
    """A file size in bytes, kB or MB (powers of 1000)."""
    if size < 1000:
        return f"{format_number(size, lang)} B"
    if size < 1_000_000:
        return f"{format_number(Decimal(size) / 1000, lang, 1)} kB"
    return f"{format_number(Decimal(size) / 1_000_000, lang, 1)} MB"


__all__ = [
    "LABELS",
    "LANGS",
    "LEVEL_STYLES",
    "LevelStyle",
    "balance_type_label",
    "evidence_status_label",
    "format_date",
    "format_datetime",
    "format_number",
    "format_percent",
    "format_period",
    "format_points",
    "format_size",
    "label",
    "level_key",
    "level_style",
    "schedule_name",
    "status_line",
    "theme_level_style",
    "theme_percentage",
    "valid_until",
]
