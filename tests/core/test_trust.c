/* Whether wutray may ask for administrator rights from its folder: the
 * descriptors of Program Files as Windows ships it, of a folder of the
 * user's own, and the cases in between. */
#include "test.h"
#include "trust.h"

#include <stdio.h>

#define READ_EXECUTE 0x001200A9u
#define MODIFY 0x001301BFu
#define FULL 0x001F01FFu

static bool judge(enum trustee owner, const struct trust_ace *aces, size_t n)
{
    struct trust_object o = {true, true, owner, n, aces};
    return trust_admin_only(&o);
}

int main(void)
{
    /* %ProgramFiles%\wutray as the MSI leaves it (inherited from Program Files). */
    static const struct trust_ace program_files[] = {
        {true, false, TRUSTEE_TRUSTED_INSTALLER, FULL},
        {true, false, TRUSTEE_SYSTEM, MODIFY},
        {true, true, TRUSTEE_SYSTEM, 0x10000000u},
        {true, false, TRUSTEE_ADMINISTRATORS, MODIFY},
        {true, true, TRUSTEE_ADMINISTRATORS, 0x10000000u},
        {true, false, TRUSTEE_OTHER, READ_EXECUTE}, /* Users */
        {true, true, TRUSTEE_OTHER, 0xA0000000u},   /* Users: GENERIC_READ|EXECUTE, inherit only */
        {true, true, TRUSTEE_CREATOR_OWNER, 0x10000000u},
    };
    /* A folder in the user's profile or C:\Tools (Authenticated Users: Modify). */
    static const struct trust_ace tools[] = {
        {true, false, TRUSTEE_ADMINISTRATORS, FULL},
        {true, false, TRUSTEE_SYSTEM, FULL},
        {true, false, TRUSTEE_OTHER, MODIFY},
    };
    static const struct trust_ace one_write_right[] = {
        {true, false, TRUSTEE_ADMINISTRATORS, FULL},
        {true, false, TRUSTEE_OTHER, READ_EXECUTE | 0x00000004u}, /* may add subfolders */
    };
    static const struct trust_ace write_dac[] = {
        {true, false, TRUSTEE_ADMINISTRATORS, FULL},
        {true, false, TRUSTEE_OTHER, READ_EXECUTE | 0x00040000u},
    };
    static const struct trust_ace denied_write[] = {
        {true, false, TRUSTEE_ADMINISTRATORS, FULL},
        {false, false, TRUSTEE_OTHER, MODIFY}, /* a deny ACE grants nothing */
        {true, false, TRUSTEE_OTHER, READ_EXECUTE},
    };
    static const struct trust_ace inherited_users_write[] = {
        {true, false, TRUSTEE_ADMINISTRATORS, FULL},
        {true, true, TRUSTEE_OTHER, MODIFY}, /* for what is created inside only */
        {true, false, TRUSTEE_OTHER, READ_EXECUTE},
    };
    static const struct trust_ace creator_owner_here[] = {
        {true, false, TRUSTEE_ADMINISTRATORS, FULL},
        {true, false, TRUSTEE_CREATOR_OWNER, FULL},
    };
    struct trust_object unread = {false, true, TRUSTEE_ADMINISTRATORS, 0, NULL};
    struct trust_object null_dacl = {true, false, TRUSTEE_ADMINISTRATORS, 0, NULL};

    CHECK(judge(TRUSTEE_TRUSTED_INSTALLER, program_files, 8));
    CHECK(judge(TRUSTEE_ADMINISTRATORS, program_files, 8));
    CHECK(!judge(TRUSTEE_ADMINISTRATORS, tools, 3));
    CHECK(!judge(TRUSTEE_OTHER, program_files, 8)); /* owned by the user: they may rewrite the DACL */
    CHECK(!judge(TRUSTEE_ADMINISTRATORS, one_write_right, 2));
    CHECK(!judge(TRUSTEE_ADMINISTRATORS, write_dac, 2));
    CHECK(judge(TRUSTEE_ADMINISTRATORS, denied_write, 3));
    CHECK(judge(TRUSTEE_ADMINISTRATORS, inherited_users_write, 3));
    CHECK(!judge(TRUSTEE_ADMINISTRATORS, creator_owner_here, 2));
    CHECK(judge(TRUSTEE_SYSTEM, NULL, 0)); /* an empty DACL: nobody but the owner */
    CHECK(!trust_admin_only(&unread));
    CHECK(!trust_admin_only(&null_dacl));
    return test_summary("test_trust");
}
