#!/usr/bin/env bash
# Authenticode signing (scripts/sign.sh, cmake/windows.cmake): a build
# configured with a throwaway code-signing certificate (made here with openssl,
# issued by a throwaway CA) signs wutray.exe and wutray-cli.exe before the MSI
# packs them and the MSI after, and the winget manifest names the signed MSI's
# SHA256; osslsigncode verifies each against that CA and not against another.
# The build of BUILD_DIR itself (no certificate) is unsigned. sign.sh also
# signs with a PKCS#12 file and its password file, and a failed signing leaves
# the file as it was. No Wine needed; the signed build takes about 30 s.
# Usage: signing_test.sh BUILD_DIR
set -u
B=$(cd "$1" && pwd)
SRC=$(cd "$(dirname "$0")/../.." && pwd)
. "$(dirname "$0")/expect.sh"
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }
T=$(mktemp -d /tmp/wutray-signing.XXXXXX)
trap 'rm -rf "$T"' EXIT

# The throwaway CA, the code-signing certificate it issues, and a stranger.
cd "$T"
{
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=wutray test CA" -keyout ca.key -out ca.pem \
    -addext basicConstraints=critical,CA:true -addext keyUsage=critical,keyCertSign,cRLSign
  openssl req -newkey rsa:2048 -nodes -subj "/CN=wutray test signer" -keyout sign.key -out sign.csr
  printf 'basicConstraints=CA:false\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=codeSigning\n' >sign.ext
  openssl x509 -req -days 2 -in sign.csr -CA ca.pem -CAkey ca.key -CAcreateserial -extfile sign.ext -out sign.pem
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=someone else" -keyout other.key -out other.pem
  echo 'not-a-real-secret' >pass.txt
  openssl pkcs12 -export -inkey sign.key -in sign.pem -certfile ca.pem -passout file:pass.txt -out sign.p12
} >/dev/null 2>&1 || { echo "signing_test: openssl could not make the certificates"; echo "signing_test: 0 passed, 1 failed"; exit 1; }
signed_by() { osslsigncode verify -CAfile "$1" -in "$2" >/dev/null 2>&1; } # CA FILE
signed() { signed_by "$T/ca.pem" "$1"; }
unsigned() { ! signed "$1"; }
not_by_other() { ! signed_by "$T/other.pem" "$1"; }
cache() { sed -n "s/^$1:[A-Z]*=//p" "$B/CMakeCache.txt"; }

# 1. A build with the certificate: the MSI and what it needs, and the winget manifests.
S=$T/build
start=$(date +%s)
cmake -S "$SRC" -B "$S" -G "$(cache CMAKE_GENERATOR)" -DCMAKE_BUILD_TYPE="$(cache CMAKE_BUILD_TYPE)" \
  -DCMAKE_TOOLCHAIN_FILE="$(cache CMAKE_TOOLCHAIN_FILE)" \
  -DWUTRAY_SIGN_CERT="$T/sign.pem" -DWUTRAY_SIGN_KEY="$T/sign.key" >"$T/build.log" 2>&1 &&
  cmake --build "$S" --target winget >>"$T/build.log" 2>&1
rc=$?
echo "signing_test: signed build took $(($(date +%s) - start)) s" >&2
expect_eq "signed build: exit" 0 "$rc"
signed_build_checks() {
  local f
  for f in wutray.exe wutray-cli.exe wutray.msi; do
    check "signed build: $f signed by the test CA" signed "$S/$f"
    check "signed build: $f not taken for someone else's" not_by_other "$S/$f"
  done
  mkdir -p "$T/msi"
  msiextract -C "$T/msi" "$S/wutray.msi" >/dev/null
  for f in wutray.exe wutray-cli.exe; do
    check "signed build: the MSI packs a signed $f" signed "$T/msi/wutray/$f"
    expect_eq "signed build: the MSI's $f is the one built" "$(sha256sum <"$S/$f")" "$(sha256sum <"$T/msi/wutray/$f")"
  done
  expect_has "signed build: the winget manifest names the signed MSI" \
    "$(tr A-F a-f <"$S/winget/wutray.wutray.installer.yaml")" "InstallerSha256: $(sha256sum "$S/wutray.msi" | cut -d' ' -f1)"
}
if [ "$rc" -eq 0 ]; then signed_build_checks; else tail -20 "$T/build.log" >&2; fi

# 2. No certificate, no signature: the build under test.
if [ -z "$(cache WUTRAY_SIGN_CERT)" ]; then
  for f in wutray.exe wutray-cli.exe wutray.msi; do check "default build: $f unsigned" unsigned "$B/$f"; done
fi

# 3. sign.sh by hand: a PKCS#12 file and its password file; a wrong password
# fails and leaves the file untouched; a PEM certificate needs its key.
cp "$B/wutray-cli.exe" "$T/p12.exe"
bash "$SRC/scripts/sign.sh" --cert "$T/sign.p12" --pass-file "$T/pass.txt" "$T/p12.exe" 2>/dev/null
check "sign.sh: PKCS#12 signs" signed "$T/p12.exe"
cp "$B/wutray-cli.exe" "$T/wrong.exe"
echo wrong >"$T/wrong.txt"
bash "$SRC/scripts/sign.sh" --cert "$T/sign.p12" --pass-file "$T/wrong.txt" "$T/wrong.exe" 2>/dev/null
check "sign.sh: a wrong password fails (exit $?)" [ $? -ne 0 ]
expect_eq "sign.sh: and leaves the file as it was" "$(sha256sum <"$B/wutray-cli.exe")" "$(sha256sum <"$T/wrong.exe")"
expect_eq "sign.sh: and no half-signed file" "" "$(ls "$T" | grep '\.signing$')"
bash "$SRC/scripts/sign.sh" --cert "$T/sign.pem" "$T/wrong.exe" 2>/dev/null
expect_eq "sign.sh: a PEM certificate without --key is a usage error" 64 "$?"

echo "signing_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
