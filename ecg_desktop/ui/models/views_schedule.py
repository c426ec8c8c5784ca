"""Editable table model of tax-schedule bands: from how many points which rate applies."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ecg_desktop.scoring.tax import Band
from ecg_desktop.ui.i18n import current_language

_Index = QModelIndex | QPersistentModelIndex


def _text(value: Decimal, lang: str) -> str:
    text = format(value.normalize(), "f") if value != value.to_integral_value() else str(int(value))
    return text.replace(".", ",") if lang == "de" else text


def _parse(text: str) -> Decimal | None:
    cleaned = text.strip().replace(" ", "").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except ArithmeticError:
        return None
    return value if value.is_finite() else None


class BandsModel(QAbstractTableModel):
    """Rows of (from points, rate %). The first band starts at the lowest total and has no threshold."""

    COLUMNS = 2

    def __init__(self, bands: tuple[Band, ...] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._bands: list[Band] = list(bands)

    def bands(self) -> tuple[Band, ...]:
        return tuple(Band(None if i == 0 else b.min_points, b.rate) for i, b in enumerate(self._bands))

    def set_bands(self, bands: tuple[Band, ...]) -> None:
        self.beginResetModel()
        self._bands = list(bands)
        self.endResetModel()

    def add_band(self) -> None:
        last = self._bands[-1] if self._bands else None
        start = (last.min_points or Decimal(0)) + 100 if last else None
        rate = last.rate if last else Decimal(0)
        row = len(self._bands)
        self.beginInsertRows(QModelIndex(), row, row)
        self._bands.append(Band(start, rate))
        self.endInsertRows()

    def remove_band(self, row: int) -> None:
        if not 0 <= row < len(self._bands) or len(self._bands) == 1:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._bands[row]
        self.endRemoveRows()
        if row == 0:
            self.dataChanged.emit(self.index(0, 0), self.index(0, 0))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._bands)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not (index.row() == 0 and index.column() == 0):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        band = self._bands[index.row()]
        lang = current_language()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if index.column() == 0:
                if index.row() == 0:
                    return self.tr("lowest total")
                return _text(band.min_points, lang) if band.min_points is not None else ""
            return _text(band.rate, lang)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable)
        ):
            return False
        number = _parse(str(value))
        if number is None:
            return False
        band = self._bands[index.row()]
        self._bands[index.row()] = Band(number, band.rate) if index.column() == 0 else Band(band.min_points, number)
        self.dataChanged.emit(index, index)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = (self.tr("From points"), self.tr("Rate (%)"))
        return names[section] if 0 <= section < len(names) else None
