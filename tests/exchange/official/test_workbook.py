"""Official-layout workbooks (built with openpyxl) read back to the intended balance; bad ones are refused."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
from official_builder import FACTS, Spec, build, compute, filled
from openpyxl import load_workbook

from ecg_desktop.balance.model import Balance, CompanyFacts, Organisation, OwnSector, StaffCountry, SupplyFraction
from ecg_desktop.errors import InputError
from ecg_desktop.exchange.official.detect import read_any, read_any_balance
from ecg_desktop.exchange.official.workbook import excel_number, read_workbook
from ecg_desktop.scoring import score


def expected_balance(spec: Spec) -> Balance:
    """What the spec means in our balance JSON terms (written out independently of the reader)."""
    computed = compute(spec)

    def dec(value: float) -> Decimal:
        return Decimal(str(value)).normalize() if value != int(value) else Decimal(int(value))

    company = CompanyFacts(
        **{k: dec(v) for k, v in spec.amounts.items()},
        canteen=spec.canteen,
        b2b=spec.b2b,
        supply_fractions=tuple(SupplyFraction(c, s, dec(x)) for s, c, x in spec.supply if x),
        main_origin_of_other_suppliers=spec.other_origin,
        staff_countries=tuple(StaffCountry(c, dec(p)) for c, p in spec.staff if p),
        sectors=tuple(OwnSector(code, dec(p), text) for code, text, p in spec.sectors if p),
    )
    return Balance(
        matrix="5.0",
        type=spec.type,
        organisation=Organisation(name=spec.name or ""),
        company=company,
        weights={k: dec(v) for k, v in spec.theme_weights.items() if v != computed.theme_computed[k]},
        stakeholder_weights={
            k: dec(v) for k, v in spec.stakeholder_weights.items() if v != computed.stakeholder_computed[k]
        },
        aspect_weights={k: dec(v) for k, v in spec.aspect_weights.items() if v != 1},
        ratings={k: dec(v) for k, v in spec.ratings.items()},
        calculator_version="5.08" if spec.version in ("5.07", "5.08") else spec.version,
    )


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("version", ["5.06", "5.08"])
def test_filled_full_workbook_reads_back_with_parity(lang, version):
    spec = filled(lang=lang, version=version)
    imported = read_any(build(spec), "muster.xlsx")
    assert imported.kind == "workbook"
    assert imported.balance == expected_balance(spec)
    report = imported.parity
    assert report is not None and report.all_equal, "\n".join(report.text_lines())
    assert abs(report.line("total").theirs_points - Decimal(repr(compute(spec).total))) < Decimal("1e-9")
    assert report.line("total").ours_points == score(imported.balance).total
    assert len([line for line in report.lines if line.kind == "theme"]) == 20


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("balance_type", ["full", "compact"])
def test_empty_workbook_reads_as_empty_balance(lang, balance_type):
    spec = Spec(lang=lang, type=balance_type, version="5.08")
    imported = read_any(build(spec), "Leere Bilanz.xlsx")
    balance = imported.balance
    assert balance.company == CompanyFacts()
    assert balance.type == balance_type
    assert (balance.ratings, balance.weights, balance.stakeholder_weights, balance.aspect_weights) == ({}, {}, {}, {})
    assert balance.organisation.name == "Leere Bilanz"  # from the file name, with a note
    assert any(n.code == "official_name_from_file" for n in imported.notes)
    assert imported.parity is not None and imported.parity.all_equal
    assert all(line.ours_max == 50 for line in imported.parity.lines if line.kind == "theme")


@pytest.mark.parametrize("lang", ["en", "de"])
def test_compact_workbook_repeats_theme_code_and_reads_by_position(lang):
    ratings = {"A1.1": 6, "A1.2": -50, "A2.2": -10, "B1.1": 3, "E2.3": -100, "E4.1": 9, "E4.2": -5}
    spec = filled(lang=lang, type="compact", ratings=ratings, aspect_weights={})  # one positive aspect: no weight cell
    data = build(spec)
    calc = load_workbook(io.BytesIO(data))["3. Calc"]
    assert calc["B10"].value == "A1" and calc["B11"].value == "A1"  # the compact sheet's own labels
    assert calc["B72"].value.startswith("E4") and calc["B93"].value is None
    imported = read_any(data, "compact.xlsx")
    assert imported.balance == expected_balance(spec)
    assert imported.parity.all_equal


def test_d43_label_quirk_identifies_the_negative_aspect_by_position():
    spec = filled(ratings={"D4.2": 8, "D4.3": -30})
    data = build(spec)
    calc = load_workbook(io.BytesIO(data))["3. Calc"]
    labels = [calc[f"B{row}"].value for row in range(9, 94)]
    assert labels.count("D4.2") == 2 and "D4.3" not in labels
    balance = read_workbook(data, "quirk.xlsx").balance
    assert balance.ratings == {"D4.2": Decimal(8), "D4.3": Decimal(-30)}


def test_continental_averages_blank_countries_and_blank_fifth_supply_row():
    spec = filled(
        supply=[("A", "AEU", 1000), ("B", "AAS", 2000), ("Ca", "AAM", 3000), ("D", "AOC", 4000), ("E", None, None)],
        other_origin="AAF",
        staff=[("AEU", 50), (None, 20)],
    )
    imported = read_any(build(spec), "averages.xlsx")
    facts = imported.balance.company
    assert [s.country for s in facts.supply_fractions] == ["AEU", "AAS", "AAM", "AOC"]
    assert len(facts.supply_fractions) == 4  # the fifth row has no costs: it does not count
    assert facts.main_origin_of_other_suppliers == "AAF"
    assert facts.staff_countries == (StaffCountry("AEU", Decimal(50)), StaffCountry(None, Decimal(20)))
    assert any(n.code == "official_row_ignored" and n.location.row == 14 for n in imported.notes)
    assert imported.balance == expected_balance(spec)
    assert imported.parity.all_equal


def test_float_noise_in_a_share_cell_reads_as_the_shown_percentage():
    spec = filled(
        overrides={("2. Company Facts", "D30"): 0.45999999999999996, ("2. Company Facts", "C7"): 200000.00000000003}
    )
    balance = read_workbook(build(spec), "noise.xlsx").balance
    assert balance.company.staff_countries[0].share == Decimal(46)
    assert balance.company.total_purchases == Decimal(200000)
    assert excel_number(0.1 + 0.2) == Decimal("0.3")
    assert excel_number(1 / 3) == Decimal("0.333333333333333")


def test_a_weight_equal_to_the_computed_one_is_not_an_override():
    spec = filled(theme_weights={"A1": 1, "C3": 1.5}, stakeholder_weights={"E": 1}, aspect_weights={"E3.1": 1})
    data = build(spec)
    calc = load_workbook(io.BytesIO(data))["3. Calc"]
    assert str(calc["N10"].value).startswith("Weighting changed")  # the note is there, the number is the same
    balance = read_workbook(data).balance
    assert balance.weights == {"C3": Decimal("1.5")}
    assert balance.stakeholder_weights == {}
    assert balance.aspect_weights == {}


def test_user_changed_theme_aspect_and_stakeholder_weights_read_back():
    balance = read_workbook(build(filled()), "w.xlsx").balance
    assert balance.weights == {"C3": Decimal(2), "A1": Decimal(0)}
    assert balance.aspect_weights == {"E3.2": Decimal("1.5"), "C1.2": Decimal(0)}
    assert balance.stakeholder_weights == {"A": Decimal(2), "D": Decimal(0)}
    result = score(balance)
    assert result.themes["A1"].max_points == 0
    assert result.stakeholders["A"].set_by_user and result.stakeholders["A"].computed_weight == Decimal("0.5")


def test_version_507_is_kept_as_508_with_a_note():
    imported = read_any(build(filled(version="5.07")), "v7.xlsx")
    assert imported.balance.calculator_version == "5.08"
    assert any(n.code == "official_version_mapped" for n in imported.notes)


def test_organisation_name_is_read_from_its_labelled_cell():
    assert (
        read_workbook(build(filled(name="Bäckerei Korn eG", lang="de"))).balance.organisation.name == "Bäckerei Korn eG"
    )
    assert read_workbook(build(filled(name=None))).balance.organisation.name == ""


def test_first_sector_row_difference_is_named_as_the_reason():
    # K only in the second row: the workbook weighs B1 and B3 as for sector C; we (and the web calculator) as for K
    spec = filled(sectors=[("C", "Production", 60), ("K", "Small loans", 20)], theme_weights={}, stakeholder_weights={})
    report = read_any(build(spec), "k.xlsx").parity
    assert not report.all_equal
    assert report.differences and not report.unexplained
    assert {line.reason for line in report.differences} == {"first_sector_row"}
    assert report.line("B1").ours_weight == 2 and report.line("B1").theirs_weight != 2
    reason = next(r for r in report.reasons if r.code == "parity_first_sector_row")
    assert "B1, B3" in reason.message("en") and "Zeile 41" in reason.message("de")


def test_sector_b_in_a_later_row_explains_e4():
    spec = filled(sectors=[("M", "", 50), ("F", "", 10)], theme_weights={}, stakeholder_weights={})
    report = read_any(build(spec), "f.xlsx").parity
    assert report.line("E4").reason == "first_sector_row"
    assert not report.unexplained


def test_other_differences_are_reported_as_unexplained():
    spec = filled(overrides={("3. Calc", "I10"): 99.0})  # A1's cached points tampered with
    report = read_any(build(spec), "x.xlsx").parity
    assert report.line("A1").status == "different" and report.line("A1").reason == "unexplained"
    assert [r.code for r in report.reasons] == ["parity_unexplained"]
    assert report.line("A2").status == "equal"
    text = "\n".join(report.text_lines("de"))
    assert "ungeklärt" in text


def test_read_any_balance_hook_returns_balance_and_report(tmp_path):
    path = tmp_path / "Firma.xlsx"
    path.write_bytes(build(filled()))
    balance, report = read_any_balance(path)
    assert balance.organisation.name == "Muster GmbH"
    assert report is not None and report.all_equal


# ---- refusals: each names sheet and cell, and nothing is stored


def _malformed() -> list[tuple[str, Spec, str, str | None, int | None, str | None]]:
    """(id, spec, problem code, sheet, row, column)."""
    facts = "2. Company Facts"
    return [
        ("version-5.10", filled(version="5.10"), "official_unsupported_version", "0. Intro", 3, "C"),
        (
            "version-blank",
            filled(overrides={("0. Intro", "C3"): None}),
            "official_unsupported_version",
            "0. Intro",
            3,
            "C",
        ),
        ("no-calc-sheet", filled(drop_sheets=("3. Calc",)), "official_missing_sheet", "3. Calc", None, None),
        (
            "no-weighting-sheet",
            filled(drop_sheets=("9. Weighting",)),
            "official_missing_sheet",
            "9. Weighting",
            None,
            None,
        ),
        ("text-in-purchases", filled(overrides={(facts, "C7"): "200.000 EUR"}), "not_a_number", facts, 7, "C"),
        (
            "date-in-turnover",
            filled(overrides={(facts, "C37"): datetime.datetime(2024, 1, 1)}),
            "not_a_number",
            facts,
            37,
            "C",
        ),
        ("share-over-100", filled(overrides={(facts, "D30"): 1.5}), "official_share_range", facts, 30, "D"),
        ("shares-sum-over-100", filled(staff=[("DEU", 60), ("AUT", 50)]), "shares_over_100", facts, None, None),
        (
            "sector-shares-over-100",
            filled(sectors=[("M", "", 80), ("J", "", 30)]),
            "shares_over_100",
            facts,
            None,
            None,
        ),
        ("text-in-rating", filled(overrides={("3. Calc", "H11"): "gut"}), "not_a_number", "3. Calc", 11, "H"),
        ("rating-over-10", filled(ratings={"A1.1": 11}), "out_of_range", "3. Calc", 11, "H"),
        ("positive-deduction", filled(ratings={"A1.2": 5}), "out_of_range", "3. Calc", 12, "H"),
        ("weight-0.7", filled(overrides={("3. Calc", "D10"): 0.7}), "weight_not_allowed", "3. Calc", 10, "D"),
        (
            "stakeholder-weight-3",
            filled(overrides={("9. Weighting", "R50"): 3}),
            "weight_not_allowed",
            "9. Weighting",
            50,
            "R",
        ),
        (
            "unknown-sector",
            filled(overrides={(facts, "B10"): "ZZ - Nowhere industry"}),
            "unknown_sector",
            facts,
            10,
            "B",
        ),
        ("unknown-country", filled(overrides={(facts, "D11"): "XYZ Atlantis "}), "unknown_country", facts, 11, "D"),
        ("negative-employees", filled(overrides={(facts, "C26"): -3}), "must_not_be_negative", facts, 26, "C"),
        (
            "costs-over-purchases",
            filled(amounts={**FACTS, "total_purchases": 1000}),
            "costs_over_purchases",
            facts,
            None,
            None,
        ),
        ("broken-rating-rows", filled(overrides={("3. Calc", "B30"): "X9"}), "official_layout", "3. Calc", 30, "B"),
        ("no-e4-row", filled(overrides={("3. Calc", "B93"): None}), "official_layout_type", "3. Calc", 93, "B"),
    ]


@pytest.mark.parametrize(
    ("spec", "code", "sheet", "row", "column"), [case[1:] for case in _malformed()], ids=[c[0] for c in _malformed()]
)
def test_malformed_workbook_is_refused_with_a_located_message(tmp_path, spec, code, sheet, row, column):
    from ecg_desktop.services.balance_service import BalanceService

    path = tmp_path / "bad.xlsx"
    path.write_bytes(build(spec))
    with BalanceService.open(tmp_path / "data") as service:
        before = service.list_balances()
        with pytest.raises(InputError) as caught:
            balance, _report = read_any_balance(path)
            service.import_balance(balance)  # never reached: the read refuses first
        assert service.list_balances() == before
    problem = next(p for p in caught.value.problems if p.code == code)
    assert problem.location.sheet == sheet
    assert (problem.location.row, problem.location.column) == (row, column)
    if row is None and code not in ("official_missing_sheet",):
        assert problem.location.field  # a range of cells is named instead
    text = caught.value.text("de")
    assert sheet in text


def test_not_a_workbook_and_legacy_xls_are_refused(tmp_path):
    with pytest.raises(InputError) as caught:
        read_any(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old.xls")
    assert caught.value.problems[0].code == "official_legacy_file"
    with pytest.raises(InputError) as caught:
        read_any(b"just some text", "notes.txt")
    assert caught.value.problems[0].code == "official_unknown_format"
    with pytest.raises(InputError) as caught:
        read_any(b"PK\x03\x04 broken", "broken.xlsx")
    assert caught.value.problems[0].code == "file_unreadable"
