#!/bin/sh
# relucert atlas (issue 14) on a small range: every point certified and its
# certificate re-checks; the output does not depend on --jobs, on resuming
# or on --shard; the atlas agrees with the dense path where they overlap (a
# minimum proved densely, a saddle not); completeness is checked against the
# data and fails when a record is moved; bad usage and bad data get one line.
set -u
. "${TOP_SRCDIR:?}/tests/cli_lib.sh"
DS="$TOP_SRCDIR/data/safran2021-minima.jsonl"
PY=python3
if ! python3 -c 'import json' 2>/dev/null; then PY=/usr/bin/python3; fi
R="--k-max 12 --k-max-three 20"

$RUN atlas $R --out-dir "$tmp/a" --jobs 2 >"$tmp/a.txt" 2>"$tmp/a.err"
check "atlas k <= 12 / 20: exit 0" test $? -eq 0
check "atlas: summary line" grep -q "^atlas: [0-9]* families (two blocks k = 6..12, three blocks k = 6..20), [0-9]* points in" "$tmp/a.txt"
check "atlas: every point's existence proved" grep -q ", existence not proved 0$" "$tmp/a.txt"
n=$(wc -l <"$tmp/a/atlas.jsonl")
npub=$($PY -c "
import json
n = 0
for l in open('$DS'):
    r = json.loads(l)
    if r['kind'] == 'spurious' and r['k'] <= (12 if len(r['p']) == 2 else 20): n += 1
print(n)")
check "completeness: all $npub published minima in the range found" \
    grep -q "completeness: $npub of $npub published non-global minima found and certified" "$tmp/a.txt"
for f in atlas.jsonl atlas-summary.json atlas-figure.tex; do
    check "atlas writes $f" test -s "$tmp/a/$f"
done
ncert=$(find "$tmp/a/certs" -name '*.json' | wc -l)
check "one certificate per point ($n)" test "$ncert" -eq "$n"
find "$tmp/a/certs" -name '*.json' | sort >"$tmp/list"
# shellcheck disable=SC2046
$RUN check --jobs 2 $(cat "$tmp/list") >"$tmp/chk.txt" 2>&1
check "every certificate re-checks (relucert check)" test $? -eq 0

# the certified fields agree with the certificates and with each other
$PY - "$tmp/a" >"$tmp/py.txt" 2>&1 <<'EOF'
import json, sys
from fractions import Fraction as Q
d = sys.argv[1]
bad = 0
n = 0
for line in open(d + '/atlas.jsonl'):
    o = json.loads(line)
    n += 1
    c = json.load(open(d + '/' + o['certificate']))
    lo, hi = Q(o['lambda_min']['lo']), Q(o['lambda_min']['hi'])
    ok = lo <= hi and sum(o['p']) == o['k'] and o['critical'] == 'proved'
    if o['status'] == 'minimum':
        ok = ok and o['morse_index'] == 0 and lo > 0 and o['success'] and o['kind'] == 'spurious'
    elif o['status'] == 'saddle':
        # a negative eigenvalue proved; the index certified (> 0) or undecided
        ok = ok and (o['morse_index'] is None or o['morse_index'] > 0) and hi < 0 \
             and o['positive_definite'] == 'refuted' and not o['success'] and o['kind'] == 'saddle'
    elif o['status'] == 'critical':
        # the critical point proved, nothing known of its inertia (a singular
        # Hessian: identical neurons in a block): never a success, never an index
        ok = ok and o['morse_index'] is None and not o['success'] and o['kind'] == 'critical' \
             and o['positive_definite'] == 'undecided'
    else:
        ok = False
    ok = ok and c['kind'] == 'minimum' and c['success'] == o['success']
    # the certificate's input is the line's point, proved within 1e-10 of the box
    dc = c.get('claims', {}).get('distance_to_candidate', {})
    ok = ok and 'candidate' in c and dc.get('verdict') == 'proved' and Q(dc['frobenius']) < Q('1e-10')
    if not ok:
        bad += 1
        print('inconsistent:', line[:200])
print(n, 'lines', bad, 'inconsistent')
sys.exit(1 if bad else 0)
EOF
check "atlas lines: status, index, lambda_min sign and success agree" test $? -eq 0

# --jobs 1 gives the same bytes
$RUN atlas $R --out-dir "$tmp/b" --jobs 1 >/dev/null 2>&1
check "--jobs 1: same atlas.jsonl" cmp "$tmp/a/atlas.jsonl" "$tmp/b/atlas.jsonl"
check "--jobs 1: same certificates" diff -r "$tmp/a/certs" "$tmp/b/certs"

# resuming: every family kept; a removed family recomputed, same bytes
$RUN atlas $R --out-dir "$tmp/a" --jobs 2 >/dev/null 2>&1
check "rerun: same atlas.jsonl" cmp "$tmp/a/atlas.jsonl" "$tmp/b/atlas.jsonl"
rm "$tmp/a/families/two-a0003.jsonl"
echo '{"truncated": true' >"$tmp/a/families/two-a0004.jsonl"
$RUN atlas $R --out-dir "$tmp/a" --jobs 2 >/dev/null 2>&1
check "resume after a lost and a torn family file: same atlas.jsonl" \
    cmp "$tmp/a/atlas.jsonl" "$tmp/b/atlas.jsonl"
# a kept family part whose certificate fails the checker: the family is
# recomputed, said on stderr, and the atlas is the same again
cert=$(grep -o '"certificate":"[^"]*"' "$tmp/a/families/two-a0002.jsonl" | head -1 | cut -d'"' -f4)
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); d['claims']['positive_definite']['verdict']='undecided'; json.dump(d,open(sys.argv[1],'w'))" "$tmp/a/$cert"
$RUN atlas $R --out-dir "$tmp/a" --jobs 2 >/dev/null 2>"$tmp/err"
check "resume with a tampered certificate: said" grep -q "two-a0002.jsonl: a kept line (k = [0-9]*) failed the check: claims.positive_definite" "$tmp/err"
check "resume with a tampered certificate: recomputed, it checks" $RUN check "$tmp/a/$cert"
check "resume with a tampered certificate: same atlas.jsonl" cmp "$tmp/a/atlas.jsonl" "$tmp/b/atlas.jsonl"
# kept lines that say more than their certificates: a saddle relabelled a
# minimum, and a line whose certificate name is gone; both families recomputed
python3 -c "
import json,sys
for f,e in ((sys.argv[1],'status'),(sys.argv[2],'drop')):
    L=open(f).read().split('\n'); done=False
    for i,l in enumerate(L):
        if not done and l.startswith('{\"k\"'):
            o=json.loads(l)
            if e=='status' and o['status']!='saddle': continue
            if e=='status': o.update(status='minimum', morse_index=0, positive_definite='proved')
            else: del o['certificate']
            L[i]=json.dumps(o); done=True
    open(f,'w').write('\n'.join(L))" "$tmp/a/families/two-a0002.jsonl" "$tmp/a/families/two-a0003.jsonl"
$RUN atlas $R --out-dir "$tmp/a" --jobs 2 >/dev/null 2>"$tmp/err"
check "resume with a relabelled line: said" grep -q "two-a0002.jsonl: a kept line (k = [0-9]*) failed the check: the line says minimum" "$tmp/err"
check "resume with a line without certificate: said" grep -q "two-a0003.jsonl: a kept line (k = [0-9]*) failed the check: a point line names no certificate" "$tmp/err"
check "resume with relabelled lines: same atlas.jsonl" cmp "$tmp/a/atlas.jsonl" "$tmp/b/atlas.jsonl"
# another precision is another run: nothing is reused
$RUN atlas --k-max 8 --k-max-three 8 --out-dir "$tmp/c" --jobs 2 >/dev/null 2>&1
$RUN atlas --k-max 8 --k-max-three 8 --out-dir "$tmp/c" --jobs 2 --prec 160 >/dev/null 2>&1
check "--prec 160 after 128: certificates made at 160" \
    grep -q '"prec": 160' "$tmp/c/certs/k0008/two-a0001-t0.json"

# shards into one directory, then the assembly
for i in 1 2 3; do
    $RUN atlas $R --out-dir "$tmp/s" --shard "$i/3" --jobs 1 >"$tmp/s$i.txt" 2>&1
    check "shard $i/3: exit 0" test $? -eq 0
done
$RUN atlas $R --out-dir "$tmp/s" --jobs 2 >"$tmp/s.txt" 2>&1
check "3 shards assembled: same atlas.jsonl" cmp "$tmp/a/atlas.jsonl" "$tmp/s/atlas.jsonl"
$RUN atlas $R --out-dir "$tmp/s2" --shard 1/3 --jobs 1 >/dev/null 2>&1
# (an assembly without --shard computes the families the shards left)
$RUN atlas $R --out-dir "$tmp/s2" --jobs 2 >"$tmp/s2.txt" 2>&1
check "assembly computes what the shards left" grep -q "completeness: $npub of $npub" "$tmp/s2.txt"

# the dense path agrees: an atlas minimum is proved densely, a saddle is not
kmin=$($PY -c "
import json
for l in open('$tmp/a/atlas.jsonl'):
    o = json.loads(l)
    if o['status'] == 'minimum' and o['k'] == 7: print(o['k'], o['index']); break")
ksad=$($PY -c "
import json
for l in open('$tmp/a/atlas.jsonl'):
    o = json.loads(l)
    if o['status'] == 'saddle' and o['k'] == 7: print(o['k'], o['index'], o['morse_index']); break")
set -- $kmin
$RUN certify minimum --dataset "$tmp/a/atlas.jsonl" --k "$1" --index "$2" --path dense \
    --out "$tmp/dmin.json" >"$tmp/dmin.txt" 2>&1
check "an atlas minimum (k = 7) is proved on the dense path" test $? -eq 0
set -- $ksad
$RUN certify minimum --dataset "$tmp/a/atlas.jsonl" --k "$1" --index "$2" --path dense \
    --out "$tmp/dsad.json" >"$tmp/dsad.txt" 2>&1
check "an atlas saddle (k = 7) is not proved a minimum densely: exit 1" test $? -eq 1
check "... its Hessian is refuted positive definite" \
    grep -q '"positive_definite"' "$tmp/dsad.json"
$PY -c "
import json, sys
c = json.load(open('$tmp/dsad.json'))
sys.exit(0 if c['claims']['positive_definite']['verdict'] == 'refuted' else 1)"
check "... refuted, not merely undecided" test $? -eq 0

# must not prove: a tampered atlas certificate fails the checker
f=$(sed -n 1p "$tmp/list")
sed 's/"verdict": "proved"/"verdict": "refuted"/' "$f" >"$tmp/t1.json"
$RUN check "$tmp/t1.json" >/dev/null 2>&1
check "a certificate with a verdict changed fails the check" test $? -eq 1

# completeness must fail when a published record is not a critical point
# of the atlas (one value moved by 1e-6): reported, exit 1
$PY -c "
import json
out = open('$tmp/moved.jsonl', 'w')
done = False
for l in open('$DS'):
    r = json.loads(l)
    if r['k'] > 20: continue
    if not done and r['kind'] == 'spurious' and len(r['p']) == 2 and r['k'] <= 12:
        v = float(r['vals'][0][0]) + 1e-6
        r['vals'][0][0] = repr(v); done = True; print(r['k'], r['index'])
    out.write(json.dumps(r) + '\n')" >"$tmp/moved.txt"
$RUN atlas $R --dataset "$tmp/moved.jsonl" --out-dir "$tmp/m" --jobs 2 >"$tmp/m.txt" 2>&1
check "a moved record: exit 1" test $? -eq 1
check "a moved record: completeness says one is missing" \
    grep -q "completeness: $((npub - 1)) of $npub" "$tmp/m.txt"
set -- $(cat "$tmp/moved.txt")
$PY -c "
import json, sys
s = json.load(open('$tmp/m/atlas-summary.json'))
sys.exit(0 if s['completeness']['not_found'] == [{'k': $1, 'index': $2}] else 1)"
check "a moved record: the summary names it" test $? -eq 0

# no starting point at all (an empty dataset): nothing is mapped, and the
# run says so and exits 1 rather than passing with an empty atlas
: >"$tmp/empty.jsonl"
$RUN atlas --k-max 8 --k-max-three 8 --dataset "$tmp/empty.jsonl" --out-dir "$tmp/e" >"$tmp/e.txt" 2>&1
check "an empty dataset: exit 1" test $? -eq 1
check "an empty dataset: the families without a start are counted" \
    grep -q "13 families had no starting point" "$tmp/e.txt"

# the figure, in relucert latex and standalone
$RUN latex --atlas "$tmp/a/atlas.jsonl" --standalone >"$tmp/app.tex" 2>"$tmp/app.err"
check "latex --atlas: exit 0" test $? -eq 0
check "latex --atlas: the section" grep -q "The atlas of block-structured critical points" "$tmp/app.tex"
check "latex --atlas: the figure" grep -q "label{fig:atlas}" "$tmp/app.tex"
if command -v pdflatex >/dev/null 2>&1 && kpsewhich pgfplots.sty >/dev/null 2>&1; then
    (cd "$tmp/a" && pdflatex -interaction=batchmode atlas-figure.tex >/dev/null 2>&1)
    check "atlas-figure.tex compiles (pdflatex)" test -s "$tmp/a/atlas-figure.pdf"
    (cd "$tmp" && pdflatex -interaction=batchmode app.tex >/dev/null 2>&1)
    check "the appendix with the atlas compiles (pdflatex)" test -s "$tmp/app.pdf"
fi

# bad usage and bad data: one line, exit 2
for args in "--a 0" "--a 5..2" "--families four" "--k-max x" "--prec 10" "--alpha 1" "--shard 4/3" "extra"; do
    # shellcheck disable=SC2086
    $RUN atlas $args --out-dir "$tmp/u" >/dev/null 2>"$tmp/u.err"
    check "atlas $args: exit 2" test $? -eq 2
    check "atlas $args: one line" test "$(wc -l <"$tmp/u.err")" -eq 1
done
printf '{"k": 7, "index": 0, "kind": "spurious", "p": [2, 5], "vals": [["x", "1", "2"], ["1", "2", "3"]]}\n' >"$tmp/bad.jsonl"
$RUN atlas --k-max 8 --dataset "$tmp/bad.jsonl" --out-dir "$tmp/u" >/dev/null 2>"$tmp/u.err"
check "a bad value in the dataset: exit 2" test $? -eq 2
check "... names the file and line" grep -q "bad.jsonl:1: expected \"vals\"\[0\]\[0\]" "$tmp/u.err"
$RUN latex --atlas "$tmp/bad.jsonl" >/dev/null 2>"$tmp/u.err"
check "latex --atlas on a dataset, not an atlas: exit 2" test $? -eq 2
check "... names the file and line" grep -q "bad.jsonl:1: expected an atlas line" "$tmp/u.err"

finish cli_atlas
