"""Bilingual message templates for located problems, so the domain stays Qt-free yet translated."""

from __future__ import annotations

from typing import Any

# code -> (English, German). Parameters in braces; every template exists in both languages
# (tests/test_messages.py checks that both name the same parameters).
MESSAGES: dict[str, tuple[str, str]] = {
    "file_unreadable": ("cannot read the file: {reason}", "die Datei kann nicht gelesen werden: {reason}"),
    "json_syntax": ("not valid JSON ({detail})", "kein gültiges JSON ({detail})"),
    "duplicate_key": ("the key '{key}' appears twice", "der Schlüssel „{key}“ kommt doppelt vor"),
    "not_an_object": ("expected an object {{...}}", "hier wird ein Objekt {{...}} erwartet"),
    "not_a_list": ("expected a list [...]", "hier wird eine Liste [...] erwartet"),
    "not_a_number": (
        "expected a number, found {found}",
        "hier wird eine Zahl erwartet, gefunden: {found}",
    ),
    "not_a_bool": (
        "expected true or false, found {found}",
        "hier wird true oder false erwartet, gefunden: {found}",
    ),
    "not_a_string": ("expected a text, found {found}", "hier wird ein Text erwartet, gefunden: {found}"),
    "not_a_date": (
        "expected a date like 2025-01-31, found {found}",
        "hier wird ein Datum wie 2025-01-31 erwartet, gefunden: {found}",
    ),
    "unknown_key": ("unknown key '{key}'", "unbekannter Schlüssel „{key}“"),
    "missing_key": ("the key '{key}' is required", "der Schlüssel „{key}“ fehlt"),
    "unknown_matrix": (
        "unknown matrix version '{found}' (known: {known})",
        "unbekannte Matrix-Version „{found}“ (bekannt: {known})",
    ),
    "unknown_type": (
        "unknown balance type '{found}' (known: {known})",
        "unbekannte Bilanzart „{found}“ (bekannt: {known})",
    ),
    "unknown_code": (
        "'{code}' is not a code of matrix {matrix} ({type})",
        "„{code}“ ist kein Code der Matrix {matrix} ({type})",
    ),
    "unknown_country": ("unknown country code '{code}'", "unbekannter Ländercode „{code}“"),
    "unknown_sector": ("unknown sector code '{code}'", "unbekannter Branchencode „{code}“"),
    "unknown_stakeholder": ("unknown stakeholder row '{code}'", "unbekannte Berührungsgruppe „{code}“"),
    "out_of_range": (
        "{value} is outside the allowed range {low} to {high}",
        "{value} liegt außerhalb des erlaubten Bereichs {low} bis {high}",
    ),
    "must_be_positive": ("{value} must be greater than 0", "{value} muss größer als 0 sein"),
    "must_not_be_negative": ("{value} must not be negative", "{value} darf nicht negativ sein"),
    "not_finite": ("{value} is not a finite number", "{value} ist keine endliche Zahl"),
    "weight_not_allowed": (
        "weight {value} is not one of {allowed}",
        "Gewichtung {value} ist nicht eine von {allowed}",
    ),
    "shares_over_100": (
        "the shares add up to {total} %, more than 100 %",
        "die Anteile ergeben zusammen {total} %, mehr als 100 %",
    ),
    "costs_over_purchases": (
        "the supply fractions add up to {total}, more than the total purchases {purchases}",
        "die Zulieferanteile ergeben zusammen {total}, mehr als der Gesamteinkauf {purchases}",
    ),
    "b1_exclusive": (
        "B1.1 and B1.2 exclude each other: give one of them the weight 0 (B1.1 is {b11}, B1.2 is {b12})",
        "B1.1 und B1.2 schließen einander aus: eine der beiden braucht die Gewichtung 0 "
        "(B1.1 ist {b11}, B1.2 ist {b12})",
    ),
    "total_weight_zero": (
        "every theme has the weight 0: there is nothing to score",
        "alle Themen haben die Gewichtung 0: es gibt nichts zu bewerten",
    ),
    "negative_weight_ignored": (
        "'{code}' is a negative aspect: it has no weight, the value is ignored",
        "„{code}“ ist ein Negativaspekt: er hat keine Gewichtung, der Wert wird nicht verwendet",
    ),
    "missing_justification": (
        "'{code}' is set to {value} without a written justification",
        "„{code}“ ist ohne schriftliche Begründung auf {value} gesetzt",
    ),
    "period_order": (
        "the period ends ({end}) before it starts ({start})",
        "der Zeitraum endet ({end}) vor seinem Beginn ({start})",
    ),
    "text_too_long": (
        "the text has {length} characters, at most {limit} are allowed",
        "der Text hat {length} Zeichen, höchstens {limit} sind erlaubt",
    ),
    "empty_name": ("the name must not be empty", "der Name darf nicht leer sein"),
    "not_for_version": (
        "'{key}' does not apply to matrix {matrix}",
        "„{key}“ gilt nicht für Matrix {matrix}",
    ),
    "schedule_rate_range": (
        "tax rate {value} % is outside 0 to 100 %",
        "Steuersatz {value} % liegt außerhalb von 0 bis 100 %",
    ),
    "schedule_rising": (
        "the rate rises from {low} % to {high} % as points rise; it must never rise",
        "der Satz steigt von {low} % auf {high} %, während die Punkte steigen; er darf nie steigen",
    ),
    "schedule_bands_order": (
        "band thresholds must be strictly increasing ({value} follows {previous})",
        "die Grenzen der Stufen müssen streng steigen ({value} folgt auf {previous})",
    ),
    "schedule_empty": ("the schedule has no bands", "der Tarif hat keine Stufen"),
    "schedule_points_order": (
        "the highest rate must start below the lowest rate's points ({start} is not below {end})",
        "der höchste Satz muss bei weniger Punkten beginnen als der niedrigste ({start} ist nicht kleiner als {end})",
    ),
}


def render(code: str, params: dict[str, Any], lang: str = "en") -> str:
    """Fill the template `code` in `lang` ("en" or "de"); unknown codes show code and params."""
    templates = MESSAGES.get(code)
    if templates is None:
        return f"{code} {params}" if params else code
    template = templates[1] if lang == "de" else templates[0]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return f"{template} {params}"
