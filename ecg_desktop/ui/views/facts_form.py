"""The company facts form: validated amounts in the user's locale, searchable country and sector
pickers, shares that add up to at most 100 %, and the weights the facts produce with their reasons.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ecg_desktop.balance.model import (
    AMOUNT_FIELDS,
    SIGNED_FIELDS,
    CompanyFacts,
    OwnSector,
    StaffCountry,
    SupplyFraction,
)
from ecg_desktop.errors import InputError
from ecg_desktop.matrix.tables import countries, sectors
from ecg_desktop.scoring import score
from ecg_desktop.ui.commands import SetCompanyFactsCommand
from ecg_desktop.ui.context import BalanceContext
from ecg_desktop.ui.i18n import Retranslatable
from ecg_desktop.ui.models.views_facts import WeightsModel
from ecg_desktop.ui.pages import register_page
from ecg_desktop.ui.views.theme_page import wrap_label

HUNDRED = Decimal(100)
ERROR_STYLE = "QLineEdit { border: 1px solid #a33a2a; background: #fbeeee; }"
PREVIEW_DELAY_MS = 250


def locale_for(lang: str) -> QLocale:
    return QLocale(QLocale.Language.German if lang == "de" else QLocale.Language.English)


def format_amount(value: Decimal, locale: QLocale) -> str:
    """A Decimal with the locale's group separator and decimal point, every digit kept."""
    text = format(value.normalize() if value != value.to_integral_value() else value.quantize(Decimal(1)), ",f")
    return text.replace(",", "\x00").replace(".", locale.decimalPoint()).replace("\x00", locale.groupSeparator())


def parse_amount(text: str, locale: QLocale) -> Decimal | None:
    """Parse what a person typed in `locale` ("1.234,5" in German, "1,234.5" in English); "" is None.

    Raises ValueError for anything else.
    """
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if not cleaned:
        return None
    cleaned = cleaned.replace(locale.groupSeparator(), "").replace(locale.decimalPoint(), ".")
    if cleaned.count(".") > 1 or not any(ch.isdigit() for ch in cleaned):
        raise ValueError(text)
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not value.is_finite():
        raise ValueError(text)
    return value


class AmountEdit(QLineEdit):
    """A number in the UI language's format, kept exact as Decimal; red while it cannot be read."""

    sig_edited = Signal()
    """The text changed (valid or not)."""

    def __init__(self, lang: str, signed: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.locale_ = locale_for(lang)
        self.signed = signed
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(90)
        self.textEdited.connect(self._edited)
        self.editingFinished.connect(self._reformat)

    def set_language(self, lang: str) -> None:
        try:
            value = self.value()
        except ValueError:
            value = None
        self.locale_ = locale_for(lang)
        self.set_value(value)

    def set_value(self, value: Decimal | None) -> None:
        self.setText("" if value is None else format_amount(value, self.locale_))
        self.setStyleSheet("")

    def value(self) -> Decimal | None:
        """The amount, None when empty; ValueError when unreadable or negative where not allowed."""
        value = parse_amount(self.text(), self.locale_)
        if value is not None and value < 0 and not self.signed:
            raise ValueError(self.text())
        return value

    def is_valid(self) -> bool:
        try:
            self.value()
        except ValueError:
            return False
        return True

    def _edited(self) -> None:
        self.setStyleSheet("" if self.is_valid() else ERROR_STYLE)
        self.sig_edited.emit()

    def _reformat(self) -> None:
        if self.is_valid():
            self.set_value(self.value())


class SearchCombo(QComboBox):
    """A country or sector picker: type any part of the name (any case) to filter; "" = not entered."""

    sig_edited = Signal()
    """The choice changed."""

    def __init__(self, kind: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(8)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.currentIndexChanged.connect(lambda _i: self.sig_edited.emit())
        self.lineEdit().textEdited.connect(lambda _t: self.sig_edited.emit())
        self.set_language(lang)

    def set_language(self, lang: str) -> None:
        try:
            code = self.code() if self.count() else None
        except ValueError:
            code = None
        table = countries() if self.kind == "country" else sectors()
        entries = sorted(((item.name.get(lang), c) for c, item in table.items()), key=lambda e: e[0].casefold())
        self.blockSignals(True)
        self.clear()
        self.addItem("", "")  # "" = not entered (None as item data upsets PySide's refcounts)
        for name, code_ in entries:
            self.addItem(f"{name} ({code_})", code_)
        self.blockSignals(False)
        self.set_code(code)

    def set_code(self, code: str | None) -> None:
        index = next((i for i in range(self.count()) if self.itemData(i) == (code or "")), 0)
        self.blockSignals(True)
        self.setCurrentIndex(index)
        self.setEditText(self.itemText(index))
        self.lineEdit().setCursorPosition(0)  # show the start of a long name, not its end
        self.blockSignals(False)

    def code(self) -> str | None:
        """The chosen code; ValueError when the typed text names no entry."""
        text = self.currentText().strip()
        if not text:
            return None
        for i in range(self.count()):
            if self.itemText(i) == text:
                return self.itemData(i) or None
        matches = [i for i in range(1, self.count()) if text.casefold() in self.itemText(i).casefold()]
        if len(matches) == 1:
            return self.itemData(matches[0])
        raise ValueError(text)


class RowList(Retranslatable, QWidget):
    """Editable rows of pickers and amounts (supply fractions, staff countries, own sectors)."""

    sig_edited = Signal()
    """A row was added, removed or changed."""

    def __init__(self, columns: tuple[str, ...], lang: str, share_column: int | None = None) -> None:
        super().__init__()
        self.columns = columns  # "country", "sector", "amount", "share", "text"
        self.lang = lang
        self.share_column = share_column
        self.rows: list[list[QWidget]] = []
        self.grid = QVBoxLayout()
        self.grid.setSpacing(2)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(lambda _checked=False: self.add_row())
        self.sum_label = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        bottom.addWidget(self.sum_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addLayout(bottom)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.add_button.setText(self.tr("Add row"))
        self._update_sum()

    def add_row(self, values: tuple[object, ...] | None = None) -> list[QWidget]:
        widgets: list[QWidget] = []
        line = QHBoxLayout()
        for i, kind in enumerate(self.columns):
            widget: QWidget
            if kind in ("country", "sector"):
                widget = SearchCombo(kind, self.lang)
                widget.set_code(values[i] if values else None)  # type: ignore[arg-type]
            elif kind in ("amount", "share"):
                widget = AmountEdit(self.lang)
                widget.set_value(values[i] if values else None)  # type: ignore[arg-type]
            else:
                widget = QLineEdit(str(values[i]) if values else "")
                widget.textEdited.connect(lambda _t: self.sig_edited.emit())
            if hasattr(widget, "sig_edited"):
                widget.sig_edited.connect(self._changed)
            line.addWidget(widget, 2 if kind in ("country", "sector") else 1)
            widgets.append(widget)
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove this row"))
        remove.clicked.connect(lambda: self.remove_row(widgets))
        line.addWidget(remove)
        holder = QWidget()
        holder.setLayout(line)
        line.setContentsMargins(0, 0, 0, 0)
        widgets.append(holder)
        self.grid.addWidget(holder)
        self.rows.append(widgets)
        self._changed()
        return widgets

    def remove_row(self, widgets: list[QWidget]) -> None:
        self.rows.remove(widgets)
        widgets[-1].deleteLater()
        self._changed()

    def set_rows(self, rows: list[tuple[object, ...]]) -> None:
        for widgets in list(self.rows):
            widgets[-1].setParent(None)
            widgets[-1].deleteLater()
        self.rows = []
        for values in rows:
            self.add_row(values)
        self._update_sum()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        for widgets in self.rows:
            for widget in widgets:
                if isinstance(widget, SearchCombo | AmountEdit):
                    widget.set_language(lang)
        self._update_sum()

    def values(self, problems: list[str], label: str) -> list[tuple[object, ...]]:
        """Every row's values; unreadable cells are added to `problems` with the list and row named."""
        result: list[tuple[object, ...]] = []
        for number, widgets in enumerate(self.rows, start=1):
            row: list[object] = []
            for widget in widgets[:-1]:
                try:
                    if isinstance(widget, SearchCombo):
                        row.append(widget.code())
                    elif isinstance(widget, AmountEdit):
                        row.append(widget.value())
                    else:
                        row.append(widget.text().strip())  # type: ignore[attr-defined]
                except ValueError as exc:
                    row_text = self.tr("row %1").replace("%1", str(number))
                    problems.append(f"{label}, {row_text}: {exc.args[0]!r}")
                    row.append(None)
            result.append(tuple(row))
        return result

    def share_sum(self) -> Decimal:
        if self.share_column is None:
            return Decimal(0)
        total = Decimal(0)
        for widgets in self.rows:
            widget = widgets[self.share_column]
            if isinstance(widget, AmountEdit) and widget.is_valid():
                total += widget.value() or Decimal(0)
        return total

    def _changed(self) -> None:
        self._update_sum()
        self.sig_edited.emit()

    def _update_sum(self) -> None:
        if self.share_column is None:
            self.sum_label.clear()
            return
        total = self.share_sum()
        text = self.tr("Sum: %1 % (at most 100 %)").replace("%1", format_amount(total, locale_for(self.lang)))
        self.sum_label.setText(text)
        self.sum_label.setStyleSheet("color: #a33a2a; font-weight: bold;" if total > HUNDRED else "")


class FactsForm(Retranslatable, QWidget):
    """All company facts of the open balance; Apply stores them as one undo step."""

    def __init__(self, ctx: BalanceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lang = ctx.language
        self.amounts: dict[str, AmountEdit] = {}
        self.labels: dict[str, QLabel] = {}
        for name in (*AMOUNT_FIELDS, "n2_turnover_share"):
            edit = AmountEdit(lang, signed=name in SIGNED_FIELDS)
            edit.sig_edited.connect(self._schedule_preview)
            self.amounts[name] = edit
            self.labels[name] = QLabel()
        self.choices: dict[str, QComboBox] = {}
        for name in ("b2b", "canteen", "sole_proprietor"):
            combo = QComboBox()
            combo.currentIndexChanged.connect(self._schedule_preview)
            self.choices[name] = combo
            self.labels[name] = QLabel()
        self.origin = SearchCombo("country", lang)
        self.origin.sig_edited.connect(self._schedule_preview)
        self.labels["main_origin_of_other_suppliers"] = QLabel()
        self.supply = RowList(("country", "sector", "amount"), lang)
        self.staff = RowList(("country", "share"), lang, share_column=1)
        self.own_sectors = RowList(("sector", "share", "text"), lang, share_column=1)
        for rows in (self.supply, self.staff, self.own_sectors):
            rows.sig_edited.connect(self._schedule_preview)

        self.groups: dict[str, QGroupBox] = {}
        self.forms: dict[str, QFormLayout] = {}

        def group(key: str, fields: list[str], extra: list[tuple[str, QWidget]] | None = None) -> QGroupBox:
            box = QGroupBox()
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            for name in fields:
                widget = self.amounts.get(name) or self.choices.get(name) or self.origin
                form.addRow(self.labels[name], widget)
            for key_, widget in extra or []:
                self.labels[key_] = QLabel()
                form.addRow(self.labels[key_], widget)
            self.groups[key] = box
            self.forms[key] = form
            return box

        form_column = QWidget()
        column = QVBoxLayout(form_column)
        column.addWidget(
            group(
                "size",
                [
                    "employees",
                    "turnover",
                    "total_assets",
                    "profit",
                    "financial_costs",
                    "income_from_financial_investments",
                    "additions_to_fixed_assets",
                    "financial_assets_and_cash",
                ],
            )
        )
        column.addWidget(
            group(
                "purchases",
                ["total_purchases", "main_origin_of_other_suppliers"],
                [("supply_fractions", self.supply)],
            )
        )
        column.addWidget(
            group(
                "staff",
                ["total_staff_costs", "average_commute_km", "canteen"],
                [("staff_countries", self.staff)],
            )
        )
        column.addWidget(group("customers", ["b2b"], [("sectors", self.own_sectors)]))
        column.addWidget(group("matrix41", ["sole_proprietor", "n2_turnover_share"]))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_column)
        self.form_column = form_column

        self.problems = wrap_label(style="color: #a33a2a;")
        self.apply_button = QPushButton()
        self.revert_button = QPushButton()
        self.apply_button.clicked.connect(self.apply)
        self.revert_button.clicked.connect(self.load)
        self.status = wrap_label(style="color: #555555;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.status, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(scroll, 1)
        left_layout.addWidget(self.problems)
        left_layout.addLayout(buttons)

        self.weights_title = QLabel()
        font = self.weights_title.font()
        font.setBold(True)
        self.weights_title.setFont(font)
        self.weights_note = wrap_label(style="color: #555555;")
        self.weights = WeightsModel(self)
        self.weights_table = QTableView()
        self.weights_table.setModel(self.weights)
        self.weights_table.setWordWrap(True)
        self.weights_table.verticalHeader().setVisible(False)
        self.weights_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.weights_table.horizontalHeader()
        for col in (0, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.weights_table.setColumnHidden(1, True)  # the name is the row's tooltip; the reason needs the room
        self.weights_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.weights_title)
        right_layout.addWidget(self.weights_note)
        right_layout.addWidget(self.weights_table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([600, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.preview)
        self._loading = False
        ctx.sig_balance_changed.connect(self.load)
        self.retranslate_ui()

    # ---- texts

    def retranslate_ui(self) -> None:
        names: dict[str, str] = {
            "employees": self.tr("Employees (full-time equivalents)"),
            "turnover": self.tr("Turnover"),
            "total_assets": self.tr("Total assets"),
            "profit": self.tr("Profit (negative for a loss)"),
            "financial_costs": self.tr("Financial costs"),
            "income_from_financial_investments": self.tr("Income from financial investments"),
            "additions_to_fixed_assets": self.tr("Additions to fixed assets"),
            "financial_assets_and_cash": self.tr("Financial assets and cash"),
            "total_purchases": self.tr("Total purchases"),
            "main_origin_of_other_suppliers": self.tr("Main origin of the other suppliers"),
            "supply_fractions": self.tr("Largest purchase categories\n(country, sector, costs)"),
            "total_staff_costs": self.tr("Total staff costs"),
            "average_commute_km": self.tr("Average commute (km)"),
            "canteen": self.tr("Canteen"),
            "staff_countries": self.tr("Staff by country (%)"),
            "b2b": self.tr("Customers mainly businesses"),
            "sectors": self.tr("Own sectors\n(sector, % of turnover, description)"),
            "sole_proprietor": self.tr("Sole proprietor"),
            "n2_turnover_share": self.tr("N2: turnover share concerned (%)"),
        }
        for name, text in names.items():
            self.labels[name].setText(text)
        titles = {
            "size": self.tr("Size and finances"),
            "purchases": self.tr("Purchases"),
            "staff": self.tr("Staff"),
            "customers": self.tr("Customers and sectors"),
            "matrix41": self.tr("Matrix 4.1"),
        }
        for key, text in titles.items():
            self.groups[key].setTitle(text)
        for combo in self.choices.values():
            current = combo.currentIndex()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("not entered"), "")
            combo.addItem(self.tr("yes"), True)
            combo.addItem(self.tr("no"), False)
            combo.setCurrentIndex(max(current, 0))
            combo.blockSignals(False)
        self.apply_button.setText(self.tr("Apply"))
        self.revert_button.setText(self.tr("Revert"))
        self.apply_button.setToolTip(self.tr("Store the facts (one undo step); the weights follow at once"))
        self.weights_title.setText(self.tr("Weights from these facts"))
        lang = self.ctx.language
        for edit in self.amounts.values():
            edit.set_language(lang)
        self.origin.set_language(lang)
        for rows in (self.supply, self.staff, self.own_sectors):
            rows.set_language(lang)
        self.load()

    # ---- loading and storing

    def load(self) -> None:
        """Show the stored facts and weights (discarding what was typed but not applied)."""
        ctx = self.ctx
        if not ctx.is_open:
            self.form_column.setEnabled(False)
            return
        self._loading = True
        facts = ctx.balance.company
        family5 = ctx.matrix.is_family5
        for name, edit in self.amounts.items():
            edit.set_value(getattr(facts, name))
        for name, combo in self.choices.items():
            value = getattr(facts, name)
            combo.setCurrentIndex(0 if value is None else (1 if value else 2))
        self.origin.set_code(facts.main_origin_of_other_suppliers)
        self.supply.set_rows([(s.country, s.sector, s.costs) for s in facts.supply_fractions])
        self.staff.set_rows([(s.country, s.share) for s in facts.staff_countries])
        self.own_sectors.set_rows([(s.sector, s.share, s.description) for s in facts.sectors])
        for key in ("size", "purchases", "staff", "customers"):
            self.groups[key].setVisible(family5)
        self.groups["matrix41"].setVisible(not family5)
        self.form_column.setEnabled(not ctx.locked)
        self.apply_button.setEnabled(not ctx.locked)
        self.revert_button.setEnabled(not ctx.locked)
        self.problems.clear()
        self._loading = False
        self.weights.set_result(ctx.matrix, ctx.result)
        self.weights_note.setText(self._size_text(ctx.result))
        self.status.clear()

    def _size_text(self, result: object) -> str:
        lang = self.ctx.language
        size = next((e for e in getattr(result, "explanations", ()) if e.rule == "size"), None)
        return size.text.get(lang) if size is not None else ""

    def facts(self) -> tuple[CompanyFacts | None, list[str]]:
        """The facts as typed, or None with a list of what cannot be read (each naming the field)."""
        problems: list[str] = []
        values: dict[str, object] = {}
        for name, edit in self.amounts.items():
            try:
                values[name] = edit.value()
            except ValueError:
                problems.append(
                    self.tr("%1: cannot read %2")
                    .replace("%1", self.labels[name].text())
                    .replace("%2", repr(edit.text()))
                )
        for name, combo in self.choices.items():
            values[name] = None if combo.currentData() == "" else combo.currentData()
        try:
            values["main_origin_of_other_suppliers"] = self.origin.code()
        except ValueError:
            label = self.labels["main_origin_of_other_suppliers"].text()
            problems.append(
                self.tr("%1: no country is called %2")
                .replace("%1", label)
                .replace("%2", repr(self.origin.currentText()))
            )
        supply = self.supply.values(problems, self.labels["supply_fractions"].text().split("\n")[0])
        staff = self.staff.values(problems, self.labels["staff_countries"].text())
        own = self.own_sectors.values(problems, self.labels["sectors"].text().split("\n")[0])
        if self.staff.share_sum() > HUNDRED or self.own_sectors.share_sum() > HUNDRED:
            problems.append(self.tr("Shares must add up to at most 100 %."))
        if problems:
            return None, problems
        family5 = self.ctx.matrix.is_family5
        if not family5:
            for name in (*AMOUNT_FIELDS, "b2b", "canteen", "main_origin_of_other_suppliers"):
                values[name] = None
        else:
            values["sole_proprietor"] = values["n2_turnover_share"] = None
        facts = CompanyFacts(
            supply_fractions=tuple(
                SupplyFraction(c, s, a or Decimal(0))
                for c, s, a in supply
                if family5  # type: ignore[misc]
            ),
            staff_countries=tuple(StaffCountry(c, a or Decimal(0)) for c, a in staff if family5),  # type: ignore[misc]
            sectors=tuple(OwnSector(s, a or Decimal(0), d) for s, a, d in own if family5),  # type: ignore[misc]
            **values,  # type: ignore[arg-type]
        )
        return facts, []

    def apply(self) -> bool:
        """Store the typed facts as one undo step; show every problem (nothing is stored) otherwise."""
        facts, problems = self.facts()
        if facts is None:
            self.problems.setText("\n".join(problems))
            return False
        if facts == self.ctx.balance.company:
            self.status.setText(self.tr("Nothing changed."))
            return True
        command = SetCompanyFactsCommand(self.ctx, facts)
        self.ctx.push(command)
        if command.refused is not None:
            error = command.refused
            text = error.text(self.ctx.language) if isinstance(error, InputError) else self.ctx.error_text(error)
            self.problems.setText(text)
            return False
        self.status.setText(self.tr("Stored. The weights are updated."))
        return True

    # ---- live preview of the weights

    def _schedule_preview(self) -> None:
        if not self._loading:
            self._preview_timer.start()

    def preview(self) -> None:
        """Score the balance with the typed facts (not stored) and show the weights they would give."""
        if not self.ctx.is_open:
            return
        facts, problems = self.facts()
        if facts is None:
            self.problems.setText("\n".join(problems))
            return
        self.problems.clear()
        try:
            result = score(self.ctx.balance.with_changes(company=facts))
        except InputError as error:
            self.problems.setText(error.text(self.ctx.language))
            return
        self.weights.set_result(self.ctx.matrix, result)
        changed = facts != self.ctx.balance.company
        note = self._size_text(result)
        if changed:
            note = self.tr("Preview of the typed facts (not stored yet).") + " " + note
        self.weights_note.setText(note)


register_page(
    "facts",
    title=lambda: QCoreApplication.translate("Pages", "Company facts"),
    factory=FactsForm,
    order=30,
)
