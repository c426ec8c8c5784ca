"""Dialogs. Each offers an ``ask(...)`` classmethod that tests can monkeypatch instead of driving a modal window."""
