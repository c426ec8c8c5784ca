"""The PySide6 desktop app: the only package that imports Qt. Start it with ui.app.run(args)."""
