#!/usr/bin/env bash
# The hardening of the shipped programs, read from their PE files (issue 11,
# item 7; cmake/windows.cmake): ASLR with 64-bit entropy and DEP in
# DllCharacteristics, relocations kept for ASLR to use; stripped in a Release
# build (no COFF symbol table, no .debug sections); the stack protector and
# fortified string functions compiled in, with GCC's libssp linked statically;
# and only the DLLs expected in the import table. No Wine needed.
# Usage: pe_test.sh BUILD_DIR
set -u
B=$(cd "$1" && pwd)
. "$(dirname "$0")/expect.sh"
OBJDUMP=x86_64-w64-mingw32-objdump NM=x86_64-w64-mingw32-nm

# What the programs may import, each for a reason. Anything else fails the
# test: a new import is a new DLL that Windows must find, so it is reviewed.
allowed=(
  kernel32.dll # the Win32 base: processes, threads, files, time; the CRT's own needs
  user32.dll   # the tray's window, menu and message loop
  gdi32.dll    # the bitmaps of the icons drawn at run time (src/win/trayicon.c)
  shell32.dll  # Shell_NotifyIconW, ShellExecuteExW (settings pages, runas), CommandLineToArgvW
  shlwapi.dll  # AssocQueryStringW: is a URI scheme registered
  advapi32.dll # the service manager, the registry, the Application event log, the token
  ole32.dll    # COM: CoInitializeEx and CoCreateInstance of the update agent (wuapi)
  oleaut32.dll # the update agent's BSTRs and VARIANTs
  comctl32.dll # LoadIconMetric, TaskDialogIndirect (version 6, by the manifest)
  msvcrt.dll   # the C runtime mingw-w64 builds against: Windows' own, nothing to ship
)
# Never imported: wevtapi.dll is loaded at run time from System32 only (a copy
# planted beside the exe would otherwise be loaded); the MinGW runtime DLLs
# would have to ship with the programs and could be planted too: -static
# links them in.
denied=(wevtapi.dll libssp-0.dll libgcc_s_seh-1.dll libwinpthread-1.dll)

u32() { od -An -tu4 -j "$2" -N4 "$1" | tr -d ' '; } # FILE OFFSET: a little-endian DWORD
cache() { sed -n "s/^$1:[A-Z]*=//p" "$B/CMakeCache.txt"; }
build_type=$(cache CMAKE_BUILD_TYPE)

for exe in wutray.exe wutray-cli.exe; do
  f=$B/$exe
  if [ ! -f "$f" ]; then bad "$exe: not built in $B"; continue; fi
  hdr=$($OBJDUMP -p "$f")

  # DllCharacteristics: DYNAMIC_BASE (ASLR), HIGH_ENTROPY_VA (64-bit ASLR),
  # NX_COMPAT (DEP). TERMINAL_SERVER_AWARE is not set by this toolchain and not asked for.
  dllc=$((16#$(sed -n 's/^DllCharacteristics[[:space:]]*\([0-9a-fA-F]*\).*/\1/p' <<<"$hdr")))
  expect_eq "$exe: DYNAMIC_BASE (0x0040) in DllCharacteristics $(printf 0x%04x "$dllc")" 64 $((dllc & 0x40))
  expect_eq "$exe: HIGH_ENTROPY_VA (0x0020) in DllCharacteristics $(printf 0x%04x "$dllc")" 32 $((dllc & 0x20))
  expect_eq "$exe: NX_COMPAT (0x0100) in DllCharacteristics $(printf 0x%04x "$dllc")" 256 $((dllc & 0x100))
  # ASLR needs the relocations (a RELOCS_STRIPPED image loads at its base);
  # high entropy needs LARGE_ADDRESS_AWARE.
  ch=$((16#$(sed -n 's/^Characteristics 0x\([0-9a-fA-F]*\).*/\1/p' <<<"$hdr")))
  expect_eq "$exe: RELOCS_STRIPPED (0x0001) not in Characteristics $(printf 0x%04x "$ch")" 0 $((ch & 0x1))
  expect_eq "$exe: LARGE_ADDRESS_AWARE (0x0020) in Characteristics $(printf 0x%04x "$ch")" 32 $((ch & 0x20))
  relocs=$(sed -n 's/^Entry 5 [0-9a-f]* \([0-9a-f]*\) Base Relocation Directory.*/\1/p' <<<"$hdr")
  expect_eq "$exe: a base relocation directory" yes "$([ -n "$relocs" ] && [ $((16#$relocs)) -gt 0 ] && echo yes || echo "no (size '$relocs')")"

  # Stripped at link (signing follows): the COFF header's PointerToSymbolTable
  # and NumberOfSymbols are 0, and no section holds debug info. Debug and
  # RelWithDebInfo builds keep their symbols on purpose.
  case $build_type in
    Debug | RelWithDebInfo) echo "pe_test: $exe: a $build_type build keeps its symbols, not checked" >&2 ;;
    *)
      coff=$(($(u32 "$f" 60) + 4))
      expect_eq "$exe: no COFF symbol table (PointerToSymbolTable NumberOfSymbols)" "0 0" \
        "$(u32 "$f" $((coff + 8))) $(u32 "$f" $((coff + 12)))"
      expect_eq "$exe: no debug sections" "" \
        "$($OBJDUMP -h "$f" | awk '$2 ~ /^\.(debug|zdebug)/ {printf "%s ", $2}')"
      ;;
  esac

  # The import table: only allowed DLLs, none of the denied ones.
  imports=$(sed -n 's/^[[:space:]]*DLL Name: //p' <<<"$hdr" | tr '[:upper:]' '[:lower:]' | tr -d '\r' | sort -u)
  listed=$(tr '\n' ' ' <<<"$imports")
  expect_has "$exe: the import table was read" " $listed" " kernel32.dll "
  echo "pe_test: $exe imports: $listed" >&2
  for dll in "${denied[@]}"; do
    expect_eq "$exe: does not import $dll" "" "$(grep -Fx "$dll" <<<"$imports")"
  done
  for dll in $imports; do
    case " ${allowed[*]} " in
      *" $dll "*) ok ;;
      *) bad "$exe: imports $dll, which is not on the allowed list (tests/win/pe_test.sh)" ;;
    esac
  done

  # libssp inside the exe: its handler's message is there only when the
  # stack protector or a fortified call pulled libssp in, statically.
  expect_eq "$exe: libssp linked in statically" yes \
    "$(grep -qa 'stack smashing detected' "$f" && echo yes || echo no)"
done

# The compile flags reached the code of both programs: each of the three
# libraries they link has functions with local arrays, and so does each
# program's own code, so each references the stack protector's guard; a
# fortified string call (_FORTIFY_SOURCE: __chk_fail, __*_chk) is in at least one.
undef() { $NM -u "$@" 2>/dev/null; }
own() { find "$B/CMakeFiles/$1.dir" -name '*.c.obj'; }
refs() { grep -qE "$1" && echo yes || echo no; } # PATTERN: does stdin reference it
for part in libwutray_core.a libwutray_win.a libwutray_app.a; do
  expect_eq "-fstack-protector-strong: $part references __stack_chk_guard" yes \
    "$(undef "$B/$part" | refs ' __stack_chk_guard$')"
done
for exe in wutray wutray-cli; do
  # shellcheck disable=SC2046
  expect_eq "-fstack-protector-strong: $exe's own objects reference __stack_chk_guard" yes \
    "$(undef $(own "$exe") | refs ' __stack_chk_guard$')"
done
# shellcheck disable=SC2046
expect_eq "_FORTIFY_SOURCE: a fortified call in the programs' code" yes \
  "$(undef "$B"/libwutray_{core,win,app}.a $(own wutray) $(own wutray-cli) | refs ' (__chk_fail|__[a-z]+_chk)$')"

echo "pe_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
