#!/bin/sh
# relucert census (issue 23) at small k: complete, every certificate
# re-checks, the output does not depend on --jobs, a rerun keeps the
# certificates that pass the check and recomputes the others; a certificate with an
# exclusion leaf removed or altered, a point dropped or a point's box moved
# fails 'check' with one line naming the file; a census stopped too early
# lists its unresolved boxes and says it is not complete; bad usage and bad
# certificates get one line and a nonzero exit, never a crash. One-block
# certificates are byte-identical to main's (k = 5); two blocks under a node
# budget: not complete, unresolved boxes listed, re-checked, sharded, resumed.
set -u
. "${TOP_SRCDIR:?}/tests/cli_lib.sh"
PY=python3
if ! python3 -c 'import json' 2>/dev/null; then PY=/usr/bin/python3; fi

$RUN census --k 3 --k-max 4 -o "$tmp/c" --jobs 2 >"$tmp/c.txt" 2>"$tmp/c.err"
check "census k = 3..4: exit 0" test $? -eq 0
check "census: summary line" grep -q "^census one-block k = 3..4: 2 complete of 2, 2 certificates checked" "$tmp/c.txt"
check "census: no unresolved box" grep -q "unresolved boxes 0;" "$tmp/c.txt"
for k in 0003 0004; do
    check "census writes census-k$k.json" test -s "$tmp/c/census-k$k.json"
    check "census-k$k.json re-checks" $RUN check "$tmp/c/census-k$k.json"
done
check "census writes the summary" test -s "$tmp/c/census-summary.json"
$RUN census --k 3 -o "$tmp/c1" --jobs 1 >/dev/null 2>&1
check "census: the same certificate with --jobs 1" cmp "$tmp/c/census-k0003.json" "$tmp/c1/census-k0003.json"

# one block: byte for byte the certificate of main before two blocks
# (tests/data/census/census-k0005-main.json, written by main's relucert)
$RUN census --k 5 -o "$tmp/c5" --jobs 1 >/dev/null 2>&1
check "census k = 5: byte-identical to main's certificate" \
    cmp "$TOP_SRCDIR/tests/data/census/census-k0005-main.json" "$tmp/c5/census-k0005.json"

# two blocks (L16(f)) under a small node budget: not complete (exit 1),
# the unresolved boxes listed, the pattern recorded, every certificate
# re-checks; --shard splits the items (k, a) and a rerun keeps them
$RUN census --k 4 --k-max 5 --pattern two-block --max-nodes 300 -o "$tmp/t" --jobs 2 \
    >"$tmp/t.txt" 2>&1
check "census two-block k = 4..5: exit 1 (not complete)" test $? -eq 1
check "census two-block: summary line" \
    grep -q "^census two-block k = 4..5: 0 complete of 4, 4 certificates checked" "$tmp/t.txt"
for f in k0004-a0001 k0004-a0002 k0005-a0001 k0005-a0002; do
    check "census two-block writes census-$f.json" $RUN check "$tmp/t/census-$f.json"
done
check "census two-block: pattern, blocks, unresolved boxes, points" $PY -c "
import json, sys
c = json.load(open('$tmp/t/census-k0005-a0002.json'))
ok = (c['pattern'] == 'two-block' and c['symmetry']['blocks'] == [2, 3] and len(c['unresolved']) > 0
      and len(c['points']) > 0 and c['claims']['complete']['verdict'] == 'undecided'
      and all(p['status'] in ('minimum', 'saddle', 'critical') and 'loss' in p for p in c['points']))
s = json.load(open('$tmp/t/census-summary.json'))
ok = ok and s['pattern'] == 'two-block' and [(r['k'], r['a']) for r in s['rows']] == [(4, 1), (4, 2), (5, 1), (5, 2)]
# the unresolved share: the certificate's claim in each row, the largest in the summary
v = [float(r['unresolved_volume']) for r in s['rows']]
ok = ok and all(0 < x <= 1 for x in v) and abs(s['unresolved_volume_max'] - max(v)) < 1e-12
ok = ok and c['claims']['unresolved_volume'] == s['rows'][3]['unresolved_volume']
sys.exit(0 if ok else 1)"
check "census two-block: the summary says how much of the region is unresolved" \
    grep -q "^  the unresolved boxes cover up to .*% of an item's region's volume: no claim there" "$tmp/t.txt"
$RUN census --k 4 --k-max 5 --pattern two-block --max-nodes 300 -o "$tmp/t" --jobs 2 \
    >"$tmp/t2.txt" 2>&1
check "census two-block rerun: all four kept" grep -q "^  4 kept from an earlier run" "$tmp/t2.txt"
grep 'unresolved boxes cover' "$tmp/t2.txt" > "$tmp/t2.cover"
check "census two-block rerun: the same unresolved share" sh -c \
    "grep 'unresolved boxes cover' '$tmp/t.txt' | cmp -s - '$tmp/t2.cover'"
$RUN census --k 4 --k-max 5 --pattern two-block --max-nodes 300 -o "$tmp/s" --shard 2/2 \
    >"$tmp/s.txt" 2>&1
check "census two-block --shard 2/2: items 2 and 4" sh -c "test -s '$tmp/s/census-k0004-a0002.json' \
    && test -s '$tmp/s/census-k0005-a0002.json' && ! test -e '$tmp/s/census-k0004-a0001.json'"
check "census two-block --shard 2/2: the shard's certificate equals the unsharded one" \
    cmp "$tmp/t/census-k0005-a0002.json" "$tmp/s/census-k0005-a0002.json"
$RUN census --k 5 --blocks 2 --max-nodes 300 -o "$tmp/b" >"$tmp/b.txt" 2>&1
check "census --blocks 2: only (2, 3)" sh -c "test -s '$tmp/b/census-k0005-a0002.json' \
    && ! test -e '$tmp/b/census-k0005-a0001.json'"
$PY -c "
import json
c = json.load(open('$tmp/t/census-k0005-a0002.json'))
del c['points'][0]
json.dump(c, open('$tmp/t2drop.json', 'w'))"
$RUN check "$tmp/t2drop.json" >/dev/null 2>&1
check "census two-block: a point dropped fails the check" test $? -eq 1

# resume: a kept certificate is not rewritten, a broken one is recomputed
cp "$tmp/c/census-k0003.json" "$tmp/keep3.json"
$PY -c "
import json
c = json.load(open('$tmp/c/census-k0004.json'))
del c['points'][0]
json.dump(c, open('$tmp/c/census-k0004.json', 'w'))"
$RUN census --k 3 --k-max 4 -o "$tmp/c" --jobs 2 >"$tmp/r.txt" 2>&1
check "census rerun: exit 0" test $? -eq 0
check "census rerun: one kept" grep -q "^  1 kept from an earlier run" "$tmp/r.txt"
check "census rerun: the kept certificate unchanged" cmp "$tmp/keep3.json" "$tmp/c/census-k0003.json"
check "census rerun: the broken certificate recomputed" $RUN check "$tmp/c/census-k0004.json"
$RUN census --k 3 -o "$tmp/c" --no-resume >"$tmp/r.txt" 2>&1
check "census --no-resume: nothing kept" sh -c "! grep -q kept '$tmp/r.txt'"

# shards, then one run without: the same certificates as one process
for i in 1 2 3; do
    $RUN census --k 3 --k-max 6 -o "$tmp/s" --shard $i/3 --jobs 1 >"$tmp/s$i.txt" 2>&1
    check "census --shard $i/3: exit 0" test $? -eq 0
    check "census --shard $i/3: its summary" test -s "$tmp/s/census-summary-shard$i-of-3.json"
done
$RUN census --k 3 --k-max 6 -o "$tmp/s" >"$tmp/s.txt" 2>&1
check "census after the shards: exit 0, all kept" grep -q "^  4 kept from an earlier run" "$tmp/s.txt"
check "census after the shards: same certificate as one process" cmp "$tmp/c/census-k0003.json" "$tmp/s/census-k0003.json"

# the global minimum W = I, index 0, and a point with alpha < 0 at k = 3
check "k = 3: W = I is a point with index 0" $PY -c "
import json, sys
from fractions import Fraction as Q
c = json.load(open('$tmp/c/census-k0003.json'))
ok = [p for p in c['points'] if Q(p['box']['alpha'][0]) < 1 < Q(p['box']['alpha'][1])
      and Q(p['box']['beta'][0]) < 0 < Q(p['box']['beta'][1])]
sys.exit(0 if len(ok) == 1 and ok[0]['morse_index'] == 0 and ok[0]['status'] == 'minimum' else 1)"

# must not prove: tampered certificates
tamper() {  # tamper NAME PYTHON-STATEMENTS (on c, the certificate)
    name=$1
    $PY -c "
import json
c = json.load(open('$tmp/c/census-k0004.json'))
tree, pts = c['tree'], c['points']
def first(kind):
    return next(i for i, n in enumerate(tree) if n.get('leaf') == kind)
$2
json.dump(c, open('$tmp/t-$name.json', 'w'))"
    $RUN check "$tmp/t-$name.json" >"$tmp/t.out" 2>"$tmp/t.err"
    st=$?
    check "tampered ($name): check exits 1" test $st -eq 1
    check "tampered ($name): one line naming the file" sh -c \
        "test \$(cat '$tmp/t.out' '$tmp/t.err' | wc -l) -eq 1 && grep -q 't-$name.json' '$tmp/t.out' '$tmp/t.err'"
}
tamper leaf-removed "del tree[first('gradient')]"
tamper leaf-kind "tree[first('gradient')]['leaf'] = 'outside'"
tamper leaf-box "tree[first('gradient')]['box']['beta'][1] = '1/7'"
tamper small-leaf "tree[first('small')]['leaf'] = 'unresolved'; c['unresolved'].append(tree[first('unresolved')]['box'])"
tamper point-dropped "del pts[0]"
tamper point-moved "pts[1]['box']['alpha'] = ['1/2', '3/4']"
tamper exist-to-gradient "e = tree[first('exist')]; e.update({'leaf': 'gradient', 'coordinate': 'beta'}); del e['point']"
tamper cut-moved "next(n for n in tree if 'cut' in n)['at'] = '1/1024'"
tamper index "pts[0]['morse_index'] = 3"

# a census stopped too early: unresolved boxes listed, not complete, exit 1
$RUN census --k 3 --max-depth 4 -o "$tmp/u" >"$tmp/u.txt" 2>&1
check "census --max-depth 4: exit 1" test $? -eq 1
check "census --max-depth 4: unresolved boxes counted" grep -q "unresolved boxes [1-9]" "$tmp/u.txt"
check "census --max-depth 4: the certificate re-checks (it claims no more)" \
    $RUN check "$tmp/u/census-k0003.json"
check "census --max-depth 4: complete is undecided" $PY -c "
import json, sys
c = json.load(open('$tmp/u/census-k0003.json'))
sys.exit(0 if c['claims']['complete']['verdict'] == 'undecided' and c['unresolved'] else 1)"

# bad usage, bad certificates: one line, nonzero, no crash
for args in "" "--k 1" "--k 5 --k-max 4" "--k 2 --pattern two-block" "--k 3 --pattern three-block" \
            "--k 4 --blocks 4" "--k 3 --bogus 1" "--k"; do
    # shellcheck disable=SC2086
    $RUN census $args -o "$tmp/bad" >"$tmp/b.out" 2>"$tmp/b.err"
    st=$?
    check "census $args: exit 2" test $st -eq 2
    check "census $args: one line" test "$(wc -l <"$tmp/b.err")" -eq 1
done
for mut in "c['tree'] = 5" "c['region'] = {'alpha': ['1']}" "c['tree'][0] = {'cut': 'gamma', 'at': '0'}" \
           "c['k'] = 1" "c['pattern'] = 'two-block'" "c['tree'].append({'leaf': 'small', 'box': c['region']})" \
           "c['points'][0]['enclosure'] = 7" "c['tree'][0]['at'] = 'x'"; do
    $PY -c "
import json
c = json.load(open('$tmp/c/census-k0003.json'))
$mut
json.dump(c, open('$tmp/m.json', 'w'))"
    $RUN check "$tmp/m.json" >"$tmp/m.out" 2>"$tmp/m.err"
    st=$?
    check "bad certificate ($mut): exit 1" test $st -eq 1
    check "bad certificate ($mut): one line" test "$(cat "$tmp/m.out" "$tmp/m.err" | wc -l)" -eq 1
done
finish cli_census
