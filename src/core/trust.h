/* May wutray ask for administrator rights from where it runs? Only when
 * its program and the folder holding it can be changed by administrators
 * alone: otherwise anything running as the user could replace the program
 * (or plant a DLL beside it) and have the user approve it in the UAC
 * prompt. The adapter (src/win/runas.c) reads the security descriptors
 * into these terms. Pure. */
#ifndef WUTRAY_TRUST_H
#define WUTRAY_TRUST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum trustee {
    TRUSTEE_ADMINISTRATORS,  /* BUILTIN\Administrators (S-1-5-32-544) */
    TRUSTEE_SYSTEM,          /* S-1-5-18 */
    TRUSTEE_TRUSTED_INSTALLER,
    TRUSTEE_CREATOR_OWNER,   /* S-1-3-0: a placeholder, applies to what is created inside */
    TRUSTEE_OTHER            /* users, the user themselves, Everyone, ... */
};

struct trust_ace {
    bool allow;              /* an access-allowed ACE (deny ACEs never grant) */
    bool inherit_only;       /* INHERIT_ONLY_ACE: not about this object */
    enum trustee who;
    uint32_t mask;
};

struct trust_object {
    bool read;               /* the descriptor could be read */
    bool has_dacl;           /* a NULL DACL grants everyone everything */
    enum trustee owner;      /* an owner may always change the DACL */
    size_t n_aces;
    const struct trust_ace *aces;
};

/* Rights that let someone change the program or what loads with it. */
#define TRUST_WRITE_MASK (0x00000002u /* FILE_WRITE_DATA / ADD_FILE */ | 0x00000004u /* APPEND / ADD_SUBDIRECTORY */ \
                          | 0x00000040u /* FILE_DELETE_CHILD */ | 0x00010000u /* DELETE */                          \
                          | 0x00040000u /* WRITE_DAC */ | 0x00080000u /* WRITE_OWNER */                              \
                          | 0x40000000u /* GENERIC_WRITE */ | 0x10000000u /* GENERIC_ALL */)

/* True when only administrators, SYSTEM and TrustedInstaller can change it.
 * An unread descriptor is not trusted. */
bool trust_admin_only(const struct trust_object *o);

#endif
