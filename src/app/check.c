#include "check.h"
#include "scm.h"
#include "wureg.h"

void check_read(struct health_snapshot *s)
{
    scm_snapshot(s);
    wureg_read(&s->sig);
}
