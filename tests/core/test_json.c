#include "json.h"
#include "timefmt.h"
#include "test.h"

int main(void)
{
    char buf[256];
    struct json j;

    json_init(&j, buf, sizeof(buf));
    json_object_begin(&j);
    json_key(&j, "level");
    json_string(&j, "ok");
    json_key(&j, "n");
    json_int(&j, -42);
    json_key(&j, "list");
    json_array_begin(&j);
    json_object_begin(&j);
    json_key(&j, "a");
    json_null(&j);
    json_key(&j, "b");
    json_bool(&j, true);
    json_object_end(&j);
    json_object_begin(&j);
    json_object_end(&j);
    json_wstring(&j, L"x");
    json_array_end(&j);
    json_key(&j, "esc");
    json_wstring(&j, L"q\"b\\n\n\x01");
    json_object_end(&j);
    CHECK(json_ok(&j));
    CHECK_EQ_STR("{\"level\":\"ok\",\"n\":-42,\"list\":[{\"a\":null,\"b\":true},{},\"x\"],"
                 "\"esc\":\"q\\\"b\\\\n\\n\\u0001\"}", buf);

    /* Non-ASCII becomes UTF-8; lone surrogates become U+FFFD. */
    json_init(&j, buf, sizeof(buf));
    json_wstring(&j, L"\u00e9\u20ac");
    CHECK_EQ_STR("\"\xc3\xa9\xe2\x82\xac\"", buf);
    {
        wchar_t lone[] = {0xD800, 'a', 0};
        json_init(&j, buf, sizeof(buf));
        json_wstring(&j, lone);
        CHECK_EQ_STR("\"\xef\xbf\xbd" "a\"", buf);
    }

    /* Bytes that are not UTF-8 (found by fuzzing: they passed unchanged
     * while json_ok() said yes) become U+FFFD; valid UTF-8 stays as it is. */
    {
        const struct {
            const char *in, *out;
        } utf8[] = {
            {"\xde", "\"\xef\xbf\xbd\""},                          /* a lead byte cut short */
            {"a\x80z", "\"a\xef\xbf\xbdz\""},                      /* a lone continuation byte */
            {"\xc0\xaf", "\"\xef\xbf\xbd\xef\xbf\xbd\""},           /* overlong '/' */
            {"\xed\xa0\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\""}, /* a surrogate */
            {"\xf4\x90\x80\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\""}, /* past U+10FFFF */
            {"\xe2\x82", "\"\xef\xbf\xbd\""},                     /* cut short: one U+FFFD */
            {"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\""},
        };
        for (size_t i = 0; i < sizeof(utf8) / sizeof(utf8[0]); i++) {
            json_init(&j, buf, sizeof(buf));
            json_string(&j, utf8[i].in);
            CHECK(json_ok(&j));
            CHECK_EQ_STR(utf8[i].out, buf);
        }
        json_init(&j, buf, sizeof(buf));
        json_object_begin(&j);
        json_key(&j, "k\xff");
        json_null(&j);
        json_object_end(&j);
        CHECK_EQ_STR("{\"k\xef\xbf\xbd\":null}", buf);
    }

    /* Overflow is reported, never written past the buffer. */
    {
        char small[8];
        json_init(&j, small, sizeof(small));
        json_object_begin(&j);
        json_key(&j, "longer-than-eight");
        json_object_end(&j);
        CHECK(!json_ok(&j));
        CHECK(strlen(small) < sizeof(small));
    }
    /* Unbalanced output is not ok. */
    json_init(&j, buf, sizeof(buf));
    json_array_begin(&j);
    CHECK(!json_ok(&j));

    /* ISO 8601 UTC */
    CHECK_EQ_INT(20, timefmt_iso8601(0, buf, sizeof(buf)));
    CHECK_EQ_STR("1970-01-01T00:00:00Z", buf);
    timefmt_iso8601(1700000000999ull, buf, sizeof(buf));
    CHECK_EQ_STR("2023-11-14T22:13:20Z", buf);
    timefmt_iso8601(951782400000ull, buf, sizeof(buf)); /* leap day 2000 */
    CHECK_EQ_STR("2000-02-29T00:00:00Z", buf);
    timefmt_iso8601(4102444799000ull, buf, sizeof(buf));
    CHECK_EQ_STR("2099-12-31T23:59:59Z", buf);
    CHECK_EQ_INT(0, timefmt_iso8601(0, buf, 20)); /* no room for the NUL */
    CHECK_EQ_STR("", buf);
    CHECK_EQ_INT(20, timefmt_iso8601(253402300799999ull, buf, sizeof(buf)));
    CHECK_EQ_STR("9999-12-31T23:59:59Z", buf);
    /* Past year 9999 (found by fuzzing: nothing was written, and callers
     * printed what the buffer held before): an empty buffer. */
    memset(buf, 'X', sizeof(buf));
    CHECK_EQ_INT(0, timefmt_iso8601(253402300800000ull, buf, sizeof(buf)));
    CHECK_EQ_STR("", buf);
    memset(buf, 'X', sizeof(buf));
    CHECK_EQ_INT(0, timefmt_iso8601(UINT64_MAX, buf, sizeof(buf)));
    CHECK_EQ_STR("", buf);
    return test_summary("test_json");
}
