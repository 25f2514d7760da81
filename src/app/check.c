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

void check_read(struct check_reading *c)
{
    scm_snapshot(&c->snap);
    wureg_read(&c->snap.sig);
    regsettings_read(&c->set);
    check_limits(&c->set, &c->snap.lim);
}
