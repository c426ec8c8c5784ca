"""Run-time language switching: installs the app's and Qt's own German translators.

Every widget takes its texts from ``self.tr()`` (or ``QCoreApplication.translate(context, text)``
outside QObjects) and implements ``retranslate_ui()``; :class:`Retranslatable` calls it on
``QEvent.LanguageChange``, which Qt sends to every widget when a translator is installed or
removed. Sources are English; ``resources/translations/ecg_desktop_de.qm`` holds the German
texts, built by ``tools/update_translations.py`` from ``resources/translations/de-*.tsv``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from ecg_desktop.paths import resource

LANGUAGES: tuple[str, ...] = ("en", "de")
DEFAULT_LANGUAGE = "en"
QM_BASENAME = "ecg_desktop"

_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE


def translate(context: str, text: str) -> str:
    """Translate `text` in `context` (for code that is not a QObject, e.g. undo commands).

    pyside6-lupdate finds ``QCoreApplication.translate("Context", "text")`` calls only when
    written out literally; call this wrapper only with texts also listed through such a call
    or through ``QT_TRANSLATE_NOOP``.
    """
    return QCoreApplication.translate(context, text)


def current_language() -> str:
    """The language installed last by set_language ("en" or "de")."""
    return _current


def app_qm_path(lang: str) -> str:
    """Path of the app's compiled translation file for `lang`."""
    return str(resource("translations", f"{QM_BASENAME}_{lang}.qm"))


def set_language(lang: str) -> bool:
    """Install the translators for `lang` ("en" = no translator) and make it the default locale.

    Qt then sends ``QEvent.LanguageChange`` to every widget. Returns False (and keeps English)
    when the app's .qm file for `lang` cannot be loaded.
    """
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r} (supported: {', '.join(LANGUAGES)})")
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a QCoreApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    ok = True
    if lang != "en":
        own = QTranslator(app)
        if own.load(app_qm_path(lang)):
            qt_base = QTranslator(app)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_base.load(f"qtbase_{lang}", qt_dir):
                app.installTranslator(qt_base)
                _installed.append(qt_base)
            app.installTranslator(own)
            _installed.append(own)
        else:
            ok = False
            lang = "en"
    QLocale.setDefault(QLocale(QLocale.Language.German if lang == "de" else QLocale.Language.English))
    _current = lang
    return ok


class Retranslatable:
    """Mixin for widgets: calls ``self.retranslate_ui()`` whenever the language changes.

    Put it before the Qt base class: ``class MyView(Retranslatable, QWidget)``. The widget sets
    every visible text in ``retranslate_ui()`` and calls it once at the end of ``__init__``.
    """

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)  # type: ignore[misc]

    def retranslate_ui(self) -> None:
        raise NotImplementedError(f"{type(self).__name__} must set its texts in retranslate_ui()")
