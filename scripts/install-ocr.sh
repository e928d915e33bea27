#!/usr/bin/env bash
# Debian's Tesseract for reading scanned PDF pages (OCR). pytesseract and pypdfium2 come from PyPI
# with the project; this installs the tesseract program and its English data, which pip cannot.
set -euo pipefail
if command -v tesseract >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's tesseract-ocr for reading scanned pages..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-eng >/dev/null
else
  echo "warning: tesseract is missing and cannot be installed here (needs root and apt-get);" >&2
  echo "         scanned PDF pages will be reported and left out of the index, and the OCR tests" >&2
  echo "         will be skipped (install Debian's tesseract-ocr, or your system's Tesseract, to read them)." >&2
fi
