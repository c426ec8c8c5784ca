"""The page registry: how views plug into the main window without the window importing them by name.

A view module registers itself when imported::

    from PySide6.QtCore import QCoreApplication
    from ecg_desktop.ui.pages import register_page

    register_page(
        "results",
        title=lambda: QCoreApplication.translate("Pages", "Results"),
        factory=ResultsView,            # called as factory(ctx, parent) -> QWidget
        order=50,
    )

The main window imports every module in PAGE_MODULES after the first paint, lists the pages
in its navigation tree by ``order``, and creates each page widget the first time it is shown.
A page widget:

- takes ``(ctx: BalanceContext, parent: QWidget | None)``;
- reads ``ctx.balance`` / ``ctx.result`` / ``ctx.matrix`` and listens to
  ``ctx.sig_balance_changed`` (and ``ctx.sig_balance_opened``) to update itself;
- sets every visible text in ``retranslate_ui()`` (use ``ui.i18n.Retranslatable``);
- disables its editors while ``ctx.locked`` (the window shows the locked banner);
- may define ``page_shown()`` (called each time it becomes the current page) and
  ``show_code(code)`` (theme page: called with a theme code or an aspect code when the window
  navigates to it through ``ctx.sig_open_theme`` / ``ctx.sig_open_aspect``).

Page names in use: "matrix" (matrix overview), "theme", "guided", "facts", "results", "tax",
"auditor", and "missing" (kind "dock": shown in a dock beside the pages).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ecg_desktop.ui.context import BalanceContext

PageFactory = Callable[["BalanceContext", "QWidget | None"], "QWidget"]

# Modules that register pages, in the order they are imported. Part of the app: a missing
# module is an error (load_page_modules raises) except while views are still being written,
# which the caller decides by passing required=False.
PAGE_MODULES: tuple[str, ...] = (
    "ecg_desktop.ui.views.matrix_overview",
    "ecg_desktop.ui.views.theme_page",
    "ecg_desktop.ui.views.guided",
    "ecg_desktop.ui.views.facts_form",
    "ecg_desktop.ui.views.results_view",
    "ecg_desktop.ui.views.tax_panel",
    "ecg_desktop.ui.views.auditor_view",
    "ecg_desktop.ui.views.missing_panel",
)

KINDS = ("page", "dock")


@dataclass(frozen=True)
class PageSpec:
    """One registered page.

    Attributes:
        name: stable key ("results"); used by navigation, settings and screenshots.
        title: returns the translated title (called again after a language switch).
        factory: builds the widget: factory(ctx, parent).
        order: position in the navigation (lower first).
        needs_balance: the page is only reachable while a balance is open.
        kind: "page" (centre) or "dock" (a dock widget on the right).
        shortcut: key sequence that shows the page, e.g. "Ctrl+3" (optional).
    """

    name: str
    title: Callable[[], str]
    factory: PageFactory
    order: int = 100
    needs_balance: bool = True
    kind: str = "page"
    shortcut: str | None = None


_registry: dict[str, PageSpec] = {}


def register_page(
    name: str,
    title: Callable[[], str],
    factory: PageFactory,
    *,
    order: int = 100,
    needs_balance: bool = True,
    kind: str = "page",
    shortcut: str | None = None,
) -> PageSpec:
    """Register (or re-register, e.g. after a reload) the page `name`; returns its spec."""
    if kind not in KINDS:
        raise ValueError(f"page kind must be one of {KINDS}, not {kind!r}")
    spec = PageSpec(name, title, factory, order, needs_balance, kind, shortcut)
    _registry[name] = spec
    return spec


def page_spec(name: str) -> PageSpec | None:
    """The registered page `name`, or None."""
    return _registry.get(name)


def page_specs(kind: str | None = None) -> list[PageSpec]:
    """Registered pages (of one kind), sorted by order then name."""
    specs = [s for s in _registry.values() if kind is None or s.kind == kind]
    return sorted(specs, key=lambda s: (s.order, s.name))


def load_page_modules(required: bool = True) -> list[str]:
    """Import every module of PAGE_MODULES; returns the modules that do not exist.

    With ``required=True`` a missing module raises ModuleNotFoundError. An import error inside
    an existing module always propagates.
    """
    missing: list[str] = []
    for module in PAGE_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module or required:
                raise
            missing.append(module)
    return missing
