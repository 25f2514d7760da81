#include "check.h"
#include "regsettings.h"
#include "scm.h"
#include "wureg.h"

void check_limits(const struct settings *set, struct health_limits *lim)
{
    lim->stalled_search_days = set->stalled_search_days;
    lim->stalled_install_days = set->stalled_install_days;
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

void check_read(struct check_reading *c)
{
    scm_snapshot(&c->snap);
    wureg_read(&c->snap.sig);
    c->n_refused = 0;
    regsettings_read_ex(&c->set, on_refused, c);
    check_limits(&c->set, &c->snap.lim);
}
