"""Editor of the illustrative tax schedule: bands or a straight line, checked as you type."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecg_desktop.scoring.tax import (
    ILLUSTRATIVE,
    PRESETS,
    TaxSchedule,
    ecg_vat_example,
    linear_schedule,
    validate_schedule,
)
from ecg_desktop.ui.i18n import Retranslatable, current_language
from ecg_desktop.ui.models.views_schedule import BandsModel, _parse, _text


class ScheduleDialog(Retranslatable, QDialog):
    """Edit a TaxSchedule; OK is enabled only while the schedule is valid (rates never rise)."""

    def __init__(self, schedule: TaxSchedule, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.preset = QComboBox()
        self.preset.activated.connect(self._preset_chosen)
        self.name = QLineEdit(schedule.name)
        self.bands = BandsModel(schedule.bands or ecg_vat_example().bands, self)
        self.bands.dataChanged.connect(self.check)
        self.bands.rowsInserted.connect(self.check)
        self.bands.rowsRemoved.connect(self.check)
        self.table = QTableView()
        self.table.setModel(self.bands)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.add_button.clicked.connect(lambda _checked=False: self.bands.add_band())
        self.remove_button.clicked.connect(self._remove_band)
        band_page = QWidget()
        band_layout = QVBoxLayout(band_page)
        band_layout.setContentsMargins(0, 0, 0, 0)
        band_layout.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        band_layout.addLayout(row)
        lang = current_language()
        linear = schedule if schedule.kind == "linear" else linear_schedule()
        self.highest = QLineEdit(_text(linear.highest_rate, lang))
        self.lowest = QLineEdit(_text(linear.lowest_rate, lang))
        self.from_points = QLineEdit(_text(linear.from_points, lang))
        for edit in (self.highest, self.lowest, self.from_points):
            edit.textChanged.connect(self.check)
        linear_page = QWidget()
        self.linear_form = QFormLayout(linear_page)
        self.linear_labels = [QLabel(), QLabel(), QLabel()]
        for label, edit in zip(self.linear_labels, (self.highest, self.lowest, self.from_points), strict=True):
            self.linear_form.addRow(label, edit)
        self.pages = QStackedWidget()
        self.pages.addWidget(band_page)
        self.pages.addWidget(linear_page)
        self.form = QFormLayout()
        self.kind_label, self.preset_label, self.name_label = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.kind_label, self.kind)
        self.form.addRow(self.preset_label, self.preset)
        self.form.addRow(self.name_label, self.name)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #a33a2a;")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self._initial_kind = schedule.kind
        self.resize(480, 460)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Tax schedule"))
        kind = self.kind.currentData() or self._initial_kind
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(self.tr("Bands (rate by points)"), "bands")
        self.kind.addItem(self.tr("Straight line"), "linear")
        self.kind.setCurrentIndex(0 if kind == "bands" else 1)
        self.kind.blockSignals(False)
        self.pages.setCurrentIndex(self.kind.currentIndex())
        self.preset.clear()
        self.preset.addItem(self.tr("Choose a preset…"), "")
        self.preset.addItem(self.tr("ECG VAT example (five classes)"), "ecg-vat-example")
        self.preset.addItem(self.tr("Straight line 40 % to 10 %"), "linear")
        self.kind_label.setText(self.tr("Kind"))
        self.preset_label.setText(self.tr("Preset"))
        self.name_label.setText(self.tr("Name"))
        self.add_button.setText(self.tr("Add band"))
        self.remove_button.setText(self.tr("Remove band"))
        texts = (
            self.tr("Highest rate (%)"),
            self.tr("Lowest rate (%) at 1000 points"),
            self.tr("Highest rate up to points"),
        )
        for label, text in zip(self.linear_labels, texts, strict=True):
            label.setText(text)
        self.note.setText(ILLUSTRATIVE.get(current_language()))
        self.check()

    def _kind_changed(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.check()

    def _remove_band(self) -> None:
        rows = self.table.selectionModel().selectedRows() or self.table.selectionModel().selectedIndexes()
        if rows:
            self.bands.remove_band(rows[0].row())

    def _preset_chosen(self, index: int) -> None:
        key = self.preset.itemData(index)
        if not key:
            return
        preset = PRESETS[key]()
        self.name.setText(preset.name)
        if preset.kind == "bands":
            self.kind.setCurrentIndex(0)
            self.bands.set_bands(preset.bands)
        else:
            self.kind.setCurrentIndex(1)
            lang = current_language()
            self.highest.setText(_text(preset.highest_rate, lang))
            self.lowest.setText(_text(preset.lowest_rate, lang))
            self.from_points.setText(_text(preset.from_points, lang))
        self.check()

    def schedule(self) -> TaxSchedule | None:
        """The schedule as entered, or None when a number cannot be read."""
        name = self.name.text().strip()
        if self.kind.currentData() == "bands":
            return TaxSchedule(kind="bands", name=name, bands=self.bands.bands())
        numbers = [_parse(e.text()) for e in (self.highest, self.lowest, self.from_points)]
        if any(n is None for n in numbers):
            return None
        high, low, start = numbers
        return TaxSchedule(kind="linear", name=name, highest_rate=high, lowest_rate=low, from_points=start)  # type: ignore[arg-type]

    def check(self) -> bool:
        schedule = self.schedule()
        lang = current_language()
        if schedule is None:
            text = self.tr("Every rate and point value must be a number.")
        else:
            text = "\n".join(p.message(lang) for p in validate_schedule(schedule))
        self.problems.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not text)
        return not text

    @classmethod
    def ask(cls, parent: QWidget | None, schedule: TaxSchedule) -> TaxSchedule | None:
        """Show the dialog; the edited schedule, or None when cancelled."""
        dialog = cls(schedule, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.schedule()
        return None


__all__ = ["ScheduleDialog"]
