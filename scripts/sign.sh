#!/usr/bin/env bash
# Authenticode-signs files in place with osslsigncode (SHA-256): programs
# (PE) and MSI packages alike. cmake/windows.cmake calls it when
# WUTRAY_SIGN_CERT is set; a release can run it by hand (installer/README.md).
# Usage: sign.sh --cert CERT [--key KEY] [--pass-file FILE] [--ts URL] FILE...
#   --cert       a PEM certificate (with its chain) and --key its PEM key, or a
#                PKCS#12 file (.p12/.pfx) holding both
#   --pass-file  a file whose first line is the password of the key or PKCS#12
#                (a file, not an argument: arguments show in the process list)
#   --ts         an RFC 3161 timestamp server, so that the signature stays valid
#                after the certificate expires
set -euo pipefail
usage() { echo "usage: sign.sh --cert CERT [--key KEY] [--pass-file FILE] [--ts URL] FILE..." >&2; exit 64; }
cert= key= pass= ts=
while [ $# -gt 0 ]; do
  case $1 in
    --cert) cert=${2:-}; shift 2 || usage ;;
    --key) key=${2:-}; shift 2 || usage ;;
    --pass-file) pass=${2:-}; shift 2 || usage ;;
    --ts) ts=${2:-}; shift 2 || usage ;;
    -*) usage ;;
    *) break ;;
  esac
done
[ -n "$cert" ] && [ $# -gt 0 ] || usage
case ${cert,,} in
  *.p12 | *.pfx) args=(-pkcs12 "$cert") ;;
  *) [ -n "$key" ] || { echo "sign.sh: a PEM certificate needs --key" >&2; exit 64; }
     args=(-certs "$cert" -key "$key") ;;
esac
[ -z "$pass" ] || args+=(-readpass "$pass")
[ -z "$ts" ] || args+=(-ts "$ts")

for f in "$@"; do
  # Into a new file, then over the old one: a failed signing leaves the file as it was.
  if ! osslsigncode sign "${args[@]}" -h sha256 -n wutray -in "$f" -out "$f.signing" >/dev/null; then
    rm -f "$f.signing"
    echo "sign.sh: could not sign $f" >&2
    exit 1
  fi
  mv -f "$f.signing" "$f"
done
