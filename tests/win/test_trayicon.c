/* The tray icon's adapter (src/win/trayicon.c) and the application icon,
 * under Wine: an icon drawn through the system looks as icon_art drew it; the
 * taskbar's theme is read from the registry; app.ico's PNG images load. */
#include <windows.h>

#include "icon_art.h"
#include "resource.h"
#include "test.h"
#include "trayicon.h"

#define PERSONALIZE L"Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize"

/* A size x size 32-bit DIB filled with rgb, an icon drawn on it with
 * DrawIconEx as the shell draws it; returns its pixels (0xXXRRGGBB). */
static HBITMAP canvas(int size, uint32_t rgb, HDC *dc, uint32_t **px)
{
    BITMAPINFO bi;
    void *bits = NULL;
    HBITMAP bmp;

    ZeroMemory(&bi, sizeof(bi));
    bi.bmiHeader.biSize = sizeof(bi.bmiHeader);
    bi.bmiHeader.biWidth = size;
    bi.bmiHeader.biHeight = -size;
    bi.bmiHeader.biPlanes = 1;
    bi.bmiHeader.biBitCount = 32;
    bmp = CreateDIBSection(NULL, &bi, DIB_RGB_COLORS, &bits, NULL, 0);
    *px = bits;
    for (int i = 0; i < size * size; i++) (*px)[i] = rgb;
    *dc = CreateCompatibleDC(NULL);
    SelectObject(*dc, bmp);
    return bmp;
}

static int channel_diff(uint32_t a, uint32_t b)
{
    int worst = 0;
    for (int s = 0; s <= 16; s += 8) {
        int d = (int)(a >> s & 0xFF) - (int)(b >> s & 0xFF);
        if (d < 0) d = -d;
        if (d > worst) worst = d;
    }
    return worst;
}

/* Every state icon, drawn by the system over a mid grey, matches the
 * renderer's pixels composited over the same grey. */
static void drawn_as_rendered(void)
{
    const struct icon_look looks[] = {{ICON_THEME_DARK, 0, 0}, {ICON_THEME_LIGHT, 0, 0},
                                      {ICON_THEME_CONTRAST, 0xFFFFFF, 0x000000}};
    const uint32_t grey = 0x808080;

    for (int l = 0; l < 3; l++)
        for (int size = 16; size <= 40; size += 4)
            for (int i = 0; i < ICON_COUNT; i++) {
                uint32_t want[40 * 40], *got;
                HDC dc;
                HBITMAP bmp = canvas(size, grey, &dc, &got);
                HICON icon = trayicon_make((enum state_icon)i, &looks[l], size);
                int worst = 0;

                if (!icon) {
                    TEST_FAIL_AT("trayicon_make(%s, %d) failed", icon_art_name((enum state_icon)i), size);
                    continue;
                }
                icon_art_render((enum state_icon)i, &looks[l], size, want);
                DrawIconEx(dc, 0, 0, icon, size, size, 0, NULL, DI_NORMAL);
                GdiFlush();
                for (int p = 0; p < size * size; p++) {
                    uint32_t a = want[p] >> 24, c = 0;
                    for (int s = 0; s <= 16; s += 8)
                        c |= ((want[p] >> s & 0xFF) + (0x80 * (255 - a) + 127) / 255) << s;
                    if (channel_diff(c, got[p]) > worst) worst = channel_diff(c, got[p]);
                }
                if (worst <= 3) test_passed++;
                else TEST_FAIL_AT("%s at %d px, look %d: off by %d", icon_art_name((enum state_icon)i), size, l, worst);
                DestroyIcon(icon);
                DeleteDC(dc);
                DeleteObject(bmp);
            }
    CHECK(trayicon_make(ICON_OK, &looks[0], 0) == NULL);
    CHECK(trayicon_make(ICON_COUNT, &looks[0], 16) == NULL);
}

static void set_light(int value) /* -1: no value */
{
    HKEY key;
    DWORD v = (DWORD)value;
    if (RegCreateKeyExW(HKEY_CURRENT_USER, PERSONALIZE, 0, NULL, 0, KEY_SET_VALUE, NULL, &key, NULL)) return;
    if (value < 0) RegDeleteValueW(key, L"SystemUsesLightTheme");
    else RegSetValueExW(key, L"SystemUsesLightTheme", 0, REG_DWORD, (const BYTE *)&v, sizeof(v));
    RegCloseKey(key);
}

static void taskbar_theme(void)
{
    struct icon_look look;
    HKEY key;

    set_light(-1);
    trayicon_read_look(&look);
    CHECK_EQ_INT(ICON_THEME_DARK, look.theme); /* missing: dark, as Windows comes */
    set_light(1);
    trayicon_read_look(&look);
    CHECK_EQ_INT(ICON_THEME_LIGHT, look.theme);
    set_light(0);
    trayicon_read_look(&look);
    CHECK_EQ_INT(ICON_THEME_DARK, look.theme);
    /* A value of the wrong type counts as missing. */
    if (!RegCreateKeyExW(HKEY_CURRENT_USER, PERSONALIZE, 0, NULL, 0, KEY_SET_VALUE, NULL, &key, NULL)) {
        RegSetValueExW(key, L"SystemUsesLightTheme", 0, REG_SZ, (const BYTE *)L"1", 4);
        RegCloseKey(key);
    }
    trayicon_read_look(&look);
    CHECK_EQ_INT(ICON_THEME_DARK, look.theme);
    set_light(-1);
}

/* The tray's size at 96 DPI (Wine's default): SM_CXSMICON. */
static void tray_size(void)
{
    HWND hwnd = CreateWindowExW(0, L"STATIC", L"", WS_OVERLAPPED, 0, 0, 0, 0, NULL, NULL, NULL, NULL);
    CHECK_EQ_INT(GetSystemMetrics(SM_CXSMICON), trayicon_size(hwnd));
    CHECK_EQ_INT(GetSystemMetrics(SM_CXSMICON), trayicon_size(NULL));
    DestroyWindow(hwnd);
}

/* app.ico holds PNG images only: each size loads, at its size, and shows the
 * blue tile (lower left, beside the arrow) on a transparent corner. */
static void app_icon_loads(void)
{
    const int sizes[] = {16, 20, 24, 32, 40, 48, 64, 256};

    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        int s = sizes[i];
        HICON icon = (HICON)LoadImageW(GetModuleHandleW(NULL), MAKEINTRESOURCEW(IDI_APP), IMAGE_ICON, s, s, 0);
        ICONINFO ii;
        BITMAP bm;
        uint32_t *px;
        HDC dc;
        HBITMAP bmp;

        if (!icon) {
            TEST_FAIL_AT("LoadImage(IDI_APP, %d px) failed: %lu", s, GetLastError());
            continue;
        }
        ZeroMemory(&bm, sizeof(bm));
        if (GetIconInfo(icon, &ii)) {
            GetObjectW(ii.hbmColor, sizeof(bm), &bm);
            DeleteObject(ii.hbmColor);
            DeleteObject(ii.hbmMask);
        }
        CHECK_EQ_INT(s, bm.bmWidth);
        bmp = canvas(s, 0xFFFFFF, &dc, &px);
        DrawIconEx(dc, 0, 0, icon, s, s, 0, NULL, DI_NORMAL);
        GdiFlush();
        if (channel_diff(px[(13 * s / 16) * s + 3 * s / 16], 0x0F6CBD) <= 8) test_passed++;
        else TEST_FAIL_AT("%d px: the tile is %06lx", s, (unsigned long)(px[(13 * s / 16) * s + 3 * s / 16] & 0xFFFFFF));
        CHECK_EQ_INT(0xFFFFFF, px[0] & 0xFFFFFF);
        DestroyIcon(icon);
        DeleteDC(dc);
        DeleteObject(bmp);
    }
}

int wmain(void)
{
    drawn_as_rendered();
    taskbar_theme();
    tray_size();
    app_icon_loads();
    return test_summary("test_trayicon");
}
