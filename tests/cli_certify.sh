#!/bin/sh
# 'relucert certify minimum' and 'relucert check' end to end: exit statuses,
# certificates that check, tampered and broken certificates that do not,
# the dataset batch and its resumption, bad input.
set -u
. "${TOP_SRCDIR:?}/tests/cli_lib.sh"
: "${TEST_DATA:?}"
EX="$TOP_SRCDIR/examples"
DATA="$TOP_SRCDIR/data/safran2021-minima.jsonl"
E="$TOP_SRCDIR/examples"

# a non-global minimum: every claim proved, the certificate checks
$RUN certify minimum "$EX/k7-spurious.txt" --out "$tmp/k7.json" >"$tmp/out"
check "k7: exit 0" test $? -eq 0
check "k7: strict minimum proved" grep -q '^strict minimum: proved' "$tmp/out"
check "k7: non-global proved" grep -q '^non-global: proved' "$tmp/out"
check "k7: saddle proved" grep -q '^saddle after adding a neuron: proved' "$tmp/out"
check "k7: format" grep -q '"format": "relucert-certificate/1"' "$tmp/k7.json"
$RUN check "$tmp/k7.json" >"$tmp/out"
check "k7: check exit 0" test $? -eq 0
check "k7: check ok" grep -q "k7.json: ok" "$tmp/out"

# same command, same bytes
$RUN certify minimum "$EX/k7-spurious.txt" --out "$tmp/k7b.json" >/dev/null
check "reproducible bytes" cmp "$tmp/k7.json" "$tmp/k7b.json"

# without --out the certificate goes to stdout
$RUN certify minimum "$EX/k7-spurious.txt" >"$tmp/k7c.json" 2>/dev/null
check "stdout certificate = file" cmp "$tmp/k7.json" "$tmp/k7c.json"

# the global minimum is certified as global, not as non-global
$RUN certify minimum "$EX/identity-k3.txt" --out "$tmp/id.json" >"$tmp/out"
check "identity: exit 0" test $? -eq 0
check "identity: global" grep -q '^non-global: refuted.*global minimum' "$tmp/out"
check "identity: checks" $RUN check "$tmp/id.json"

# tampered certificates: one FAILED line each, exit 1
tamper() {  # tamper NAME SED-EXPRESSION
    sed "$2" "$tmp/k7.json" >"$tmp/$1.json"
    $RUN check "$tmp/$1.json" >"$tmp/out"
    st=$?
    check "tampered $1: exit 1" test $st -eq 1
    check "tampered $1: FAILED line" grep -q "$1.json: FAILED: " "$tmp/out"
    check "tampered $1: one line" test "$(wc -l <"$tmp/out")" -eq 1
}
tamper radius-shrunk 's/"radius_log2": -96/"radius_log2": -240/'
tamper radius-grown 's/"radius_log2": -96/"radius_log2": -4/'
tamper centre-moved '0,/"-0.6327039049/s//"-0.6327039059/'
tamper lambda 's/"lambda_lower": "0.01405901313"/"lambda_lower": "0.015"/'
tamper version 's|relucert-certificate/1|relucert-certificate/9|'
tamper verdict '0,/"verdict": "proved"/s//"verdict": "undecided"/'
tamper witness '0,/"split_directions": \[/s//"split_directions": [["0","0","0","0","0","0","0"],/'
head -c 2000 "$tmp/k7.json" >"$tmp/broken.json"
$RUN check "$tmp/broken.json" >"$tmp/out"
check "broken JSON: exit 1" test $? -eq 1
check "broken JSON: names file and line" grep -q "broken.json: FAILED: .*broken.json:[0-9]*: expected a JSON certificate" "$tmp/out"
$RUN check "$tmp/k7.json" "$tmp/broken.json" >"$tmp/out"
check "one good one bad: exit 1" test $? -eq 1
check "one good one bad: two lines" test "$(wc -l <"$tmp/out")" -eq 2
$RUN check "$tmp/missing.json" 2>"$tmp/err"
check "missing file: exit 2" test $? -eq 2
check "missing file: one line" test "$(wc -l <"$tmp/err")" -eq 1

# the dataset batch, then resumed
$RUN certify minimum --dataset "$DATA" --k 8 --out-dir "$tmp/d" --jobs 2 >"$tmp/out" 2>/dev/null
check "batch k = 8: exit 0" test $? -eq 0
check "batch k = 8: summary" grep -q "2 of 2 records certified" "$tmp/out"
check "batch k = 8: files" test -f "$tmp/d/minimum-k008-0001.json"
$RUN certify minimum --dataset "$DATA" --k 8 --out-dir "$tmp/d" >"$tmp/out" 2>/dev/null
check "batch resumed: kept" test "$(grep -c ' kept$' "$tmp/out")" -eq 2
check "batch certificates check" $RUN check "$tmp/d/minimum-k008-0000.json" "$tmp/d/minimum-k008-0001.json"
# a kept file that fails the checker is recomputed, and the summary says so
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); d['witnesses']['lambda_lower']='0.5'; json.dump(d,open(sys.argv[1],'w'))" "$tmp/d/minimum-k008-0001.json"
check "tampered kept file fails the checker" sh -c "! $RUN check '$tmp/d/minimum-k008-0001.json'"
$RUN certify minimum --dataset "$DATA" --k 8 --out-dir "$tmp/d" >"$tmp/out" 2>"$tmp/err"
check "resume with a tampered kept file: exit 0" test $? -eq 0
check "resume: the tampered file recomputed" grep -q ' 1 .* redone$' "$tmp/out"
check "resume: the other kept and re-verified" grep -q ' 0 .* kept$' "$tmp/out"
check "resume: the summary says so" grep -q "^resume: 1 kept certificate re-verified by the checker; 1 kept file failed the check and was recomputed" "$tmp/out"
check "resume: the reason on stderr" grep -q "minimum-k008-0001.json: the kept certificate failed the check (claims.positive_definite" "$tmp/err"
check "resume: the recomputed file checks" $RUN check "$tmp/d/minimum-k008-0001.json"
# a dataset whose two records swapped places: each kept file passes the
# checker but is about the other point, so both are recomputed, and a merge
# refuses them
mkdir -p "$tmp/alt"
python3 -c "
import json,sys
L=[json.loads(l) for l in open(sys.argv[1]) if l.startswith('{\"k\": 8,')]
L[0]['index'],L[1]['index']=1,0
open(sys.argv[2],'w').write(json.dumps(L[1])+'\n'+json.dumps(L[0])+'\n')" "$DATA" "$tmp/alt/safran2021-minima.jsonl"
$RUN certify minimum --dataset "$tmp/alt/safran2021-minima.jsonl" --k 8 --out-dir "$tmp/d" --merge 1 >"$tmp/out" 2>"$tmp/err"
check "merge of another point's certificates: exit 1" test $? -eq 1
check "merge of another point's certificates: says so" grep -q "the certificate is about another point" "$tmp/err"
$RUN certify minimum --dataset "$tmp/alt/safran2021-minima.jsonl" --k 8 --out-dir "$tmp/d" >"$tmp/out" 2>"$tmp/err"
check "resume on swapped records: both recomputed" test "$(grep -c ' redone$' "$tmp/out")" -eq 2
check "resume on swapped records: says why" grep -q "the kept certificate failed the check (candidate: the certificate is about another point)" "$tmp/err"
# progress into a pipe or a file: --progress always says when each phase
# starts and ends; never says nothing; auto (the default) prints no bar there
$RUN certify minimum --dataset "$DATA" --k 9 --out-dir "$tmp/pg" --progress always >/dev/null 2>"$tmp/err"
check "--progress always, stderr a file: started line" grep -q "^certify: started (2 records)" "$tmp/err"
check "--progress always, stderr a file: done line" grep -q "^certify: 2/2 records, done" "$tmp/err"
$RUN certify minimum --dataset "$DATA" --k 9 --out-dir "$tmp/pg" --progress never >/dev/null 2>"$tmp/err"
check "--progress never: no progress line on stderr" sh -c "! grep -q '^certify:' '$tmp/err'"
$RUN certify minimum --dataset "$DATA" --k 9 --out-dir "$tmp/pg" --progress=sometimes >/dev/null 2>"$tmp/err"
check "--progress sometimes: exit 2" test $? -eq 2
check "--progress sometimes: one line" sh -c "test \$(wc -l <'$tmp/err') -eq 1 && grep -q 'expected auto, always or never' '$tmp/err'"
# the distance to the input (lemma L15): printed, proved, and --max-move
$RUN certify minimum "$E/k7-spurious.txt" --out "$tmp/mv.json" >"$tmp/out"
check "distance to the input printed" grep -q "^distance to the input: proved (every point of the box, the certified critical point among them, within [0-9.e-]* in the Frobenius norm" "$tmp/out"
check "the certificate records the input" grep -q '"candidate"' "$tmp/mv.json"
$RUN certify minimum "$E/k7-spurious.txt" --max-move 1e-3 --out "$tmp/mv.json" >/dev/null
check "--max-move 1e-3: exit 0 (Newton moved ~1e-10)" test $? -eq 0
$RUN certify minimum "$E/k7-spurious.txt" --max-move 1e-12 --out "$tmp/mv.json" >"$tmp/out"
check "--max-move 1e-12: exit 1" test $? -eq 1
check "--max-move 1e-12: said" grep -q "^max-move: the certified point may lie farther" "$tmp/out"
# a start far from the minimum: still proved (Newton converges), and the
# distance says how far the certified point is from the input
python3 -c "
import sys
L=open(sys.argv[1]).read().split('\n'); out=[]; seen=0
for l in L:
    t=l.split()
    if seen and len(t)==7 and all(c not in l for c in 'abcdfghijklmnopqrstuvwxyz'):
        t[0]=str(float(t[0])+0.05); l=' '.join(t)
    if l.startswith('student'): seen=1
    out.append(l)
open(sys.argv[2],'w').write('\n'.join(out))" "$E/k7-spurious.txt" "$tmp/far.txt"
$RUN certify minimum "$tmp/far.txt" --symmetrize 0.2 --out "$tmp/far.json" >"$tmp/out" 2>&1
check "a start moved by 0.05: distance at least 0.05 stated" python3 -c "
import json,sys; d=json.load(open(sys.argv[1])); c=d['claims']['distance_to_candidate']
sys.exit(not (c['verdict']=='proved' and float(c['max_entry'])>=0.05 and float(c['frobenius'])>=0.05))" "$tmp/far.json"
check "a distance claim below the truth fails the checker" sh -c "python3 -c \"import json,sys; d=json.load(open(sys.argv[1])); d['claims']['distance_to_candidate']['frobenius']='0.01'; json.dump(d,open(sys.argv[2],'w'))\" '$tmp/far.json' '$tmp/far2.json' && ! $RUN check '$tmp/far2.json'"
$RUN certify minimum --dataset "$DATA" --k 7 --index 1 --out "$tmp/r.json" >/dev/null
check "one record = the example file's claims" grep -q '"source": "safran2021-minima.jsonl:k=7:index=1"' "$tmp/r.json"

# the landscape around global minima
$RUN certify convexity --k 3 --out "$tmp/cv.json" >"$tmp/out"
check "convexity k=3: exit 0" test $? -eq 0
check "convexity k=3: radius" grep -q '^strongly convex: proved, lambda_min >= 0.045422528454052333 on the Euclidean ball |W - V| <= ' "$tmp/out"
check "convexity checks" $RUN check "$tmp/cv.json"
check "convexity: a subdivision" grep -q '"cover": "s' "$tmp/cv.json"
# subdivision proves more than the single box; sub-boxes outside the ball
$RUN certify convexity --k 2 --boxes 1 --out "$tmp/cv1.json" >"$tmp/out1"
$RUN certify convexity --k 2 --boxes 1024 --out "$tmp/cve.json" >"$tmp/oute"
check "convexity --boxes 1: single box" sh -c "! grep -q '\"cover\"' '$tmp/cv1.json' && grep -q 'sub-boxes: 1 proved, 0 outside' '$tmp/out1'"
check "convexity --boxes 1024: sub-boxes outside the ball" grep -q 'sub-boxes: [0-9]* proved, [1-9][0-9]* outside' "$tmp/oute"
r1=$(sed -n 's/.*<= \([0-9.]*\) .*/\1/p' "$tmp/out1")
re=$(sed -n 's/.*<= \([0-9.]*\) .*/\1/p' "$tmp/oute")
check "convexity: subdivision proves a 2.5x larger radius" awk -v a="$r1" -v b="$re" 'BEGIN { exit !(b > 2.5 * a) }'
check "convexity certificates check" $RUN check "$tmp/cv1.json" "$tmp/cve.json"
# a proved leaf relabelled 'outside', the ball widened, a broken cover
sed '/"cover"/s/p/x/' "$tmp/cve.json" >"$tmp/cv-x.json"
check "convexity leaf relabelled: FAILED" sh -c "$RUN check '$tmp/cv-x.json' | grep -q 'FAILED: claims.strongly_convex: the certificate says proved, recomputation gives undecided'"
sed 's/"norm": "euclid"/"norm": "neuron"/' "$tmp/cve.json" >"$tmp/cv-n.json"
check "convexity ball widened: FAILED" sh -c "$RUN check '$tmp/cv-n.json' | grep -q FAILED"
sed '/"cover"/s/"s/"q/' "$tmp/cve.json" >"$tmp/cv-q.json"
check "convexity broken cover: FAILED, named" sh -c "$RUN check '$tmp/cv-q.json' | grep -q 'FAILED: cover: expected a preorder string'"
sed 's/"norm": "euclid"/"norm": "sphere"/' "$tmp/cve.json" >"$tmp/cv-s.json"
check "convexity unknown norm: FAILED, named" sh -c "$RUN check '$tmp/cv-s.json' | grep -q 'FAILED: norm: expected'"
$RUN certify convexity --k 3 --mu 0.091 >/dev/null 2>"$tmp/err"
check "convexity mu too large: exit 1" test $? -eq 1
check "convexity mu too large: refuted" grep -q "refuted at W = V" "$tmp/err"
$RUN certify nonconvex --k 3 --n 4 --out "$tmp/nc.json" >"$tmp/out"
check "nonconvex: exit 0" test $? -eq 0
check "nonconvex: 30 eps proved" test "$(grep -c ' proved$' "$tmp/out")" -eq 30
check "nonconvex checks" $RUN check "$tmp/nc.json"
$RUN certify nonconvex --k 3 --n 3 --out "$tmp/nc3.json" >"$tmp/out" 2>&1
check "nonconvex n = k: exit 1 (the asked claim is refuted)" test $? -eq 1
check "nonconvex n = k: convexity instead" grep -q "strongly convex: proved" "$tmp/out"
check "nonconvex n = k: says refuted" grep -q "^non-convexity near the minimum (n = k): refuted" "$tmp/out"
check "nonconvex n = k: the convexity certificate checks" $RUN check "$tmp/nc3.json"
sed 's/"eps": "0.1"/"eps": "0.2"/' "$tmp/nc.json" >"$tmp/nc-bad.json"
check "nonconvex tampered: FAILED" sh -c "$RUN check '$tmp/nc-bad.json' | grep -q FAILED"

$RUN certify opsc-fails --k 3 --out "$tmp/of.json" >"$tmp/out"
check "opsc-fails: exit 0" test $? -eq 0
check "opsc-fails: 12 lambdas proved" test "$(grep -c ' proved$' "$tmp/out")" -eq 12
$RUN certify pl-fails --k 4 --eps 1e-2,1e-4 --lambda 1e-1,1e-3,1e-9 --out "$tmp/pf.json" >"$tmp/out"
check "pl-fails: lambda below the grid: exit 1" test $? -eq 1
check "pl-fails: two proved, one undecided" sh -c "test \$(grep -c ' proved\$' '$tmp/out') -eq 2 && grep -q ' undecided\$' '$tmp/out'"
check "opsc-fails and pl-fails check" $RUN check "$tmp/of.json" "$tmp/pf.json"

$RUN certify opsc --k 3 --m 2 --samples 10 --seed 1 --out "$tmp/op.json" >"$tmp/out"
check "opsc: exit 0" test $? -eq 0
check "opsc: 10 proved" grep -q "OPSC on the whole segment: 10 proved" "$tmp/out"
$RUN certify opsc --k 3 --m 2 --samples 2 --seed 1 --adversarial --out "$tmp/opa.json" >"$tmp/out"
check "opsc adversarial: exit 0" test $? -eq 0
check "opsc adversarial: Conjecture 12 on (0, R]" grep -q "Conjecture 12 proved on (0, 1\] .*: 2 of 2" "$tmp/out"
check "opsc adversarial: refuted near 0" grep -q "refuted near s = 0: 2 of 2" "$tmp/out"
check "opsc certificates check" $RUN check "$tmp/op.json" "$tmp/opa.json"
$RUN certify opsc --k 3 --m 2 --samples 10 --seed 1 --out "$tmp/op2.json" >/dev/null
check "opsc reproducible bytes" cmp "$tmp/op.json" "$tmp/op2.json"
# the pieces' arithmetic: binary64 by default, Arb on request; recorded, and
# check re-proves each piece the recorded way
check "opsc records binary64" grep -q '"arith": "binary64"' "$tmp/op.json"
$RUN certify opsc --k 3 --m 2 --samples 3 --seed 1 --arith arb --out "$tmp/op-arb.json" >"$tmp/out"
check "opsc --arith arb: exit 0" test $? -eq 0
check "opsc --arith arb: recorded" grep -q '"arith": "arb"' "$tmp/op-arb.json"
check "opsc --arith arb: checks" $RUN check "$tmp/op-arb.json"
sed 's/"arith": "binary64"/"arith": "float"/' "$tmp/op.json" >"$tmp/op-bad.json"
check "opsc unknown arith: FAILED" sh -c "$RUN check '$tmp/op-bad.json' | grep -q 'FAILED: arith: expected'"

# relucert paper: every claim, every certificate checked
$RUN paper --out "$tmp/paper" --dataset "$DATA" >"$tmp/out"
check "paper: exit 0" test $? -eq 0
check "paper: all ok" grep -q "38 certificates in .*: all ok" "$tmp/out"
check "paper: 23 lines or fewer" test "$(wc -l <"$tmp/out")" -le 23
check "paper: certificates check" sh -c "$RUN check '$tmp'/paper/*.json '$tmp'/paper/overparam/*.json | grep -c ': ok' | grep -qx 38"
check "paper: the over-parameterized minima, k <= 16" grep -q "k <= 16: 6 of 6 minima" "$tmp/out"
# the certificates are those kept in proofs/default, byte for byte apart
# from the producer's versions (the same bytes with the same versions)
strip_producer() { sed '/"producer": {/,/}/d' "$1"; }
same_as_default() {
    [ "$(ls "$tmp/paper"/*.json | wc -l)" -eq "$(ls "$TOP_SRCDIR/proofs/default"/*.json | wc -l)" ] || return 1
    [ "$(ls "$tmp/paper"/overparam/*.json | wc -l)" -eq "$(ls "$TOP_SRCDIR/proofs/default"/overparam/*.json | wc -l)" ] || return 1
    for f in "$TOP_SRCDIR"/proofs/default/*.json "$TOP_SRCDIR"/proofs/default/overparam/*.json; do
        g=${f#"$TOP_SRCDIR"/proofs/default/}
        strip_producer "$f" >"$tmp/a.json"
        strip_producer "$tmp/paper/$g" >"$tmp/b.json" || return 1
        cmp -s "$tmp/a.json" "$tmp/b.json" || { echo "differs: $g"; return 1; }
    done
}
check "paper: the certificates of proofs/default" same_as_default
# from a directory with no data/ and no --dataset: the built relucert finds
# its own dataset (next to the executable or in the source tree)
mkdir "$tmp/elsewhere"
(cd "$tmp/elsewhere" && $RUN paper --out "$tmp/paper1" --jobs 1 >"$tmp/out" 2>&1)
check "paper from another directory, no --dataset: exit 0" test $? -eq 0
check "paper --jobs 1: the same certificates" sh -c "for f in '$tmp'/paper/*.json '$tmp'/paper/overparam/*.json; do cmp \"\$f\" '$tmp'/paper1/\${f#'$tmp'/paper/} || exit 1; done"
# check --jobs: the same lines in the order given, the worst exit status
cp "$tmp/paper/opsc-k3-m2-gaussian.json" "$tmp/bad-lam.json"
sed -i 's/"lam_U": "0\.[0-9]*"/"lam_U": "0.9"/' "$tmp/bad-lam.json"
$RUN check --jobs 2 "$tmp/paper/convexity-k2.json" "$tmp/bad-lam.json" "$tmp/paper/opsc-k5-m2-adversarial.json" >"$tmp/out"
check "check --jobs: exit 1" test $? -eq 1
check "check --jobs: three lines in order" sh -c "sed -n 1p '$tmp/out' | grep -q 'convexity-k2.json: ok' && sed -n 2p '$tmp/out' | grep -q 'bad-lam.json: FAILED: ' && sed -n 3p '$tmp/out' | grep -q 'adversarial.json: ok'"

# bad input: one line, exit 2
bad() {  # bad NAME EXPECTED-TEXT ARGS...
    n=$1; e=$2; shift 2
    $RUN "$@" >/dev/null 2>"$tmp/err"
    st=$?
    check "bad $n: exit 2" test $st -eq 2
    check "bad $n: one line" test "$(wc -l <"$tmp/err")" -eq 1
    check "bad $n: says '$e'" grep -q -- "$e" "$tmp/err"
}
# n != k is no longer refused (issue 24; tests/cli_overparam.sh): this
# point (n = 3, k = 2, d = 3) is not a critical point, and says so
$RUN certify minimum "$EX/general-teacher.txt" --out "$tmp/gt.json" >"$tmp/out" 2>&1
check "n = 3, k = 2: exit 1" test $? -eq 1
check "n = 3, k = 2: not a critical point" grep -q "^critical point.*: refuted" "$tmp/out"
check "n = 3, k = 2: no strict minimum" sh -c "! grep -q '^strict minimum: proved' '$tmp/out'"
bad "zero neuron" "zero-neuron.txt:[0-9]*: expected a nonzero student neuron" certify minimum "$TEST_DATA/bad/zero-neuron.txt"
bad "nan" "nan.txt:[0-9]*: .*expected a number" certify minimum "$TEST_DATA/bad/nan.txt"
bad "alpha" "expected a number in (0, 1)" certify minimum "$EX/k7-spurious.txt" --alpha 3/2
bad "kind" "expected a claim kind" certify maximum "$EX/k7-spurious.txt"
bad "no record" "no record matches" certify minimum --dataset "$DATA" --k 5 --out-dir "$tmp/e"
bad "check no args" "expected at least one certificate" check
bad "nonconvex n > 2k" "k <= n <= 2k" certify nonconvex --k 2 --n 5
bad "nonconvex eps" "expected a number" certify nonconvex --k 2 --n 3 --eps 0.1,abc
bad "opsc-fails k = 1" "K >= 2" certify opsc-fails --k 1
bad "opsc without seed" "expected --k K, --m M, --samples S and --seed" certify opsc --k 3 --m 2 --samples 3
bad "opsc sigma2" "expected a positive number" certify opsc --k 3 --m 2 --samples 3 --seed 1 --sigma2 -1
bad "opsc arith" "--arith: expected binary64 or arb" certify opsc --k 3 --m 2 --samples 3 --seed 1 --arith float
bad "convexity norm" "expected euclid, neuron or box" certify convexity --k 2 --norm max
bad "convexity boxes" "--boxes" certify convexity --k 2 --boxes 0
check "certify --help" sh -c "$RUN certify --help | grep -q -- '--out-dir'"
check "check --help" sh -c "$RUN check --help | grep -q 'FAILED'"

finish cli_certify
