#!/bin/sh
# 'relucert certify minimum' on the symmetry-reduced path end to end: which
# path runs and why, a saddle given as a minimum (exit 1, its Morse index),
# a point one ulp off its symmetry, --symmetrize, --path, the dense form
# still produced and checked on request, tampered reduced certificates.
set -u
. "${TOP_SRCDIR:?}/tests/cli_lib.sh"
: "${TEST_DATA:?}"
EX="$TOP_SRCDIR/examples"
DATA="$TOP_SRCDIR/data/safran2021-minima.jsonl"

# the k = 7 minimum: reduced by default, blocks [1, 6], every claim proved
$RUN certify minimum "$EX/k7-spurious.txt" --out "$tmp/k7.json" >"$tmp/out"
check "k7: exit 0" test $? -eq 0
check "k7: reduced path" grep -q '^path: reduced (blocks \[1, 6\], 5 fixed-point coordinates)' "$tmp/out"
check "k7: Morse index 0" grep -q 'dimension count 49): lambda_min in \[0.014059, 0.0140591\], Morse index 0$' "$tmp/out"
check "k7: strict minimum" grep -q '^strict minimum: proved' "$tmp/out"
check "k7: cross-check per block" grep -q '^cross-check at alpha = 0.5, block 1: proved' "$tmp/out"
check "k7: symmetry in the certificate" grep -q '"symmetry"' "$tmp/k7.json"
check "k7: teacher stored as identity" grep -q '"teacher": "identity"' "$tmp/k7.json"
check "k7: checks" $RUN check "$tmp/k7.json"

# the same point on the dense path: same claims, the dense certificate checks
$RUN certify minimum "$EX/k7-spurious.txt" --path dense --out "$tmp/k7d.json" >"$tmp/out"
check "k7 dense: exit 0" test $? -eq 0
check "k7 dense: path line" grep -q '^path: dense (--path dense)' "$tmp/out"
check "k7 dense: centre, no symmetry" sh -c "grep -q '\"centre\"' '$tmp/k7d.json' && ! grep -q '\"symmetry\"' '$tmp/k7d.json'"
check "k7 dense: checks" $RUN check "$tmp/k7d.json"

# the largest record: certified in a fraction of a second, a small certificate
$RUN certify minimum --dataset "$DATA" --k 100 --index 1 --out "$tmp/k100.json" >"$tmp/out"
check "k100: exit 0" test $? -eq 0
check "k100: blocks [33, 67]" grep -q '^path: reduced (blocks \[33, 67\]' "$tmp/out"
check "k100: lambda_min 0.0439057" grep -q 'lambda_min in \[0.0439057, 0.0439058\], Morse index 0$' "$tmp/out"
check "k100: certificate under 40 kB" test "$(wc -c <"$tmp/k100.json")" -lt 40000
check "k100: checks" $RUN check "$tmp/k100.json"

# a saddle offered as a minimum (p = (2, 4), k = 6): refuted, index 3, exit 1
$RUN certify minimum "$TEST_DATA/saddle-k6-2-4.txt" --out "$tmp/sad.json" >"$tmp/out"
check "saddle: exit 1" test $? -eq 1
check "saddle: Morse index 3" grep -q 'Morse index 3$' "$tmp/out"
check "saddle: strict minimum refuted" grep -q '^strict minimum: refuted' "$tmp/out"
check "saddle: critical point proved" grep -q '^critical point (Krawczyk in fixed-point coordinates, box radius 2^-96): proved' "$tmp/out"
check "saddle: certificate checks" $RUN check "$tmp/sad.json"
check "saddle: success false" grep -q '"success": false' "$tmp/sad.json"

# one entry one ulp off: the symmetry of its block is lost (finer blocks,
# not the published ones); --symmetrize restores them and says how far
sed '6s/0.18599104632000957  0.18599104632000957  0.18599104632000957  0.18599104632000957/0.18599104632000957  0.18599104632000957  0.18599104632000960  0.18599104632000957/' \
    "$EX/k7-spurious.txt" >"$tmp/off.txt"
check "ulp: file changed" sh -c "! cmp -s '$EX/k7-spurious.txt' '$tmp/off.txt'"
$RUN certify minimum "$tmp/off.txt" --out "$tmp/off.json" >"$tmp/out"
check "ulp: not the blocks [1, 6]" sh -c "grep -q '^path: reduced (blocks \[1, 5, 1\]' '$tmp/out'"
check "ulp: non-contiguous blocks stored with their order" grep -q '"order"' "$tmp/off.json"
check "ulp: checks" $RUN check "$tmp/off.json"
$RUN certify minimum "$tmp/off.txt" --symmetrize 1e-12 --out "$tmp/off2.json" >"$tmp/out"
check "symmetrize: exit 0" test $? -eq 0
check "symmetrize: blocks [1, 6] and the distance" grep -q '^path: reduced (blocks \[1, 6\], 5 fixed-point coordinates; symmetrized: the point moved by 2.5e-17' "$tmp/out"
$RUN certify minimum "$tmp/off.txt" --symmetrize -1 2>"$tmp/err"
check "symmetrize: negative tolerance is bad input" test $? -eq 2

# no symmetry: dense, and why; --path reduced is then an error
printf 'teacher identity 3\nstudent 3 3\n 1 0.1 0.2\n 0.3 1 0.4\n 0.5 0.6 1\n' >"$tmp/nosym.txt"
$RUN certify minimum "$tmp/nosym.txt" --out "$tmp/nosym.json" >"$tmp/out"
check "no symmetry: dense path with the reason" grep -q '^path: dense (no symmetry: no two neurons are exchangeable)' "$tmp/out"
$RUN certify minimum "$tmp/nosym.txt" --path reduced 2>"$tmp/err"
check "--path reduced without symmetry: exit 2" test $? -eq 2
check "--path reduced without symmetry: one line" grep -q "nosym.txt: --path reduced: no symmetry" "$tmp/err"
printf 'teacher 2 2\n 1 0\n 0 2\nstudent 2 2\n 1 0\n 0 2\n' >"$tmp/teach.txt"
$RUN certify minimum "$tmp/teach.txt" --out "$tmp/teach.json" >"$tmp/out"
check "general teacher: dense path with the reason" grep -q '^path: dense (the teacher is not the identity)' "$tmp/out"
$RUN certify minimum "$EX/k7-spurious.txt" --path sideways 2>"$tmp/err"
check "--path: bad value is exit 2" test $? -eq 2

# tampered reduced certificates: rejected with a reason
tamper() {  # tamper NAME SED-EXPRESSION
    sed "$2" "$tmp/k7.json" >"$tmp/$1.json"
    check "tamper $1: changed" sh -c "! cmp -s '$tmp/k7.json' '$tmp/$1.json'"
    $RUN check "$tmp/$1.json" >"$tmp/out"
    st=$?
    check "tampered $1: exit 1" test $st -eq 1
    check "tampered $1: FAILED line" grep -q "$1.json: FAILED: " "$tmp/out"
}
tamper block-size '/"blocks": \[/,/\]/{s/^\( *\)1,$/\12,/;s/^\( *\)6$/\15/}'
tamper copies '0,/"copies": 5/s//"copies": 4/'
tamper dim '0,/"dim": 5/s//"dim": 4/'
tamper dimension-count 's/"dimension_count": 49/"dimension_count": 48/'
tamper morse 's/"morse_index": 0/"morse_index": 1/'
tamper negative '0,/"negative": 0/s//"negative": 1/'
tamper orbit 's/"diag 0"/"diag 1"/'
tamper theta '0,/"-0.6327039049/s//"-0.6327039059/'
tamper lambda 's/"lambda_lower": "0.01405901313"/"lambda_lower": "0.015"/'
tamper teacher 's/"teacher": "identity"/"teacher": "zero"/'
tamper success 's/"success": true/"success": false/'
tamper type-removed '/"type": "symmetric 1"/s//"type": "alternating 1"/'

finish cli_sym
