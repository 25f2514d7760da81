# Sourced by test scripts: a fresh, isolated Wine prefix set to Windows 10,
# kept alive by one sleeping process so the service manager keeps its state.
#   winenv_new BUILD_DIR   creates it and exports WINEPREFIX etc.
#   winenv_end             stops it and removes the prefix
#   winpath FILE           the Windows path of a file
export WINEDEBUG=-all
# No Mono/Gecko installer prompts; a crash ends the program instead of starting a debugger.
export WINEDLLOVERRIDES="mscoree,mshtml=,winedbg.exe=d"

winpath() { winepath -w "$1" 2>/dev/null; }

winenv_new() {
  local build=$1
  WINENV_DIR=$(mktemp -d /tmp/wutray-wine.XXXXXX)
  # English text and US dates, whatever the developer's own locale: Wine takes
  # the UI language and the date format from it (a test sets LANG to change it).
  unset LC_ALL LC_MESSAGES
  export LANG=C.UTF-8
  export WINEPREFIX=$WINENV_DIR/prefix
  wineboot -i >/dev/null 2>&1
  wine reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null 2>&1
  # A supported Windows (11 25H2 Pro) unless a test says otherwise: Wine's
  # own CurrentVersion names a Windows 10 build whose support ended long ago.
  printf 'REGEDIT4\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]\n"CurrentBuild"="26200"\n"CurrentBuildNumber"="26200"\n"UBR"=dword:00001c03\n"DisplayVersion"="25H2"\n"EditionID"="Professional"\n"InstallationType"="Client"\n' >"$WINENV_DIR/version.reg"
  wine regedit /S "$(winpath "$WINENV_DIR/version.reg")" >/dev/null 2>&1
  # Let the set-up session end completely, so one service manager serves
  # everything that follows (otherwise a second one can start beside it).
  wineserver -w
  wine "$build/sleeper.exe" >/dev/null 2>&1 &
  WINENV_KEEPALIVE=$!
  # The service manager answers once the prefix is up.
  wine "$build/svctool.exe" state wuauserv >/dev/null 2>&1
}

winenv_end() {
  [ -n "${WINENV_KEEPALIVE:-}" ] && kill "$WINENV_KEEPALIVE" 2>/dev/null || true
  wineserver -k 2>/dev/null || true
  wineserver -w 2>/dev/null || true
  [ -n "${WINENV_DIR:-}" ] && rm -rf "$WINENV_DIR"
  WINENV_KEEPALIVE= WINENV_DIR=
}

# Installs the fake Update Orchestrator (Wine has no UsoSvc).
winenv_fake_usosvc() {
  local build=$1 start=${2:-demand}; shift 2 || true
  wine "$build/svctool.exe" create UsoSvc "$start" "$(winpath "$build/fakesvc.exe")" UsoSvc "$@" >/dev/null
}

# Records when Windows last searched for and installed updates successfully,
# N and M days ago, where Windows 7/8.1 keep it (wutray's fallback when the
# update agent cannot say, as under Wine). An empty argument deletes the value.
winenv_results() {
  local key='HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\Results' kind days
  for kind in Detect Install; do
    days=$1; shift
    if [ -z "$days" ]; then
      wine reg delete "$key\\$kind" /v LastSuccessTime /f >/dev/null 2>&1
    else
      wine reg add "$key\\$kind" /v LastSuccessTime /t REG_SZ /f \
        /d "$(date -u -d "@$(($(date +%s) - days * 86400))" '+%Y-%m-%d %H:%M:%S')" >/dev/null 2>&1
    fi
  done
}

# A PC replayed through the update-agent and event-log stand-ins
# (tests/standins), written by tests/scenarios/make_pc.py with KEY=VALUE
# options. The agent answers without a search date, so the registry's Results
# date (winenv_results) still says when Windows last searched.
#   winenv_pc BUILD_DIR NAME [KEY=VALUE ...]
winenv_pc() {
  local build=$1 dir=$WINENV_DIR/scenario-$2 here
  here=$(dirname "${BASH_SOURCE[0]}")
  shift 2
  rm -rf "$dir"
  python3 "$here/../scenarios/make_pc.py" "$dir" agent_search=none "$@" &&
    WINEPREFIX=$WINEPREFIX bash "$here/../standins/use.sh" "$dir" "$build" >/dev/null
}

# A healthy PC from a recording: the update events of a real Windows 10 PC
# (tests/scenarios/recorded-win10-1803-store-failed: its July cumulative
# update installed, two Store apps failed), moved so that the newest was
# yesterday, on a Windows 10 22H2 enrolled in consumer ESU (that PC's own
# version, 1803, is long out of support, so version.ini and a .reg replace it).
#   winenv_recorded_healthy BUILD_DIR
winenv_recorded_healthy() {
  local build=$1 dir=$WINENV_DIR/scenario-recorded-healthy here
  here=$(dirname "${BASH_SOURCE[0]}")
  rm -rf "$dir"
  python3 "$here/../scenarios/shift.py" "$here/../scenarios/recorded-win10-1803-store-failed" "$dir" \
    --newest "$(date -u -d '1 day ago' +%F)" >/dev/null || return 1
  printf 'CurrentBuild=19045\nUBR=6456\nDisplayVersion=22H2\nEditionID=Professional\nInstallationType=Client\n' \
    >"$dir/version.ini"
  printf 'REGEDIT4\n\n[HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows\\ConsumerESU]\n"ESUEligibility"=dword:00000003\n"ESUEligibilityResult"=dword:00000001\n' \
    >"$dir/consumer-esu.reg"
  WINEPREFIX=$WINEPREFIX bash "$here/../standins/use.sh" "$dir" "$build" >/dev/null
}

# A healthy PC: Windows 11 25H2, the newest cumulative update installed N days
# ago (default 10, in the history and the System log), nothing waiting.
#   winenv_healthy BUILD_DIR [PATCH_DAYS]
winenv_healthy() { winenv_pc "$1" "healthy-${2:-10}" patch_days="${2:-10}" defender_daily=1; }
