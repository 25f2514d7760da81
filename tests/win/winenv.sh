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

# A healthy PC through the update-agent and event-log stand-ins
# (tests/standins): Windows 11 25H2, the newest cumulative update installed N
# days ago (default 10, in the history and the System log), Defender
# definitions yesterday, nothing waiting. The agent answers without a search
# date, so the registry's Results dates (winenv_results) still say when
# Windows last searched.   winenv_healthy BUILD_DIR [PATCH_DAYS]
winenv_healthy() {
  local build=$1 days=${2:-10} dir=$WINENV_DIR/scenario-healthy-${2:-10} cu when def
  cu="$(date -u -d "$days days ago" +%Y-%m) Cumulative Update for Windows 11 Version 25H2 for x64-based Systems (KB5072033)"
  when=$(date -u -d "$days days ago" +%Y-%m-%dT03:14:15Z)
  def=$(date -u -d '1 day ago' +%Y-%m-%dT09:00:00Z)
  mkdir -p "$dir/events"
  printf 'CurrentBuild=26200\nUBR=7171\nDisplayVersion=25H2\nEditionID=Professional\nInstallationType=Client\n' >"$dir/version.ini"
  printf 'RebootRequired=0\n' >"$dir/agent.ini"
  {
    echo 'Date,Operation,ResultCode,HResult,Title,UpdateID,RevisionNumber,ServiceID,ClientApplicationID,Categories'
    echo "$def,1,2,0,\"Security Intelligence Update for Microsoft Defender Antivirus - KB2267602 (Version 1.441.1.0)\",6ac8e4c9-0bd5-4a2b-8e3e-0d6d5c0e7a01,200,9482f4b4-e343-43b6-b170-9a65bc822c77,MoUpdateOrchestrator,Definition Updates;Microsoft Defender Antivirus"
    echo "$when,1,2,0,\"$cu\",3b1e2c44-5d6f-4a70-8b9c-0d1e2f3a4b5c,1,9482f4b4-e343-43b6-b170-9a65bc822c77,MoUpdateOrchestrator,Security Updates;Windows 11"
  } >"$dir/history.csv"
  echo 'Title,UpdateID,KBArticleIDs,LastDeploymentChangeTime,MsrcSeverity,Categories,IsDownloaded' >"$dir/pending.csv"
  cat >"$dir/events/system.xml" <<XML
<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-WindowsUpdateClient' Guid='{945A8954-C147-4ACD-923F-40C45405A658}'/><EventID>19</EventID><Version>1</Version><Level>4</Level><Task>1</Task><Opcode>13</Opcode><Keywords>0x8000000000000018</Keywords><TimeCreated SystemTime='$when'/><EventRecordID>1</EventRecordID><Correlation/><Execution ProcessID='1' ThreadID='1'/><Channel>System</Channel><Computer>test</Computer><Security UserID='S-1-5-18'/></System><EventData><Data Name='updateTitle'>$cu</Data><Data Name='updateGuid'>{3B1E2C44-5D6F-4A70-8B9C-0D1E2F3A4B5C}</Data><Data Name='updateRevisionNumber'>1</Data><Data Name='serviceGuid'>{9482F4B4-E343-43B6-B170-9A65BC822C77}</Data></EventData></Event>
XML
  WINEPREFIX=$WINEPREFIX bash "$(dirname "${BASH_SOURCE[0]}")/../standins/use.sh" "$dir" "$build" >/dev/null
}
