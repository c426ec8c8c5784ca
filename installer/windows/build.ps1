# Build the Windows installer: PyInstaller bundle, then Inno Setup with the version from the package.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
python -m pip install -e ".[build]"
$version = python -c "import ecg_desktop; print(ecg_desktop.__version__)"
python installer\make_icons.py
pyinstaller installer\ecg_desktop.spec --noconfirm
& dist\ecg-desktop\ecg-desktop-cli.exe self-test
iscc "/DAppVersion=$version" installer\windows\ecg-desktop.iss
