/* What kind of update a record names: only OS security and quality updates
 * decide whether this PC gets its patches; Defender definitions, the
 * Malicious Software Removal Tool, Store apps, drivers and feature updates
 * go through the same pipe and are facts, never alarms. Pure.
 *
 * Titles are in the UI language (a Turkish PC's say "Toplu Güncelleştirmesi"),
 * so no rule matches English words alone: the service ID, the KB number,
 * the category (names in English or the language-neutral classification
 * GUIDs), then the title's shape ("2024-10 ... (KB5044273)", a Store
 * product ID, "Vendor - Class - 1.2.3"), which is the same in every language. */
#ifndef WUTRAY_UPDATE_KIND_H
#define WUTRAY_UPDATE_KIND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "updates.h"

enum update_kind {
    UPD_KIND_OS_SECURITY, /* cumulative, security-only, servicing stack, .NET cumulative */
    UPD_KIND_DEFENDER,    /* definitions or platform: KB2267602, KB4052623, KB915597 */
    UPD_KIND_MSRT,        /* Malicious Software Removal Tool: KB890830 */
    UPD_KIND_STORE_APP,
    UPD_KIND_DRIVER,
    UPD_KIND_FEATURE, /* a new Windows version */
    UPD_KIND_OTHER,
    UPD_KIND_COUNT
};

enum update_kind update_kind_of(const struct update_record *r);

/* The first KB number of the record (its kb field, else "KBnnnn" in the
 * title); 0 if none. */
uint32_t update_kb_number(const struct update_record *r);

/* The "YYYY-MM" of a monthly update's title (a word anywhere in it), as
 * YYYY*100+MM; YYYY*100 when the title starts with "YYYY-" but the month
 * stands elsewhere (some translations do that); 0 if neither. */
uint32_t update_month(const char *title);

/* A monthly update's series: its title without the leading "YYYY-MM " and
 * without "(KBnnnn)", so that November's and December's cumulative update
 * for the same Windows share it. false (out = "") for other titles. */
bool update_series(const char *title, char *out, size_t cap);

const char *update_kind_keyword(enum update_kind k); /* "os_security", ... */
int update_kind_msg(enum update_kind k);

#endif
