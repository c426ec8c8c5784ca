"""The balance JSON format (read strictly, written canonically). See docs/balance-json.md.

Reading refuses, with the field named: malformed JSON, a key given twice in one object, a
number written as a string, a yes/no written as a string, unknown keys and codes, values out of
range. Every problem in the file is collected before anything is refused.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from ecg_desktop.balance.model import (
    AMOUNT_FIELDS,
    AUDIT_KINDS,
    STATUSES,
    AuditInfo,
    Balance,
    CompanyFacts,
    EvidenceRef,
    Organisation,
    OwnSector,
    Period,
    StaffCountry,
    SupplyFraction,
)
from ecg_desktop.errors import InputError, Location, Problem

FORMAT_ID = "ecg-desktop-balance/1"
PLAIN_EXPONENT = 40  # decimal_text writes plain digits for magnitudes 10^-40 .. 10^40
ORGANISATION_FIELDS = tuple(Organisation.__dataclass_fields__)
TOP_LEVEL_KEYS = (
    "format",
    "matrix",
    "type",
    "calculator_version",
    "organisation",
    "period",
    "company",
    "weights",
    "stakeholder_weights",
    "aspect_weights",
    "ratings",
    "justifications",
    "reasoning",
    "auditor_ratings",
    "auditor_comments",
    "audit",
    "evidence",
)
COMPANY_KEYS = (
    *AMOUNT_FIELDS,
    "supply_fractions",
    "main_origin_of_other_suppliers",
    "staff_countries",
    "sectors",
    "b2b",
    "canteen",
    "sole_proprietor",
    "n2_turnover_share",
)


class _DuplicateKeys(dict):  # type: ignore[type-arg]
    """A JSON object that remembers which keys it saw twice (reported later, with their path)."""

    duplicates: tuple[str, ...] = ()


def _pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = _DuplicateKeys()
    seen: list[str] = []
    for key, value in pairs:
        if key in result:
            seen.append(key)
        result[key] = value
    result.duplicates = tuple(seen)
    return result


def _non_finite(name: str) -> Decimal:
    """NaN, Infinity, -Infinity: kept as a non-finite Decimal so Reader.number refuses it with its field."""
    return Decimal(name)


def parse_json_text(text: str | bytes, file: str | None = None) -> Any:
    """Parse JSON with Decimal numbers; malformed text raises InputError naming line and column."""
    try:
        return json.loads(
            text,
            parse_float=Decimal,
            parse_int=Decimal,
            parse_constant=_non_finite,
            object_pairs_hook=_pairs_hook,
        )
    except json.JSONDecodeError as exc:
        raise InputError(
            [
                Problem(
                    "json_syntax",
                    Location(file=file, row=exc.lineno, column=str(exc.colno)),
                    {"detail": exc.msg},
                )
            ]
        ) from exc
    except (ValueError, RecursionError) as exc:
        raise InputError([Problem("json_syntax", Location(file=file), {"detail": str(exc)})]) from exc


class Reader:
    """Walks a parsed JSON document, collecting located problems instead of stopping at the first."""

    def __init__(self, file: str | None = None) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, message: str, path: str, /, **params: Any) -> None:
        self.problems.append(Problem(message, Location(file=self.file, field=path), params))

    def obj(self, value: Any, path: str, known: tuple[str, ...] | None = None) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.problem("not_an_object", path)
            return None
        for key in getattr(value, "duplicates", ()):
            self.problem("duplicate_key", path or "(top level)", key=key)
        if known is not None:
            for key in value:
                if key not in known:
                    self.problem("unknown_key", _join(path, key), key=key)
        return value

    def mapping(self, value: Any, path: str) -> dict[str, Any]:
        checked = self.obj(value, path)
        return checked or {}

    def number(self, value: Any, path: str) -> Decimal | None:
        if isinstance(value, bool) or not isinstance(value, Decimal | int | float):
            self.problem("not_a_number", path, found=_describe(value))
            return None
        number = Decimal(value) if not isinstance(value, Decimal) else value
        if not number.is_finite():
            self.problem("not_finite", path, value=value)
            return None
        return number

    def boolean(self, value: Any, path: str) -> bool | None:
        if not isinstance(value, bool):
            self.problem("not_a_bool", path, found=_describe(value))
            return None
        return value

    def string(self, value: Any, path: str) -> str | None:
        if not isinstance(value, str):
            self.problem("not_a_string", path, found=_describe(value))
            return None
        return value

    def code(self, value: Any, path: str) -> str | None:
        """A country or sector code; null or an empty text means "not given"."""
        if value is None:
            return None
        text = self.string(value, path)
        return text.strip() or None if text is not None else None

    def day(self, value: Any, path: str) -> date | None:
        text = self.string(value, path)
        if text is None:
            return None
        try:
            return date.fromisoformat(text[:10]) if len(text) >= 10 and text[4] == "-" else date.fromisoformat(text)
        except ValueError:
            self.problem("not_a_date", path, found=text)
            return None

    def moment(self, value: Any, path: str) -> datetime | None:
        text = self.string(value, path)
        if text is None:
            return None
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            self.problem("not_a_date", path, found=text)
            return None

    def items(self, value: Any, path: str) -> list[Any]:
        if not isinstance(value, list):
            self.problem("not_a_list", path)
            return []
        return value

    def code_map(self, value: Any, path: str, convert: Callable[[Any, str], Any]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, item in self.mapping(value, path).items():
            converted = convert(item, _join(path, key))
            if converted is not None:
                result[key] = converted
        return result


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _describe(value: Any) -> str:
    """A found value as it was written, the same in every language: "7", true, null, [...], {...}."""
    if isinstance(value, str):
        return json.dumps(value if len(value) <= 60 else value[:57] + "...", ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[...]"
    if isinstance(value, dict):
        return "{...}"
    return str(value)


def balance_from_data(data: Any, file: str | None = None, reader: Reader | None = None) -> Balance:
    """Build a Balance from parsed JSON and validate it against its matrix; raise InputError on errors."""
    from ecg_desktop.balance.validate import validate_balance

    r = reader or Reader(file)
    top = r.obj(data, "", TOP_LEVEL_KEYS)
    if top is None:
        raise InputError(r.problems)
    fmt = top.get("format")
    if fmt is not None and fmt != FORMAT_ID:
        r.problem("unknown_matrix" if False else "not_for_version", "format", key=str(fmt), matrix=FORMAT_ID)
    matrix = top.get("matrix")
    if matrix is None:
        r.problem("missing_key", "matrix", key="matrix")
    elif not isinstance(matrix, str):
        r.problem("not_a_string", "matrix", found=_describe(matrix))
        matrix = None
    balance_type = r.string(top.get("type", "full"), "type") or "full"
    company = _company(r, top.get("company", {}))
    organisation = _organisation(r, top.get("organisation", {}))
    period = _period(r, top["period"]) if top.get("period") is not None else None
    audit = _audit(r, top.get("audit", {}))
    evidence = tuple(
        _evidence(r, item, f"evidence[{i}]") for i, item in enumerate(r.items(top.get("evidence", []), "evidence"))
    )
    calculator_version = top.get("calculator_version")
    if calculator_version is not None:
        calculator_version = r.string(calculator_version, "calculator_version")
    balance = Balance(
        matrix=matrix or "",
        type=balance_type,
        organisation=organisation,
        period=period,
        company=company,
        weights=r.code_map(top.get("weights", {}), "weights", r.number),
        stakeholder_weights=r.code_map(top.get("stakeholder_weights", {}), "stakeholder_weights", r.number),
        aspect_weights=r.code_map(top.get("aspect_weights", {}), "aspect_weights", r.number),
        ratings=r.code_map(top.get("ratings", {}), "ratings", r.number),
        justifications=r.code_map(top.get("justifications", {}), "justifications", r.string),
        calculator_version=calculator_version,
        reasoning=r.code_map(top.get("reasoning", {}), "reasoning", r.string),
        auditor_ratings=r.code_map(top.get("auditor_ratings", {}), "auditor_ratings", r.number),
        auditor_comments=r.code_map(top.get("auditor_comments", {}), "auditor_comments", r.string),
        audit=audit,
        evidence=tuple(e for e in evidence if e is not None),
    )
    if matrix is not None:
        # a field the reader already refused (a number written as text, say) was read as 0:
        # its follow-up complaints ("0 must be greater than 0") would only confuse
        refused = {p.location.field for p in r.problems}
        r.problems.extend(
            p for p in validate_balance(balance, file) if p.severity == "error" and p.location.field not in refused
        )
    errors = [p for p in r.problems if p.severity == "error"]
    if errors:
        raise InputError(errors)
    return balance


def load_balance(text: str | bytes, file: str | None = None) -> Balance:
    """Parse and validate a balance JSON text."""
    return balance_from_data(parse_json_text(text, file), file)


def _company(r: Reader, value: Any) -> CompanyFacts:
    data = r.obj(value, "company", COMPANY_KEYS)
    if data is None:
        return CompanyFacts()
    amounts: dict[str, Decimal | None] = {}
    for name in (*AMOUNT_FIELDS, "n2_turnover_share"):
        if data.get(name) is not None:
            amounts[name] = r.number(data[name], f"company.{name}")
    supply = []
    for i, item in enumerate(r.items(data.get("supply_fractions", []), "company.supply_fractions")):
        path = f"company.supply_fractions[{i}]"
        entry = r.obj(item, path, ("country", "sector", "costs"))
        if entry is None:
            continue
        if "costs" not in entry:
            r.problem("missing_key", f"{path}.costs", key="costs")
        costs = r.number(entry.get("costs"), f"{path}.costs") if "costs" in entry else None
        supply.append(
            SupplyFraction(
                r.code(entry.get("country"), f"{path}.country"),
                r.code(entry.get("sector"), f"{path}.sector"),
                costs or Decimal(0),
            )
        )
    staff = []
    for i, item in enumerate(r.items(data.get("staff_countries", []), "company.staff_countries")):
        path = f"company.staff_countries[{i}]"
        entry = r.obj(item, path, ("country", "share"))
        if entry is None:
            continue
        if "share" not in entry:
            r.problem("missing_key", f"{path}.share", key="share")
        share = r.number(entry.get("share"), f"{path}.share") if "share" in entry else None
        staff.append(StaffCountry(r.code(entry.get("country"), f"{path}.country"), share or Decimal(0)))
    sectors = []
    for i, item in enumerate(r.items(data.get("sectors", []), "company.sectors")):
        path = f"company.sectors[{i}]"
        entry = r.obj(item, path, ("sector", "share", "description"))
        if entry is None:
            continue
        if "share" not in entry:
            r.problem("missing_key", f"{path}.share", key="share")
        share = r.number(entry.get("share"), f"{path}.share") if "share" in entry else None
        description = r.string(entry.get("description", ""), f"{path}.description") or ""
        sectors.append(OwnSector(r.code(entry.get("sector"), f"{path}.sector"), share or Decimal(0), description))
    flags: dict[str, bool | None] = {}
    for name in ("b2b", "canteen", "sole_proprietor"):
        if data.get(name) is not None:
            flags[name] = r.boolean(data[name], f"company.{name}")
    return CompanyFacts(
        **amounts,  # type: ignore[arg-type]
        **flags,  # type: ignore[arg-type]
        supply_fractions=tuple(supply),
        main_origin_of_other_suppliers=r.code(
            data.get("main_origin_of_other_suppliers"), "company.main_origin_of_other_suppliers"
        ),
        staff_countries=tuple(staff),
        sectors=tuple(sectors),
    )


def _organisation(r: Reader, value: Any) -> Organisation:
    data = r.obj(value, "organisation", ORGANISATION_FIELDS)
    if data is None:
        return Organisation()
    fields = {}
    for name in ORGANISATION_FIELDS:
        if name in data:
            text = r.string(data[name], f"organisation.{name}")
            if text is not None:
                fields[name] = text
    return Organisation(**fields)


def _period(r: Reader, value: Any) -> Period | None:
    data = r.obj(value, "period", ("start", "end"))
    if data is None:
        return None
    for key in ("start", "end"):
        if key not in data:
            r.problem("missing_key", f"period.{key}", key=key)
    start = r.day(data.get("start"), "period.start") if "start" in data else None
    end = r.day(data.get("end"), "period.end") if "end" in data else None
    if start is None or end is None:
        return None
    if end < start:
        r.problem("period_order", "period.end", start=start.isoformat(), end=end.isoformat())
    return Period(start, end)


def _audit(r: Reader, value: Any) -> AuditInfo:
    data = r.obj(value, "audit", ("status", "kind", "auditor", "audit_date", "valid_until"))
    if data is None:
        return AuditInfo()
    status = r.string(data.get("status", "draft"), "audit.status") or "draft"
    if status not in STATUSES:
        r.problem("out_of_range", "audit.status", value=status, low=STATUSES[0], high=STATUSES[-1])
    kind = r.string(data.get("kind", "self"), "audit.kind") or "self"
    if kind not in AUDIT_KINDS:
        r.problem("out_of_range", "audit.kind", value=kind, low=AUDIT_KINDS[0], high=AUDIT_KINDS[-1])
    return AuditInfo(
        status=status,
        kind=kind,
        auditor=r.string(data.get("auditor", ""), "audit.auditor") or "",
        audit_date=r.day(data["audit_date"], "audit.audit_date") if data.get("audit_date") else None,
        valid_until=r.day(data["valid_until"], "audit.valid_until") if data.get("valid_until") else None,
    )


def _evidence(r: Reader, value: Any, path: str) -> EvidenceRef | None:
    data = r.obj(value, path, ("sha256", "name", "size", "codes", "description", "added_at"))
    if data is None:
        return None
    sha = r.string(data.get("sha256"), f"{path}.sha256") or ""
    if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
        r.problem("not_a_string", f"{path}.sha256", found=_describe(data.get("sha256")))
    size = r.number(data.get("size", 0), f"{path}.size") or Decimal(0)
    codes = tuple(
        c
        for i, c in enumerate(r.items(data.get("codes", []), f"{path}.codes"))
        if r.string(c, f"{path}.codes[{i}]") is not None
    )
    return EvidenceRef(
        sha256=sha,
        name=r.string(data.get("name", ""), f"{path}.name") or "",
        size=int(size),
        codes=codes,
        description=r.string(data.get("description", ""), f"{path}.description") or "",
        added_at=r.moment(data["added_at"], f"{path}.added_at") if data.get("added_at") else None,
    )


# ---- writing


@lru_cache(maxsize=8192)  # scoring explanations format the same few values hundreds of times
def decimal_text(value: Decimal) -> str:
    """Exact digits of a Decimal, in exponent form only beyond 10^±40 (never a billion zeros); -0 becomes 0."""
    if not value.is_finite() or not -PLAIN_EXPONENT <= value.adjusted() <= PLAIN_EXPONENT:
        return "0" if value.is_zero() else str(value)
    text = format(value, "f")  # plain digits; not normalize(): it would round to the context's precision
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def dumps(data: Any, indent: int | None = 2) -> str:
    """Serialise plain data that may hold Decimals, writing each Decimal's exact digits."""
    pad = "" if indent is None else " " * indent

    def write(value: Any, depth: int) -> str:
        if isinstance(value, Decimal):
            if not value.is_finite():
                raise ValueError("not a finite number")
            return decimal_text(value)
        if isinstance(value, bool) or value is None or isinstance(value, int | str):
            return json.dumps(value, ensure_ascii=False)
        if isinstance(value, float):
            if not math.isfinite(value):
                raise ValueError("not a finite number")
            return repr(value)
        newline = "" if indent is None else "\n" + pad * (depth + 1)
        close = "" if indent is None else "\n" + pad * depth
        sep = ", " if indent is None else ","
        if isinstance(value, Mapping):
            if not value:
                return "{}"
            items = [json.dumps(str(k), ensure_ascii=False) + ": " + write(v, depth + 1) for k, v in value.items()]
            return "{" + newline + (sep + newline).join(items) + close + "}"
        if isinstance(value, list | tuple):
            if not value:
                return "[]"
            return "[" + newline + (sep + newline).join(write(v, depth + 1) for v in value) + close + "]"
        raise TypeError(f"cannot write {type(value).__name__} as JSON")

    return write(data, 0)


def balance_to_data(balance: Balance, *, full: bool = True) -> dict[str, Any]:
    """The balance as plain JSON data. `full=False` leaves out narrative, audit and evidence."""
    company: dict[str, Any] = {}
    facts = balance.company
    for name in AMOUNT_FIELDS:
        value = getattr(facts, name)
        if value is not None:
            company[name] = value
    if facts.supply_fractions:
        company["supply_fractions"] = [
            _without_none({"country": s.country, "sector": s.sector, "costs": s.costs}) for s in facts.supply_fractions
        ]
    if facts.main_origin_of_other_suppliers is not None:
        company["main_origin_of_other_suppliers"] = facts.main_origin_of_other_suppliers
    if facts.staff_countries:
        company["staff_countries"] = [
            _without_none({"country": s.country, "share": s.share}) for s in facts.staff_countries
        ]
    if facts.sectors:
        company["sectors"] = [
            _without_none({"sector": s.sector, "share": s.share, "description": s.description or None})
            for s in facts.sectors
        ]
    for name in ("b2b", "canteen", "sole_proprietor"):
        if getattr(facts, name) is not None:
            company[name] = getattr(facts, name)
    if facts.n2_turnover_share is not None:
        company["n2_turnover_share"] = facts.n2_turnover_share
    data: dict[str, Any] = {"format": FORMAT_ID, "matrix": balance.matrix, "type": balance.type}
    if balance.calculator_version:
        data["calculator_version"] = balance.calculator_version
    organisation = {
        k: getattr(balance.organisation, k) for k in ORGANISATION_FIELDS if getattr(balance.organisation, k)
    }
    if organisation:
        data["organisation"] = organisation
    if balance.period:
        data["period"] = {"start": balance.period.start.isoformat(), "end": balance.period.end.isoformat()}
    data["company"] = company
    for name in ("weights", "stakeholder_weights", "aspect_weights", "ratings", "justifications"):
        value = getattr(balance, name)
        if value:
            data[name] = dict(sorted(value.items(), key=lambda kv: _code_key(kv[0])))
    if full:
        for name in ("reasoning", "auditor_ratings", "auditor_comments"):
            value = getattr(balance, name)
            if value:
                data[name] = dict(sorted(value.items(), key=lambda kv: _code_key(kv[0])))
        audit = balance.audit
        if audit != AuditInfo():
            data["audit"] = _without_none(
                {
                    "status": audit.status,
                    "kind": audit.kind,
                    "auditor": audit.auditor or None,
                    "audit_date": audit.audit_date.isoformat() if audit.audit_date else None,
                    "valid_until": audit.valid_until.isoformat() if audit.valid_until else None,
                }
            )
        if balance.evidence:
            data["evidence"] = [
                _without_none(
                    {
                        "sha256": e.sha256,
                        "name": e.name,
                        "size": e.size,
                        "codes": list(e.codes),
                        "description": e.description or None,
                        "added_at": e.added_at.isoformat() if e.added_at else None,
                    }
                )
                for e in balance.evidence
            ]
    return data


def dump_balance(balance: Balance, *, full: bool = True) -> str:
    """The balance as JSON text (UTF-8, two-space indent, exact decimal digits)."""
    return dumps(balance_to_data(balance, full=full)) + "\n"


def _without_none(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


def _code_key(code: str) -> tuple[Any, ...]:
    """Sort A1.2 before A1.10 and N2 before N10."""
    parts: list[Any] = []
    for piece in code.replace(".", " ").split():
        head = piece.rstrip("0123456789")
        tail = piece[len(head) :]
        parts.append((head, int(tail) if tail else -1))
    return tuple(parts)


def to_decimal(value: Any) -> Decimal | None:
    """A number from a spreadsheet cell or JSON value as Decimal (None when it is not a number)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value)) if math.isfinite(value) else None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None
