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
  export WINEPREFIX=$WINENV_DIR/prefix
  wineboot -i >/dev/null 2>&1
  wine reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null 2>&1
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
