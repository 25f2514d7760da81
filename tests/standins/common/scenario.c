#include "scenario.h"

#include <stdlib.h>
#include <wchar.h>

#define KEY L"SOFTWARE\\wutray-standins"
#define MAX_FILES 256

static BOOL folder(wchar_t *out, DWORD cap_chars)
{
    DWORD size = cap_chars * sizeof(wchar_t);
    return RegGetValueW(HKEY_LOCAL_MACHINE, KEY, L"Scenario", RRF_RT_REG_SZ | RRF_SUBKEY_WOW6464KEY, NULL, out,
                        &size) == ERROR_SUCCESS && out[0];
}

static char *read_path(const wchar_t *path, size_t *len)
{
    HANDLE f = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    LARGE_INTEGER size;
    char *raw = NULL, *out = NULL;
    DWORD got = 0;

    if (f == INVALID_HANDLE_VALUE) return NULL;
    if (!GetFileSizeEx(f, &size) || size.QuadPart > 64 * 1024 * 1024) goto done;
    raw = HeapAlloc(GetProcessHeap(), 0, (SIZE_T)size.QuadPart + 2);
    if (!raw || !ReadFile(f, raw, (DWORD)size.QuadPart, &got, NULL)) goto done;
    raw[got] = raw[got + 1] = 0;
    if (got >= 2 && (unsigned char)raw[0] == 0xFF && (unsigned char)raw[1] == 0xFE) {
        /* UTF-16LE with a BOM: to UTF-8. */
        int n = WideCharToMultiByte(CP_UTF8, 0, (wchar_t *)(raw + 2), (int)(got - 2) / 2, NULL, 0, NULL, NULL);
        out = HeapAlloc(GetProcessHeap(), 0, (SIZE_T)n + 1);
        if (out) {
            WideCharToMultiByte(CP_UTF8, 0, (wchar_t *)(raw + 2), (int)(got - 2) / 2, out, n, NULL, NULL);
            out[n] = 0;
            if (len) *len = (size_t)n;
        }
        goto done;
    }
    if (got >= 3 && (unsigned char)raw[0] == 0xEF && (unsigned char)raw[1] == 0xBB && (unsigned char)raw[2] == 0xBF) {
        MoveMemory(raw, raw + 3, got - 3 + 1);
        got -= 3;
    }
    out = raw;
    raw = NULL;
    if (len) *len = got;
done:
    if (raw) HeapFree(GetProcessHeap(), 0, raw);
    CloseHandle(f);
    return out;
}

char *scenario_read(const wchar_t *name, size_t *len)
{
    wchar_t path[MAX_PATH * 2];
    if (!folder(path, MAX_PATH)) return NULL;
    if (wcslen(path) + wcslen(name) + 2 >= ARRAYSIZE(path)) return NULL;
    wcscat(path, L"\\");
    wcscat(path, name);
    return read_path(path, len);
}

void scenario_free(char *data)
{
    if (data) HeapFree(GetProcessHeap(), 0, data);
}

static int cmp_names(const void *a, const void *b)
{
    return wcscmp(*(const wchar_t *const *)a, *(const wchar_t *const *)b);
}

int scenario_each(const wchar_t *dir, const wchar_t *pattern, void (*fn)(void *ctx, const char *data, size_t len),
                  void *ctx)
{
    wchar_t base[MAX_PATH * 2], path[MAX_PATH * 3];
    wchar_t *names[MAX_FILES];
    WIN32_FIND_DATAW fd;
    HANDLE h;
    int n = 0, i;

    if (!folder(base, MAX_PATH)) return -1;
    if (wcslen(base) + wcslen(dir) + 2 >= ARRAYSIZE(base)) return -1;
    wcscat(base, L"\\");
    wcscat(base, dir);
    if (GetFileAttributesW(base) == INVALID_FILE_ATTRIBUTES) return -1;
    swprintf(path, ARRAYSIZE(path), L"%ls\\%ls", base, pattern);
    h = FindFirstFileW(path, &fd);
    if (h == INVALID_HANDLE_VALUE) return 0;
    do {
        if (!(fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) && n < MAX_FILES) names[n++] = _wcsdup(fd.cFileName);
    } while (FindNextFileW(h, &fd));
    FindClose(h);
    qsort(names, (size_t)n, sizeof(names[0]), cmp_names);
    for (i = 0; i < n; i++) {
        size_t len = 0;
        char *data;
        swprintf(path, ARRAYSIZE(path), L"%ls\\%ls", base, names[i]);
        data = read_path(path, &len);
        if (data) fn(ctx, data, len);
        scenario_free(data);
        free(names[i]);
    }
    return n;
}
