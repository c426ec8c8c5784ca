"""Build workbooks in the layout of ECG's Excel calculator (official-formats.md section 1) for tests.

The official file is ECG's and is not copied into the project: these workbooks are written
from the documented layout (sheet names, cells, choice texts in English and German, numbers
cached as numbers). Their result cells (points, maxima, weights, total) are computed here
from scoring.md in binary floating point, as Excel does, independently of ecg_desktop.scoring,
and with the workbook's own rule that B1, B3 and E4 look only at the first own-sector row.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from ecg_desktop.matrix import load_matrix

ROOT = Path(__file__).resolve().parents[3]
WORLD_PPP = 1.00304566871495
AGGREGATES = {"AAF", "AAM", "AAS", "AEU", "AOC", "AWO"}
AVERAGE_TEXT = {
    "AAF": "Average Africa",
    "AAM": "Average Americas",
    "AAS": "Average Asia",
    "AEU": "Average Europe",
    "AOC": "Average Oceania",
}
SHEETS = (
    "0. Intro",
    "1. General",
    "2. Company Facts",
    "3. Calc",
    "4. ECG-Matrix",
    "5. Values",
    "6. Stakeholder",
    "7. Topics",
    "8. Descr.Weighting",
    "9. Weighting",
    "9. Change-Management",
    "10. Industry",
    "11.Region",
    "12.lan",
)
TEXTS = {
    "en": {
        "yes": "yes",
        "no": "no",
        "choose": "Please choose",
        "enter": "Please enter",
        "changed": "Weighting changed. Original {word} ({value})",
        "words": {0.0: "not relevant", 0.5: "low", 1.0: "medium", 1.5: "high", 2.0: "very high"},
        "negative": "Negative aspect: ",
        "sizes": {
            "micro": "Micro-business",
            "small": "Small business",
            "medium": "Medium business",
            "large": "Large business",
        },
        "language": "English",
        "name_label": "Company name",
    },
    "de": {
        "yes": "ja",
        "no": "nein",
        "choose": "Bitte Auswählen",
        "enter": "Please enter",
        "changed": "Gewichtung geändert. Ursprünglich {word} ({value})",
        "words": {0.0: "nicht relevant", 0.5: "niedrig", 1.0: "mittel", 1.5: "hoch", 2.0: "sehr hoch"},
        "negative": "Negativ-Aspekt: ",
        "sizes": {
            "micro": "Kleinstunternehmen",
            "small": "Kleinunternehmen",
            "medium": "Mittleres Unternehmen",
            "large": "Grossunternehmen",
        },
        "language": "Deutsch",
        "name_label": "Unternehmensname",
    },
}
FACT_LABELS = {  # row -> (English, German) label of the facts sheet, our own words
    7: ("Total purchases from suppliers", "Gesamteinkauf bei Lieferant*innen"),
    18: ("Profit", "Gewinn"),
    19: ("Financing costs", "Finanzierungskosten"),
    20: ("Income from financial investments", "Erträge aus Finanzanlagen"),
    21: ("Total assets", "Bilanzsumme"),
    22: ("Additions to fixed assets", "Zugänge zum Anlagevermögen"),
    23: ("Financial assets and cash", "Finanzanlagen und Kassenbestand"),
    26: ("Employees (full-time equivalents)", "Mitarbeitende (Vollzeitäquivalente)"),
    27: ("Staff costs", "Personalkosten"),
    33: ("Average commute (km)", "Durchschnittlicher Arbeitsweg (km)"),
    34: ("Canteen", "Kantine"),
    37: ("Turnover", "Umsatz"),
    38: ("Mainly business customers", "Überwiegend Geschäftskund*innen"),
    46: ("Company size", "Unternehmensgröße"),
}


AMOUNT_ROWS = {  # official-formats.md: amounts in column C of "2. Company Facts"
    "total_purchases": 7,
    "profit": 18,
    "financial_costs": 19,
    "income_from_financial_investments": 20,
    "total_assets": 21,
    "additions_to_fixed_assets": 22,
    "financial_assets_and_cash": 23,
    "employees": 26,
    "total_staff_costs": 27,
    "average_commute_km": 33,
    "turnover": 37,
}


def _table(name: str) -> list[dict[str, str]]:
    with (ROOT / "resources" / "tables" / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


COUNTRIES = {row["code"]: row for row in _table("countries.csv")}
SECTORS = {row["code"]: row for row in _table("sectors.csv")}


@dataclass
class Spec:
    """One workbook to build. Facts are in our units (shares in percent); None = cell left empty."""

    version: str = "5.08"
    type: str = "full"
    lang: str = "en"
    name: str | None = None
    amounts: dict[str, float] = field(default_factory=dict)  # our company keys -> number
    canteen: bool | None = None
    b2b: bool | None = None
    # (sector code or None, country code or None, costs or None) for rows 10-14
    supply: list[tuple[str | None, str | None, float | None]] = field(default_factory=list)
    other_origin: str | None = None
    staff: list[tuple[str | None, float | None]] = field(default_factory=list)  # (country, percent)
    sectors: list[tuple[str | None, str, float | None]] = field(default_factory=list)  # (code, text, percent)
    ratings: dict[str, float] = field(default_factory=dict)
    theme_weights: dict[str, float] = field(default_factory=dict)  # set by hand
    aspect_weights: dict[str, float] = field(default_factory=dict)  # set by hand
    stakeholder_weights: dict[str, float] = field(default_factory=dict)  # set by hand
    label_quirk: bool = True  # 5.08 full labels D4.3 as "D4.2"
    overrides: dict[tuple[str, str], object] = field(default_factory=dict)  # (sheet, "D30") -> value, last
    drop_sheets: tuple[str, ...] = ()


# ---- the independent float scorer (scoring.md part 1, with the workbook's first-row rule)


def _sig15(x: float) -> float:
    return float(f"{x:.15g}")


def _ppp(code: str | None) -> float:
    return WORLD_PPP if code is None else float(COUNTRIES[code]["ppp_index"])


def _supplier_ituc(code: str | None) -> float:
    if code is None or code == "AWO":
        return 2.99  # 5.0: World and blank both 2.99
    return float(COUNTRIES[code]["ituc"])


def _row_weight(r: float) -> float:
    r = min(max(_sig15(r), 60.0), 300.0)
    if r == 60:
        return 0.5
    if r == 300:
        return 2.0
    return 1.0 if r < 180 else 1.5


@dataclass
class Computed:
    stakeholder_computed: dict[str, float]
    stakeholder_used: dict[str, float]
    theme_from_facts: dict[str, float]
    theme_computed: dict[str, float]
    theme_used: dict[str, float]
    theme_points: dict[str, float]
    theme_max: dict[str, float]
    aspect_points: dict[str, float]
    aspect_max: dict[str, float]
    aspect_used: dict[str, float]
    total: float
    size: str


def compute(spec: Spec) -> Computed:
    a = {k: float(v) for k, v in spec.amounts.items()}

    def amt(key: str) -> float:
        return a.get(key, 0.0)

    supply = [(s, c, float(x)) for s, c, x in spec.supply if x]
    staff = [(c, p / 100) for c, p in spec.staff if p]
    own = [(code, p / 100) for code, _t, p in spec.sectors if p]
    origin = spec.other_origin or "AWO"
    listed = sum(x for _s, _c, x in supply)
    rest = amt("total_purchases") - listed
    s_val = sum(x * _ppp(c) for _s, c, x in supply) + rest * _ppp(origin)
    staff_costs = amt("total_staff_costs")
    p_val = sum(staff_costs * f * _ppp(c) for c, f in staff) + (1 - sum(f for _c, f in staff)) * WORLD_PPP * staff_costs
    fi = (
        amt("profit")
        + amt("financial_costs")
        + amt("income_from_financial_investments")
        + amt("additions_to_fixed_assets")
    )
    d = s_val + p_val + fi
    ratios = (
        {"A": 100.0, "B": 100.0, "C": 100.0}
        if d == 0
        else {"A": 60 * s_val / d * 5, "B": 60 * fi / d * 10, "C": 60 * p_val / d * 10}
    )
    stake = {k: _row_weight(v) for k, v in ratios.items()} | {"D": 1.0, "E": 1.0}

    employees, turnover, assets = amt("employees"), amt("turnover"), amt("total_assets")
    if employees < 10 and (turnover <= 2e6 or assets <= 2e6):
        size = "micro"
    elif employees < 50 and (turnover <= 1e7 or assets <= 1e7):
        size = "small"
    elif employees < 250 and (turnover <= 5e7 or assets <= 4.3e7):
        size = "medium"
    else:
        size = "large"

    w: dict[str, float] = dict.fromkeys(("A1", "A2", "C1", "C2", "D1", "D2", "E1"), 1.0)
    if len(supply) < 5 or any(s is None for s, _c, _x in supply):
        v = 1.0
    else:
        weighted = [x * _ppp(c) for _s, c, x in supply]
        v = sum(
            wt * float(SECTORS[s]["ecological_supply_chain_risk"]) for wt, (s, _c, _x) in zip(weighted, supply)
        ) / sum(weighted)
    v = _sig15(v)
    w["A3"] = 2.0 if v > 1.5 else 1.5 if v > 1.25 else 0.5 if v < 0.75 else 1.0
    if s_val == 0:
        ituc = 0.0
    else:
        ituc = sum(x * _ppp(c) / s_val * _supplier_ituc(c) for _s, c, x in supply)
        ituc += rest * _ppp(origin) / s_val * _supplier_ituc(origin)
    i = _sig15(ituc)
    w["A4"] = 0.5 if i < 1.5 else 1.0 if i < 3.26 else 1.5 if i < 4.5 else 2.0
    first = spec.sectors[0][0] if spec.sectors else None  # the workbook's rule: row 41 only
    if first == "K":
        w["B1"] = 2.0
        w["B3"] = 2.0
    else:
        q = 0.3 if assets == 0 else turnover / assets
        q = _sig15(q)
        w["B1"] = 1.5 if q < 0.1 else 0.5 if q > 0.5 else 1.0
        invest = amt("additions_to_fixed_assets") + amt("financial_assets_and_cash")
        q3 = _sig15(0.2 if assets == 0 else invest / assets)
        w["B3"] = 0.5 if q3 < 0.1 else 1.5 if q3 > 0.25 else 1.0
    if turnover == 0:
        w["B2"] = 1.0
        w["E2"] = 1.0
    else:
        m = _sig15(amt("profit") / turnover)
        w["B2"] = 1.5 if m > 0.1 else 0.0 if m < 0.001 else 0.5 if m < 0.03 else 1.0
        w["E2"] = 0.5 if m < 0.05 else 1.5 if m > 0.1 else 1.0
    w["B4"] = 0.5 if size == "micro" else 1.0
    commute = amt("average_commute_km")
    w["C3"] = 0.5 if commute < 10 and not spec.canteen else 1.5 if commute > 25 else 1.0
    staff_ituc = sum(f * float(COUNTRIES[c]["ituc"]) for c, f in staff if c and c not in AGGREGATES and c <= "LKA")
    if employees == 1:
        w["C4"] = 0.0
    elif size == "micro":
        w["C4"] = 0.5
    else:
        w["C4"] = 1.5 if _sig15(staff_ituc) > 3.25 else 1.0
    e = sum(f * (float(SECTORS[c]["ecological_design_of_products_and_services"]) if c else 1.0) for c, f in own)
    e = _sig15(e + (1 - sum(f for _c, f in own)))
    w["D3"] = w["E3"] = 0.5 if e < 0.75 else 1.0 if e < 1.25 else 2.0 if e > 1.75 else 1.5
    w["D4"] = 1.5 if spec.b2b else 1.0
    w["E4"] = 1.5 if first in ("B", "F") else 0.5 if size in ("micro", "small") else 1.0

    numbers = (
        list(a.values())
        + [x for _s, _c, x in supply]
        + [p for _c, p in spec.staff if p]
        + [p for _c, _t, p in spec.sectors if p]
        + [rest]
    )
    empty = all(n == 0 for n in numbers) and not spec.b2b and not spec.canteen
    computed = dict.fromkeys(w, 1.0) if empty else dict(w)
    used = computed | {k: float(v) for k, v in spec.theme_weights.items()}
    stake_used = stake | {k: float(v) for k, v in spec.stakeholder_weights.items()}

    matrix = load_matrix("5.0")
    total_weight = sum(stake_used[t.stakeholder] * used[t.code] for t in matrix.themes)
    points: dict[str, float] = {}
    maxima: dict[str, float] = {}
    a_points: dict[str, float] = {}
    a_max: dict[str, float] = {}
    a_used: dict[str, float] = {}
    for theme in matrix.themes:
        max_t = stake_used[theme.stakeholder] * used[theme.code] / total_weight * 1000
        aspects = matrix.aspects_of(theme.code, spec.type)
        for aspect in aspects:
            if aspect.positive:
                a_used[aspect.code] = float(spec.aspect_weights.get(aspect.code, 1.0))
        wsum = sum(a_used[x.code] for x in aspects if x.positive)
        p_t = 0.0
        for aspect in aspects:
            rating = float(spec.ratings.get(aspect.code, 0.0))
            if aspect.positive:
                m_a = 0.0 if wsum == 0 else max_t * a_used[aspect.code] / wsum
                p_a = m_a * rating / 10
            else:
                m_a = -200 * max_t / 50
                p_a = rating * max_t / 50
            a_points[aspect.code], a_max[aspect.code] = p_a, m_a
            p_t += p_a
        points[theme.code], maxima[theme.code] = p_t, max_t
    total = max(sum(points.values()), -3600.0)
    return Computed(stake, stake_used, w, computed, used, points, maxima, a_points, a_max, a_used, total, size)


# ---- writing


def _num_text(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def region_text(code: str | None, lang: str) -> str | None:
    if code is None:
        return None
    if code in AVERAGE_TEXT:
        return AVERAGE_TEXT[code]
    return f"{code} {COUNTRIES[code]['name_de' if lang == 'de' else 'name_en']} "


def industry_text(code: str | None, lang: str) -> str:
    if code is None:
        return TEXTS[lang]["choose"]
    return f"{code} - {SECTORS[code]['name_de' if lang == 'de' else 'name_en']}"


def build(spec: Spec) -> bytes:
    """The workbook as .xlsx bytes."""
    from openpyxl import Workbook

    t = TEXTS[spec.lang]
    de = spec.lang == "de"
    result = compute(spec)
    book = Workbook()
    book.remove(book.active)
    sheets = {name: book.create_sheet(name) for name in SHEETS if name not in spec.drop_sheets}
    for name, sheet in sheets.items():
        sheet["A1"] = name

    intro = sheets.get("0. Intro")
    if intro is not None:
        intro["B3"] = "Version"
        intro["C3"] = spec.version
        intro["B5"] = "Sprache" if de else "Language"
        intro["C5"] = t["language"]
    general = sheets.get("1. General")
    if general is not None and spec.name is not None:
        general["B3"] = t["name_label"]
        general["C3"] = spec.name

    facts = sheets.get("2. Company Facts")
    if facts is not None:
        for row, (en, de_label) in FACT_LABELS.items():
            facts[f"A{row}"] = de_label if de else en
        for key, row in AMOUNT_ROWS.items():
            if key in spec.amounts:
                facts[f"C{row}"] = spec.amounts[key]
        for key, row in (("canteen", 34), ("b2b", 38)):
            value = getattr(spec, key)
            facts[f"C{row}"] = t["choose"] if value is None else t["yes"] if value else t["no"]
        for index in range(5):
            row = 10 + index
            sector, country, costs = spec.supply[index] if index < len(spec.supply) else (None, None, None)
            facts[f"B{row}"] = industry_text(sector, spec.lang)
            if country is not None:
                facts[f"D{row}"] = region_text(country, spec.lang)
            if costs is not None:
                facts[f"F{row}"] = costs
        if spec.other_origin is not None:
            facts["D15"] = region_text(spec.other_origin, spec.lang)
        facts["F15"] = spec.amounts.get("total_purchases", 0) - sum(x or 0 for _s, _c, x in spec.supply)
        for index in range(3):
            row = 30 + index
            country, percent = spec.staff[index] if index < len(spec.staff) else (None, None)
            if country is not None:
                facts[f"B{row}"] = region_text(country, spec.lang)
            if percent is not None:
                facts[f"D{row}"] = percent / 100
        for index in range(3):
            row = 41 + index
            code, text, percent = spec.sectors[index] if index < len(spec.sectors) else (None, "", None)
            facts[f"B{row}"] = industry_text(code, spec.lang)
            facts[f"C{row}"] = text or t["enter"]
            if percent is not None:
                facts[f"D{row}"] = percent / 100
        facts["C46"] = t["sizes"][result.size]

    calc = sheets.get("3. Calc")
    if calc is not None:
        _write_calc(calc, spec, result)

    weighting = sheets.get("9. Weighting")
    if weighting is not None:
        for code, row in zip("ABCDE", range(49, 54)):
            weighting[f"J{row}"] = code
            weighting[f"K{row}"] = result.stakeholder_computed[code]
            weighting[f"R{row}"] = result.stakeholder_used[code]
        for row, letter in ((16, "A"), (24, "B"), (30, "C"), (37, "D"), (43, "E")):
            for index, column in enumerate("MNOP"):
                weighting[f"{column}{row}"] = result.theme_computed[f"{letter}{index + 1}"]

    for (sheet_name, ref), value in spec.overrides.items():
        book[sheet_name][ref] = value  # type: ignore[assignment]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _write_calc(calc: object, spec: Spec, result: Computed) -> None:
    t = TEXTS[spec.lang]
    lang = spec.lang
    matrix = load_matrix("5.0")
    calc["B8"] = "Nr."  # type: ignore[index]
    calc["C8"] = "Berührungsgruppen / Themen / Aspekte" if lang == "de" else "Stakeholders / Themes / Aspects"  # type: ignore[index]
    calc["I4"] = result.total  # type: ignore[index]
    row = 9
    for group in matrix.stakeholders:
        themes = [th for th in matrix.themes if th.stakeholder == group.code]
        calc[f"B{row}"] = group.code  # type: ignore[index]
        calc[f"C{row}"] = group.name.get(lang)  # type: ignore[index]
        calc[f"D{row}"] = result.stakeholder_used[group.code]  # type: ignore[index]
        calc[f"L{row}"] = result.stakeholder_computed[group.code]  # type: ignore[index]
        points = sum(result.theme_points[th.code] for th in themes)
        maximum = sum(result.theme_max[th.code] for th in themes)
        calc[f"H{row}"] = points / maximum if maximum else "-"  # type: ignore[index]
        calc[f"I{row}"] = points  # type: ignore[index]
        calc[f"J{row}"] = maximum  # type: ignore[index]
        row += 1
        for theme in themes:
            code = theme.code
            calc[f"B{row}"] = code  # type: ignore[index]
            calc[f"C{row}"] = theme.name.get(lang)  # type: ignore[index]
            calc[f"D{row}"] = result.theme_used[code]  # type: ignore[index]
            calc[f"F{row}"] = result.theme_from_facts[code]  # type: ignore[index]
            maximum = result.theme_max[code]
            calc[f"H{row}"] = result.theme_points[code] / maximum if maximum else "-"  # type: ignore[index]
            calc[f"I{row}"] = result.theme_points[code]  # type: ignore[index]
            calc[f"J{row}"] = maximum  # type: ignore[index]
            calc[f"L{row}"] = result.theme_computed[code]  # type: ignore[index]
            if code in spec.theme_weights:
                original = result.theme_computed[code]
                calc[f"N{row}"] = t["changed"].format(word=t["words"][original], value=_num_text(original))  # type: ignore[index]
            row += 1
            aspects = matrix.aspects_of(code, spec.type)
            positives = [x for x in aspects if x.positive]
            for aspect in aspects:
                label = aspect.code
                if spec.type == "compact" and aspect.positive:
                    label = code  # the compact sheet repeats the theme code
                if spec.label_quirk and spec.type == "full" and aspect.code == "D4.3":
                    label = "D4.2"
                calc[f"B{row}"] = label  # type: ignore[index]
                name = aspect.name.get(lang)
                if spec.type == "compact" and aspect.positive:
                    name = theme.name.get(lang)
                if not aspect.positive and not name.startswith(("Negative", "Negativ")):
                    name = t["negative"] + name
                calc[f"C{row}"] = name  # type: ignore[index]
                if aspect.positive and len(positives) > 1:
                    calc[f"D{row}"] = result.aspect_used[aspect.code]  # type: ignore[index]
                if aspect.positive:
                    calc[f"K{row}"] = 1  # type: ignore[index]
                    calc[f"F{row}"] = "0-10"  # type: ignore[index]
                    if aspect.code in spec.aspect_weights:
                        calc[f"N{row}"] = t["changed"].format(word=t["words"][1.0], value="1")  # type: ignore[index]
                else:
                    calc[f"F{row}"] = "-200-0"  # type: ignore[index]
                if aspect.code in spec.ratings:
                    calc[f"H{row}"] = spec.ratings[aspect.code]  # type: ignore[index]
                calc[f"I{row}"] = result.aspect_points[aspect.code]  # type: ignore[index]
                calc[f"J{row}"] = result.aspect_max[aspect.code]  # type: ignore[index]
                row += 1
    calc["I95"] = result.total  # type: ignore[index]
    calc["J95"] = 1000  # type: ignore[index]


def write(spec: Spec, path: Path) -> Path:
    path.write_bytes(build(spec))
    return path


# ---- the filled example most tests start from

FACTS = {
    "total_purchases": 200000,
    "profit": 45000,
    "financial_costs": 2000,
    "income_from_financial_investments": 500,
    "total_assets": 800000,
    "additions_to_fixed_assets": 40000,
    "financial_assets_and_cash": 120000,
    "employees": 42,
    "total_staff_costs": 1500000,
    "average_commute_km": 12.5,
    "turnover": 3000000,
}


def filled(**changes: object) -> Spec:
    spec = Spec(
        name="Muster GmbH",
        amounts=dict(FACTS),
        canteen=True,
        b2b=True,
        supply=[("Ca", "DEU", 50000), ("F", "AEU", 30000), ("G", "CHN", 20000), ("M", None, 10000), ("C", "EGY", 5000)],
        other_origin="AUT",
        staff=[("DEU", 46), ("AAF", 10), (None, 4)],
        sectors=[("M", "Consulting", 70), ("J", "Software", 30)],
        ratings={"A1.1": 4, "A1.2": -20, "A2.1": 7, "B1.3": 3.5, "C2.2": 10, "D4.3": -10, "E3.2": 7, "E4.3": -200},
        theme_weights={"C3": 2, "A1": 0},  # computed: C3 1, A1 1
        aspect_weights={"E3.2": 1.5, "C1.2": 0},
        stakeholder_weights={"A": 2, "D": 0},  # computed: A 0.5, D 1
    )
    for key, value in changes.items():
        setattr(spec, key, value)
    return spec
