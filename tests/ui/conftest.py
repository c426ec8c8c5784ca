"""Fixtures for the UI tests: a real store in a temporary folder, a filled 5.1 balance, a context, a window."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ecg_desktop.balance.model import Organisation, Period


@pytest.fixture
def service(tmp_path):
    from ecg_desktop.services import BalanceService

    store = BalanceService.open(tmp_path / "data", None, "tester")
    yield store
    store.close()


@pytest.fixture
def balance_id(service) -> int:
    """A 5.1 full balance of 'Bakery Example' with a few levels and texts."""
    org = service.create_organisation(Organisation(name="Bakery Example"))
    ident = service.create_balance(org, "5.1", "full", Period(date(2023, 1, 1), date(2024, 12, 31)))
    service.set_rating(ident, "A1.1", Decimal(4))
    service.set_rating(ident, "B1.1", Decimal(7))
    service.set_reasoning(ident, "A1.1", "We buy flour from regional mills.")
    return ident


@pytest.fixture
def ctx(qapp, service, balance_id):
    from ecg_desktop.ui import i18n
    from ecg_desktop.ui.context import BalanceContext

    context = BalanceContext(service)
    context.open_balance(balance_id)
    yield context
    i18n.set_language("en")


@pytest.fixture
def settings(tmp_path):
    from ecg_desktop.ui.settings import Settings

    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def window(qtbot, ctx, settings, monkeypatch):
    from ecg_desktop.ui import jobs
    from ecg_desktop.ui.main_window import MainWindow
    from ecg_desktop.ui.pages import load_page_modules

    monkeypatch.setattr(jobs, "_synchronous", True)
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "ecg_desktop.ui.dialogs.confirm.show_error", lambda _p, title, text: errors.append((title, text))
    )
    monkeypatch.setattr(
        "ecg_desktop.ui.dialogs.confirm.show_info", lambda _p, title, text: errors.append((title, text))
    )
    load_page_modules(required=False)
    win = MainWindow(ctx, settings)
    win.shown_messages = errors
    qtbot.addWidget(win)
    win.install_pages()
    win.reload_tree()
    win.open_balance(ctx.balance_id)
    win.show()
    qtbot.waitExposed(win)
    return win
