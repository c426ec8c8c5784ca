<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
    <context>
        <name>BalanceContext</name>
        <message>
            <source>Change not saved</source>
            <translation>Änderung nicht gespeichert</translation>
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
            <translation type="unfinished" />
        </message>
        <message>
            <source>Code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Previous</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This balance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EvidenceTableModel</name>
        <message>
            <source>File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Description</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Added</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check</source>
            <translation type="unfinished" />
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
        <name>LeversModel</name>
        <message>
            <source>Theme one level up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New total</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rate change</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
