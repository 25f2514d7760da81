#include "runas.h"

#include <aclapi.h>
#include <sddl.h>
#include <shellapi.h>

#include "trust.h"

#define TRUST_MAX_ACES 64
#define TRUSTED_INSTALLER_SID L"S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464"

static enum trustee trustee_of(PSID sid)
{
    static PSID installer;
    enum trustee t = TRUSTEE_OTHER;

    if (!sid || !IsValidSid(sid)) return TRUSTEE_OTHER;
    if (IsWellKnownSid(sid, WinBuiltinAdministratorsSid)) return TRUSTEE_ADMINISTRATORS;
    if (IsWellKnownSid(sid, WinLocalSystemSid)) return TRUSTEE_SYSTEM;
    if (IsWellKnownSid(sid, WinCreatorOwnerSid)) return TRUSTEE_CREATOR_OWNER;
    if (!installer) ConvertStringSidToSidW(TRUSTED_INSTALLER_SID, &installer); /* kept for the process */
    if (installer && EqualSid(sid, installer)) t = TRUSTEE_TRUSTED_INSTALLER;
    return t;
}

/* The owner and DACL of a file or folder, in trust.h's terms. */
static bool admin_only(const wchar_t *path)
{
    struct trust_ace aces[TRUST_MAX_ACES];
    struct trust_object o = {false, false, TRUSTEE_OTHER, 0, aces};
    PSECURITY_DESCRIPTOR sd = NULL;
    PSID owner = NULL;
    PACL dacl = NULL;
    bool ok;

    if (GetNamedSecurityInfoW(path, SE_FILE_OBJECT, OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION, &owner,
                              NULL, &dacl, NULL, &sd) != ERROR_SUCCESS)
        return false;
    o.read = true;
    o.owner = trustee_of(owner);
    o.has_dacl = dacl != NULL;
    for (DWORD i = 0; dacl && i < dacl->AceCount; i++) {
        ACE_HEADER *h;
        if (!GetAce(dacl, i, (void **)&h)) continue;
        if (o.n_aces == TRUST_MAX_ACES) {
            o.read = false; /* more than a folder ever has: not judged, not trusted */
            break;
        }
        if (h->AceType == ACCESS_ALLOWED_ACE_TYPE || h->AceType == ACCESS_DENIED_ACE_TYPE) {
            ACCESS_ALLOWED_ACE *a = (ACCESS_ALLOWED_ACE *)h; /* same layout for both */
            aces[o.n_aces].allow = h->AceType == ACCESS_ALLOWED_ACE_TYPE;
            aces[o.n_aces].inherit_only = (h->AceFlags & INHERIT_ONLY_ACE) != 0;
            aces[o.n_aces].who = trustee_of((PSID)&a->SidStart);
            aces[o.n_aces].mask = a->Mask;
            o.n_aces++;
        } else if (h->AceType != SYSTEM_AUDIT_ACE_TYPE) {
            o.read = false; /* object or callback ACEs: not expected on a folder, not trusted */
            break;
        }
    }
    ok = trust_admin_only(&o);
    LocalFree(sd);
    return ok;
}

bool runas_location_trusted(const wchar_t *exe_path)
{
    wchar_t folder[MAX_PATH];
    wchar_t *slash;

    if (wcslen(exe_path) >= ARRAYSIZE(folder)) return false;
    wcscpy(folder, exe_path);
    slash = wcsrchr(folder, L'\\');
    if (!slash) return false;
    *slash = 0;
    return admin_only(exe_path) && admin_only(folder);
}

/* System32, where the elevated instance runs: no folder of the user's is
 * its current one. */
static const wchar_t *system_folder(wchar_t *buf, UINT cap)
{
    UINT n = GetSystemDirectoryW(buf, cap);
    return n && n < cap ? buf : NULL;
}

enum restart_result runas_self(const wchar_t *args, DWORD timeout_ms, uint32_t *code)
{
    wchar_t path[MAX_PATH];
    DWORD n = GetModuleFileNameW(NULL, path, ARRAYSIZE(path));

    if (n == 0 || n >= ARRAYSIZE(path)) {
        *code = n ? ERROR_INSUFFICIENT_BUFFER : GetLastError();
        return RESTART_ERR_FAILED;
    }
    *code = 0;
    if (!runas_location_trusted(path)) return RESTART_ERR_UNSAFE_FOLDER;
    return runas_program(path, args, timeout_ms, code);
}

enum restart_result runas_program(const wchar_t *path, const wchar_t *args, DWORD timeout_ms, uint32_t *code)
{
    SHELLEXECUTEINFOW sei;
    DWORD exit_code = 0, err;
    wchar_t system[MAX_PATH];

    *code = 0;
    ZeroMemory(&sei, sizeof(sei));
    sei.cbSize = sizeof(sei);
    sei.fMask = SEE_MASK_NOCLOSEPROCESS | SEE_MASK_NOASYNC | SEE_MASK_FLAG_NO_UI;
    sei.lpVerb = L"runas";
    sei.lpFile = path;
    sei.lpParameters = args;
    sei.lpDirectory = system_folder(system, ARRAYSIZE(system));
    sei.nShow = SW_HIDE;
    if (!ShellExecuteExW(&sei)) {
        err = GetLastError();
        if (err == ERROR_CANCELLED) return RESTART_ERR_CANCELLED;
        *code = err;
        return RESTART_ERR_FAILED;
    }
    if (!sei.hProcess) { /* should not happen with NOCLOSEPROCESS */
        *code = ERROR_INVALID_HANDLE;
        return RESTART_ERR_FAILED;
    }
    err = WaitForSingleObject(sei.hProcess, timeout_ms);
    if (err != WAIT_OBJECT_0 || !GetExitCodeProcess(sei.hProcess, &exit_code)) {
        /* Left to finish on its own; its outcome is read by the next check. */
        CloseHandle(sei.hProcess);
        *code = err == WAIT_TIMEOUT ? ERROR_TIMEOUT : GetLastError();
        return RESTART_ERR_FAILED;
    }
    CloseHandle(sei.hProcess);
    *code = exit_code;
    return RESTART_DONE;
}
