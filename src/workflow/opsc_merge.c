/* certify opsc --merge: the parts of a sharded opsc run (rc_opsc_run with
   sn > 1), checked to be one run and assembled into the certificate the
   one-process run writes, byte for byte. */
#include <stdlib.h>
#include <string.h>
#include "relucert/relucert.h"
#include "relucert/workflow.h"

/* how many of the items 0..total-1 shard i (0-based) of n takes: those
   with r mod n = i */
static slong
shard_size(slong total, slong i, slong n)
{
    return i < total ? (total - i + n - 1) / n : 0;
}

int
rc_opsc_merge(json_t ** cert, rc_opsc_params_t p, const char * const * files, slong nfiles,
              rc_error_t err)
{
    json_t ** part = flint_calloc(FLINT_MAX(nfiles, 1), sizeof(json_t *)), * dirs = NULL;
    char * refs = NULL, * seen = NULL;
    slong n = 0, i, j, nmiss = 0;
    rc_error_t why;
    int res = 2;

    *cert = NULL;
    if (nfiles < 1)
    {
        rc_error_set(err, "certify opsc --merge: expected the parts (files written with "
                     "--shard I/N)");
        goto out;
    }
    for (i = 0; i < nfiles; i++)
    {
        json_error_t je;
        const json_t * sh, * d;
        json_t * bare;
        char * bs;
        slong si, sn, cnt;

        part[i] = json_load_file(files[i], JSON_REJECT_DUPLICATES, &je);
        if (part[i] == NULL)
        {
            rc_error_set(err, "%s:%d: %s", files[i], je.line, je.text);
            goto out;
        }
        sh = json_object_get(part[i], "shard");
        d = json_object_get(part[i], "directions");
        if (!json_is_string(json_object_get(part[i], "kind"))
            || strcmp(json_string_value(json_object_get(part[i], "kind")), "opsc-part") != 0
            || !json_is_integer(json_object_get(sh, "index"))
            || !json_is_integer(json_object_get(sh, "count")) || !json_is_array(d))
        {
            rc_error_set(err, "%s: expected a part written by 'certify opsc --shard I/N' (kind "
                         "\"opsc-part\" with \"shard\" and \"directions\")", files[i]);
            goto out;
        }
        si = json_integer_value(json_object_get(sh, "index"));
        sn = json_integer_value(json_object_get(sh, "count"));
        /* every part: the same run (all members but shard and directions) */
        bare = json_deep_copy(part[i]);
        json_object_del(bare, "shard");
        json_object_del(bare, "directions");
        bs = json_dumps(bare, JSON_COMPACT | JSON_SORT_KEYS);
        json_decref(bare);
        if (i == 0)
        {
            refs = bs;
            if (rc_opsc_params_from_json(p, part[0], why))
            {
                rc_error_set(err, "%s: %s", files[i], why->msg);
                goto out;
            }
            n = sn;
            if (n < 1 || n > 1000000)
            {
                rc_error_set(err, "%s: shard.count: expected 1..10^6", files[i]);
                goto out;
            }
            seen = flint_calloc(n, 1);
            dirs = json_array();
            for (j = 0; j < p->samples; j++)
                json_array_append_new(dirs, json_null());
        }
        else
        {
            int same = strcmp(bs, refs) == 0;
            free(bs);
            if (!same || sn != n)
            {
                rc_error_set(err, "%s: expected a part of the same run as %s (the same "
                             "parameters and shard count)", files[i], files[0]);
                goto out;
            }
        }
        if (si < 1 || si > n || seen[si - 1])
        {
            rc_error_set(err, "%s: shard %ld/%ld: %s", files[i], (long) si, (long) n,
                         si < 1 || si > n ? "expected 1 <= I <= N" : "given twice");
            goto out;
        }
        seen[si - 1] = 1;
        cnt = shard_size(p->samples, si - 1, n);
        if ((slong) json_array_size(d) != cnt)
        {
            rc_error_set(err, "%s: shard %ld/%ld: expected %ld directions, found %ld", files[i],
                         (long) si, (long) n, (long) cnt, (long) json_array_size(d));
            goto out;
        }
        for (j = 0; j < cnt; j++)
        {
            json_t * e = json_array_get(d, j);
            slong idx = si - 1 + j * n;
            if (!json_is_object(e) || json_integer_value(json_object_get(e, "index")) != idx)
            {
                rc_error_set(err, "%s: directions[%ld]: expected the entry of direction %ld",
                             files[i], (long) j, (long) idx);
                goto out;
            }
            json_array_set(dirs, idx, e);
        }
    }
    {
        /* the missing shards, listed (truncated to the error's length) */
        char list[RC_ERROR_LEN] = "";
        size_t len = 0;
        for (j = 0; j < n; j++)
            if (!seen[j])
            {
                if (len < sizeof list - 32)
                    len += snprintf(list + len, sizeof list - len, "%s%ld", nmiss ? ", " : "",
                                    (long) j + 1);
                nmiss++;
            }
        if (nmiss)
        {
            rc_error_set(err, "certify opsc --merge: missing shards (of --shard I/N): %s of %ld; "
                         "run them and merge again", list, (long) n);
            res = 1;
            goto out;
        }
    }
    *cert = rc_opsc_assemble(p, dirs);
    dirs = NULL;
    res = 0;
out:
    for (i = 0; i < nfiles; i++)
        json_decref(part[i]);
    flint_free(part);
    json_decref(dirs);
    free(refs);
    flint_free(seen);
    return res;
}
