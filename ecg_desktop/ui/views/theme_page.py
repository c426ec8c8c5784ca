"""The theme page: guidance, and per aspect the level, reasoning, evidence, weight and justification.

Every edit becomes an undo command pushed on the context; the context re-scores and emits
sig_balance_changed, and the page updates its numbers in place (editors keep focus and cursor).
The page also shows the 4.1 negative criteria (code "N").
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QFocusEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ecg_desktop.balance.model import Balance
from ecg_desktop.matrix.model import Aspect, Matrix, NegativeCriterion, Theme
from ecg_desktop.presentation import format_number, format_percent, format_points
from ecg_desktop.scoring.result import ScoreResult
from ecg_desktop.services.missing import MIN_REASONING, NEGATIVE_CRITERIA_PAGE, aspect_weight
from ecg_desktop.ui.commands import (
    AttachEvidenceCommand,
    SetAspectWeightCommand,
    SetJustificationCommand,
    SetRatingCommand,
    SetReasoningCommand,
    SetThemeWeightCommand,
    UnlinkEvidenceCommand,
)
from ecg_desktop.ui.context import BalanceContext
from ecg_desktop.ui.i18n import Retranslatable
from ecg_desktop.ui.jobs import run_job
from ecg_desktop.ui.models.views_evidence import EvidenceTableModel
from ecg_desktop.ui.pages import register_page

# Typing pauses this long before a text is stored (undo merges the keystrokes anyway).
COMMIT_DELAY_MS = 700
THEME_WEIGHTS = (Decimal(0), Decimal("0.5"), Decimal(1), Decimal("1.5"), Decimal(2))
WARNING_STYLE = "color: #a33a2a;"
HINT_STYLE = "color: #555555;"


# ---- small building blocks shared by the views


class CommitTextEdit(QPlainTextEdit):
    """A text editor that reports its text when typing pauses or the focus leaves (never per keystroke)."""

    sig_commit = Signal(str)
    """The text changed and should be stored."""

    def __init__(self, parent: QWidget | None = None, lines: int = 4) -> None:
        super().__init__(parent)
        self._stored = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMIT_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._timer.start)
        self.setTabChangesFocus(True)
        line = self.fontMetrics().lineSpacing()
        self.setMinimumHeight(line * lines + 12)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_stored_text(self, text: str) -> None:
        """Show the stored text, unless the editor already holds it (keeps the cursor while typing)."""
        self._stored = text
        if self.toPlainText() != text and not self._timer.isActive():
            self.blockSignals(True)
            self.setPlainText(text)
            self.blockSignals(False)

    def flush(self) -> None:
        """Report the text now if it differs from the stored one."""
        self._timer.stop()
        text = self.toPlainText()
        if text != self._stored:
            self._stored = text
            self.sig_commit.emit(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.flush()
        super().focusOutEvent(event)


def wrap_label(text: str = "", style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


def find_data(combo: QComboBox, value: object) -> int:
    """Index of the item whose data equals `value` (QComboBox.findData cannot compare Python objects), or -1."""
    return next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)


def weight_text(weight: Decimal, lang: str) -> str:
    return format_number(weight, lang)


class LevelPicker(Retranslatable, QWidget):
    """The level scale of a matrix: level names over their numbers (5.x 0-10) or a percent slider (4.1).

    Emits sig_level_chosen with a Decimal, or None for "not rated".
    """

    sig_level_chosen = Signal(object)
    """The user chose a rating (Decimal) or cleared it (None)."""

    def __init__(self, matrix: Matrix, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix = matrix
        self.lang = lang
        self._value: Decimal | None = None
        low, high = matrix.rating_range
        self.low, self.high = int(low), int(high)
        self.discrete = self.high - self.low <= 10
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(2)
        self.level_labels: list[QLabel] = []
        self.level_buttons: list[QPushButton] = []
        self.clear_button = QToolButton()
        self.clear_button.clicked.connect(lambda: self._choose(None))
        self.current = wrap_label(style=HINT_STYLE)
        if self.discrete:
            self.group = QButtonGroup(self)
            self.group.setExclusive(False)
            self.number_buttons: list[QToolButton] = []
            for value in range(self.low, self.high + 1):
                button = QToolButton()
                button.setText(str(value))
                button.setCheckable(True)
                button.setMinimumWidth(24)
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                button.clicked.connect(lambda _=False, v=value: self._choose(Decimal(v)))
                self.group.addButton(button, value)
                self.number_buttons.append(button)
                layout.addWidget(button, 1, value - self.low)
            for level in matrix.levels:
                label = QLabel()
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                label.setWordWrap(True)
                label.setStyleSheet("background: #eef3ea; border: 1px solid #c9d6c0; padding: 2px;")
                span = int(level.high) - int(level.low) + 1
                layout.addWidget(label, 0, int(level.low) - self.low, 1, span)
                self.level_labels.append(label)
            columns = self.high - self.low + 1
            for column in range(columns):
                layout.setColumnStretch(column, 1)
            below = QHBoxLayout()
            below.addWidget(self.current, 1)
            below.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(below, 2, 0, 1, columns)
        else:
            for i, level in enumerate(matrix.levels):
                button = QPushButton()
                button.setCheckable(True)
                button.clicked.connect(lambda _=False, lv=level: self._choose(lv.low))
                layout.addWidget(button, 0, i)
                self.level_buttons.append(button)
            self.slider = QSlider(Qt.Orientation.Horizontal)
            self.slider.setRange(self.low, self.high)
            self.slider.setPageStep(10)
            self.slider.sliderReleased.connect(lambda: self._choose(Decimal(self.slider.value())))
            self.spin = QSpinBox()
            self.spin.setRange(self.low, self.high)
            self.spin.setSuffix(" %")
            self.spin.setKeyboardTracking(False)
            self.spin.valueChanged.connect(lambda v: self._choose(Decimal(v)))
            row = QHBoxLayout()
            row.addWidget(self.slider, 1)
            row.addWidget(self.spin)
            row.addWidget(self.clear_button)
            layout.addLayout(row, 1, 0, 1, len(matrix.levels))
            layout.addWidget(self.current, 2, 0, 1, len(matrix.levels))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.clear_button.setText(self.tr("Not rated"))
        self.clear_button.setToolTip(self.tr("Remove the level (the aspect counts as not rated yet)"))
        for widget, level in zip(self.level_labels or self.level_buttons, self.matrix.levels, strict=True):
            if self.discrete:
                widget.setText(level.name.get(self.lang))
            else:
                widget.setText(f"{level.name.get(self.lang)}\n{int(level.low)}–{int(level.high)} %")
            widget.setToolTip(level.description.get(self.lang))
        self._show()

    def value(self) -> Decimal | None:
        return self._value

    def set_value(self, value: Decimal | None) -> None:
        """Show a stored rating without emitting anything."""
        self._value = value
        self._show()

    def _choose(self, value: Decimal | None) -> None:
        if value == self._value:
            self._show()
            return
        self._value = value
        self._show()
        self.sig_level_chosen.emit(value)

    def _show(self) -> None:
        value = self._value
        level = self.matrix.level_for(value) if value is not None else None
        if self.discrete:
            for button in self.number_buttons:
                button.setChecked(value is not None and Decimal(self.group.id(button)) == value)
        else:
            for button, lv in zip(self.level_buttons, self.matrix.levels, strict=True):
                button.setChecked(lv is level)
            for widget in (self.slider, self.spin):
                widget.blockSignals(True)
                widget.setValue(int(value) if value is not None else self.low)
                widget.blockSignals(False)
        if value is None:
            self.current.setText(self.tr("Not rated yet."))
        elif level is not None:
            self.current.setText(level.description.get(self.lang))
        else:
            self.current.setText(format_number(value, self.lang))


# ---- evidence


class EvidencePanel(Retranslatable, QWidget):
    """The files backing one aspect: attach (dialog or drag and drop), open, verify, remove the link."""

    def __init__(self, ctx: BalanceContext, code: str, theme: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.code = code
        self.model = EvidenceTableModel(code, theme, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.setMaximumHeight(self.table.verticalHeader().defaultSectionSize() * 5 + 30)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.attach_button = QPushButton()
        self.open_button = QPushButton()
        self.verify_button = QPushButton()
        self.remove_button = QPushButton()
        self.attach_button.clicked.connect(self.attach_with_dialog)
        self.open_button.clicked.connect(self.open_selected)
        self.verify_button.clicked.connect(self.verify)
        self.remove_button.clicked.connect(self.remove_selected)
        self.drop_hint = wrap_label(style=HINT_STYLE)
        buttons = QHBoxLayout()
        for button in (self.attach_button, self.open_button, self.verify_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.drop_hint)
        self.setAcceptDrops(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.attach_button.setText(self.tr("Attach…"))
        self.open_button.setText(self.tr("Open"))
        self.verify_button.setText(self.tr("Verify"))
        self.remove_button.setText(self.tr("Remove link"))
        self.drop_hint.setText(self.tr("Drop files here to attach them to %1.").replace("%1", self.code))
        self.attach_button.setToolTip(self.tr("Copy a file into the evidence vault and link it to this aspect"))
        self.remove_button.setToolTip(self.tr("The file stays in the vault; only the link is removed"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.COLUMNS - 1)

    def refresh(self, balance: Balance, locked: bool) -> None:
        self.model.set_evidence(balance.evidence)
        self.locked = locked
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_selection = bool(self.table.selectionModel().selectedRows())
        locked = getattr(self, "locked", False)
        self.attach_button.setEnabled(not locked)
        self.remove_button.setEnabled(has_selection and not locked)
        self.open_button.setEnabled(has_selection)
        self.verify_button.setEnabled(self.model.rowCount() > 0)
        self.drop_hint.setVisible(not locked)
        self.setAcceptDrops(not locked)

    def _selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def attach_files(self, paths: list[Path], description: str = "") -> None:
        """Copy files into the vault off the UI thread, then record one undo step per file."""
        if not paths:
            return
        ctx, codes = self.ctx, [self.code]
        service, balance_id = ctx.service, ctx.balance_id_required
        before = {ref.sha256: set(ref.codes) for ref in ctx.balance.evidence}

        def work(progress, cancelled):
            refs = []
            for done, path in enumerate(paths):
                if cancelled():
                    break  # files attached so far stay attached and get their undo steps
                progress(done, len(paths), path.name)
                refs.append(service.attach_evidence(balance_id, codes, path, description))
            return refs

        def stored(refs) -> None:
            for ref in refs:
                ctx.push(AttachEvidenceCommand.stored(ctx, ref, codes, before))
                before.setdefault(ref.sha256, set()).update(codes)

        def failed(error: BaseException) -> None:
            ctx.refresh()  # files attached before the failing one are in the balance now
            ctx.report_refusal(error)

        run_job(self, work, stored, failed, self.tr("Copying evidence files…"))

    def ask_and_attach(self, paths: list[Path]) -> None:
        """Ask for an optional description, then attach."""
        from ecg_desktop.ui.dialogs.evidence_dialog import EvidenceDialog

        if paths:
            description = EvidenceDialog.ask(self, paths, self.code)
            if description is not None:
                self.attach_files(paths, description)

    def attach_with_dialog(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach evidence to %1").replace("%1", self.code))
        self.ask_and_attach([Path(n) for n in names])

    def open_selected(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        path = self.ctx.service.evidence_file(self.model.ref(row).sha256)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove_selected(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        ref = self.model.ref(row)
        code = self.code if self.code in ref.codes else next(iter(set(ref.codes) & {self.model.theme}), self.code)
        self.ctx.push(UnlinkEvidenceCommand(self.ctx, ref.sha256, code))

    def verify(self) -> None:
        """Re-hash the files of the balance off the UI thread and show ok / missing / changed."""
        service, balance_id = self.ctx.service, self.ctx.balance_id_required

        def work(progress, _cancelled):
            return service.verify_evidence(balance_id, lambda done, total: progress(done, total, ""))

        run_job(
            self,
            work,
            on_success=lambda checks: self.model.set_status({c.sha256: c.status for c in checks}),
            on_failure=self.ctx.report_refusal,
            label=self.tr("Checking evidence files…"),
        )

    # drag and drop of local files
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        files = [p for p in paths if p.is_file()]
        if files:
            event.acceptProposedAction()
            self.ask_and_attach(files)


# ---- one aspect


class _JustificationBox(Retranslatable, QWidget):
    """A justification editor with a warning while it is required but empty."""

    def __init__(self, ctx: BalanceContext, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.code = code
        self.label = QLabel()
        self.edit = CommitTextEdit(lines=2)
        self.edit.sig_commit.connect(lambda text: ctx.push(SetJustificationCommand(ctx, code, text)))
        self.warning = wrap_label(style=WARNING_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.edit)
        layout.addWidget(self.warning)
        self.required = False
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.label.setText(self.tr("Justification"))
        self.edit.setPlaceholderText(self.tr("Why does this differ from the matrix? Required for every change."))
        self.warning.setText(self.tr("A written justification is required."))

    def refresh(self, balance: Balance, required: bool, locked: bool) -> None:
        text = balance.justifications.get(self.code, "")
        self.required = required
        self.edit.set_stored_text(text)
        self.edit.setReadOnly(locked)
        self.warning.setVisible(required and not text.strip())
        self.setVisible(required or bool(text.strip()))


class AspectEditor(Retranslatable, QGroupBox):
    """Level, reasoning, evidence, weight override / not applicable and justification of one positive aspect."""

    def __init__(self, ctx: BalanceContext, theme: Theme, aspect: Aspect, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.aspect = aspect
        self.code = aspect.code
        matrix = ctx.matrix
        self.family5 = matrix.is_family5
        lang = ctx.language
        self.picker = LevelPicker(matrix, lang)
        self.picker.sig_level_chosen.connect(lambda value: ctx.push(SetRatingCommand(ctx, self.code, value)))
        self.points = wrap_label(style=HINT_STYLE)
        self.reasoning_label = QLabel()
        self.reasoning = CommitTextEdit()
        self.reasoning.sig_commit.connect(lambda text: ctx.push(SetReasoningCommand(ctx, self.code, text)))
        self.reasoning_count = wrap_label(style=HINT_STYLE)
        self.reasoning.textChanged.connect(self._count)
        self.evidence_label = QLabel()
        self.evidence = EvidencePanel(ctx, self.code, theme.code)
        self.weight_label = QLabel()
        self.weight = QComboBox()
        self.weight.activated.connect(self._weight_chosen)
        self.not_applicable = QCheckBox()
        self.not_applicable.clicked.connect(self._not_applicable_clicked)
        self.justification = _JustificationBox(ctx, self.code)
        weight_row = QHBoxLayout()
        weight_row.addWidget(self.weight_label)
        weight_row.addWidget(self.weight)
        weight_row.addSpacing(16)
        weight_row.addWidget(self.not_applicable)
        weight_row.addStretch(1)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.picker)
        body.addWidget(self.points)
        body.addWidget(self.reasoning_label)
        body.addWidget(self.reasoning)
        body.addWidget(self.reasoning_count)
        body.addWidget(self.evidence_label)
        body.addWidget(self.evidence)
        layout = QVBoxLayout(self)
        layout.addLayout(weight_row)
        layout.addWidget(self.justification)
        layout.addWidget(self.body)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        lang = self.ctx.language
        self.setTitle(f"{self.code}  {self.aspect.name.get(lang)}")
        self.reasoning_label.setText(self.tr("Reasoning"))
        self.reasoning.setPlaceholderText(
            self.tr("What has the organisation done, since when, how far, and how do you know?")
        )
        self.evidence_label.setText(self.tr("Evidence"))
        self.weight_label.setText(self.tr("Weight") if self.family5 else self.tr("Relevance"))
        self.not_applicable.setText(self.tr("Not applicable"))
        self.not_applicable.setToolTip(self.tr("The aspect does not concern this organisation (weight 0)"))
        self._fill_weights()
        self._count()
        if self.ctx.is_open:
            self.refresh(self.ctx.balance, self.ctx.result, self.ctx.locked)

    def _weight_choices(self) -> list[Decimal]:
        if self.family5:
            return [w for w in THEME_WEIGHTS if w > 0]
        return [w for w in self.ctx.matrix.allowed_weights if w > 0]

    def _fill_weights(self) -> None:
        lang = self.ctx.language
        self.weight.blockSignals(True)
        self.weight.clear()
        for weight in self._weight_choices():
            text = weight_text(weight, lang)
            if weight == self.aspect.default_weight:
                text = self.tr("%1 (default)").replace("%1", text)
            self.weight.addItem(text, weight)
        self.weight.blockSignals(False)

    def _count(self) -> None:
        length = len(self.reasoning.toPlainText().strip())
        text = self.tr("%1 characters (at least %2 expected)").replace("%1", str(length))
        self.reasoning_count.setText(text.replace("%2", str(MIN_REASONING)))
        self.reasoning_count.setStyleSheet(WARNING_STYLE if length < MIN_REASONING else HINT_STYLE)

    def _weight_chosen(self, index: int) -> None:
        weight = self.weight.itemData(index)
        new = None if weight == self.aspect.default_weight else weight
        if new != self.ctx.balance.aspect_weights.get(self.code):
            text = self.justification.edit.toPlainText()
            self.ctx.push(SetAspectWeightCommand(self.ctx, self.code, new, text))

    def _not_applicable_clicked(self, checked: bool) -> None:
        text = self.justification.edit.toPlainText()
        self.ctx.push(SetAspectWeightCommand(self.ctx, self.code, Decimal(0) if checked else None, text))

    def refresh(self, balance: Balance, result: ScoreResult, locked: bool) -> None:
        lang = self.ctx.language
        weight = aspect_weight(balance, self.ctx.matrix, self.aspect)
        excluded = weight == 0
        self.not_applicable.setChecked(excluded)
        index = find_data(self.weight, weight if not excluded else self.aspect.default_weight)
        self.weight.setCurrentIndex(max(index, 0))
        self.weight.setEnabled(not excluded and not locked)
        self.not_applicable.setEnabled(not locked)
        overridden = (
            self.code in balance.aspect_weights and balance.aspect_weights[self.code] != self.aspect.default_weight
        )
        self.justification.refresh(balance, overridden, locked)
        self.body.setVisible(not excluded)
        self.picker.set_value(balance.ratings.get(self.code))
        self.picker.setEnabled(not locked)
        self.reasoning.set_stored_text(balance.reasoning.get(self.code, ""))
        self.reasoning.setReadOnly(locked)
        self._count()
        self.evidence.refresh(balance, locked)
        scored = result.aspects.get(self.code)
        self.points.setText(scored.explanation.text.get(lang) if scored else "")


class NegativeEditor(Retranslatable, QGroupBox):
    """A negative aspect (5.x, deduction -200..0) or a 4.1 negative criterion (full deduction or a reasoned smaller one)."""

    def __init__(
        self,
        ctx: BalanceContext,
        code: str,
        name_source: Aspect | NegativeCriterion,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.code = code
        self.source = name_source
        self.criterion = name_source if isinstance(name_source, NegativeCriterion) else None
        low = self.criterion.deduction if self.criterion else ctx.matrix.deduction_range[0]
        self.full = low
        self.applies = QCheckBox()
        self.applies.clicked.connect(self._applies_clicked)
        self.label = QLabel()
        self.deduction = QSpinBox()
        self.deduction.setRange(int(low), 0)
        self.deduction.setSingleStep(10)
        self.deduction.setKeyboardTracking(False)
        self.deduction.valueChanged.connect(self._deduction_changed)
        self.points = wrap_label(style=HINT_STYLE)
        self.guidance = wrap_label(style=HINT_STYLE)
        self.justification = _JustificationBox(ctx, code)
        row = QHBoxLayout()
        row.addWidget(self.applies)
        row.addWidget(self.label)
        row.addWidget(self.deduction)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.guidance)
        layout.addLayout(row)
        layout.addWidget(self.points)
        layout.addWidget(self.justification)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        lang = self.ctx.language
        self.setTitle(f"{self.code}  {self.source.name.get(lang)}")
        full = format_number(self.full, lang)
        self.applies.setText(self.tr("Applies (full deduction %1)").replace("%1", full))
        self.label.setText(self.tr("Deduction"))
        self.guidance.setVisible(self.criterion is not None)
        if self.criterion is not None:
            self.guidance.setText(self.criterion.guidance.get(lang))
        if self.ctx.is_open:
            self.refresh(self.ctx.balance, self.ctx.result, self.ctx.locked)

    def _set(self, value: Decimal) -> None:
        current = self.ctx.balance.ratings.get(self.code)
        new = None if value == 0 else value
        if new != current:
            self.ctx.push(SetRatingCommand(self.ctx, self.code, new))

    def _applies_clicked(self, checked: bool) -> None:
        self._set(self.full if checked else Decimal(0))

    def _deduction_changed(self, value: int) -> None:
        self._set(Decimal(value))

    def refresh(self, balance: Balance, result: ScoreResult, locked: bool) -> None:
        value = balance.ratings.get(self.code, Decimal(0))
        self.applies.setChecked(value != 0)
        self.deduction.blockSignals(True)
        self.deduction.setValue(int(value))
        self.deduction.blockSignals(False)
        self.applies.setEnabled(not locked)
        self.deduction.setEnabled(not locked)
        required = value not in (Decimal(0), self.criterion.deduction) if self.criterion is not None else value != 0
        self.justification.refresh(balance, required, locked)
        scored = result.aspects.get(self.code)
        self.points.setText(scored.explanation.text.get(self.ctx.language) if scored else "")


# ---- the page


class ThemeWeightBox(Retranslatable, QGroupBox):
    """5.x theme weight: the computed one with its explanation, an override or "not applicable", and why."""

    def __init__(self, ctx: BalanceContext, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.code = theme.code
        self.combo = QComboBox()
        self.combo.activated.connect(self._chosen)
        self.explanation = wrap_label(style=HINT_STYLE)
        self.justification = _JustificationBox(ctx, theme.code)
        row = QHBoxLayout()
        self.label = QLabel()
        row.addWidget(self.label)
        row.addWidget(self.combo)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.explanation)
        layout.addWidget(self.justification)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Theme weight"))
        self.label.setText(self.tr("Weight"))
        if self.ctx.is_open:
            self.refresh(self.ctx.balance, self.ctx.result, self.ctx.locked)

    def _chosen(self, index: int) -> None:
        weight = self.combo.itemData(index)
        if weight == "computed":
            weight = None
        if weight != self.ctx.balance.weights.get(self.code):
            text = self.justification.edit.toPlainText()
            self.ctx.push(SetThemeWeightCommand(self.ctx, self.code, weight, text))

    def refresh(self, balance: Balance, result: ScoreResult, locked: bool) -> None:
        lang = self.ctx.language
        scored = result.themes[self.code]
        self.combo.blockSignals(True)
        self.combo.clear()
        computed = weight_text(scored.computed_weight, lang)
        self.combo.addItem(self.tr("Computed: %1").replace("%1", computed), "computed")
        for weight in THEME_WEIGHTS:
            text = self.tr("0 – not applicable") if weight == 0 else weight_text(weight, lang)
            self.combo.addItem(text, weight)
        user = balance.weights.get(self.code)
        self.combo.setCurrentIndex(0 if user is None else max(find_data(self.combo, user), 0))
        self.combo.blockSignals(False)
        self.combo.setEnabled(not locked)
        self.explanation.setText(scored.weight_explanation.text.get(lang))
        self.justification.refresh(balance, user is not None and user != scored.computed_weight, locked)


class ThemePage(Retranslatable, QWidget):
    """One theme (or the 4.1 negative criteria): guidance on top, then one editor per aspect."""

    sig_theme_shown = Signal(str)
    """The page now shows this theme code."""

    def __init__(self, ctx: BalanceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.code: str | None = None
        self._built_for: tuple[int | None, str | None, str, bool] | None = None
        self.editors: dict[str, AspectEditor | NegativeEditor] = {}
        self.weight_box: ThemeWeightBox | None = None
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.summary = wrap_label()
        self.guidance = wrap_label()
        self.evidence_hint = wrap_label(style=HINT_STYLE)
        self.empty = wrap_label(style=HINT_STYLE)
        self.content = QWidget()
        self.content_layout = QVBoxLayout(self.content)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.scroll)
        ctx.sig_balance_changed.connect(self.refresh)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.empty.setText(self.tr("Open a balance sheet and choose a theme."))
        self._built_for = None
        self.refresh()

    # ---- navigation

    def flush_edits(self) -> None:
        """Store what is being typed in any editor of the page right now."""
        for edit in self.content.findChildren(CommitTextEdit):
            edit.flush()

    def show_theme(self, code: str) -> None:
        """Show theme `code` (or "N", the 4.1 negative criteria)."""
        if code != self.code:
            self.flush_edits()
        self.code = code
        self.refresh()
        self.scroll.verticalScrollBar().setValue(0)
        self.sig_theme_shown.emit(code)

    def show_code(self, code: str) -> None:
        """Page-registry entry point: a theme code (or "N") opens the theme, an aspect code scrolls to it."""
        if not self.ctx.is_open:
            self.code = code
            return
        if code == NEGATIVE_CRITERIA_PAGE or self.ctx.matrix.has_theme(code):
            self.show_theme(code)
        else:
            self.show_aspect(code)

    def page_shown(self) -> None:
        """Called by the main window: without a theme yet, start at the first one."""
        if self.code is None and self.ctx.is_open:
            self.show_theme(self.ctx.matrix.themes[0].code)

    def theme_of(self, code: str) -> str | None:
        """The page holding aspect or criterion `code`."""
        matrix = self.ctx.matrix
        aspect = matrix.aspect(code, self.ctx.balance.type)
        if aspect is not None:
            return aspect.theme
        if matrix.negative_criterion(code) is not None:
            return NEGATIVE_CRITERIA_PAGE
        return code if matrix.has_theme(code) else None

    def show_aspect(self, code: str, field: str = "") -> None:
        """Open the page of `code`, scroll to its editor and focus the field named (level, reasoning, …)."""
        if not self.ctx.is_open:
            return
        page = self.theme_of(code)
        if page is None:
            return
        if page != self.code:
            self.show_theme(page)
        editor = self.editors.get(code)
        if editor is None:
            if field in ("weight",) and self.weight_box is not None:
                self.scroll.ensureWidgetVisible(self.weight_box)
                self.weight_box.combo.setFocus()
            return
        self.scroll.ensureWidgetVisible(editor, 0, 0)
        target: QWidget | None = None
        if isinstance(editor, AspectEditor):
            target = {
                "reasoning": editor.reasoning,
                "evidence": editor.evidence.attach_button,
                "aspect_weight": editor.justification.edit,
            }.get(field, editor.picker)
        else:
            target = editor.justification.edit if field == "deduction" else editor.applies
        if target is not None:
            if isinstance(editor, AspectEditor) and field == "aspect_weight":
                editor.justification.setVisible(True)
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- building and refreshing

    def _clear(self) -> None:
        while self.content_layout.count():
            item = self.content_layout.takeAt(0)
            widget = item.widget()
            if widget is not None and widget not in (
                self.title,
                self.summary,
                self.guidance,
                self.evidence_hint,
                self.empty,
            ):
                widget.deleteLater()
            elif widget is not None:
                widget.setParent(None)
        self.editors = {}
        self.weight_box = None

    def _build(self) -> None:
        self._clear()
        ctx = self.ctx
        for widget in (self.title, self.summary, self.guidance, self.evidence_hint):
            self.content_layout.addWidget(widget)
        if not ctx.is_open or self.code is None:
            self.content_layout.addWidget(self.empty)
            self.content_layout.addStretch(1)
            return
        matrix = ctx.matrix
        if self.code == NEGATIVE_CRITERIA_PAGE:
            for criterion in matrix.negative_criteria:
                editor = NegativeEditor(ctx, criterion.code, criterion)
                self.editors[criterion.code] = editor
                self.content_layout.addWidget(editor)
        else:
            theme = matrix.theme(self.code)
            if matrix.is_family5:
                self.weight_box = ThemeWeightBox(ctx, theme)
                self.content_layout.addWidget(self.weight_box)
            for aspect in matrix.aspects_of(theme.code, ctx.balance.type):
                editor = (
                    AspectEditor(ctx, theme, aspect) if aspect.positive else NegativeEditor(ctx, aspect.code, aspect)
                )
                self.editors[aspect.code] = editor
                self.content_layout.addWidget(editor)
        self.content_layout.addStretch(1)

    def refresh(self) -> None:
        ctx = self.ctx
        if ctx.is_open and self.code is not None and self.theme_of_page_missing():
            self.code = None
        key = (ctx.balance_id if ctx.is_open else None, self.code, ctx.language, ctx.locked)
        if key != self._built_for:
            self._build()
            self._built_for = key
        if not ctx.is_open or self.code is None:
            self.title.setText(self.tr("No theme open"))
            self.summary.clear()
            self.guidance.clear()
            self.evidence_hint.clear()
            return
        balance, result, locked = ctx.balance, ctx.result, ctx.locked
        lang = ctx.language
        matrix = ctx.matrix
        if self.code == NEGATIVE_CRITERIA_PAGE:
            self.title.setText(self.tr("Negative criteria"))
            total = sum((result.aspects[n.code].points for n in matrix.negative_criteria), Decimal(0))
            self.summary.setText(self.tr("Deductions in total: %1 points").replace("%1", format_points(total, lang)))
            self.guidance.setText(
                self.tr(
                    "A negative criterion that applies costs its full deduction. A smaller deduction needs a written reason."
                )
            )
            self.evidence_hint.clear()
        else:
            theme = matrix.theme(self.code)
            scored = result.themes[theme.code]
            self.title.setText(f"{theme.code}  {theme.name.get(lang)}")
            if scored.not_applicable:
                self.summary.setText(self.tr("Not applicable: this theme carries no points in this balance."))
            else:
                text = self.tr("%1 of %2 points (%3)")
                text = text.replace("%1", format_points(scored.points, lang))
                text = text.replace("%2", format_points(scored.max_points, lang))
                self.summary.setText(text.replace("%3", format_percent(scored.percentage, lang)))
            self.guidance.setText(theme.guidance.get(lang))
            self.evidence_hint.setText(self.tr("Useful evidence: %1").replace("%1", theme.evidence.get(lang)))
            if self.weight_box is not None:
                self.weight_box.refresh(balance, result, locked)
        for editor in self.editors.values():
            editor.refresh(balance, result, locked)

    def theme_of_page_missing(self) -> bool:
        """True when the page's code does not exist in the open balance's matrix (another balance opened)."""
        matrix = self.ctx.matrix
        if self.code == NEGATIVE_CRITERIA_PAGE:
            return not matrix.negative_criteria
        return self.code is not None and not matrix.has_theme(self.code)


register_page(
    "theme",
    title=lambda: QCoreApplication.translate("Pages", "Theme"),
    factory=ThemePage,
    order=20,
)
