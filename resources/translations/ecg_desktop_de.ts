<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About ECG Desktop</source>
            <translation>Über ECG Desktop</translation>
        </message>
        <message>
            <source>&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;Common Good Balance Sheets of the Economy for the Common Good: guided matrix, evidence, scoring, spreadsheets and PDF reports.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;Gemeinwohl-Bilanzen der Gemeinwohl-Ökonomie: geführte Matrix, Nachweise, Bewertung, Tabellen und PDF-Berichte.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;small&gt;Python {python}, Qt {qt}, PySide6 {pyside}&lt;/small&gt;&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;small&gt;Python {python}, Qt {qt}, PySide6 {pyside}&lt;/small&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Licences&lt;/h3&gt;&lt;p&gt;ECG Desktop is free software under the MIT licence.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Lizenzen&lt;/h3&gt;&lt;p&gt;ECG Desktop ist freie Software unter der MIT-Lizenz.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;It is built on these components:&lt;/p&gt;</source>
            <translation>&lt;p&gt;Es baut auf diesen Komponenten auf:&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;The matrix names and guidance follow the Economy for the Common Good's published matrices (texts CC BY-SA); the scoring rules are implemented from their documentation. The illustrative tax rate is not ECG policy and no tax law uses it.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Namen und Hinweise der Matrix folgen den veröffentlichten Matrizen der Gemeinwohl-Ökonomie (Texte CC BY-SA); die Bewertungsregeln sind nach deren Dokumentation umgesetzt. Der beispielhafte Steuersatz ist keine Position der GWÖ, und kein Steuergesetz verwendet ihn.&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Cannot open the data</source>
            <translation>Die Daten können nicht geöffnet werden</translation>
        </message>
        <message>
            <source>Sample not created</source>
            <translation>Beispiel nicht angelegt</translation>
        </message>
    </context>
    <context>
        <name>AspectEditor</name>
        <message>
            <source>Reasoning</source>
            <translation>Begründung der Bewertung</translation>
        </message>
        <message>
            <source>What has the organisation done, since when, how far, and how do you know?</source>
            <translation>Was hat die Organisation getan, seit wann, wie weit, und woher wissen Sie das?</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>Nachweise</translation>
        </message>
        <message>
            <source>Weight</source>
            <translation>Gewichtung</translation>
        </message>
        <message>
            <source>Relevance</source>
            <translation>Relevanz</translation>
        </message>
        <message>
            <source>Not applicable</source>
            <translation>Trifft nicht zu</translation>
        </message>
        <message>
            <source>The aspect does not concern this organisation (weight 0)</source>
            <translation>Der Aspekt betrifft diese Organisation nicht (Gewichtung 0)</translation>
        </message>
        <message>
            <source>%1 (default)</source>
            <translation>%1 (Vorgabe)</translation>
        </message>
        <message>
            <source>%1 characters (at least %2 expected)</source>
            <translation>%1 Zeichen (mindestens %2 erwartet)</translation>
        </message>
    </context>
    <context>
        <name>AuditDialog</name>
        <message>
            <source>Record the audit</source>
            <translation>Audit erfassen</translation>
        </message>
        <message>
            <source>Self-assessment</source>
            <translation>Selbstbewertung</translation>
        </message>
        <message>
            <source>Peer evaluation</source>
            <translation>Peer-Evaluierung</translation>
        </message>
        <message>
            <source>External audit</source>
            <translation>Externes Audit</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <source>Auditor</source>
            <translation>Auditor*in</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>Recording the audit locks the balance sheet. Later changes need a new revision.</source>
            <translation>Mit dem Erfassen des Audits wird die Bilanz gesperrt. Spätere Änderungen brauchen eine neue Revision.</translation>
        </message>
    </context>
    <context>
        <name>AuditTableModel</name>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Aspect</source>
            <translation>Aspekt</translation>
        </message>
        <message>
            <source>Self-assessment</source>
            <translation>Selbstbewertung</translation>
        </message>
        <message>
            <source>Auditor</source>
            <translation>Audit</translation>
        </message>
        <message>
            <source>Difference</source>
            <translation>Differenz</translation>
        </message>
        <message>
            <source>Auditor's comment</source>
            <translation>Kommentar des Audits</translation>
        </message>
    </context>
    <context>
        <name>AuditorView</name>
        <message>
            <source>Record audit and lock…</source>
            <translation>Audit erfassen und sperren…</translation>
        </message>
        <message>
            <source>Store who audited the balance sheet and when; it becomes read-only</source>
            <translation>Speichern, wer die Bilanz wann auditiert hat; danach ist sie schreibgeschützt</translation>
        </message>
        <message>
            <source>Double-click the auditor column to enter the auditor's level</source>
            <translation>Doppelklick in die Spalte „Audit“, um die Stufe des Audits einzutragen</translation>
        </message>
        <message>
            <source>No balance sheet is open.</source>
            <translation>Keine Bilanz geöffnet.</translation>
        </message>
        <message>
            <source>Self-assessment: %1 points · with the auditor's levels: %2 points</source>
            <translation>Selbstbewertung: %1 Punkte · mit den Stufen des Audits: %2 Punkte</translation>
        </message>
        <message>
            <source>Select an aspect to comment on it.</source>
            <translation>Wählen Sie einen Aspekt, um ihn zu kommentieren.</translation>
        </message>
        <message>
            <source>Auditor's comment on %1</source>
            <translation>Kommentar des Audits zu %1</translation>
        </message>
    </context>
    <context>
        <name>BalanceContext</name>
        <message>
            <source>Change not saved</source>
            <translation>Änderung nicht gespeichert</translation>
        </message>
    </context>
    <context>
        <name>BalanceDialog</name>
        <message>
            <source>New balance sheet</source>
            <translation>Neue Bilanz</translation>
        </message>
        <message>
            <source>&amp;Organisation:</source>
            <translation>&amp;Organisation:</translation>
        </message>
        <message>
            <source>&amp;Matrix:</source>
            <translation>&amp;Matrix:</translation>
        </message>
        <message>
            <source>Balance &amp;type:</source>
            <translation>Bilanz&amp;art:</translation>
        </message>
        <message>
            <source>Period &amp;from:</source>
            <translation>Zeitraum &amp;von:</translation>
        </message>
        <message>
            <source>Period &amp;to:</source>
            <translation>Zeitraum &amp;bis:</translation>
        </message>
        <message>
            <source>The period must end after it starts.</source>
            <translation>Der Zeitraum muss nach seinem Beginn enden.</translation>
        </message>
        <message>
            <source>Create an organisation first.</source>
            <translation>Legen Sie zuerst eine Organisation an.</translation>
        </message>
    </context>
    <context>
        <name>BalanceTreeModel</name>
        <message>
            <source>compact</source>
            <translation>kompakt</translation>
        </message>
        <message>
            <source>full</source>
            <translation>voll</translation>
        </message>
        <message>
            <source>revision {number}</source>
            <translation>Revision {number}</translation>
        </message>
        <message>
            <source>locked</source>
            <translation>gesperrt</translation>
        </message>
        <message>
            <source>in review</source>
            <translation>in Prüfung</translation>
        </message>
        <message>
            <source>draft</source>
            <translation>Entwurf</translation>
        </message>
        <message>
            <source>{name} (archived)</source>
            <translation>{name} (archiviert)</translation>
        </message>
    </context>
    <context>
        <name>BandsModel</name>
        <message>
            <source>lowest total</source>
            <translation>niedrigste Summe</translation>
        </message>
        <message>
            <source>From points</source>
            <translation>Ab Punkten</translation>
        </message>
        <message>
            <source>Rate (%)</source>
            <translation>Satz (%)</translation>
        </message>
    </context>
    <context>
        <name>Commands</name>
        <message>
            <source>Clear level of {code}</source>
            <translation>Stufe von {code} löschen</translation>
        </message>
        <message>
            <source>Set level of {code} to {value}</source>
            <translation>Stufe von {code} auf {value} setzen</translation>
        </message>
        <message>
            <source>Clear auditor's level of {code}</source>
            <translation>Audit-Stufe von {code} löschen</translation>
        </message>
        <message>
            <source>Set auditor's level of {code} to {value}</source>
            <translation>Audit-Stufe von {code} auf {value} setzen</translation>
        </message>
        <message>
            <source>Edit reasoning of {code}</source>
            <translation>Begründung zu {code} bearbeiten</translation>
        </message>
        <message>
            <source>Edit auditor's comment on {code}</source>
            <translation>Audit-Kommentar zu {code} bearbeiten</translation>
        </message>
        <message>
            <source>Edit justification of {code}</source>
            <translation>Abweichungsbegründung zu {code} bearbeiten</translation>
        </message>
        <message>
            <source>Reset weight of {code}</source>
            <translation>Gewichtung von {code} zurücksetzen</translation>
        </message>
        <message>
            <source>Set weight of {code} to {value}</source>
            <translation>Gewichtung von {code} auf {value} setzen</translation>
        </message>
        <message>
            <source>Mark {code} not applicable</source>
            <translation>{code} als nicht zutreffend markieren</translation>
        </message>
        <message>
            <source>Edit company facts</source>
            <translation>Unternehmensdaten bearbeiten</translation>
        </message>
        <message>
            <source>Change tax schedule</source>
            <translation>Steuertarif ändern</translation>
        </message>
        <message>
            <source>Attach {name} to {codes}</source>
            <translation>{name} an {codes} anhängen</translation>
        </message>
        <message>
            <source>Remove {name} from the balance</source>
            <translation>{name} aus der Bilanz entfernen</translation>
        </message>
        <message>
            <source>Unlink {name} from {code}</source>
            <translation>Verknüpfung von {name} mit {code} lösen</translation>
        </message>
    </context>
    <context>
        <name>ComparisonModel</name>
        <message>
            <source>Total</source>
            <translation>Summe</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>Thema</translation>
        </message>
        <message>
            <source>Previous</source>
            <translation>Vorherige</translation>
        </message>
        <message>
            <source>This balance</source>
            <translation>Diese Bilanz</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Veränderung</translation>
        </message>
    </context>
    <context>
        <name>Confirm</name>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
    </context>
    <context>
        <name>EcalcDialog</name>
        <message>
            <source>Export for the ECG web calculator</source>
            <translation>Für den GWÖ-Online-Rechner exportieren</translation>
        </message>
        <message>
            <source>The web calculator needs the organisation's name, a contact person and an e-mail address. They are written into the file only; the balance sheet stays as it is.</source>
            <translation>Der Online-Rechner braucht den Namen der Organisation, eine Ansprechperson und eine E-Mail-Adresse. Sie werden nur in die Datei geschrieben; die Bilanz bleibt unverändert.</translation>
        </message>
        <message>
            <source>&amp;Organisation:</source>
            <translation>&amp;Organisation:</translation>
        </message>
        <message>
            <source>&amp;Contact person:</source>
            <translation>&amp;Ansprechperson:</translation>
        </message>
        <message>
            <source>&amp;E-mail:</source>
            <translation>&amp;E-Mail:</translation>
        </message>
        <message>
            <source>Still needed before the export:</source>
            <translation>Vor dem Export noch nötig:</translation>
        </message>
    </context>
    <context>
        <name>EvidenceDialog</name>
        <message>
            <source>Attach evidence</source>
            <translation>Nachweis anhängen</translation>
        </message>
        <message>
            <source>Attach to {code}: {names}</source>
            <translation>An {code} anhängen: {names}</translation>
        </message>
        <message>
            <source>&amp;Description (optional):</source>
            <translation>&amp;Beschreibung (freiwillig):</translation>
        </message>
        <message>
            <source>e.g. Supplier contract 2024, page 3</source>
            <translation>z. B. Liefervertrag 2024, Seite 3</translation>
        </message>
        <message>
            <source>&amp;Attach</source>
            <translation>&amp;Anhängen</translation>
        </message>
    </context>
    <context>
        <name>EvidencePanel</name>
        <message>
            <source>Attach…</source>
            <translation>Anhängen…</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Öffnen</translation>
        </message>
        <message>
            <source>Verify</source>
            <translation>Prüfen</translation>
        </message>
        <message>
            <source>Remove link</source>
            <translation>Verknüpfung entfernen</translation>
        </message>
        <message>
            <source>Drop files here to attach them to %1.</source>
            <translation>Dateien hierher ziehen, um sie an %1 anzuhängen.</translation>
        </message>
        <message>
            <source>Copy a file into the evidence vault and link it to this aspect</source>
            <translation>Eine Datei in den Nachweisspeicher kopieren und mit diesem Aspekt verknüpfen</translation>
        </message>
        <message>
            <source>The file stays in the vault; only the link is removed</source>
            <translation>Die Datei bleibt im Speicher; nur die Verknüpfung wird entfernt</translation>
        </message>
        <message>
            <source>Copying evidence files…</source>
            <translation>Nachweisdateien werden kopiert …</translation>
        </message>
        <message>
            <source>Attach evidence to %1</source>
            <translation>Nachweis an %1 anhängen</translation>
        </message>
        <message>
            <source>Checking evidence files…</source>
            <translation>Nachweisdateien werden geprüft…</translation>
        </message>
    </context>
    <context>
        <name>EvidenceTableModel</name>
        <message>
            <source>File</source>
            <translation>Datei</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>Hinzugefügt</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Prüfung</translation>
        </message>
    </context>
    <context>
        <name>ExchangeActions</name>
        <message>
            <source>Import from the ECG &amp;calculator…</source>
            <translation>Aus dem GWÖ-&amp;Rechner importieren …</translation>
        </message>
        <message>
            <source>An ECG calculator workbook (.xlsx) or a web-calculator file (.json), compared line by line</source>
            <translation>Eine Arbeitsmappe des GWÖ-Rechners (.xlsx) oder eine Datei des Online-Rechners (.json), Zeile für Zeile abgeglichen</translation>
        </message>
        <message>
            <source>Export for the ECG &amp;web calculator…</source>
            <translation>Für den GWÖ-Online-Rechner e&amp;xportieren …</translation>
        </message>
        <message>
            <source>Export P&amp;DF…</source>
            <translation>PDF expor&amp;tieren …</translation>
        </message>
        <message>
            <source>Prin&amp;t…</source>
            <translation>&amp;Drucken …</translation>
        </message>
        <message>
            <source>Not possible</source>
            <translation>Nicht möglich</translation>
        </message>
        <message>
            <source>Reading {name}…</source>
            <translation>{name} wird gelesen …</translation>
        </message>
        <message>
            <source>Importing {name}…</source>
            <translation>{name} wird importiert …</translation>
        </message>
        <message>
            <source>Imported as a new balance sheet</source>
            <translation>Als neue Bilanz importiert</translation>
        </message>
        <message>
            <source>Balance sheet updated from the workbook</source>
            <translation>Bilanz aus der Arbeitsmappe aktualisiert</translation>
        </message>
        <message>
            <source>Imported with notes</source>
            <translation>Mit Hinweisen importiert</translation>
        </message>
        <message>
            <source>Not imported</source>
            <translation>Nicht importiert</translation>
        </message>
        <message>
            <source>{name} was not imported; nothing was changed.</source>
            <translation>{name} wurde nicht importiert; nichts wurde geändert.</translation>
        </message>
        <message>
            <source>Import from the ECG calculator</source>
            <translation>Aus dem GWÖ-Rechner importieren</translation>
        </message>
        <message>
            <source>ECG calculator files (*.xlsx *.json);;All files (*)</source>
            <translation>Dateien des GWÖ-Rechners (*.xlsx *.json);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>Import läuft …</translation>
        </message>
        <message>
            <source>Export for the ECG web calculator</source>
            <translation>Für den GWÖ-Online-Rechner exportieren</translation>
        </message>
        <message>
            <source>JSON (*.json)</source>
            <translation>JSON (*.json)</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>{path} gespeichert</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>Export läuft …</translation>
        </message>
        <message>
            <source>Export PDF</source>
            <translation>PDF exportieren</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Creating the PDF…</source>
            <translation>PDF wird erstellt …</translation>
        </message>
        <message>
            <source>Sent {count} pages to the printer</source>
            <translation>{count} Seiten an den Drucker gesendet</translation>
        </message>
        <message>
            <source>Preparing the print-out…</source>
            <translation>Ausdruck wird vorbereitet …</translation>
        </message>
    </context>
    <context>
        <name>FactsForm</name>
        <message>
            <source>Employees (full-time equivalents)</source>
            <translation>Mitarbeitende (Vollzeitäquivalente)</translation>
        </message>
        <message>
            <source>Turnover</source>
            <translation>Umsatz</translation>
        </message>
        <message>
            <source>Total assets</source>
            <translation>Bilanzsumme</translation>
        </message>
        <message>
            <source>Profit (negative for a loss)</source>
            <translation>Gewinn (negativ bei Verlust)</translation>
        </message>
        <message>
            <source>Financial costs</source>
            <translation>Finanzierungskosten</translation>
        </message>
        <message>
            <source>Income from financial investments</source>
            <translation>Erträge aus Finanzanlagen</translation>
        </message>
        <message>
            <source>Additions to fixed assets</source>
            <translation>Anlagenzugänge</translation>
        </message>
        <message>
            <source>Financial assets and cash</source>
            <translation>Finanzanlagen und liquide Mittel</translation>
        </message>
        <message>
            <source>Total purchases</source>
            <translation>Gesamteinkauf</translation>
        </message>
        <message>
            <source>Main origin of the other suppliers</source>
            <translation>Hauptherkunft der übrigen Lieferant*innen</translation>
        </message>
        <message>
            <source>Largest purchase categories
(country, sector, costs)</source>
            <translation>Größte Einkaufsposten
(Land, Branche, Kosten)</translation>
        </message>
        <message>
            <source>Total staff costs</source>
            <translation>Personalkosten gesamt</translation>
        </message>
        <message>
            <source>Average commute (km)</source>
            <translation>Durchschnittlicher Arbeitsweg (km)</translation>
        </message>
        <message>
            <source>Canteen</source>
            <translation>Kantine</translation>
        </message>
        <message>
            <source>Staff by country (%)</source>
            <translation>Belegschaft nach Land (%)</translation>
        </message>
        <message>
            <source>Customers mainly businesses</source>
            <translation>Kund*innen überwiegend Unternehmen</translation>
        </message>
        <message>
            <source>Own sectors
(sector, % of turnover, description)</source>
            <translation>Eigene Branchen
(Branche, % des Umsatzes, Beschreibung)</translation>
        </message>
        <message>
            <source>Sole proprietor</source>
            <translation>Einzelunternehmen</translation>
        </message>
        <message>
            <source>N2: turnover share concerned (%)</source>
            <translation>N2: betroffener Umsatzanteil (%)</translation>
        </message>
        <message>
            <source>Size and finances</source>
            <translation>Größe und Finanzen</translation>
        </message>
        <message>
            <source>Purchases</source>
            <translation>Einkauf</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>Belegschaft</translation>
        </message>
        <message>
            <source>Customers and sectors</source>
            <translation>Kund*innen und Branchen</translation>
        </message>
        <message>
            <source>Matrix 4.1</source>
            <translation>Matrix 4.1</translation>
        </message>
        <message>
            <source>not entered</source>
            <translation>nicht erfasst</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>ja</translation>
        </message>
        <message>
            <source>no</source>
            <translation>nein</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Übernehmen</translation>
        </message>
        <message>
            <source>Revert</source>
            <translation>Zurücksetzen</translation>
        </message>
        <message>
            <source>Store the facts (one undo step); the weights follow at once</source>
            <translation>Daten speichern (ein Rückgängig-Schritt); die Gewichtungen folgen sofort</translation>
        </message>
        <message>
            <source>Weights from these facts</source>
            <translation>Gewichtungen aus diesen Daten</translation>
        </message>
        <message>
            <source>%1: cannot read %2</source>
            <translation>%1: %2 ist nicht lesbar</translation>
        </message>
        <message>
            <source>%1: no country is called %2</source>
            <translation>%1: kein Land heißt %2</translation>
        </message>
        <message>
            <source>Shares must add up to at most 100 %.</source>
            <translation>Die Anteile dürfen zusammen höchstens 100 % ergeben.</translation>
        </message>
        <message>
            <source>Nothing changed.</source>
            <translation>Nichts geändert.</translation>
        </message>
        <message>
            <source>Stored. The weights are updated.</source>
            <translation>Gespeichert. Die Gewichtungen sind aktualisiert.</translation>
        </message>
        <message>
            <source>Preview of the typed facts (not stored yet).</source>
            <translation>Vorschau der eingegebenen Daten (noch nicht gespeichert).</translation>
        </message>
    </context>
    <context>
        <name>GuidedView</name>
        <message>
            <source>◀ Previous</source>
            <translation>◀ Zurück</translation>
        </message>
        <message>
            <source>Next ▶</source>
            <translation>Weiter ▶</translation>
        </message>
        <message>
            <source>The theme before this one in the matrix</source>
            <translation>Das vorige Thema der Matrix</translation>
        </message>
        <message>
            <source>The next theme in the matrix</source>
            <translation>Das nächste Thema der Matrix</translation>
        </message>
        <message>
            <source>%1 of %2 themes done</source>
            <translation>%1 von %2 Themen erledigt</translation>
        </message>
        <message>
            <source>Negative criteria</source>
            <translation>Negativkriterien</translation>
        </message>
    </context>
    <context>
        <name>Jobs</name>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Please wait</source>
            <translation>Bitte warten</translation>
        </message>
    </context>
    <context>
        <name>LevelPicker</name>
        <message>
            <source>Not rated</source>
            <translation>Nicht bewertet</translation>
        </message>
        <message>
            <source>Remove the level (the aspect counts as not rated yet)</source>
            <translation>Stufe entfernen (der Aspekt gilt als noch nicht bewertet)</translation>
        </message>
        <message>
            <source>Not rated yet.</source>
            <translation>Noch nicht bewertet.</translation>
        </message>
    </context>
    <context>
        <name>LeversModel</name>
        <message>
            <source>Theme one level up</source>
            <translation>Thema eine Stufe höher</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Punkte</translation>
        </message>
        <message>
            <source>New total</source>
            <translation>Neue Summe</translation>
        </message>
        <message>
            <source>New rate</source>
            <translation>Neuer Satz</translation>
        </message>
    </context>
    <context>
        <name>LockedBanner</name>
        <message>
            <source>&lt;b&gt;Locked:&lt;/b&gt; this balance sheet ({status}) can be read but not changed.</source>
            <translation>&lt;b&gt;Gesperrt:&lt;/b&gt; Diese Bilanz ({status}) kann gelesen, aber nicht geändert werden.</translation>
        </message>
        <message>
            <source>Open &amp;new revision</source>
            <translation>&amp;Neue Revision öffnen</translation>
        </message>
        <message>
            <source>Start an editable copy as the next revision; the audited one stays as it is.</source>
            <translation>Eine bearbeitbare Kopie als nächste Revision anlegen; die auditierte Bilanz bleibt unverändert.</translation>
        </message>
        <message>
            <source>🔒 This balance sheet is audited and locked: it is read-only. To change it, open a new revision.</source>
            <translation>🔒 Diese Bilanz ist auditiert und gesperrt: sie ist schreibgeschützt. Für Änderungen öffnen Sie eine neue Revision.</translation>
        </message>
        <message>
            <source>Open a new revision</source>
            <translation>Neue Revision öffnen</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Data: {location}</source>
            <translation>Daten: {location}</translation>
        </message>
        <message>
            <source>New balance sheet</source>
            <translation>Neue Bilanz</translation>
        </message>
        <message>
            <source>Create an organisation first.</source>
            <translation>Legen Sie zuerst eine Organisation an.</translation>
        </message>
        <message>
            <source>Delete the balance sheet {period} of {organisation}? This cannot be undone.</source>
            <translation>Die Bilanz {period} von {organisation} löschen? Das kann nicht rückgängig gemacht werden.</translation>
        </message>
        <message>
            <source>Delete balance sheet</source>
            <translation>Bilanz löschen</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Löschen</translation>
        </message>
        <message>
            <source>Archive {organisation}? Its balance sheets are kept; archived organisations are hidden unless View › Show archived organisations is on.</source>
            <translation>{organisation} archivieren? Die Bilanzen bleiben erhalten; archivierte Organisationen sind ausgeblendet, solange Ansicht › Archivierte Organisationen zeigen aus ist.</translation>
        </message>
        <message>
            <source>Archive organisation</source>
            <translation>Organisation archivieren</translation>
        </message>
        <message>
            <source>&amp;Archive</source>
            <translation>&amp;Archivieren</translation>
        </message>
        <message>
            <source>Delete {organisation} with all {count} balance sheets? This cannot be undone.</source>
            <translation>{organisation} mit allen {count} Bilanzen löschen? Das kann nicht rückgängig gemacht werden.</translation>
        </message>
        <message>
            <source>Delete organisation</source>
            <translation>Organisation löschen</translation>
        </message>
        <message>
            <source>Not possible</source>
            <translation>Nicht möglich</translation>
        </message>
        <message>
            <source>Import balance sheet</source>
            <translation>Bilanz importieren</translation>
        </message>
        <message>
            <source>Importing {name}…</source>
            <translation>{name} wird importiert …</translation>
        </message>
        <message>
            <source>Export balance sheet</source>
            <translation>Bilanz exportieren</translation>
        </message>
        <message>
            <source>Balance sheet (*.json)</source>
            <translation>Bilanz (*.json)</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>{path} gespeichert</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>Export läuft …</translation>
        </message>
        <message>
            <source>Evidence check</source>
            <translation>Prüfung der Nachweise</translation>
        </message>
        <message>
            <source>Balance sheet (*.json *.xlsx);;All files (*)</source>
            <translation>Bilanz (*.json *.xlsx);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Workbook (*.xlsx)</source>
            <translation>Arbeitsmappe (*.xlsx)</translation>
        </message>
        <message>
            <source>PDF report (*.pdf)</source>
            <translation>PDF-Bericht (*.pdf)</translation>
        </message>
        <message>
            <source>Problems found:
{lines}</source>
            <translation>Probleme gefunden:
{lines}</translation>
        </message>
        <message>
            <source>Import portfolio</source>
            <translation>Portfolio importieren</translation>
        </message>
        <message>
            <source>Balance sheets imported: {count}</source>
            <translation>Importierte Bilanzen: {count}</translation>
        </message>
        <message>
            <source>Export portfolio</source>
            <translation>Portfolio exportieren</translation>
        </message>
        <message>
            <source>Workbook (*.xlsx);;CSV (*.csv)</source>
            <translation>Arbeitsmappe (*.xlsx);;CSV (*.csv)</translation>
        </message>
        <message>
            <source>All {count} files are unchanged.</source>
            <translation>Alle {count} Dateien sind unverändert.</translation>
        </message>
        <message>
            <source>Checking evidence files…</source>
            <translation>Nachweisdateien werden geprüft …</translation>
        </message>
        <message>
            <source>Open data folder</source>
            <translation>Datenordner öffnen</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(keine)</translation>
        </message>
        <message>
            <source>&amp;Undo {action}</source>
            <translation>&amp;Rückgängig: {action}</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Rückgängig</translation>
        </message>
        <message>
            <source>&amp;Redo {action}</source>
            <translation>&amp;Wiederherstellen: {action}</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Wiederherstellen</translation>
        </message>
        <message>
            <source>Total: {total} of {maximum} points</source>
            <translation>Summe: {total} von {maximum} Punkten</translation>
        </message>
        <message>
            <source>Illustrative tax rate: {rate}</source>
            <translation>Beispielhafter Steuersatz: {rate}</translation>
        </message>
        <message>
            <source>ECG Desktop</source>
            <translation>ECG Desktop</translation>
        </message>
        <message>
            <source>{title} (locked)</source>
            <translation>{title} (gesperrt)</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Bearbeiten</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>&amp;Balance</source>
            <translation>B&amp;ilanz</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>&amp;Recent databases</source>
            <translation>&amp;Zuletzt geöffnete Datenbanken</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Sprache</translation>
        </message>
        <message>
            <source>New &amp;organisation…</source>
            <translation>Neue &amp;Organisation …</translation>
        </message>
        <message>
            <source>&amp;New balance sheet…</source>
            <translation>&amp;Neue Bilanz …</translation>
        </message>
        <message>
            <source>&amp;Open data folder…</source>
            <translation>Datenordner ö&amp;ffnen …</translation>
        </message>
        <message>
            <source>&amp;Import balance sheet…</source>
            <translation>Bilanz &amp;importieren …</translation>
        </message>
        <message>
            <source>&amp;Export balance sheet…</source>
            <translation>Bilanz &amp;exportieren …</translation>
        </message>
        <message>
            <source>Import &amp;portfolio workbook…</source>
            <translation>&amp;Portfolio-Arbeitsmappe importieren …</translation>
        </message>
        <message>
            <source>Export p&amp;ortfolio…</source>
            <translation>P&amp;ortfolio exportieren …</translation>
        </message>
        <message>
            <source>&amp;Verify evidence files</source>
            <translation>Nachweisdateien &amp;prüfen</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Einstellungen …</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>&amp;Copy into next period</source>
            <translation>In nächsten Zeitraum &amp;kopieren</translation>
        </message>
        <message>
            <source>&amp;Submit for review</source>
            <translation>Zur &amp;Prüfung einreichen</translation>
        </message>
        <message>
            <source>Open new &amp;revision</source>
            <translation>Neue &amp;Revision öffnen</translation>
        </message>
        <message>
            <source>&amp;Delete balance sheet…</source>
            <translation>Bilanz &amp;löschen …</translation>
        </message>
        <message>
            <source>&amp;Archive or restore organisation…</source>
            <translation>Organisation &amp;archivieren oder wiederherstellen …</translation>
        </message>
        <message>
            <source>Delete &amp;organisation…</source>
            <translation>&amp;Organisation löschen …</translation>
        </message>
        <message>
            <source>Go to &amp;balance list</source>
            <translation>Zur &amp;Bilanzliste</translation>
        </message>
        <message>
            <source>Show &amp;archived organisations</source>
            <translation>&amp;Archivierte Organisationen zeigen</translation>
        </message>
        <message>
            <source>&amp;About ECG Desktop</source>
            <translation>&amp;Über ECG Desktop</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>Über &amp;Qt</translation>
        </message>
        <message>
            <source>Navigation</source>
            <translation>Navigation</translation>
        </message>
        <message>
            <source>Organisations and balance sheets</source>
            <translation>Organisationen und Bilanzen</translation>
        </message>
        <message>
            <source>Pages</source>
            <translation>Seiten</translation>
        </message>
    </context>
    <context>
        <name>MatrixGridModel</name>
        <message>
            <source>not applicable</source>
            <translation>entfällt</translation>
        </message>
        <message>
            <source>{points} of {maximum} points ({percent})</source>
            <translation>{points} von {maximum} Punkten ({percent})</translation>
        </message>
        <message>
            <source>Weight {weight}</source>
            <translation>Gewichtung {weight}</translation>
        </message>
        <message>
            <source>Click or press Enter to open the theme.</source>
            <translation>Zum Öffnen des Themas klicken oder die Eingabetaste drücken.</translation>
        </message>
    </context>
    <context>
        <name>MatrixOverview</name>
        <message>
            <source>Share of the maximum reached:</source>
            <translation>Erreichter Anteil am Höchstwert:</translation>
        </message>
        <message>
            <source>Negative criteria…</source>
            <translation>Negativkriterien …</translation>
        </message>
        <message>
            <source>Matrix 4.1: the negative criteria N1 to N17 with their deductions</source>
            <translation>Matrix 4.1: die Negativkriterien N1 bis N17 mit ihren Abzügen</translation>
        </message>
        <message>
            <source>Common Good Matrix</source>
            <translation>Gemeinwohl-Matrix</translation>
        </message>
        <message>
            <source>No balance sheet open</source>
            <translation>Keine Bilanz geöffnet</translation>
        </message>
        <message>
            <source>Choose a balance sheet on the left, or create one with Balance › New balance sheet.</source>
            <translation>Wählen Sie links eine Bilanz oder legen Sie mit Bilanz › Neue Bilanz eine an.</translation>
        </message>
        <message>
            <source>Common Good Matrix {version}</source>
            <translation>Gemeinwohl-Matrix {version}</translation>
        </message>
        <message>
            <source>Total: {total} of {maximum} points. Click a theme (or press Enter) to open it.</source>
            <translation>Summe: {total} von {maximum} Punkten. Klicken Sie auf ein Thema (oder drücken Sie die Eingabetaste), um es zu öffnen.</translation>
        </message>
    </context>
    <context>
        <name>MissingPanel</name>
        <message>
            <source>Everything missing</source>
            <translation>Alles, was fehlt</translation>
        </message>
        <message>
            <source>Show only one kind of gap</source>
            <translation>Nur eine Art von Lücke anzeigen</translation>
        </message>
        <message>
            <source>No balance sheet is open.</source>
            <translation>Keine Bilanz geöffnet.</translation>
        </message>
        <message>
            <source>Nothing is missing: every aspect has a level, reasoning and evidence.</source>
            <translation>Nichts fehlt: jeder Aspekt hat eine Stufe, eine Begründung und Nachweise.</translation>
        </message>
        <message>
            <source>%1 things missing (%2)</source>
            <translation>%1 Lücken (%2)</translation>
        </message>
    </context>
    <context>
        <name>NegativeEditor</name>
        <message>
            <source>Applies (full deduction %1)</source>
            <translation>Trifft zu (voller Abzug %1)</translation>
        </message>
        <message>
            <source>Deduction</source>
            <translation>Abzug</translation>
        </message>
    </context>
    <context>
        <name>OrganisationDialog</name>
        <message>
            <source>New organisation</source>
            <translation>Neue Organisation</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>&amp;Legal form:</source>
            <translation>&amp;Rechtsform:</translation>
        </message>
        <message>
            <source>&amp;Industry:</source>
            <translation>&amp;Branche:</translation>
        </message>
        <message>
            <source>&amp;Head office:</source>
            <translation>&amp;Sitz:</translation>
        </message>
        <message>
            <source>&amp;Website:</source>
            <translation>&amp;Website:</translation>
        </message>
        <message>
            <source>&amp;Contact person:</source>
            <translation>&amp;Ansprechperson:</translation>
        </message>
        <message>
            <source>Contact &amp;e-mail:</source>
            <translation>&amp;E-Mail-Kontakt:</translation>
        </message>
        <message>
            <source>required</source>
            <translation>erforderlich</translation>
        </message>
    </context>
    <context>
        <name>Pages</name>
        <message>
            <source>Company facts</source>
            <translation>Unternehmensdaten</translation>
        </message>
        <message>
            <source>Guided mode</source>
            <translation>Geführter Modus</translation>
        </message>
        <message>
            <source>Matrix overview</source>
            <translation>Matrix-Übersicht</translation>
        </message>
        <message>
            <source>What's missing</source>
            <translation>Was fehlt</translation>
        </message>
        <message>
            <source>Results</source>
            <translation>Ergebnisse</translation>
        </message>
        <message>
            <source>Tax</source>
            <translation>Steuer</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>Thema</translation>
        </message>
        <message>
            <source>Auditor view</source>
            <translation>Auditansicht</translation>
        </message>
    </context>
    <context>
        <name>ParityDialog</name>
        <message>
            <source>The file holds no results of the calculator: there is nothing to compare.</source>
            <translation>Die Datei enthält keine Ergebnisse des Rechners: es gibt nichts abzugleichen.</translation>
        </message>
        <message>
            <source>Every line agrees with the calculator's own results within 0.01 points.</source>
            <translation>Jede Zeile stimmt auf 0,01 Punkte genau mit den eigenen Ergebnissen des Rechners überein.</translation>
        </message>
        <message>
            <source>Lines that differ from the calculator's own results without a known reason: {count}.</source>
            <translation>Zeilen, die ohne bekannten Grund von den eigenen Ergebnissen des Rechners abweichen: {count}.</translation>
        </message>
        <message>
            <source>Some lines differ from the calculator's own results, each for a known reason (see below).</source>
            <translation>Einige Zeilen weichen von den eigenen Ergebnissen des Rechners ab, jede aus einem bekannten Grund (siehe unten).</translation>
        </message>
        <message>
            <source>Import from the ECG calculator</source>
            <translation>Aus dem GWÖ-Rechner importieren</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>Datei:</translation>
        </message>
        <message>
            <source>Organisation:</source>
            <translation>Organisation:</translation>
        </message>
        <message>
            <source>Matrix:</source>
            <translation>Matrix:</translation>
        </message>
        <message>
            <source>Period:</source>
            <translation>Zeitraum:</translation>
        </message>
        <message>
            <source>Calculator version:</source>
            <translation>Rechner-Version:</translation>
        </message>
        <message>
            <source>Excel workbook</source>
            <translation>Excel-Arbeitsmappe</translation>
        </message>
        <message>
            <source>web-calculator file</source>
            <translation>Datei des Online-Rechners</translation>
        </message>
        <message>
            <source>Reasons and notes</source>
            <translation>Gründe und Hinweise</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Importieren</translation>
        </message>
    </context>
    <context>
        <name>PdfDialog</name>
        <message>
            <source>Print</source>
            <translation>Drucken</translation>
        </message>
        <message>
            <source>Export PDF</source>
            <translation>PDF exportieren</translation>
        </message>
        <message>
            <source>&amp;Certificate (one page: total, matrix, audit)</source>
            <translation>&amp;Zertifikat (eine Seite: Summe, Matrix, Audit)</translation>
        </message>
        <message>
            <source>Full &amp;report (every theme, reasoning, levers, evidence list)</source>
            <translation>Vollständiger &amp;Bericht (alle Themen, Begründungen, Hebel, Nachweisliste)</translation>
        </message>
        <message>
            <source>Add the &amp;comparison with the ECG calculator</source>
            <translation>&amp;Abgleich mit dem GWÖ-Rechner anfügen</translation>
        </message>
        <message>
            <source>The comparison made when the balance sheet was imported from the calculator.</source>
            <translation>Der Abgleich, der beim Import der Bilanz aus dem Rechner entstand.</translation>
        </message>
        <message>
            <source>This balance sheet was not imported from the ECG calculator: there is no comparison.</source>
            <translation>Diese Bilanz wurde nicht aus dem GWÖ-Rechner importiert: es gibt keinen Abgleich.</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Sprache:</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Drucken …</translation>
        </message>
        <message>
            <source>&amp;Save as…</source>
            <translation>&amp;Speichern unter …</translation>
        </message>
    </context>
    <context>
        <name>ProblemTable</name>
        <message>
            <source>Sheet</source>
            <translation>Blatt</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Zeile</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>Spalte</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Feld</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
    </context>
    <context>
        <name>ProblemsDialog</name>
        <message>
            <source>Problems found: {count}</source>
            <translation>Gefundene Probleme: {count}</translation>
        </message>
        <message>
            <source>&amp;Copy all</source>
            <translation>Alles &amp;kopieren</translation>
        </message>
        <message>
            <source>Copy the list as tab-separated text, e.g. into a spreadsheet</source>
            <translation>Die Liste als Text mit Tabulatoren kopieren, z. B. in eine Tabellenkalkulation</translation>
        </message>
        <message>
            <source>Import as a &amp;new balance</source>
            <translation>Als &amp;neue Bilanz importieren</translation>
        </message>
        <message>
            <source>Create a new balance sheet from the workbook; the existing one stays as it is</source>
            <translation>Aus der Arbeitsmappe eine neue Bilanz anlegen; die vorhandene bleibt unverändert</translation>
        </message>
    </context>
    <context>
        <name>ResultsView</name>
        <message>
            <source>Self-assessment</source>
            <translation>Selbstbewertung</translation>
        </message>
        <message>
            <source>With the auditor's levels</source>
            <translation>Mit den Stufen des Audits</translation>
        </message>
        <message>
            <source>Comparison with the previous balance sheet</source>
            <translation>Vergleich mit der vorigen Bilanz</translation>
        </message>
        <message>
            <source>Double-click a theme to open it</source>
            <translation>Doppelklick öffnet das Thema</translation>
        </message>
        <message>
            <source>There is no earlier balance sheet of this organisation.</source>
            <translation>Es gibt keine frühere Bilanz dieser Organisation.</translation>
        </message>
        <message>
            <source>Previous balance sheet: matrix %1, %2, %3 points</source>
            <translation>Vorige Bilanz: Matrix %1, %2, %3 Punkte</translation>
        </message>
        <message>
            <source>(another matrix version: themes are not compared)</source>
            <translation>(andere Matrix-Version: Themen werden nicht verglichen)</translation>
        </message>
        <message>
            <source>No balance sheet is open.</source>
            <translation>Keine Bilanz geöffnet.</translation>
        </message>
        <message>
            <source>%1 of %2 points</source>
            <translation>%1 von %2 Punkten</translation>
        </message>
        <message>
            <source>Points by stakeholder</source>
            <translation>Punkte nach Berührungsgruppe</translation>
        </message>
        <message>
            <source>Points by value</source>
            <translation>Punkte nach Wert</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Punkte</translation>
        </message>
        <message>
            <source>Maximum</source>
            <translation>Maximum</translation>
        </message>
    </context>
    <context>
        <name>RowList</name>
        <message>
            <source>Add row</source>
            <translation>Zeile hinzufügen</translation>
        </message>
        <message>
            <source>Remove this row</source>
            <translation>Diese Zeile entfernen</translation>
        </message>
        <message>
            <source>row %1</source>
            <translation>Zeile %1</translation>
        </message>
        <message>
            <source>Sum: %1 % (at most 100 %)</source>
            <translation>Summe: %1 % (höchstens 100 %)</translation>
        </message>
    </context>
    <context>
        <name>ScheduleDialog</name>
        <message>
            <source>Tax schedule</source>
            <translation>Steuertarif</translation>
        </message>
        <message>
            <source>Bands (rate by points)</source>
            <translation>Stufen (Satz nach Punkten)</translation>
        </message>
        <message>
            <source>Straight line</source>
            <translation>Gerade Linie</translation>
        </message>
        <message>
            <source>Choose a preset…</source>
            <translation>Vorlage wählen…</translation>
        </message>
        <message>
            <source>ECG VAT example (five classes)</source>
            <translation>GWÖ-Mehrwertsteuerbeispiel (fünf Klassen)</translation>
        </message>
        <message>
            <source>Straight line 40 % to 10 %</source>
            <translation>Gerade von 40 % bis 10 %</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <source>Preset</source>
            <translation>Vorlage</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Add band</source>
            <translation>Stufe hinzufügen</translation>
        </message>
        <message>
            <source>Remove band</source>
            <translation>Stufe entfernen</translation>
        </message>
        <message>
            <source>Highest rate (%)</source>
            <translation>Höchster Satz (%)</translation>
        </message>
        <message>
            <source>Lowest rate (%) at 1000 points</source>
            <translation>Niedrigster Satz (%) bei 1000 Punkten</translation>
        </message>
        <message>
            <source>Highest rate up to points</source>
            <translation>Höchster Satz bis Punkte</translation>
        </message>
        <message>
            <source>Every rate and point value must be a number.</source>
            <translation>Jeder Satz und jeder Punktwert muss eine Zahl sein.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Sprache:</translation>
        </message>
        <message>
            <source>Your &amp;name (change log):</source>
            <translation>Ihr &amp;Name (Änderungsprotokoll):</translation>
        </message>
        <message>
            <source>&amp;Data folder:</source>
            <translation>&amp;Datenordner:</translation>
        </message>
        <message>
            <source>Database &amp;URL (team mode):</source>
            <translation>Datenbank-&amp;URL (Teammodus):</translation>
        </message>
        <message>
            <source>Default &amp;matrix:</source>
            <translation>Standard-&amp;Matrix:</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Durchsuchen …</translation>
        </message>
        <message>
            <source>the operating-system user name</source>
            <translation>der Benutzername des Betriebssystems</translation>
        </message>
        <message>
            <source>the default data folder</source>
            <translation>der Standard-Datenordner</translation>
        </message>
        <message>
            <source>The language changes at once. A new data folder or database URL is opened when you press OK; leave the URL empty to keep the data in a local file. The default matrix is stored with the data.</source>
            <translation>Die Sprache wechselt sofort. Ein neuer Datenordner oder eine neue Datenbank-URL wird mit OK geöffnet; ohne URL bleiben die Daten in einer lokalen Datei. Die Standard-Matrix wird mit den Daten gespeichert.</translation>
        </message>
        <message>
            <source>Choose the data folder</source>
            <translation>Datenordner wählen</translation>
        </message>
    </context>
    <context>
        <name>TaxPanel</name>
        <message>
            <source>Edit schedule…</source>
            <translation>Tarif bearbeiten…</translation>
        </message>
        <message>
            <source>Use the default</source>
            <translation>Vorgabe verwenden</translation>
        </message>
        <message>
            <source>Go back to ECG's five-class VAT example</source>
            <translation>Zurück zum GWÖ-Mehrwertsteuerbeispiel mit fünf Klassen</translation>
        </message>
        <message>
            <source>Levers: one level up in a theme</source>
            <translation>Hebel: eine Stufe höher in einem Thema</translation>
        </message>
        <message>
            <source>Points gained if every aspect of the theme rose by one level; double-click opens the theme.</source>
            <translation>Punktgewinn, wenn jeder Aspekt des Themas eine Stufe höher läge; Doppelklick öffnet das Thema.</translation>
        </message>
        <message>
            <source>Illustrative tax schedule</source>
            <translation>Veranschaulichender Steuertarif</translation>
        </message>
        <message>
            <source>No balance sheet is open.</source>
            <translation>Keine Bilanz geöffnet.</translation>
        </message>
        <message>
            <source>Illustrative tax rate: %1</source>
            <translation>Veranschaulichender Steuersatz: %1</translation>
        </message>
        <message>
            <source>custom schedule</source>
            <translation>eigener Tarif</translation>
        </message>
        <message>
            <source>ECG VAT example (five classes)</source>
            <translation>GWÖ-Mehrwertsteuerbeispiel (fünf Klassen)</translation>
        </message>
        <message>
            <source>Schedule: %1</source>
            <translation>Tarif: %1</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>Tarif</translation>
        </message>
        <message>
            <source>This balance (%1)</source>
            <translation>Diese Bilanz (%1)</translation>
        </message>
        <message>
            <source>Total points</source>
            <translation>Gesamtpunkte</translation>
        </message>
        <message>
            <source>Rate (%)</source>
            <translation>Satz (%)</translation>
        </message>
    </context>
    <context>
        <name>ThemePage</name>
        <message>
            <source>Open a balance sheet and choose a theme.</source>
            <translation>Öffnen Sie eine Bilanz und wählen Sie ein Thema.</translation>
        </message>
        <message>
            <source>No theme open</source>
            <translation>Kein Thema geöffnet</translation>
        </message>
        <message>
            <source>Negative criteria</source>
            <translation>Negativkriterien</translation>
        </message>
        <message>
            <source>Deductions in total: %1 points</source>
            <translation>Abzüge insgesamt: %1 Punkte</translation>
        </message>
        <message>
            <source>A negative criterion that applies costs its full deduction. A smaller deduction needs a written reason.</source>
            <translation>Ein zutreffendes Negativkriterium kostet den vollen Abzug. Ein geringerer Abzug braucht eine schriftliche Begründung.</translation>
        </message>
        <message>
            <source>Not applicable: this theme carries no points in this balance.</source>
            <translation>Trifft nicht zu: dieses Thema bringt in dieser Bilanz keine Punkte.</translation>
        </message>
        <message>
            <source>%1 of %2 points (%3)</source>
            <translation>%1 von %2 Punkten (%3)</translation>
        </message>
        <message>
            <source>Useful evidence: %1</source>
            <translation>Hilfreiche Nachweise: %1</translation>
        </message>
    </context>
    <context>
        <name>ThemeWeightBox</name>
        <message>
            <source>Theme weight</source>
            <translation>Themengewichtung</translation>
        </message>
        <message>
            <source>Weight</source>
            <translation>Gewichtung</translation>
        </message>
        <message>
            <source>Computed: %1</source>
            <translation>Berechnet: %1</translation>
        </message>
        <message>
            <source>0 – not applicable</source>
            <translation>0 – trifft nicht zu</translation>
        </message>
    </context>
    <context>
        <name>WeightsModel</name>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Weight</source>
            <translation>Gewichtung</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Begründung</translation>
        </message>
    </context>
    <context>
        <name>WorkbookImportDialog</name>
        <message>
            <source>Import balance workbook</source>
            <translation>Bilanz-Arbeitsmappe importieren</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>Datei:</translation>
        </message>
        <message>
            <source>Organisation:</source>
            <translation>Organisation:</translation>
        </message>
        <message>
            <source>Matrix:</source>
            <translation>Matrix:</translation>
        </message>
        <message>
            <source>Period:</source>
            <translation>Zeitraum:</translation>
        </message>
        <message>
            <source>Updates:</source>
            <translation>Aktualisiert wird:</translation>
        </message>
        <message>
            <source>balance sheet {id} of {organisation}, version {version}</source>
            <translation>Bilanz {id} von {organisation}, Version {version}</translation>
        </message>
        <message>
            <source>no balance sheet of this database (see below)</source>
            <translation>keine Bilanz dieser Datenbank (siehe unten)</translation>
        </message>
        <message>
            <source>The workbook cannot update a balance sheet here. You can import it as a new balance sheet instead:</source>
            <translation>Die Arbeitsmappe kann hier keine Bilanz aktualisieren. Sie können sie stattdessen als neue Bilanz importieren:</translation>
        </message>
        <message>
            <source>Also import the &amp;self-assessment columns (levels and reasoning)</source>
            <translation>Auch die Spalten der &amp;Selbstbewertung importieren (Stufen und Begründungen)</translation>
        </message>
        <message>
            <source>Without this, only the auditor's columns are taken. Self-assessment cells changed in the workbook: {count}.</source>
            <translation>Ohne diese Wahl werden nur die Audit-Spalten übernommen. In der Arbeitsmappe geänderte Zellen der Selbstbewertung: {count}.</translation>
        </message>
        <message>
            <source>A new balance sheet always takes every column of the workbook.</source>
            <translation>Eine neue Bilanz übernimmt immer alle Spalten der Arbeitsmappe.</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Importieren</translation>
        </message>
        <message>
            <source>Import as a &amp;new balance</source>
            <translation>Als &amp;neue Bilanz importieren</translation>
        </message>
    </context>
    <context>
        <name>_JustificationBox</name>
        <message>
            <source>Justification</source>
            <translation>Begründung der Abweichung</translation>
        </message>
        <message>
            <source>Why does this differ from the matrix? Required for every change.</source>
            <translation>Warum weicht dies von der Matrix ab? Für jede Änderung erforderlich.</translation>
        </message>
        <message>
            <source>A written justification is required.</source>
            <translation>Eine schriftliche Begründung ist erforderlich.</translation>
        </message>
    </context>
</TS>
