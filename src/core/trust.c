#include "trust.h"

static bool privileged(enum trustee t)
{
    return t == TRUSTEE_ADMINISTRATORS || t == TRUSTEE_SYSTEM || t == TRUSTEE_TRUSTED_INSTALLER;
}

bool trust_admin_only(const struct trust_object *o)
{
    if (!o->read || !o->has_dacl || !privileged(o->owner)) return false;
    for (size_t i = 0; i < o->n_aces; i++) {
        const struct trust_ace *a = &o->aces[i];
        /* CREATOR OWNER on the object itself would be odd; inherited only,
         * it speaks of what someone creates inside, which needs a write
         * right of its own first. */
        if (!a->allow || a->inherit_only || (a->mask & TRUST_WRITE_MASK) == 0) continue;
        if (!privileged(a->who)) return false;
    }
    return true;
}
