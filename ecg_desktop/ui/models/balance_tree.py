"""Tree model of organisations (top level) and their balance sheets (children).

Holds plain rows from the service (OrganisationInfo, BalanceInfo) and ids in custom roles, so
views never parse display text. ``reload(organisations, balances)`` resets the model.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ecg_desktop.presentation import balance_type_label, format_date

if TYPE_CHECKING:
    from ecg_desktop.services.balance_service import BalanceInfo, OrganisationInfo

KindRole = Qt.ItemDataRole.UserRole + 1
""""organisation" or "balance"."""
IdRole = Qt.ItemDataRole.UserRole + 2
"""The organisation id or the balance id."""
LockedRole = Qt.ItemDataRole.UserRole + 3
"""True for a locked (audited) balance."""
ArchivedRole = Qt.ItemDataRole.UserRole + 4
"""True for an archived organisation."""

_NO_PARENT = 0  # internal id of a top-level row; a balance row stores its organisation's row + 1
_FAR_PAST = date(1, 1, 1)
Index = QModelIndex | QPersistentModelIndex


def period_text(info: BalanceInfo, lang: str) -> str:
    """'2024–2025' style label of a balance period (or '–' without a period)."""
    if info.period is None:
        return "–"
    start, end = info.period.start, info.period.end
    if start.year == end.year:
        return str(start.year)
    return (
        f"{start.year}–{end.year}"
        if (start.month, start.day) == (1, 1)
        else f"{format_date(start, lang)} – {format_date(end, lang)}"
    )


class BalanceTreeModel(QAbstractItemModel):
    """Organisations and their balances; one column."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._orgs: list[OrganisationInfo] = []
        self._balances: dict[int, list[BalanceInfo]] = {}
        self.language = "en"

    # ---- loading

    def reload(self, organisations: Iterable[OrganisationInfo], balances: Iterable[BalanceInfo]) -> None:
        """Replace everything; balances are grouped under their organisation, newest period first."""
        self.beginResetModel()
        self._orgs = sorted(organisations, key=lambda o: (o.archived, o.name.casefold(), o.id))
        known = {o.id for o in self._orgs}
        grouped: dict[int, list[BalanceInfo]] = {o.id: [] for o in self._orgs}
        for info in balances:
            if info.organisation_id in known:
                grouped[info.organisation_id].append(info)
        for rows in grouped.values():
            rows.sort(key=lambda b: (b.period.start if b.period else None) or _FAR_PAST, reverse=True)
        self._balances = grouped
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        self.language = lang
        if self._orgs:
            top_left = self.index(0, 0)
            self.dataChanged.emit(top_left, self.index(len(self._orgs) - 1, 0))
            for row in range(len(self._orgs)):
                parent = self.index(row, 0)
                count = self.rowCount(parent)
                if count:
                    self.dataChanged.emit(self.index(0, 0, parent), self.index(count - 1, 0, parent))

    def balance_label(self, info: BalanceInfo) -> str:
        """One line for a balance: period, matrix and type, revision, status."""
        kind = self.tr("compact") if info.type == "compact" else self.tr("full")
        parts = [period_text(info, self.language), f"{info.matrix} {kind}"]
        if info.revision > 1:
            parts.append(self.tr("revision {number}").format(number=info.revision))
        if info.locked:
            parts.append(self.tr("locked"))
        elif info.status == "in_review":
            parts.append(self.tr("in review"))
        elif info.status == "draft":
            parts.append(self.tr("draft"))
        return " · ".join(parts)

    # ---- look-ups

    def organisation_row(self, organisation_id: int) -> int | None:
        return next((i for i, o in enumerate(self._orgs) if o.id == organisation_id), None)

    def index_of_organisation(self, organisation_id: int) -> QModelIndex:
        row = self.organisation_row(organisation_id)
        return QModelIndex() if row is None else self.index(row, 0)

    def index_of_balance(self, balance_id: int) -> QModelIndex:
        for row, org in enumerate(self._orgs):
            for child, info in enumerate(self._balances.get(org.id, [])):
                if info.id == balance_id:
                    return self.index(child, 0, self.index(row, 0))
        return QModelIndex()

    def organisation_at(self, index: Index) -> OrganisationInfo | None:
        """The organisation of `index` (the row itself, or the parent of a balance row)."""
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == _NO_PARENT else index.internalId() - 1
        return self._orgs[row] if 0 <= row < len(self._orgs) else None

    def balance_at(self, index: Index) -> BalanceInfo | None:
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return None
        org = self._orgs[index.internalId() - 1]
        return self._balances[org.id][index.row()]

    def balances_of(self, organisation_id: int) -> list[BalanceInfo]:
        return list(self._balances.get(organisation_id, []))

    # ---- QAbstractItemModel

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _NO_PARENT) if row < len(self._orgs) else QModelIndex()
        if parent.internalId() != _NO_PARENT or parent.column() != 0:
            return QModelIndex()
        org_row = parent.row()
        if org_row >= len(self._orgs) or row >= len(self._balances[self._orgs[org_row].id]):
            return QModelIndex()
        return self.createIndex(row, 0, org_row + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _NO_PARENT)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._orgs)
        if parent.internalId() != _NO_PARENT or parent.column() != 0:
            return 0
        return len(self._balances[self._orgs[parent.row()].id])

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, ARG002
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _NO_PARENT:
            org = self._orgs[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("{name} (archived)").format(name=org.name) if org.archived else org.name
            if role == KindRole:
                return "organisation"
            if role == IdRole:
                return org.id
            if role == ArchivedRole:
                return org.archived
            if role == LockedRole:
                return False
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                font.setItalic(org.archived)
                return font
            return None
        info = self.balance_at(index)
        if info is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.balance_label(info)
        if role == Qt.ItemDataRole.ToolTipRole:
            kind = balance_type_label(info.type, self.language)
            return f"{info.organisation_name}: {self.balance_label(info)} ({kind})"
        if role == KindRole:
            return "balance"
        if role == IdRole:
            return info.id
        if role == LockedRole:
            return info.locked
        if role == ArchivedRole:
            return False
        return None
