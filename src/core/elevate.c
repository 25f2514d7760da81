#include "elevate.h"

#include <string.h>

#define TAG 0x20000000u
#define TAG_MASK 0xF0000000u
#define RESERVED_MASK 0x0FF00000u /* never set by elevated_encode */

static const struct {
    enum elevated_verb verb;
    const wchar_t *name;
    const wchar_t *args;
} verbs[] = {
    {ELEVATED_RESTART, L"restart-services", L"--elevated restart-services"},
    {ELEVATED_RESTART_BITS, L"restart-services-bits", L"--elevated restart-services-bits"},
    {ELEVATED_REENABLE, L"reenable-services", L"--elevated reenable-services"},
};

enum elevated_parse elevated_parse(int argc, const wchar_t *const *argv, enum elevated_verb *verb)
{
    *verb = ELEVATED_NONE;
    if (argc <= 1) return ELEVATED_NOT_ASKED;
    if (argc != 3 || !argv[1] || !argv[2] || wcscmp(argv[1], L"--elevated") != 0)
        return ELEVATED_REFUSED;
    for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++) {
        if (wcscmp(argv[2], verbs[i].name) == 0) {
            *verb = verbs[i].verb;
            return ELEVATED_OK;
        }
    }
    return ELEVATED_REFUSED;
}

const wchar_t *elevated_args(enum elevated_verb verb)
{
    for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
        if (verbs[i].verb == verb) return verbs[i].args;
    return L"";
}

/* Bits: tag | result << 16 | action << 12 | svc << 8 | state; bits 20-27
 * stay zero. A tagged code always carries a failure: success is 0 alone. */
uint32_t elevated_encode(const struct restart_outcome *o)
{
    if (o->result == RESTART_DONE) return 0;
    return TAG | ((uint32_t)o->result & 0xFu) << 16 | ((uint32_t)o->action & 0xFu) << 12 |
           ((uint32_t)o->svc & 0xFu) << 8 | ((uint32_t)o->state & 0xFFu);
}

void elevated_decode(uint32_t code, struct restart_outcome *o)
{
    memset(o, 0, sizeof(*o));
    if (code == 0) {
        o->result = RESTART_DONE;
        return;
    }
    /* Only what elevated_encode can write is ours; a tag with result 0
     * (0x20000000) or reserved bits set (0x29000000) is not a success. */
    if ((code & TAG_MASK) != TAG || (code & RESERVED_MASK) || ((code >> 16) & 0xFu) == RESTART_DONE ||
        (((code >> 16) & 0xFu) > RESTART_ERR_CANCELLED && ((code >> 16) & 0xFu) != RESTART_ERR_EXITED) ||
        ((code >> 12) & 0xFu) > RESTART_SET_MANUAL ||
        ((code >> 8) & 0xFu) >= RESTART_SVC_COUNT || (code & 0xFFu) > SVC_PAUSED) {
        o->result = RESTART_ERR_FAILED; /* not ours: a crash or a refusal */
        o->win32_error = code;
        return;
    }
    o->result = (enum restart_result)((code >> 16) & 0xFu);
    o->action = (enum restart_action)((code >> 12) & 0xFu);
    o->svc = (enum svc_id)((code >> 8) & 0xFu);
    o->state = (enum svc_state)(code & 0xFFu);
}

/* One pass with the current rights. */
static void run_plan(const struct elevated_env *env, void *ctx, enum elevated_verb verb,
                     struct restart_outcome *out)
{
    struct health_snapshot s;
    struct restart_plan plan;
    struct restart_options opt;

    memset(&opt, 0, sizeof(opt));
    env->snapshot(ctx, &s);
    if (verb == ELEVATED_RESTART_BITS) {
        opt.include_bits = true;
        opt.bits.presence = SVC_MISSING;
        if (env->read_bits) env->read_bits(ctx, &opt.bits);
    }
    if (verb == ELEVATED_REENABLE) restart_make_reenable_plan(&s, &plan);
    else restart_make_plan_ex(&s, &opt, &plan);
    restart_execute(&plan, env->ops, ctx, out);
    if (verb == ELEVATED_REENABLE) {
        /* Only the start types matter here, not what a restart would say. */
        if (out->result == RESTART_ERR_DISABLED || out->result == RESTART_ERR_MISSING) out->result = RESTART_DONE;
        if (plan.n_steps == 0) out->result = RESTART_ERR_NOTHING;
        if (out->result == RESTART_DONE && plan.n_steps) out->svc = plan.steps[0].svc;
        out->action = RESTART_SET_MANUAL;
    }
}

void elevated_run(const struct elevated_env *env, void *ctx, enum elevated_verb verb,
                  bool *used_elevation, struct restart_outcome *out)
{
    uint32_t code = 0;
    enum restart_result launched;

    *used_elevation = false;
    run_plan(env, ctx, verb, out);
    if (!restart_should_elevate(out) || !env->elevate) return;

    *used_elevation = true;
    launched = env->elevate(ctx, verb, &code);
    if (launched != RESTART_DONE) {
        enum restart_action action = out->action;
        memset(out, 0, sizeof(*out));
        out->result = launched;
        out->action = verb == ELEVATED_REENABLE ? RESTART_SET_MANUAL : action;
        out->win32_error = code;
        return;
    }
    elevated_decode(code, out);
    if (verb == ELEVATED_REENABLE) out->action = RESTART_SET_MANUAL;
}
