#!/usr/bin/env bash
# pcinfo_read (src/win/pcinfo.c) under Wine, through pcinfo_dump.exe, in a
# fresh prefix: the prefix's own values first (and what Wine's slc.dll answers),
# then scenario folders applied by tests/standins/use.sh: version.ini,
# .reg files (consumer ESU, safeguard holds), licensing.csv served by the
# slc.dll stand-in; each later scenario undoes the one before.
# Usage: pcinfo_test.sh BUILD_DIR
set -u
B=$(cd "$1" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/winenv.sh"
. "$(dirname "$0")/expect.sh"

winenv_new "$B"
trap winenv_end EXIT
OUT=$WINENV_DIR/out
dump() { wine "$B/pcinfo_dump.exe" 2>/dev/null | tr -d '\r' >"$OUT"; }
val() { sed -n "s/^$1=//p" "$OUT"; }
# Several keys at once, "k=v,k=v": one failure message says the whole state.
vals() { local k s=; for k in "$@"; do s="$s${s:+,}$k=$(val "$k")"; done; echo "$s"; }
use() { bash "$HERE/../standins/use.sh" "$1" "$B" >/dev/null || bad "use.sh $1 failed"; }
CV='HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
ESU_Y1=f520e45e-7413-4a34-a497-d2765967d094
ESU_Y2=1043add5-23b1-4afb-9a0f-64343c8f3f8d
ESU_Y3=83d49986-add3-41d7-ba33-87c7bfb5c0fb
# As Windows PowerShell 5's Export-Csv writes it: a #TYPE line, quoted, CRLF.
licensing() { # DIR then ID:STATUS pairs
  local dir=$1 pair; shift
  { printf '#TYPE Selected.Microsoft.Management.Infrastructure.CimInstance\r\n"ID","Name","LicenseStatus"\r\n'
    for pair in "$@"; do printf '"%s","Windows(R), Client-ESU add-on for Professional, ""x""","%s"\r\n' "${pair%%:*}" "${pair#*:}"; done
  } >"$dir/licensing.csv"
}

# 1. The prefix as winenv.sh left it (its CurrentVersion values, whatever
#    they are): what pcinfo reads must be what `reg query` shows.
host_free() { python3 -c 'import os,sys; s=os.statvfs(sys.argv[1]); print(s.f_bavail*s.f_frsize)' "$WINEPREFIX/drive_c"; }
free_before=$(host_free)
dump
free_after=$(host_free)
wine reg query "$CV" 2>/dev/null | tr -d '\r' >"$WINENV_DIR/cv"
reg_value() { awk -F'    ' -v n="$1" '$2 == n { print $4; exit }' "$WINENV_DIR/cv"; }
wine_build=$(reg_value CurrentBuild)
wine_ubr=$(reg_value UBR) wine_ubr=$((${wine_ubr:-0}))
base="os_read=1,build=$wine_build,ubr=$wine_ubr,display_version=$(reg_value DisplayVersion),edition=$(reg_value EditionID)"
base="$base,installation_type=$(reg_value InstallationType)"
expect_eq "the prefix's own version" "$base" "$(vals os_read build ubr display_version edition installation_type)"
expect_eq "prefix: commercial ESU not read, no consumer key" \
  "esu_commercial_read=0,esu_consumer_read=1,esu_consumer_present=0" \
  "$(vals esu_commercial_read esu_consumer_read esu_consumer_present)"
expect_eq "prefix: no indicators key = read, not held" "hold_read=1,hold_held=0,hold_target=" \
  "$(vals hold_read hold_held hold_target)"
expect_eq "disk known" 1 "$(val disk_known)"
# The caller's available bytes on C:, which is the prefix's drive_c on the
# host, measured just before and after (other work on the disk moves it; 256 MB of slack).
got_free=$(val disk_free_bytes)
lo=$((free_before < free_after ? free_before : free_after)) hi=$((free_before > free_after ? free_before : free_after))
if [ "${got_free:-0}" -gt 0 ] && [ "$got_free" -ge $((lo - 268435456)) ] && [ "$got_free" -le $((hi + 268435456)) ]; then
  ok
else
  bad "disk free: expected $lo to $hi bytes (statvfs of drive_c), got '$got_free'"
fi
expect_eq "disk free in GB" "$((got_free / 1073741824))" "$(val disk_free_gb)"

# 2. Wine's own slc.dll on a build of 19045: SLOpen is a stub that succeeds,
#    SLGetLicensingStatusInformation a stub failing with 0xC004F002
#    (SL_E_RIGHT_NOT_CONSUMED) and leaving its outputs alone: not an answer.
wine reg add "$CV" /v CurrentBuild /d 19045 /f >/dev/null 2>&1
dump
expect_eq "Wine's slc: commercial ESU not read" "build=19045,esu_commercial_read=0,esu_commercial_year=0" \
  "$(vals build esu_commercial_read esu_commercial_year)"
wine reg add "$CV" /v CurrentBuild /d "$wine_build" /f >/dev/null 2>&1

# 3. Windows 10 22H2 Pro with ESU year 2, enrolled in consumer ESU, and held
#    back from 24H2 (an older hold on 21H2 too, and targets without one).
S=$WINENV_DIR/scenarios
mkdir -p "$S/a" "$S/b" "$S/c" "$S/d"
printf 'CurrentBuild=19045\r\nUBR=6456\r\nDisplayVersion=22H2\r\nEditionID=Professional\r\nInstallationType=Client\r\n' \
  >"$S/a/version.ini"
licensing "$S/a" "$ESU_Y1:0" "$ESU_Y2:1"
cat >"$S/a/consumer-esu.reg" <<'EOF'
REGEDIT4

[HKEY_CURRENT_USER\Software\Microsoft\Windows NT\CurrentVersion\Windows\ConsumerESU]
"ESUEligibility"=dword:00000003
"ESUEligibilityResult"=dword:00000001
EOF
TVI='HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows NT\CurrentVersion\AppCompatFlags\TargetVersionUpgradeExperienceIndicators'
cat >"$S/a/safeguard.reg" <<EOF
REGEDIT4

[$TVI\\CO21H2]
"GatedBlockId"="11111111"
"RedReason"="SystemDriveTooFull"

[$TVI\\GE24H2]
"GatedBlockId"="56318982"
"RedReason"="GatedFeature"

[$TVI\\NI23H2]
"GatedBlockId"="None"
"RedReason"="None"

[$TVI\\UNV]
"RedReason"="None"
EOF
use "$S/a"
dump
expect_eq "22H2: version" "os_read=1,build=19045,ubr=6456,display_version=22H2,edition=Professional,installation_type=Client" \
  "$(vals os_read build ubr display_version edition installation_type)"
expect_eq "22H2: commercial ESU year 2 (year 1 unlicensed, year 3 absent)" "esu_commercial_read=1,esu_commercial_year=2" \
  "$(vals esu_commercial_read esu_commercial_year)"
expect_eq "22H2: consumer ESU" "esu_consumer_read=1,esu_consumer_present=1,esu_eligibility=3,esu_result=1" \
  "$(vals esu_consumer_read esu_consumer_present esu_eligibility esu_result)"
expect_eq "22H2: held, the newest target wins over CO21H2" "hold_read=1,hold_held=1,hold_target=GE24H2,hold_block_id=56318982" \
  "$(vals hold_read hold_held hold_target hold_block_id)"

# 4. Another 22H2 without the .reg files: both keys are gone again. The
#    stand-in reads licensing.csv at each call, so the file is changed in
#    place between runs.
cp "$S/a/version.ini" "$S/b/"
licensing "$S/b" "$ESU_Y1:1" "$ESU_Y2:0" "$ESU_Y3:5"
use "$S/b"
dump
expect_eq "no consumer-esu.reg: key removed" "esu_consumer_read=1,esu_consumer_present=0,esu_eligibility=0,esu_result=0" \
  "$(vals esu_consumer_read esu_consumer_present esu_eligibility esu_result)"
expect_eq "no safeguard.reg: not held" "hold_read=1,hold_held=0,hold_target=,hold_block_id=" \
  "$(vals hold_read hold_held hold_target hold_block_id)"
expect_eq "year 2 LicenseStatus 0, year 3 notification: the licensed year 1" "esu_commercial_read=1,esu_commercial_year=1" \
  "$(vals esu_commercial_read esu_commercial_year)"
# PowerShell 7's Export-Csv on its own (or a hand-written file): no #TYPE
# line, no quotes, LF line ends.
printf 'ID,LicenseStatus\n%s,1\n%s,0\n' "$ESU_Y1" "$ESU_Y3" >"$S/b/licensing.csv"
dump
expect_eq "unquoted, LF: year 1 licensed, year 3 not" "esu_commercial_read=1,esu_commercial_year=1" \
  "$(vals esu_commercial_read esu_commercial_year)"
printf 'ID,LicenseStatus\n%s,0\n%s,1\n' "$ESU_Y1" "$ESU_Y3" >"$S/b/licensing.csv"
dump
expect_eq "unquoted, LF: the row after the first is read too" "esu_commercial_read=1,esu_commercial_year=3" \
  "$(vals esu_commercial_read esu_commercial_year)"
licensing "$S/b" "$ESU_Y2:0"
dump
expect_eq "year 2 LicenseStatus 0 only: year 0, read" "esu_commercial_read=1,esu_commercial_year=0" \
  "$(vals esu_commercial_read esu_commercial_year)"
licensing "$S/b"
dump
expect_eq "header only (no ESU SKUs): year 0, read" "esu_commercial_read=1,esu_commercial_year=0" \
  "$(vals esu_commercial_read esu_commercial_year)"
# Windows PowerShell's UTF-16LE (Out-File, Export-Csv -Encoding Unicode).
licensing "$S/b" "$ESU_Y3:1"
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$S/b/licensing.csv"; } >"$S/b/l16" && mv "$S/b/l16" "$S/b/licensing.csv"
dump
expect_eq "UTF-16 file, year 3 licensed" "esu_commercial_read=1,esu_commercial_year=3" \
  "$(vals esu_commercial_read esu_commercial_year)"
rm "$S/b/licensing.csv"
dump
expect_eq "no licensing.csv: the licensing service cannot tell" "esu_commercial_read=0,esu_commercial_year=0" \
  "$(vals esu_commercial_read esu_commercial_year)"

# 5. Windows 11 24H2 Enterprise: its values replace the 22H2 ones, and the
#    licensing API is not asked (a year-2 licence in the file is not seen).
#    A value longer than its field is cut, not overflowed.
printf 'CurrentBuild=26100\nUBR=4061\nDisplayVersion=24H2\nEditionID=Enterprise\nInstallationType=Client with a long name\n' \
  >"$S/c/version.ini"
licensing "$S/c" "$ESU_Y2:1"
use "$S/c"
dump
expect_eq "24H2: version" "os_read=1,build=26100,ubr=4061,display_version=24H2,edition=Enterprise" \
  "$(vals os_read build ubr display_version edition)"
expect_eq "24H2: a long InstallationType is cut to its 15 characters" "Client with a l" "$(val installation_type)"
expect_eq "24H2: commercial ESU not asked" "esu_commercial_read=0,esu_commercial_year=0" \
  "$(vals esu_commercial_read esu_commercial_year)"

# 6. A scenario without version.ini: the prefix's own values are back.
use "$S/d"
dump
expect_eq "no version.ini: the prefix's own values" "$base" "$(vals os_read build ubr display_version edition installation_type)"
expect_eq "no version.ini: nothing else left" "esu_consumer_present=0,hold_held=0" "$(vals esu_consumer_present hold_held)"

echo "pcinfo_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
