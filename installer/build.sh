#!/usr/bin/env bash
# Build the Linux one-folder bundle with PyInstaller, run its self-test offscreen, then build the
# wheel, install it into a fresh virtual environment and run the self-test there as well.
# Output: dist/ecg-desktop/ (the bundle), dist/ecg-desktop-linux.tar.gz, dist/*.whl
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

"$PY" -m pip install -q -e '.[build]'
"$PY" installer/make_icons.py
rm -rf build/pyinstaller dist/ecg-desktop
"$PY" -m PyInstaller installer/ecg_desktop.spec --noconfirm --log-level WARN \
  --workpath build/pyinstaller --distpath dist
cp installer/linux/ecg-desktop.desktop installer/linux/ecg-desktop-mime.xml dist/ecg-desktop/
cp resources/icons/ecg-desktop.svg dist/ecg-desktop/ecg-desktop.svg

echo "frozen self-test:"
dist/ecg-desktop/ecg-desktop self-test
tar -C dist -czf dist/ecg-desktop-linux.tar.gz ecg-desktop
echo "bundle: $(du -sh dist/ecg-desktop | cut -f1) unpacked, $(du -sh dist/ecg-desktop-linux.tar.gz | cut -f1) packed"

echo "wheel self-test:"
rm -f dist/ecg_desktop-*.whl
"$PY" -m build --wheel --outdir dist . >/dev/null 2>&1
WHEEL_ENV=$(mktemp -d)
python3 -m venv "$WHEEL_ENV/venv"
"$WHEEL_ENV/venv/bin/pip" install -q dist/ecg_desktop-*.whl
(cd "$WHEEL_ENV" && "$WHEEL_ENV/venv/bin/ecg-desktop" self-test)
rm -rf "$WHEEL_ENV"
