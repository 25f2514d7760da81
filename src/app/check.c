#include "check.h"
#include "pcinfo.h"
#include "regsettings.h"
#include "scm.h"
#include "wua.h"
#include "wulog.h"
#include "wureg.h"

void check_limits(const struct settings *set, struct health_limits *lim)
{
    lim->stalled_search_days = set->stalled_search_days;
    lim->patch_age_days = set->patch_age_days;
    lim->low_disk_gb = set->low_disk_gb;
    lim->reboot_overdue_hours = set->reboot_overdue_hours;
}

static void on_refused(void *ctx, enum setting_source source, const struct setting_desc *d,
                       enum regsettings_problem why, DWORD type, DWORD value)
{
    struct check_reading *c = ctx;
    (void)type;
    if (c->n_refused >= CHECK_MAX_REFUSED) return;
    c->refused[c->n_refused].source = source;
    c->refused[c->n_refused].id = d->id;
    c->refused[c->n_refused].why = why;
    c->refused[c->n_refused].value = value;
    c->n_refused++;
}

void check_read(struct check_reading *c, SC_HANDLE scm)
{
    if (scm) scm_snapshot_on(scm, &c->snap);
    else scm_snapshot(&c->snap);
    wureg_read(&c->snap.sig);
    c->n_refused = 0;
    regsettings_read_ex(&c->set, on_refused, c);
    check_limits(&c->set, &c->snap.lim);
}

/* The history (up to 1000), the System log (1536), the Operational log
 * (512) and the waiting updates (200), with room to spare. */
#define CHECK_MAX_RECORDS 3400

void check_read_updates(struct wua_signals *agent, struct patch_summary *patches, struct pc_info *pc)
{
    struct update_list list;

    ZeroMemory(&list, sizeof(list));
    list.cap = CHECK_MAX_RECORDS;
    /* About 1.8 MB while reading, freed once summarised. */
    list.r = HeapAlloc(GetProcessHeap(), 0, CHECK_MAX_RECORDS * sizeof(*list.r));
    if (!list.r) list.cap = 0;
    wua_read(agent, &list);
    wulog_read(&list);
    updates_share_facts(&list);
    patches_summarize(&list, patches);
    if (list.r) HeapFree(GetProcessHeap(), 0, list.r);
    pcinfo_read(pc);
}
