"""The PySide6 desktop app: the only package that imports Qt. Start it with ui.app.run(args).

PySide6 is kept below 6.12 (pyproject.toml): the 6.12.0 wheels drop a reference to None on every
void call under CPython 3.11, which aborts long sessions ("deallocating None").
"""
