/* The icon renderer (icon_art_render): any icon, look and size. A size it
 * takes is drawn into a buffer of exactly that many pixels (ASan sees a pixel
 * outside it), premultiplied, and the same when drawn again; any other is
 * refused with the buffer untouched.
 *
 * Input: icon (1 byte), theme (1 byte), fg and bg (4 bytes each), size (2 bytes). */
#include "fuzz.h"
#include "icon_art.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_in in = {data, size};
    struct icon_look look;
    int icon = fin_u8(&in) % (ICON_COUNT + 2), px;
    uint32_t *a, *b;
    size_t n;

    look.theme = (enum icon_theme)(fin_u8(&in) % 5);
    look.fg = fin_u32(&in);
    look.bg = fin_u32(&in);
    px = (int)(((unsigned)fin_u8(&in) << 8 | fin_u8(&in)) % 300);
    n = px > 0 ? (size_t)px * px : 1;
    a = malloc(n * sizeof(*a));
    b = malloc(n * sizeof(*b));
    for (size_t i = 0; i < n; i++) a[i] = b[i] = 0x12345678;
    if (!icon_art_render((enum state_icon)icon, &look, px, a)) {
        FUZZ_CHECK(icon >= ICON_COUNT || (unsigned)look.theme > ICON_THEME_CONTRAST || px < ICON_ART_MIN ||
                   px > ICON_ART_MAX);
        for (size_t i = 0; i < n; i++) FUZZ_CHECK(a[i] == 0x12345678);
    } else {
        FUZZ_CHECK(icon_art_render((enum state_icon)icon, &look, px, b));
        FUZZ_CHECK(memcmp(a, b, n * sizeof(*a)) == 0);
        for (size_t i = 0; i < n; i++) {
            uint32_t al = a[i] >> 24;
            FUZZ_CHECK((a[i] >> 16 & 0xFF) <= al && (a[i] >> 8 & 0xFF) <= al && (a[i] & 0xFF) <= al);
        }
    }
    free(a);
    free(b);
    return 0;
}
