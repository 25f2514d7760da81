# Sourced by settings_e2e.sh and settings_lang_e2e.sh, with their arguments
# (BUILD_DIR [SCREENSHOT_DIR]; screenshots only when a folder is given):
# Xvfb and a fresh prefix, the fake Update Orchestrator, a healthy PC that
# last searched for updates SEARCH_DAYS ago (set before sourcing), and a
# policy that fixes PatchAgeDays at 60, to be shown locked.
set -u
B=$(cd "$1" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SHOTS=${2:-}
[ -n "$SHOTS" ] && mkdir -p "$SHOTS"
. "$here/../win/winenv.sh"
. "$here/desktop.sh"

e2e_start "$B"
winenv_fake_usosvc "$B" demand
winenv_healthy "$B"
winenv_results "$SEARCH_DAYS" 2
wine reg add 'HKLM\SOFTWARE\Policies\wutray' /v PatchAgeDays /t REG_DWORD /d 60 /f /reg:64 >/dev/null 2>&1
TRAY_RE=$(tray_re "$B")
