#include "pcinfo.h"
#include "os.h"

#include <windows.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#define CURRENT_VERSION L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion"
#define INDICATORS CURRENT_VERSION L"\\AppCompatFlags\\TargetVersionUpgradeExperienceIndicators"
#define CONSUMER_ESU L"Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows\\ConsumerESU"

#define VALUE_CHARS 256   /* registry strings longer than this are not ours to judge */
#define KEY_NAME_CHARS 256 /* the registry's own limit on a key name, plus the NUL */
#define WIN10_22H2 19045u

/* ---- registry ---- */

/* RegGetValueW checks the type and terminates the string; the 64-bit view,
 * so a 32-bit build would see the same keys. */
static BOOL reg_sz(HKEY root, const wchar_t *path, const wchar_t *name, wchar_t *buf, DWORD cap_chars)
{
    DWORD size = cap_chars * sizeof(wchar_t);
    LSTATUS st = RegGetValueW(root, path, name, RRF_RT_REG_SZ | RRF_SUBKEY_WOW6464KEY, NULL, buf, &size);
    if (st != ERROR_SUCCESS) buf[0] = 0;
    return st == ERROR_SUCCESS;
}

static BOOL reg_dword(HKEY root, const wchar_t *path, const wchar_t *name, DWORD *out)
{
    DWORD size = sizeof(*out);
    LSTATUS st = RegGetValueW(root, path, name, RRF_RT_REG_DWORD | RRF_SUBKEY_WOW6464KEY, NULL, out, &size);
    if (st != ERROR_SUCCESS) *out = 0;
    return st == ERROR_SUCCESS;
}

/* Into a char field as UTF-8, cut at a character boundary when too long
 * (the fields are sized for what Windows writes, not for any value). */
static void to_utf8(const wchar_t *w, char *out, size_t cap)
{
    char tmp[4 * VALUE_CHARS + 1];
    size_t len;

    out[0] = 0;
    if (cap == 0 || WideCharToMultiByte(CP_UTF8, 0, w, -1, tmp, (int)sizeof(tmp), NULL, NULL) <= 0) return;
    len = strlen(tmp);
    if (len >= cap) {
        len = cap - 1;
        while (len > 0 && ((unsigned char)tmp[len] & 0xC0) == 0x80) len--;
    }
    memcpy(out, tmp, len);
    out[len] = 0;
}

/* Decimal digits only, as Windows writes CurrentBuild ("19045"). */
static BOOL parse_build(const wchar_t *s, uint32_t *out)
{
    uint64_t v = 0;

    if (!*s) return FALSE;
    for (; *s; s++) {
        if (*s < L'0' || *s > L'9') return FALSE;
        v = v * 10u + (uint64_t)(*s - L'0');
        if (v > UINT32_MAX) return FALSE;
    }
    if (v == 0) return FALSE;
    *out = (uint32_t)v;
    return TRUE;
}

/* ---- the version ---- */

static void read_os(struct os_version *os)
{
    wchar_t buf[VALUE_CHARS];
    DWORD ubr;

    /* CurrentBuildNumber is the older name of the same value; some
     * stripped-down images only have that one. */
    if ((reg_sz(HKEY_LOCAL_MACHINE, CURRENT_VERSION, L"CurrentBuild", buf, VALUE_CHARS) &&
         parse_build(buf, &os->build)) ||
        (reg_sz(HKEY_LOCAL_MACHINE, CURRENT_VERSION, L"CurrentBuildNumber", buf, VALUE_CHARS) &&
         parse_build(buf, &os->build)))
        os->read = true;
    if (reg_dword(HKEY_LOCAL_MACHINE, CURRENT_VERSION, L"UBR", &ubr)) os->ubr = ubr;
    if (reg_sz(HKEY_LOCAL_MACHINE, CURRENT_VERSION, L"DisplayVersion", buf, VALUE_CHARS))
        to_utf8(buf, os->display_version, sizeof(os->display_version));
    if (reg_sz(HKEY_LOCAL_MACHINE, CURRENT_VERSION, L"EditionID", buf, VALUE_CHARS))
        to_utf8(buf, os->edition, sizeof(os->edition));
    if (reg_sz(HKEY_LOCAL_MACHINE, CURRENT_VERSION, L"InstallationType", buf, VALUE_CHARS))
        to_utf8(buf, os->installation_type, sizeof(os->installation_type));
}

/* ---- commercial ESU: the licensing API (slc.dll) ---- */

/* Declared by hand: mingw-w64's slpublic.h has neither these functions nor
 * the status struct (layout as in the Windows SDK). */
typedef PVOID sl_handle;
typedef struct {
    GUID SkuId;
    int eStatus; /* SLLICENSINGSTATUS */
    DWORD dwGraceTime;
    DWORD dwTotalGraceDays;
    HRESULT hrReason;
    UINT64 qwValidityExpiration;
} sl_licensing_status;
typedef HRESULT(WINAPI *sl_open_fn)(sl_handle *);
typedef HRESULT(WINAPI *sl_close_fn)(sl_handle);
typedef HRESULT(WINAPI *sl_status_fn)(sl_handle, const GUID *app, const GUID *sku, PCWSTR right, UINT *count,
                                      sl_licensing_status **status);

#define SL_LIC_LICENSED 1
#define SL_E_PKEY_NOT_INSTALLED_ ((HRESULT)0xC004F014L)
#define SL_E_PRODUCT_SKU_NOT_INSTALLED_ ((HRESULT)0xC004F015L)
#define SL_E_MISMATCHED_PRODUCT_SKU_ ((HRESULT)0xC004F069L) /* "the product SKU is not found" */

static const GUID windows_app_id = {0x55c92734, 0xd682, 0x4d71, {0x98, 0x3e, 0xd6, 0xec, 0x3f, 0x16, 0x05, 0x9f}};
/* The activation IDs of the ESU MAKs for Windows 10 22H2, year 1 to 3. */
static const GUID esu_year_ids[3] = {
    {0xf520e45e, 0x7413, 0x4a34, {0xa4, 0x97, 0xd2, 0x76, 0x59, 0x67, 0xd0, 0x94}},
    {0x1043add5, 0x23b1, 0x4afb, {0x9a, 0x0f, 0x64, 0x34, 0x3c, 0x8f, 0x3f, 0x8d}},
    {0x83d49986, 0xadd3, 0x41d7, {0xba, 0x33, 0x87, 0xc7, 0xbf, 0xb5, 0xc0, 0xfb}},
};

/* The answers that mean "this PC has no such licence": an answer, not a
 * failure of the licensing service. */
static BOOL sku_absent(HRESULT hr)
{
    return hr == SL_E_PRODUCT_SKU_NOT_INSTALLED_ || hr == SL_E_PKEY_NOT_INSTALLED_ || hr == SL_E_MISMATCHED_PRODUCT_SKU_;
}


static void read_commercial_esu(struct esu_signals *e)
{
    sl_open_fn sl_open;
    sl_close_fn sl_close;
    sl_status_fn sl_status;
    sl_handle h = NULL;
    bool answered = true;
    uint8_t year = 0;
    HMODULE slc;
    HRESULT hr;

    /* System32 only, and at run time: a planted slc.dll beside the exe is
     * not loaded, and the programs start where slc.dll is missing. */
    slc = LoadLibraryExW(L"slc.dll", NULL, LOAD_LIBRARY_SEARCH_SYSTEM32);
    if (!slc) return;
    sl_open = OS_PROC(sl_open_fn, slc, "SLOpen");
    sl_close = OS_PROC(sl_close_fn, slc, "SLClose");
    sl_status = OS_PROC(sl_status_fn, slc, "SLGetLicensingStatusInformation");
    if (!sl_open || !sl_close || !sl_status) goto cleanup_library;
    hr = sl_open(&h);
    if (FAILED(hr)) goto cleanup_library;
    for (uint8_t i = 0; i < 3; i++) {
        UINT count = 0;
        sl_licensing_status *status = NULL;
        hr = sl_status(h, &windows_app_id, &esu_year_ids[i], NULL, &count, &status);
        if (SUCCEEDED(hr)) {
            for (UINT j = 0; status && j < count; j++)
                if (status[j].eStatus == SL_LIC_LICENSED) year = (uint8_t)(i + 1);
        } else if (!sku_absent(hr)) {
            answered = false;
        }
        if (status) LocalFree(status);
        if (!answered) break;
    }
    e->commercial_read = answered;
    e->commercial_year = answered ? year : 0;
    sl_close(h);
cleanup_library:
    FreeLibrary(slc);
}

/* ---- consumer ESU: the user's registry ---- */

static BOOL running_as_system(void)
{
    union {
        TOKEN_USER user;
        BYTE bytes[sizeof(TOKEN_USER) + SECURITY_MAX_SID_SIZE];
    } info;
    DWORD size = 0;
    HANDLE token;
    BOOL system = FALSE;

    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token)) return FALSE;
    if (GetTokenInformation(token, TokenUser, &info, sizeof(info), &size))
        system = IsWellKnownSid(info.user.User.Sid, WinLocalSystemSid);
    CloseHandle(token);
    return system;
}

/* ConsumerESU under root\prefix (prefix "" for HKCU, "<SID>\" for a hive
 * under HKEY_USERS). Returns FALSE when the user's Software key cannot be
 * opened: then nothing is known about that user. */
static BOOL read_consumer_at(HKEY root, const wchar_t *prefix, struct esu_signals *e)
{
    wchar_t path[KEY_NAME_CHARS + 96];
    DWORD v;
    HKEY k;

    e->consumer_present = false;
    e->consumer_eligibility = e->consumer_eligibility_result = 0;
    wcscpy(path, prefix);
    wcscat(path, L"Software");
    if (RegOpenKeyExW(root, path, 0, KEY_READ, &k) != ERROR_SUCCESS) return FALSE;
    RegCloseKey(k);
    wcscpy(path, prefix);
    wcscat(path, CONSUMER_ESU);
    if (RegOpenKeyExW(root, path, 0, KEY_READ, &k) != ERROR_SUCCESS) return TRUE;
    RegCloseKey(k);
    e->consumer_present = true;
    if (reg_dword(root, path, L"ESUEligibility", &v)) e->consumer_eligibility = v;
    if (reg_dword(root, path, L"ESUEligibilityResult", &v)) e->consumer_eligibility_result = v;
    return TRUE;
}

/* Hives under HKEY_USERS that are not a person's: the default profile, the
 * service accounts, and each user's Classes hive. */
static BOOL is_person_hive(const wchar_t *name)
{
    size_t n = wcslen(name);
    return _wcsicmp(name, L".DEFAULT") != 0 && wcscmp(name, L"S-1-5-18") != 0 && wcscmp(name, L"S-1-5-19") != 0 &&
           wcscmp(name, L"S-1-5-20") != 0 && !(n > 8 && _wcsicmp(name + n - 8, L"_Classes") == 0);
}

/* As SYSTEM (the elevated side, a scheduled task) HKCU is SYSTEM's own, so
 * the signed-in users' loaded hives are asked instead: an enrolled one wins,
 * else the first that has the key, else the first that could be read. */
static void read_consumer_all_users(struct esu_signals *e)
{
    struct esu_signals best = {0}, cur;
    wchar_t name[KEY_NAME_CHARS], prefix[KEY_NAME_CHARS + 1];
    DWORD i, len;

    for (i = 0;; i++) {
        len = KEY_NAME_CHARS;
        LSTATUS st = RegEnumKeyExW(HKEY_USERS, i, name, &len, NULL, NULL, NULL, NULL);
        if (st == ERROR_NO_MORE_ITEMS) break;
        if (st != ERROR_SUCCESS) continue;
        if (!is_person_hive(name)) continue;
        cur = *e;
        wcscpy(prefix, name);
        wcscat(prefix, L"\\");
        if (!read_consumer_at(HKEY_USERS, prefix, &cur)) continue;
        cur.consumer_read = true;
        if (servicing_consumer_esu_enrolled(&cur)) {
            best = cur;
            break;
        }
        if (!best.consumer_read || (cur.consumer_present && !best.consumer_present)) best = cur;
    }
    e->consumer_read = best.consumer_read;
    e->consumer_present = best.consumer_present;
    e->consumer_eligibility = best.consumer_eligibility;
    e->consumer_eligibility_result = best.consumer_eligibility_result;
}

static void read_consumer_esu(struct esu_signals *e)
{
    if (running_as_system()) {
        read_consumer_all_users(e);
        return;
    }
    e->consumer_read = read_consumer_at(HKEY_CURRENT_USER, L"", e) != FALSE;
}

/* ---- free space ---- */

static void read_disk(struct disk_signals *d)
{
    wchar_t windir[MAX_PATH], root[MAX_PATH];
    ULARGE_INTEGER avail;
    UINT n = GetSystemWindowsDirectoryW(windir, MAX_PATH);

    if (n == 0 || n >= MAX_PATH) return;
    if (windir[1] == L':') {
        root[0] = windir[0];
        root[1] = L':';
        root[2] = L'\\';
        root[3] = 0;
    } else if (!GetVolumePathNameW(windir, root, MAX_PATH)) {
        return;
    }
    /* The space available to this user (quotas), which is what an update
     * running as that user would get; SYSTEM sees the whole disk anyway. */
    if (!GetDiskFreeSpaceExW(root, &avail, NULL, NULL)) return;
    d->known = true;
    d->free_bytes = avail.QuadPart;
}

/* ---- safeguard hold ---- */

/* The subkey's version rank, "GE24H2" → 242 (servicing_version_rank). */
static unsigned version_rank(const wchar_t *name)
{
    char utf8[KEY_NAME_CHARS * 3];

    to_utf8(name, utf8, sizeof(utf8));
    return servicing_version_rank(utf8);
}

static void read_hold(struct safeguard_signals *s)
{
    wchar_t name[KEY_NAME_CHARS], best_name[KEY_NAME_CHARS] = L"", id[VALUE_CHARS], best_id[VALUE_CHARS] = L"";
    unsigned best_rank = 0;
    bool held = false;
    DWORD i, len;
    HKEY k;
    LSTATUS st = RegOpenKeyExW(HKEY_LOCAL_MACHINE, INDICATORS, 0, KEY_READ | KEY_WOW64_64KEY, &k);

    /* No indicators at all: the appraiser has not run or found nothing. */
    if (st == ERROR_FILE_NOT_FOUND) {
        s->read = true;
        return;
    }
    if (st != ERROR_SUCCESS) return;
    for (i = 0;; i++) {
        len = KEY_NAME_CHARS;
        st = RegEnumKeyExW(k, i, name, &len, NULL, NULL, NULL, NULL);
        if (st == ERROR_NO_MORE_ITEMS) break;
        if (st != ERROR_SUCCESS) continue;
        /* "None" is what the appraiser writes when nothing blocks. */
        if (!reg_sz(k, name, L"GatedBlockId", id, VALUE_CHARS) || !id[0] || _wcsicmp(id, L"None") == 0) continue;
        if (!held || version_rank(name) > best_rank) {
            held = true;
            best_rank = version_rank(name);
            wcscpy(best_name, name);
            wcscpy(best_id, id);
        }
    }
    RegCloseKey(k);
    s->read = true;
    s->held = held;
    if (held) {
        to_utf8(best_name, s->target, sizeof(s->target));
        to_utf8(best_id, s->block_id, sizeof(s->block_id));
    }
}

void pcinfo_read(struct pc_info *out)
{
    ZeroMemory(out, sizeof(*out));
    read_os(&out->os);
    /* Commercial ESU exists for Windows 10 22H2 only; elsewhere the
     * licensing service is not worth waking. */
    if (out->os.read && out->os.build == WIN10_22H2) read_commercial_esu(&out->esu);
    read_consumer_esu(&out->esu);
    read_disk(&out->disk);
    read_hold(&out->hold);
}
