; Inno Setup script for ECG Desktop (Windows).  Build on Windows after PyInstaller:
;   pyinstaller installer\ecg_desktop.spec --noconfirm
;   iscc /DAppVersion=<version from ecg_desktop/__init__.py> installer\windows\ecg-desktop.iss
; installer\windows\build.ps1 does both and reads the version from the package (one place).
#ifndef AppVersion
  #error AppVersion must be given: iscc /DAppVersion=x.y.z
#endif

[Setup]
AppId={{7B0C6A52-2B51-4E0B-9C59-1E5F0C6E7D31}
AppName=ECG Desktop
AppVersion={#AppVersion}
AppPublisher=ECG Desktop team
DefaultDirName={autopf}\ECG Desktop
DefaultGroupName=ECG Desktop
OutputBaseFilename=ECG-Desktop-{#AppVersion}-setup
SetupIconFile=ecg-desktop.ico
UninstallDisplayIcon={app}\ecg-desktop.exe
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
PrivilegesRequiredOverridesAllowed=dialog
; The uninstaller removes only what setup installed. The user's database, evidence vault and
; settings live in %LOCALAPPDATA%\ecg-desktop and are kept on purpose.

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\ecg-desktop\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\ECG Desktop"; Filename: "{app}\ecg-desktop.exe"
Name: "{group}\{cm:UninstallProgram,ECG Desktop}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\ECG Desktop"; Filename: "{app}\ecg-desktop.exe"; Tasks: desktopicon

[Registry]
; .ecgz backups open with ECG Desktop (restore dialog).
Root: HKA; Subkey: "Software\Classes\.ecgz"; ValueType: string; ValueName: ""; ValueData: "ECGDesktop.Backup"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\ECGDesktop.Backup"; ValueType: string; ValueName: ""; ValueData: "ECG Desktop backup"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\ECGDesktop.Backup\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\ecg-desktop.exe,0"
Root: HKA; Subkey: "Software\Classes\ECGDesktop.Backup\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\ecg-desktop.exe"" ""%1"""

[Run]
Filename: "{app}\ecg-desktop.exe"; Description: "{cm:LaunchProgram,ECG Desktop}"; Flags: nowait postinstall skipifsilent
