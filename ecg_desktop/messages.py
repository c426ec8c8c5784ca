"""Bilingual message templates for located problems, so the domain stays Qt-free yet translated."""

from __future__ import annotations

from typing import Any

# code -> (English, German). Parameters in braces; every template exists in both languages
# (tests/test_messages.py checks that both name the same parameters).
MESSAGES: dict[str, tuple[str, str]] = {
    "file_unreadable": ("cannot read the file: {reason}", "die Datei kann nicht gelesen werden: {reason}"),
    "json_syntax": ("not valid JSON ({detail})", "kein gültiges JSON ({detail})"),
    "duplicate_key": ("the key '{key}' appears twice", "der Schlüssel „{key}“ kommt doppelt vor"),
    "not_an_object": ("expected an object {{...}}", "hier wird ein Objekt {{...}} erwartet"),
    "not_a_list": ("expected a list [...]", "hier wird eine Liste [...] erwartet"),
    "not_a_number": (
        "expected a number, found {found}",
        "hier wird eine Zahl erwartet, gefunden: {found}",
    ),
    "not_a_bool": (
        "expected true or false, found {found}",
        "hier wird true oder false erwartet, gefunden: {found}",
    ),
    "not_a_string": ("expected a text, found {found}", "hier wird ein Text erwartet, gefunden: {found}"),
    "not_a_date": (
        "expected a date like 2025-01-31, found {found}",
        "hier wird ein Datum wie 2025-01-31 erwartet, gefunden: {found}",
    ),
    "unknown_key": ("unknown key '{key}'", "unbekannter Schlüssel „{key}“"),
    "missing_key": ("the key '{key}' is required", "der Schlüssel „{key}“ fehlt"),
    "unknown_matrix": (
        "unknown matrix version '{found}' (known: {known})",
        "unbekannte Matrix-Version „{found}“ (bekannt: {known})",
    ),
    "unknown_type": (
        "unknown balance type '{found}' (known: {known})",
        "unbekannte Bilanzart „{found}“ (bekannt: {known})",
    ),
    "unknown_code": (
        "'{code}' is not a code of matrix {matrix} ({type})",
        "„{code}“ ist kein Code der Matrix {matrix} ({type})",
    ),
    "unknown_country": ("unknown country code '{code}'", "unbekannter Ländercode „{code}“"),
    "unknown_sector": ("unknown sector code '{code}'", "unbekannter Branchencode „{code}“"),
    "unknown_stakeholder": ("unknown stakeholder row '{code}'", "unbekannte Berührungsgruppe „{code}“"),
    "out_of_range": (
        "{value} is outside the allowed range {low} to {high}",
        "{value} liegt außerhalb des erlaubten Bereichs {low} bis {high}",
    ),
    "must_be_positive": ("{value} must be greater than 0", "{value} muss größer als 0 sein"),
    "must_not_be_negative": ("{value} must not be negative", "{value} darf nicht negativ sein"),
    "not_finite": ("{value} is not a finite number", "{value} ist keine endliche Zahl"),
    "weight_not_allowed": (
        "weight {value} is not one of {allowed}",
        "Gewichtung {value} ist nicht eine von {allowed}",
    ),
    "shares_over_100": (
        "the shares add up to {total} %, more than 100 %",
        "die Anteile ergeben zusammen {total} %, mehr als 100 %",
    ),
    "costs_over_purchases": (
        "the supply fractions add up to {total}, more than the total purchases {purchases}",
        "die Zulieferanteile ergeben zusammen {total}, mehr als der Gesamteinkauf {purchases}",
    ),
    "b1_exclusive": (
        "B1.1 and B1.2 exclude each other: give one of them the weight 0 (B1.1 is {b11}, B1.2 is {b12})",
        "B1.1 und B1.2 schließen einander aus: eine der beiden braucht die Gewichtung 0 "
        "(B1.1 ist {b11}, B1.2 ist {b12})",
    ),
    "total_weight_zero": (
        "every theme has the weight 0: there is nothing to score",
        "alle Themen haben die Gewichtung 0: es gibt nichts zu bewerten",
    ),
    "negative_weight_ignored": (
        "'{code}' is a negative aspect: it has no weight, the value is ignored",
        "„{code}“ ist ein Negativaspekt: er hat keine Gewichtung, der Wert wird nicht verwendet",
    ),
    "missing_justification": (
        "'{code}' is set to {value} without a written justification",
        "„{code}“ ist ohne schriftliche Begründung auf {value} gesetzt",
    ),
    "period_order": (
        "the period ends ({end}) before it starts ({start})",
        "der Zeitraum endet ({end}) vor seinem Beginn ({start})",
    ),
    "text_too_long": (
        "the text has {length} characters, at most {limit} are allowed",
        "der Text hat {length} Zeichen, höchstens {limit} sind erlaubt",
    ),
    "empty_name": ("the name must not be empty", "der Name darf nicht leer sein"),
    "not_for_version": (
        "'{key}' does not apply to matrix {matrix}",
        "„{key}“ gilt nicht für Matrix {matrix}",
    ),
    "schedule_rate_range": (
        "tax rate {value} % is outside 0 to 100 %",
        "Steuersatz {value} % liegt außerhalb von 0 bis 100 %",
    ),
    "schedule_rising": (
        "the rate rises from {low} % to {high} % as points rise; it must never rise",
        "der Satz steigt von {low} % auf {high} %, während die Punkte steigen; er darf nie steigen",
    ),
    "schedule_bands_order": (
        "band thresholds must be strictly increasing ({value} follows {previous})",
        "die Grenzen der Stufen müssen streng steigen ({value} folgt auf {previous})",
    ),
    "schedule_empty": ("the schedule has no bands", "der Tarif hat keine Stufen"),
    "schedule_points_order": (
        "the highest rate must start below the lowest rate's points ({start} is not below {end})",
        "der höchste Satz muss bei weniger Punkten beginnen als der niedrigste ({start} ist nicht kleiner als {end})",
    ),
    # ---- storage, evidence vault and service layer
    "store_concurrent_edit": (
        "balance {id} was changed by {user} at {at} (version {version}, you edited version {expected}); nothing was overwritten",
        "Bilanz {id} wurde von {user} um {at} geändert (Version {version}, bearbeitet wurde Version {expected}); nichts wurde überschrieben",
    ),
    "store_locked": (
        "balance {id} is audited and locked; open a new revision to change it",
        "Bilanz {id} ist auditiert und gesperrt; für Änderungen eine neue Revision anlegen",
    ),
    "store_not_found": ("no {kind} with the id {id}", "kein Eintrag ({kind}) mit der Kennung {id}"),
    "store_schema_newer": (
        "the database {location} was written by a newer version of ECG Desktop (schema {found}); this version knows up to {known}. Nothing was changed: please update ECG Desktop",
        "die Datenbank {location} stammt von einer neueren Version von ECG Desktop (Schema {found}); diese Version kennt bis {known}. Nichts wurde geändert: bitte ECG Desktop aktualisieren",
    ),
    "store_not_ecg_database": (
        "{location} holds tables but is not an ECG Desktop database; nothing was changed",
        "{location} enthält Tabellen, ist aber keine ECG-Desktop-Datenbank; nichts wurde geändert",
    ),
    "store_cannot_open": (
        "cannot open the database {location}: {reason}",
        "die Datenbank {location} kann nicht geöffnet werden: {reason}",
    ),
    "store_status_order": (
        "balance {id} is {status}; this step needs the status {needed}",
        "Bilanz {id} hat den Status {status}; dieser Schritt braucht den Status {needed}",
    ),
    "store_audited_children": (
        "organisation {id} has audited balances; archive it instead of deleting it",
        "Organisation {id} hat auditierte Bilanzen; bitte archivieren statt löschen",
    ),
    "store_matrix_mismatch": (
        "the data is for matrix {found} ({found_type}) but balance {id} uses matrix {matrix} ({type})",
        "die Daten gehören zu Matrix {found} ({found_type}), Bilanz {id} verwendet aber Matrix {matrix} ({type})",
    ),
    "store_no_period": (
        "balance {id} has no reporting period, so there is no next period",
        "Bilanz {id} hat keinen Berichtszeitraum, daher gibt es keinen nächsten",
    ),
    "store_not_locked": (
        "balance {id} is not locked; edit it directly instead of opening a new revision",
        "Bilanz {id} ist nicht gesperrt; sie kann direkt bearbeitet werden, eine neue Revision ist nicht nötig",
    ),
    "store_unknown_format": (
        "unknown export format '{found}' (known: {known})",
        "unbekanntes Exportformat „{found}“ (bekannt: {known})",
    ),
    "evidence_not_in_vault": (
        "the evidence file {name} ({sha256}) is not in the vault; attach it first",
        "die Nachweisdatei {name} ({sha256}) ist nicht im Nachweisarchiv; bitte zuerst anhängen",
    ),
    "evidence_symlink": (
        "{path} is a symbolic link; attach the file it points to instead",
        "{path} ist eine symbolische Verknüpfung; bitte die Datei selbst anhängen",
    ),
    "evidence_not_regular": (
        "{path} is not a regular file (folder, device or pipe); only files can be attached",
        "{path} ist keine gewöhnliche Datei (Ordner, Gerät oder Pipe); nur Dateien können angehängt werden",
    ),
    "evidence_unreadable": ("cannot read {path}: {reason}", "{path} kann nicht gelesen werden: {reason}"),
    "evidence_no_codes": (
        "evidence must be linked to at least one aspect",
        "ein Nachweis muss mit mindestens einem Aspekt verknüpft sein",
    ),
    "evidence_bad_hash": ("'{sha256}' is not a SHA-256 value", "„{sha256}“ ist kein SHA-256-Wert"),
    "evidence_in_use": (
        "the evidence file {name} is still used by balance(s) {balances}; it stays in the vault",
        "die Nachweisdatei {name} wird noch von Bilanz(en) {balances} verwendet; sie bleibt im Archiv",
    ),
    "evidence_confirm": (
        "removing {name} from the vault needs a confirmation",
        "das Entfernen von {name} aus dem Archiv muss bestätigt werden",
    ),
    "evidence_missing_file": (
        "the evidence file {name} ({sha256}) is missing from the vault",
        "die Nachweisdatei {name} ({sha256}) fehlt im Archiv",
    ),
    "evidence_changed_file": (
        "the evidence file {name} ({sha256}) was changed after it was stored",
        "die Nachweisdatei {name} ({sha256}) wurde nach dem Ablegen verändert",
    ),
    "backup_target_not_empty": (
        "the target {location} already holds data; restore only into an empty store",
        "das Ziel {location} enthält bereits Daten; wiederherstellen geht nur in einen leeren Speicher",
    ),
    "backup_bad_archive": (
        "{file} is not an ECG Desktop backup: {reason}",
        "{file} ist keine ECG-Desktop-Sicherung: {reason}",
    ),
    "backup_hash_mismatch": (
        "{file}: the member {member} does not match its SHA-256 in the manifest; nothing was restored",
        "{file}: der Eintrag {member} passt nicht zu seinem SHA-256 im Manifest; nichts wurde wiederhergestellt",
    ),
    "log_broken": (
        "the change log is broken at entry {id}: {reason}",
        "das Änderungsprotokoll ist bei Eintrag {id} verletzt: {reason}",
    ),
    "number_magnitude": (
        "{value} is not a usable number here: it must be smaller than 10^18 and, unless it is 0, at least 10^-40",
        "{value} ist hier keine verwendbare Zahl: sie muss kleiner als 10^18 und, außer bei 0, mindestens 10^-40 sein",
    ),
    # ---- spreadsheet exchange (exchange/xlsx_*.py, exchange/portfolio.py)
    "xlsx_too_large": (
        "the file unpacks to {size} bytes, more than the {limit} bytes accepted",
        "die Datei entpackt sich zu {size} Bytes, mehr als die erlaubten {limit} Bytes",
    ),
    "xlsx_encrypted": (
        "the workbook is password-protected (encrypted): save it without a password as .xlsx and try again",
        "die Arbeitsmappe ist mit einem Kennwort geschützt (verschlüsselt): ohne Kennwort als .xlsx speichern "
        "und erneut versuchen",
    ),
    "xlsx_legacy_format": (
        "this is an old Excel file (.xls), not an .xlsx workbook: save it as .xlsx first",
        "das ist eine alte Excel-Datei (.xls), keine .xlsx-Arbeitsmappe: zuerst als .xlsx speichern",
    ),
    "xlsx_not_a_zip": (
        "this is not an .xlsx workbook (an .xlsx file is a zip archive, this file is not)",
        "das ist keine .xlsx-Arbeitsmappe (eine .xlsx-Datei ist ein Zip-Archiv, diese Datei nicht)",
    ),
    "xlsx_damaged": (
        "the workbook is damaged or incomplete ({detail})",
        "die Arbeitsmappe ist beschädigt oder unvollständig ({detail})",
    ),
    "xlsx_zip_bomb": (
        "the part {part} would unpack to {size} bytes from almost nothing; the file is refused",
        "der Teil {part} würde sich aus fast nichts zu {size} Bytes entpacken; die Datei wird abgelehnt",
    ),
    "xlsx_shared_strings_too_large": (
        "the workbook's text table has {size} bytes, more than the {limit} bytes accepted",
        "die Texttabelle der Arbeitsmappe hat {size} Bytes, mehr als die erlaubten {limit} Bytes",
    ),
    "xlsx_not_a_workbook": (
        "the zip archive is not an Excel workbook (its workbook part is missing)",
        "das Zip-Archiv ist keine Excel-Arbeitsmappe (der Arbeitsmappen-Teil fehlt)",
    ),
    "xlsx_unreadable": (
        "the workbook cannot be read: {detail}",
        "die Arbeitsmappe kann nicht gelesen werden: {detail}",
    ),
    "xlsx_missing_sheet": (
        "the sheet '{sheet}' is missing",
        "das Blatt „{sheet}“ fehlt",
    ),
    "xlsx_missing_column": (
        "the column '{header}' is missing from the header row",
        "die Spalte „{header}“ fehlt in der Kopfzeile",
    ),
    "xlsx_duplicate_column": (
        "the column '{header}' appears twice in the header row",
        "die Spalte „{header}“ steht zweimal in der Kopfzeile",
    ),
    "xlsx_too_many_rows": (
        "the sheet has {rows} rows, at most {limit} are accepted",
        "das Blatt hat {rows} Zeilen, höchstens {limit} sind erlaubt",
    ),
    "xlsx_too_many_columns": (
        "the sheet has {columns} columns, at most {limit} are accepted",
        "das Blatt hat {columns} Spalten, höchstens {limit} sind erlaubt",
    ),
    "xlsx_merged_cells": (
        "the cells {range} are merged; unmerge them so every row has its own values",
        "die Zellen {range} sind verbunden; bitte die Verbindung aufheben, damit jede Zeile eigene Werte hat",
    ),
    "xlsx_formula": (
        "the cell holds a formula ({formula}); formulas are never calculated on import: enter the value itself",
        "die Zelle enthält eine Formel ({formula}); Formeln werden beim Import nie berechnet: bitte den Wert "
        "selbst eintragen",
    ),
    "xlsx_duplicate_row": (
        "'{code}' appears again (first in row {first_row})",
        "„{code}“ kommt noch einmal vor (zuerst in Zeile {first_row})",
    ),
    "xlsx_missing_row": (
        "the row for '{code}' is missing",
        "die Zeile für „{code}“ fehlt",
    ),
    "xlsx_code_wrong_sheet": (
        "'{code}' belongs on the sheet '{sheet}'",
        "„{code}“ gehört auf das Blatt „{sheet}“",
    ),
    "xlsx_format_newer": (
        "the workbook was written in format {version} by a newer ECG Desktop; this version reads up to format "
        "{supported}: please update the app",
        "die Arbeitsmappe wurde im Format {version} von einem neueren ECG Desktop geschrieben; diese Version liest "
        "bis Format {supported}: bitte die App aktualisieren",
    ),
    "xlsx_format_unknown": (
        "'{found}' is not a workbook format version of ECG Desktop",
        "„{found}“ ist keine Arbeitsmappen-Formatversion von ECG Desktop",
    ),
    "xlsx_meta_missing": (
        "the hidden sheet _meta lacks '{key}': this workbook was not exported by ECG Desktop or was changed",
        "dem versteckten Blatt _meta fehlt „{key}“: die Arbeitsmappe stammt nicht aus ECG Desktop oder wurde verändert",
    ),
    "xlsx_meta_mismatch": (
        "'{key}' is {meta} in _meta but {content} in the embedded balance",
        "„{key}“ ist in _meta {meta}, in der eingebetteten Bilanz aber {content}",
    ),
    "xlsx_other_balance": (
        "the workbook belongs to balance {found}, not to balance {expected}; import it as a new balance instead",
        "die Arbeitsmappe gehört zu Bilanz {found}, nicht zu Bilanz {expected}; stattdessen als neue Bilanz "
        "importieren",
    ),
    "xlsx_other_matrix": (
        "the workbook uses matrix {found}, the balance uses matrix {expected}; import it as a new balance instead",
        "die Arbeitsmappe verwendet Matrix {found}, die Bilanz Matrix {expected}; stattdessen als neue Bilanz "
        "importieren",
    ),
    "xlsx_other_type": (
        "the workbook is a {found} balance, the balance is {expected}; import it as a new balance instead",
        "die Arbeitsmappe ist eine Bilanz der Art {found}, die Bilanz ist {expected}; stattdessen als neue Bilanz "
        "importieren",
    ),
    "xlsx_other_period": (
        "the workbook covers {found}, the balance covers {expected}; import it as a new balance instead",
        "die Arbeitsmappe umfasst {found}, die Bilanz {expected}; stattdessen als neue Bilanz importieren",
    ),
    "xlsx_unknown_balance": (
        "there is no balance {id} in this database; import the workbook as a new balance instead",
        "in dieser Datenbank gibt es keine Bilanz {id}; die Arbeitsmappe stattdessen als neue Bilanz importieren",
    ),
    "xlsx_no_balance_id": (
        "the workbook names no balance; import it as a new balance",
        "die Arbeitsmappe nennt keine Bilanz; bitte als neue Bilanz importieren",
    ),
    "xlsx_changed_since_export": (
        "the balance changed since the export (version {exported}, now {current}); the workbook's ratings "
        "replace the current ones",
        "die Bilanz wurde seit dem Export geändert (Version {exported}, jetzt {current}); die Bewertungen der "
        "Arbeitsmappe ersetzen die aktuellen",
    ),
    "xlsx_self_ignored": (
        "{count} self-assessment cells were changed but not imported (choose to import the self-assessment too)",
        "{count} Zellen der Selbsteinschätzung wurden geändert, aber nicht übernommen (dafür den Import der "
        "Selbsteinschätzung wählen)",
    ),
    "xlsx_evidence_dropped": (
        "the evidence file {name} ({sha256}) is not in this database's vault; the new balance is imported "
        "without it (attach the file again)",
        "die Nachweisdatei {name} ({sha256}) liegt nicht im Nachweisspeicher dieser Datenbank; die neue Bilanz "
        "wird ohne sie importiert (Datei erneut anhängen)",
    ),
    "portfolio_duplicate_balance": (
        "balance {id} appears again (first in row {first_row})",
        "Bilanz {id} kommt noch einmal vor (zuerst in Zeile {first_row})",
    ),
    # ---- the official ECG tools: calculator workbook, web-calculator JSON, parity report
    "official_unknown_format": (
        "this is neither an ECG calculator workbook (.xlsx), a web-calculator balance JSON nor an ECG Desktop "
        "balance JSON",
        "das ist weder eine Arbeitsmappe des ECG-Bilanzrechners (.xlsx) noch ein Bilanz-JSON des "
        "Online-Rechners oder von ECG Desktop",
    ),
    "official_legacy_file": (
        "this is an old .xls file or a password-protected workbook: save it in Excel as .xlsx without a "
        "password and import that file",
        "das ist eine alte .xls-Datei oder eine kennwortgeschützte Arbeitsmappe: bitte in Excel ohne Kennwort "
        "als .xlsx speichern und diese Datei importieren",
    ),
    "official_missing_sheet": (
        "the sheet '{sheet}' is missing: this is not a complete ECG calculator workbook",
        "das Blatt „{sheet}“ fehlt: das ist keine vollständige Arbeitsmappe des ECG-Bilanzrechners",
    ),
    "official_unsupported_version": (
        "calculator version '{found}' is not supported (supported: {known})",
        "Rechner-Version „{found}“ wird nicht unterstützt (unterstützt: {known})",
    ),
    "official_share_range": (
        "the share {value} % is outside 1 % to 100 % (the workbook writes 46 % as 0.46)",
        "der Anteil {value} % liegt außerhalb von 1 % bis 100 % (die Arbeitsmappe schreibt 46 % als 0,46)",
    ),
    "official_layout": (
        "unexpected content: expected {expected}, found '{found}'",
        "unerwarteter Inhalt: erwartet {expected}, gefunden „{found}“",
    ),
    "official_layout_type": (
        "the rating sheet is neither a full balance (an aspect of E4 in row 93) nor a compact one "
        "(an aspect of E4 in row 72)",
        "das Bewertungsblatt ist weder eine Vollbilanz (ein Aspekt von E4 in Zeile 93) noch eine Kompaktbilanz "
        "(ein Aspekt von E4 in Zeile 72)",
    ),
    "official_choice_not_recognised": (
        "'{found}' is not a choice this import knows; it is read as not answered",
        "„{found}“ ist keine bekannte Auswahl; sie wird als nicht beantwortet gelesen",
    ),
    "official_version_mapped": (
        "workbook version {found} is kept as {kept}: the web calculator knows no {found}, and both score alike",
        "Arbeitsmappen-Version {found} wird als {kept} geführt: der Online-Rechner kennt keine {found}, beide "
        "rechnen gleich",
    ),
    "official_name_from_file": (
        "the file names no organisation; the name '{name}' was taken from the file name",
        "die Datei nennt keine Organisation; der Name „{name}“ stammt aus dem Dateinamen",
    ),
    "official_row_ignored": (
        "a row with {what} but no {amount} is left out (only rows with {amount} count)",
        "eine Zeile mit {what}, aber ohne {amount} wird ausgelassen (nur Zeilen mit {amount} zählen)",
    ),
    "ecalc_unknown_version": (
        "unknown web-calculator version '{found}' (known: {known})",
        "unbekannte Version des Online-Rechners „{found}“ (bekannt: {known})",
    ),
    "ecalc_matrix": (
        "the web calculator takes Matrix 5.0 and 5.1 balances only, not {matrix}",
        "der Online-Rechner nimmt nur Bilanzen nach Matrix 5.0 und 5.1, nicht {matrix}",
    ),
    "ecalc_needs": (
        "the web calculator needs this (the organisation's name, a contact person and an e-mail address): "
        "enter it before exporting",
        "der Online-Rechner braucht diese Angabe (Name der Organisation, Ansprechperson und E-Mail-Adresse): "
        "bitte vor dem Export eintragen",
    ),
    "ecalc_bad_email": (
        "'{found}' is not an e-mail address the web calculator accepts",
        "„{found}“ ist keine E-Mail-Adresse, die der Online-Rechner annimmt",
    ),
    "ecalc_zero_share_dropped": (
        "a row with the share 0 is left out (it changes no number)",
        "eine Zeile mit dem Anteil 0 wird ausgelassen (sie ändert keine Zahl)",
    ),
    "parity_first_sector_row": (
        "the workbook looks only at the first own-sector row (row 41: {first}) for sectors K, B and F; this "
        "balance has {sectors}, so the weights of {themes} differ, and with them every maximum",
        "die Arbeitsmappe prüft für die Branchen K, B und F nur die erste Branchenzeile (Zeile 41: {first}); "
        "diese Bilanz hat {sectors}, daher weichen die Gewichtungen von {themes} ab und mit ihnen jedes Maximum",
    ),
    "parity_unexplained": (
        "differences without a known reason: {count}; please check the facts and weights against the workbook",
        "Abweichungen ohne bekannten Grund: {count}; bitte Daten und Gewichtungen mit der Arbeitsmappe vergleichen",
    ),
    "file_unwritable": ("cannot write the file: {reason}", "die Datei kann nicht geschrieben werden: {reason}"),
    "parity_no_results": (
        "the file holds no calculated results (saved without calculating?): there is nothing to compare",
        "die Datei enthält keine berechneten Ergebnisse (ohne Berechnung gespeichert?): es gibt nichts zu vergleichen",
    ),
}


def render(code: str, params: dict[str, Any], lang: str = "en") -> str:
    """Fill the template `code` in `lang` ("en" or "de"); unknown codes show code and params."""
    templates = MESSAGES.get(code)
    if templates is None:
        return f"{code} {params}" if params else code
    template = templates[1] if lang == "de" else templates[0]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return f"{template} {params}"
