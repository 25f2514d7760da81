/* The servicing table and its rules (servicing.c): a look-up by any build
 * gives that build's row or none; any edition ID has a group; any PC and
 * any day give a bounded list of reasons with terminated subjects.
 *
 * Input: the PC (flags, a build: a row's or any, the UBR, the texts, the
 * ESU, disk and hold facts), then the day and the low-disk threshold. */
#include "fuzz.h"
#include "servicing.h"

static void read_pc(struct fuzz_in *in, struct pc_info *pc)
{
    static const char *const editions[] = {"Professional", "Core", "Enterprise", "EnterpriseS", "EnterpriseSN",
                                           "IoTEnterpriseS", "IoTEnterprise", "Education", "ServerRdsh"};
    static const char *const types[] = {"Client", "Server", "Server Core"};
    uint8_t flags = fin_u8(in), pick = fin_u8(in);

    memset(pc, 0, sizeof(*pc));
    pc->os.read = flags & 1;
    pc->os.build = flags & 2 ? servicing_row_at(pick % servicing_row_count())->build + (flags >> 6) : fin_u32(in);
    pc->os.ubr = fin_u32(in);
    fin_str(in, pc->os.display_version, sizeof(pc->os.display_version));
    if (flags & 4) snprintf(pc->os.edition, sizeof(pc->os.edition), "%s", editions[pick % 9]);
    else fin_str(in, pc->os.edition, sizeof(pc->os.edition));
    if (flags & 8) snprintf(pc->os.installation_type, sizeof(pc->os.installation_type), "%s", types[pick % 3]);
    else fin_str(in, pc->os.installation_type, sizeof(pc->os.installation_type));
    pc->esu.commercial_read = flags & 16;
    pc->esu.commercial_year = fin_u8(in) % 5;
    pc->esu.consumer_read = flags & 32;
    pc->esu.consumer_present = pick & 1;
    pc->esu.consumer_eligibility = fin_u8(in) % 16;
    pc->esu.consumer_eligibility_result = fin_u8(in) % 3;
    pc->disk.known = pick & 2;
    pc->disk.free_bytes = fin_u64(in);
    pc->hold.read = pick & 4;
    pc->hold.held = pick & 8;
    fin_str(in, pc->hold.target, sizeof(pc->hold.target));
    fin_str(in, pc->hold.block_id, sizeof(pc->hold.block_id));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_in in = {data, size};
    struct pc_info pc;
    struct servicing_context c;
    struct health_result out;
    const struct servicing_row *row;
    char *edition;

    for (size_t i = 1; i < servicing_row_count(); i++)
        FUZZ_CHECK(servicing_row_at(i - 1)->build < servicing_row_at(i)->build);
    FUZZ_CHECK(servicing_row_at(servicing_row_count()) == NULL);

    read_pc(&in, &pc);
    row = servicing_row_for(pc.os.build);
    FUZZ_CHECK(!row || row->build == pc.os.build);
    edition = fin_strdup(&in, 64);
    FUZZ_CHECK((unsigned)servicing_edition_group(edition) <= EDITION_IOT_LTSC);
    free(edition);

    memset(&c, 0, sizeof(c));
    c.now_ms = 1400000000000ull + (uint64_t)fin_u32(&in) * 1000; /* 2014 to 2150 */
    c.low_disk_gb = fin_u8(&in);
    memset(&out, 0, sizeof(out));
    servicing_evaluate(&pc, &c, &out);
    FUZZ_CHECK(out.n_reasons <= HEALTH_MAX_REASONS);
    for (unsigned i = 0; i < out.n_reasons; i++) {
        FUZZ_CHECK(memchr(out.reasons[i].subject, 0, sizeof(out.reasons[i].subject)) != NULL);
        FUZZ_CHECK(out.reasons[i].svc == SVC_COUNT);
    }
    if (!pc.os.read) FUZZ_CHECK(out.n_reasons <= 2); /* disk and hold only */
    return 0;
}
