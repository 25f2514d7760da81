#include "trayicon.h"

#define PERSONALIZE_KEY L"Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize"

static uint32_t rgb_of(COLORREF c) { return (uint32_t)GetRValue(c) << 16 | GetGValue(c) << 8 | GetBValue(c); }

void trayicon_read_look(struct icon_look *look)
{
    HIGHCONTRASTW hc;
    DWORD light = 0, size = sizeof(light), type = 0;

    ZeroMemory(look, sizeof(*look));
    ZeroMemory(&hc, sizeof(hc));
    hc.cbSize = sizeof(hc);
    if (SystemParametersInfoW(SPI_GETHIGHCONTRAST, sizeof(hc), &hc, 0) && (hc.dwFlags & HCF_HIGHCONTRASTON)) {
        look->theme = ICON_THEME_CONTRAST;
        look->fg = rgb_of(GetSysColor(COLOR_WINDOWTEXT));
        look->bg = rgb_of(GetSysColor(COLOR_WINDOW));
        return;
    }
    look->theme = ICON_THEME_DARK;
    if (RegGetValueW(HKEY_CURRENT_USER, PERSONALIZE_KEY, L"SystemUsesLightTheme", RRF_RT_REG_DWORD, &type, &light,
                     &size) == ERROR_SUCCESS && light != 0)
        look->theme = ICON_THEME_LIGHT;
}

/* GetDpiForWindow and GetSystemMetricsForDpi came with Windows 10 1607:
 * looked up, so that wutray still starts where they are missing. */
int trayicon_size(HWND hwnd)
{
    typedef UINT(WINAPI * dpi_for_window_fn)(HWND);
    typedef int(WINAPI * metrics_for_dpi_fn)(int, UINT);
    HMODULE user32 = GetModuleHandleW(L"user32.dll");
    dpi_for_window_fn dpi_for_window = NULL;
    metrics_for_dpi_fn metrics_for_dpi = NULL;
    int size = 0;

    if (user32) {
        dpi_for_window = (dpi_for_window_fn)(void (*)(void))GetProcAddress(user32, "GetDpiForWindow");
        metrics_for_dpi = (metrics_for_dpi_fn)(void (*)(void))GetProcAddress(user32, "GetSystemMetricsForDpi");
    }
    if (dpi_for_window && metrics_for_dpi && hwnd) {
        UINT dpi = dpi_for_window(hwnd);
        if (dpi) size = metrics_for_dpi(SM_CXSMICON, dpi);
    }
    if (size <= 0) size = GetSystemMetrics(SM_CXSMICON);
    if (size < ICON_ART_MIN || size > ICON_ART_MAX) size = 16;
    return size;
}

HICON trayicon_make(enum state_icon icon, const struct icon_look *look, int size)
{
    static const BYTE zero_mask[ICON_ART_MAX * ICON_ART_MAX / 8]; /* rows of whole WORDs */
    BITMAPINFO bi;
    ICONINFO ii;
    void *bits = NULL;
    uint32_t *px;
    HBITMAP color, mask;
    HICON result = NULL;

    if (size < ICON_ART_MIN || size > ICON_ART_MAX) return NULL;
    ZeroMemory(&bi, sizeof(bi));
    bi.bmiHeader.biSize = sizeof(bi.bmiHeader);
    bi.bmiHeader.biWidth = size;
    bi.bmiHeader.biHeight = -size; /* top-down, as icon_art draws */
    bi.bmiHeader.biPlanes = 1;
    bi.bmiHeader.biBitCount = 32;
    bi.bmiHeader.biCompression = BI_RGB;
    color = CreateDIBSection(NULL, &bi, DIB_RGB_COLORS, &bits, NULL, 0);
    if (!color) return NULL;
    px = bits;
    if (!icon_art_render(icon, look, size, px)) goto cleanup_color;
    /* Icons hold straight alpha: undo the premultiplication. */
    for (int i = 0; i < size * size; i++) {
        uint32_t p = px[i], a = p >> 24, c[3];
        if (a == 0 || a == 255) continue;
        for (int k = 0; k < 3; k++) c[k] = ((p >> (16 - 8 * k) & 0xFF) * 255 + a / 2) / a;
        px[i] = a << 24 | c[0] << 16 | c[1] << 8 | c[2];
    }
    GdiFlush();
    mask = CreateBitmap(size, size, 1, 1, zero_mask); /* unused with alpha, but required */
    if (!mask) goto cleanup_color;
    ZeroMemory(&ii, sizeof(ii));
    ii.fIcon = TRUE;
    ii.hbmColor = color;
    ii.hbmMask = mask;
    result = CreateIconIndirect(&ii); /* copies both bitmaps */
    DeleteObject(mask);
cleanup_color:
    DeleteObject(color);
    return result;
}
