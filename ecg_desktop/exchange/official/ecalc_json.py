"""The web calculator's balance JSON (schema package econgood-it/e-calculator-schema), both ways.

Import takes a create-request body or a response body (official-formats.md, section 2) and
gives a Balance that keeps the calculator version (5.06/5.08/5.09/5.10). A response also
carries the calculator's own points per theme; they come back as ExternalResults for the
parity report. Export writes a create-request body that the calculator accepts: types as the
schema wants them, weights from {0, 0.5, 1, 1.5, 2}, percentages 1-100, ISO date-times.

Mapping rules (ours <- theirs): a theme weight is an override when a request gives it or a
response marks it `isWeightSelectedByUser`; a positive aspect's weight is an override when a
request gives it, or a response marks it or differs from the default; negative aspects carry
no weight. Unknown keys are ignored, as the calculator's own schema does. Dates: a date-time
is rounded to the nearest midnight (UTC), because browsers east of Greenwich send local
midnight as 22:00 or 23:00 of the day before.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from ecg_desktop.balance.json_format import Reader, dumps, parse_json_text
from ecg_desktop.balance.model import (
    AMOUNT_FIELDS,
    Balance,
    CompanyFacts,
    Organisation,
    OwnSector,
    Period,
    StaffCountry,
    SupplyFraction,
)
from ecg_desktop.balance.validate import validate_balance
from ecg_desktop.errors import InputError, Location, Problem
from ecg_desktop.exchange.official.parity import ExternalResults, ThemeFigures
from ecg_desktop.matrix import load_matrix

VERSIONS = {"5.06": "5.0", "5.08": "5.0", "5.09": "5.0", "5.10": "5.1"}
DEFAULT_VERSION = {"5.0": "5.08", "5.1": "5.10"}
TYPES = {"Full": "full", "Compact": "compact"}
WEIGHTS = (Decimal(0), Decimal("0.5"), Decimal(1), Decimal("1.5"), Decimal(2))
STAKEHOLDERS = ("A", "B", "C", "D", "E")
# companyFacts key -> our company key (official-formats.md section 2)
FACT_KEYS = {
    "numberOfEmployees": "employees",
    "turnover": "turnover",
    "totalAssets": "total_assets",
    "profit": "profit",
    "financialCosts": "financial_costs",
    "incomeFromFinancialInvestments": "income_from_financial_investments",
    "additionsToFixedAssets": "additions_to_fixed_assets",
    "financialAssetsAndCashBalance": "financial_assets_and_cash",
    "totalPurchaseFromSuppliers": "total_purchases",
    "totalStaffCosts": "total_staff_costs",
    "averageJourneyToWorkForStaffInKm": "average_commute_km",
}
assert set(FACT_KEYS.values()) == set(AMOUNT_FIELDS)
OUR_FACT_KEYS = {ours: theirs for theirs, ours in FACT_KEYS.items()}
SECTORS_THAT_COUNT_AT_ANY_SHARE = {"K", "B", "F"}
# The schema's e-mail rule (zod's pattern), restated.
EMAIL = re.compile(r"^(?!\.)(?!.*\.\.)[A-Za-z0-9_'+\-.]*[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$")


def is_ecalc_data(data: Any) -> bool:
    """True for a parsed web-calculator balance (request or response), False for our balance JSON."""
    if not isinstance(data, dict) or "matrix" in data or "format" in data:
        return False
    return data.get("type") in TYPES or "companyFacts" in data or isinstance(data.get("ratings"), list)


# ---- import


def load_ecalc(
    text: str | bytes, file: str | None = None
) -> tuple[Balance, ExternalResults | None, tuple[Problem, ...]]:
    """Parse and convert a web-calculator JSON text; see ecalc_to_balance."""
    return ecalc_to_balance(parse_json_text(text, file), file)


def ecalc_to_balance(data: Any, file: str | None = None) -> tuple[Balance, ExternalResults | None, tuple[Problem, ...]]:
    """A web-calculator balance as our Balance, the calculator's own results (responses only), notes.

    Raises InputError with every problem, each naming the JSON field (in the calculator's names).
    """
    r = Reader(file)
    notes: list[Problem] = []
    origins: dict[str, str] = {}
    top = r.obj(data, "")
    if top is None:
        raise InputError(r.problems)
    version = top.get("version")
    matrix_version: str | None = None
    if not isinstance(version, str) or version not in VERSIONS:
        r.problem("ecalc_unknown_version", "version", found=str(version), known=", ".join(VERSIONS))
    else:
        matrix_version = VERSIONS[version]
    kind = top.get("type")
    balance_type = TYPES.get(kind) if isinstance(kind, str) else None
    if balance_type is None:
        r.problem("unknown_type", "type", found=str(kind), known=", ".join(TYPES))
    company = _company(r, top.get("companyFacts", {}), notes, origins)
    organisation, period = _general(r, top.get("generalInformation"))
    stakeholder_weights = _stakeholder_weights(r, top.get("stakeholderWeights", []), origins)
    weights: dict[str, Decimal] = {}
    aspect_weights: dict[str, Decimal] = {}
    ratings: dict[str, Decimal] = {}
    themes: dict[str, ThemeFigures] = {}
    response = False
    if matrix_version is not None and balance_type is not None:
        response = _ratings(
            r, top.get("ratings", []), matrix_version, balance_type, weights, aspect_weights, ratings, themes, origins
        )
    if r.problems:
        raise InputError(r.problems)
    assert matrix_version is not None and balance_type is not None and isinstance(version, str)
    balance = Balance(
        matrix=matrix_version,
        type=balance_type,
        organisation=organisation,
        period=period,
        company=company,
        weights=weights,
        stakeholder_weights=stakeholder_weights,
        aspect_weights=aspect_weights,
        ratings=ratings,
        calculator_version=version,
    )
    errors = [p for p in validate_balance(balance, file) if p.severity == "error"]
    if errors:
        raise InputError([_relocate(p, origins, file) for p in errors])
    results = None
    if response:
        results = ExternalResults(source="ecalc", themes=themes, stakeholder_weights={}, total=None)
    return balance, results, tuple(notes)


def _relocate(problem: Problem, origins: dict[str, str], file: str | None) -> Problem:
    field = problem.location.field or ""
    probe = field
    while probe and probe not in origins:
        probe = probe.rsplit(".", 1)[0] if "." in probe else ""
    if not probe:
        return problem
    return Problem(problem.code, Location(file=file, field=origins[probe] + field[len(probe) :]), problem.params)


def _company(r: Reader, value: Any, notes: list[Problem], origins: dict[str, str]) -> CompanyFacts:
    data = r.obj(value, "companyFacts")
    if data is None:
        return CompanyFacts()
    amounts: dict[str, Decimal | None] = {}
    for theirs, ours in FACT_KEYS.items():
        origins[f"company.{ours}"] = f"companyFacts.{theirs}"
        if data.get(theirs) is not None:
            amounts[ours] = r.number(data[theirs], f"companyFacts.{theirs}")
    flags: dict[str, bool | None] = {}
    for theirs, ours in (("isB2B", "b2b"), ("hasCanteen", "canteen")):
        origins[f"company.{ours}"] = f"companyFacts.{theirs}"
        if data.get(theirs) is not None:
            flags[ours] = r.boolean(data[theirs], f"companyFacts.{theirs}")

    supply: list[SupplyFraction] = []
    for i, item in enumerate(r.items(data.get("supplyFractions", []), "companyFacts.supplyFractions")):
        path = f"companyFacts.supplyFractions[{i}]"
        entry = r.obj(item, path)
        if entry is None:
            continue
        if entry.get("costs") is None:
            r.problem("missing_key", f"{path}.costs", key="costs")
            continue
        costs = r.number(entry["costs"], f"{path}.costs")
        origins[f"company.supply_fractions[{len(supply)}]"] = path
        supply.append(
            SupplyFraction(
                _fix_code(r.code(entry.get("countryCode"), f"{path}.countryCode")),
                _fix_code(r.code(entry.get("industryCode"), f"{path}.industryCode")),
                costs if costs is not None else Decimal(0),
            )
        )
    _rename(origins, "company.supply_fractions", {"country": "countryCode", "sector": "industryCode"})
    origins["company.supply_fractions"] = "companyFacts.supplyFractions"

    staff: list[StaffCountry] = []
    for i, item in enumerate(r.items(data.get("employeesFractions", []), "companyFacts.employeesFractions")):
        path = f"companyFacts.employeesFractions[{i}]"
        entry = r.obj(item, path)
        if entry is None:
            continue
        if entry.get("percentage") is None:
            r.problem("missing_key", f"{path}.percentage", key="percentage")
            continue
        share = r.number(entry["percentage"], f"{path}.percentage")
        if share is not None and share.is_zero():
            notes.append(Problem("ecalc_zero_share_dropped", Location(file=r.file, field=path), {}, "warning"))
            continue
        origins[f"company.staff_countries[{len(staff)}]"] = path
        staff.append(
            StaffCountry(_fix_code(r.code(entry.get("countryCode"), f"{path}.countryCode")), share or Decimal(0))
        )
    _rename(origins, "company.staff_countries", {"country": "countryCode", "share": "percentage"})
    origins["company.staff_countries"] = "companyFacts.employeesFractions"

    own: list[OwnSector] = []
    for i, item in enumerate(r.items(data.get("industrySectors", []), "companyFacts.industrySectors")):
        path = f"companyFacts.industrySectors[{i}]"
        entry = r.obj(item, path)
        if entry is None:
            continue
        if entry.get("amountOfTotalTurnover") is None:
            r.problem("missing_key", f"{path}.amountOfTotalTurnover", key="amountOfTotalTurnover")
            continue
        share = r.number(entry["amountOfTotalTurnover"], f"{path}.amountOfTotalTurnover")
        sector = _fix_code(r.code(entry.get("industryCode"), f"{path}.industryCode"))
        description = r.string(entry.get("description", ""), f"{path}.description") or ""
        if share is not None and share.is_zero() and sector not in SECTORS_THAT_COUNT_AT_ANY_SHARE:
            notes.append(Problem("ecalc_zero_share_dropped", Location(file=r.file, field=path), {}, "warning"))
            continue
        origins[f"company.sectors[{len(own)}]"] = path
        own.append(OwnSector(sector, share if share is not None else Decimal(0), description))
    _rename(origins, "company.sectors", {"sector": "industryCode", "share": "amountOfTotalTurnover"})
    origins["company.sectors"] = "companyFacts.industrySectors"

    origin_value = data.get("mainOriginOfOtherSuppliers")
    origins["company.main_origin_of_other_suppliers"] = "companyFacts.mainOriginOfOtherSuppliers"
    if isinstance(origin_value, dict):  # a response: {countryCode, costs}
        origin = r.code(origin_value.get("countryCode"), "companyFacts.mainOriginOfOtherSuppliers.countryCode")
    else:
        origin = r.code(origin_value, "companyFacts.mainOriginOfOtherSuppliers")
    return CompanyFacts(
        **amounts,  # type: ignore[arg-type]
        **flags,  # type: ignore[arg-type]
        supply_fractions=tuple(supply),
        main_origin_of_other_suppliers=_fix_code(origin),
        staff_countries=tuple(staff),
        sectors=tuple(own),
    )


def _add(r: Reader, message: str, path: str, /, **params: Any) -> None:
    """Reader.problem for templates that take a `code` parameter (it would clash with its own argument)."""
    r.problems.append(Problem(message, Location(file=r.file, field=path), params))


def _fix_code(code: str | None) -> str | None:
    return code.strip() if code and code.strip() else None


def _rename(origins: dict[str, str], prefix: str, names: dict[str, str]) -> None:
    """Add field-level origins (ours -> theirs) for every list entry already mapped under `prefix`."""
    for key in [k for k in origins if k.startswith(prefix + "[")]:
        for ours, theirs in names.items():
            origins[f"{key}.{ours}"] = f"{origins[key]}.{theirs}"


def _general(r: Reader, value: Any) -> tuple[Organisation, Period | None]:
    if value is None:
        return Organisation(), None
    data = r.obj(value, "generalInformation")
    if data is None:
        return Organisation(), None
    company = r.mapping(data.get("company", {}), "generalInformation.company")
    contact = r.mapping(data.get("contactPerson", {}), "generalInformation.contactPerson")
    name = r.string(company.get("name", ""), "generalInformation.company.name") or ""
    person = r.string(contact.get("name", ""), "generalInformation.contactPerson.name") or ""
    email = r.string(contact.get("email", ""), "generalInformation.contactPerson.email") or ""
    period = None
    if data.get("period") is not None:
        span = r.mapping(data["period"], "generalInformation.period")
        start = _day(r, span.get("start"), "generalInformation.period.start")
        end = _day(r, span.get("end"), "generalInformation.period.end")
        if start is not None and end is not None:
            if end < start:
                r.problem("period_order", "generalInformation.period.end", start=start.isoformat(), end=end.isoformat())
            period = Period(start, end)
    return Organisation(name=name.strip(), contact_person=person.strip(), contact_email=email.strip()), period


def _day(r: Reader, value: Any, path: str) -> date | None:
    """An ISO date-time, rounded to the nearest midnight UTC (see the module note); a plain date as is."""
    text = r.string(value, path)
    if text is None:
        return None
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        r.problem("not_a_date", path, found=text)
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return (moment + timedelta(hours=12)).date()


def _stakeholder_weights(r: Reader, value: Any, origins: dict[str, str]) -> dict[str, Decimal]:
    result: dict[str, Decimal] = {}
    for i, item in enumerate(r.items(value if value is not None else [], "stakeholderWeights")):
        path = f"stakeholderWeights[{i}]"
        entry = r.obj(item, path)
        if entry is None:
            continue
        code = r.string(entry.get("shortName"), f"{path}.shortName")
        weight = r.number(entry.get("weight"), f"{path}.weight")
        if code is None or weight is None:
            continue
        if code not in STAKEHOLDERS:
            _add(r, "unknown_stakeholder", f"{path}.shortName", code=code)
            continue
        origins[f"stakeholder_weights.{code}"] = f"{path}.weight"
        result[code] = weight
    return result


def _ratings(
    r: Reader,
    value: Any,
    matrix_version: str,
    balance_type: str,
    weights: dict[str, Decimal],
    aspect_weights: dict[str, Decimal],
    ratings: dict[str, Decimal],
    themes: dict[str, ThemeFigures],
    origins: dict[str, str],
) -> bool:
    """Fill the maps from the rating list; True when it is a response (it carries points)."""
    matrix = load_matrix(matrix_version)
    response = False
    entries: list[tuple[str, dict[str, Any], str]] = []
    for i, item in enumerate(r.items(value if value is not None else [], "ratings")):
        path = f"ratings[{i}]"
        entry = r.obj(item, path)
        if entry is None:
            continue
        code = r.string(entry.get("shortName"), f"{path}.shortName")
        if code is None:
            continue
        if "points" in entry or "maxPoints" in entry or "isWeightSelectedByUser" in entry:
            response = True
        entries.append((code, entry, path))
    for code, entry, path in entries:
        weight = r.number(entry["weight"], f"{path}.weight") if entry.get("weight") is not None else None
        selected = entry.get("isWeightSelectedByUser")
        if selected is not None and not isinstance(selected, bool):
            r.problem("not_a_bool", f"{path}.isWeightSelectedByUser", found=str(selected))
            selected = None
        is_response_entry = "isWeightSelectedByUser" in entry or "points" in entry
        if matrix.has_theme(code):
            set_by_user = selected is True if is_response_entry else weight is not None
            if weight is not None and set_by_user:
                weights[code] = weight
                origins[f"weights.{code}"] = f"{path}.weight"
            themes[code] = ThemeFigures(
                points=_lenient_number(entry.get("points")),
                max_points=_lenient_number(entry.get("maxPoints")),
                weight=weight,
            )
            continue
        aspect = matrix.aspect(code, balance_type)
        if aspect is None:
            _add(r, "unknown_code", f"{path}.shortName", code=code, matrix=matrix_version, type=balance_type)
            continue
        if entry.get("estimations") is not None:
            estimation = r.number(entry["estimations"], f"{path}.estimations")
            if estimation is not None:
                ratings[code] = estimation
                origins[f"ratings.{code}"] = f"{path}.estimations"
        # a request gives only weights the user chose; a response gives every weight
        chosen = not is_response_entry or selected is True or weight != aspect.default_weight
        if aspect.positive and weight is not None and chosen:
            aspect_weights[code] = weight
            origins[f"aspect_weights.{code}"] = f"{path}.weight"
    # 5.1: B1.2 takes the weight 1 by itself when B1.1 is switched off; that is not a user's choice.
    if (
        response
        and matrix_version == "5.1"
        and aspect_weights.get("B1.1") == 0
        and aspect_weights.get("B1.2") == 1
        and not _selected(entries, "B1.2")
    ):
        del aspect_weights["B1.2"]
    return response


def _selected(entries: list[tuple[str, dict[str, Any], str]], code: str) -> bool:
    return any(c == code and e.get("isWeightSelectedByUser") is True for c, e, _ in entries)


def _lenient_number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, Decimal | int | float):
        return None
    number = Decimal(value) if not isinstance(value, Decimal) else value
    return number if number.is_finite() else None


# ---- export


def ecalc_export_problems(
    balance: Balance,
    *,
    company_name: str | None = None,
    contact_name: str | None = None,
    contact_email: str | None = None,
) -> list[Problem]:
    """Why `balance` cannot go to the web calculator as it is (empty: it can)."""
    if balance.matrix not in DEFAULT_VERSION:
        return [Problem("ecalc_matrix", Location(field="matrix"), {"matrix": balance.matrix})]
    problems = [p for p in validate_balance(balance) if p.severity == "error"]
    name, person, email = _general_values(balance, company_name, contact_name, contact_email)
    needs = (
        (name, "organisation.name"),
        (person, "organisation.contact_person"),
        (email, "organisation.contact_email"),
    )
    for value, path in needs:
        if not value:
            problems.append(Problem("ecalc_needs", Location(field=path)))
    if email and not EMAIL.match(email):
        problems.append(Problem("ecalc_bad_email", Location(field="organisation.contact_email"), {"found": email}))
    return problems


def _general_values(
    balance: Balance, company_name: str | None, contact_name: str | None, contact_email: str | None
) -> tuple[str, str, str]:
    org = balance.organisation
    return (
        (company_name if company_name is not None else org.name).strip(),
        (contact_name if contact_name is not None else org.contact_person).strip(),
        (contact_email if contact_email is not None else org.contact_email).strip(),
    )


def balance_to_ecalc(
    balance: Balance,
    *,
    company_name: str | None = None,
    contact_name: str | None = None,
    contact_email: str | None = None,
) -> dict[str, Any]:
    """The balance as a web-calculator create-request body; InputError when it cannot be one.

    The name and contact arguments fill in (or replace) the organisation's own fields.
    """
    problems = ecalc_export_problems(
        balance, company_name=company_name, contact_name=contact_name, contact_email=contact_email
    )
    if problems:
        raise InputError(problems)
    matrix = load_matrix(balance.matrix)
    facts = balance.company
    company: dict[str, Any] = {}
    for ours, theirs in OUR_FACT_KEYS.items():
        value = getattr(facts, ours)
        if value is not None:
            company[theirs] = value
    if facts.b2b is not None:
        company["isB2B"] = facts.b2b
    if facts.canteen is not None:
        company["hasCanteen"] = facts.canteen
    company["supplyFractions"] = [
        _without_none({"countryCode": s.country, "industryCode": s.sector, "costs": s.costs})
        for s in facts.supply_fractions
    ]
    company["employeesFractions"] = [
        _without_none({"countryCode": s.country, "percentage": s.share}) for s in facts.staff_countries
    ]
    company["industrySectors"] = [
        _without_none({"industryCode": s.sector, "amountOfTotalTurnover": s.share, "description": s.description})
        for s in facts.sectors
    ]
    if facts.main_origin_of_other_suppliers is not None:
        company["mainOriginOfOtherSuppliers"] = facts.main_origin_of_other_suppliers

    ratings: list[dict[str, Any]] = []
    for theme in matrix.themes:
        if theme.code in balance.weights:
            ratings.append({"shortName": theme.code, "weight": balance.weights[theme.code]})
        for aspect in matrix.aspects_of(theme.code, balance.type):
            entry: dict[str, Any] = {"shortName": aspect.code}
            if aspect.positive and aspect.code in balance.aspect_weights:
                entry["weight"] = balance.aspect_weights[aspect.code]
            if aspect.code in balance.ratings:
                entry["estimations"] = balance.ratings[aspect.code]
            if len(entry) > 1:
                ratings.append(entry)
    name, person, email = _general_values(balance, company_name, contact_name, contact_email)
    general: dict[str, Any] = {"company": {"name": name}, "contactPerson": {"name": person, "email": email}}
    if balance.period is not None:
        general["period"] = {"start": _moment(balance.period.start), "end": _moment(balance.period.end)}
    return {
        "type": "Full" if balance.type == "full" else "Compact",
        "version": balance.calculator_version or DEFAULT_VERSION[balance.matrix],
        "companyFacts": company,
        "ratings": ratings,
        "stakeholderWeights": [
            {"shortName": code, "weight": balance.stakeholder_weights[code]}
            for code in STAKEHOLDERS
            if code in balance.stakeholder_weights
        ],
        "generalInformation": general,
    }


def dump_ecalc(
    balance: Balance,
    *,
    company_name: str | None = None,
    contact_name: str | None = None,
    contact_email: str | None = None,
) -> str:
    """The create-request body as JSON text (exact decimal digits, two-space indent)."""
    data = balance_to_ecalc(balance, company_name=company_name, contact_name=contact_name, contact_email=contact_email)
    return dumps(data) + "\n"


def _moment(day: date) -> str:
    return f"{day.isoformat()}T00:00:00.000Z"


def _without_none(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}
