#!/bin/sh
# 'relucert eval' end to end: the JSON it prints, its options, --help, --version.
set -u
. "${TOP_SRCDIR:?}/tests/cli_lib.sh"
EX="$TOP_SRCDIR/examples"
out="$tmp/out"

"$RELUCERT" eval "$EX/k7-spurious.txt" >"$out"
check "k7 exit 0" test $? -eq 0
check "k7 loss" grep -q '"lo": "0.0232027149135660758' "$out"
check "k7 min eig" grep -q '"lo": "0.01405901318251436' "$out"
check "k7 gradient norm" grep -q '"lo": "1.21126712197437' "$out"
check "k7 differentiable" grep -q '"differentiable": true' "$out"
check "k7 sizes" grep -q '"n": 7' "$out"

"$RELUCERT" eval --dataset "$TOP_SRCDIR/data/safran2021-minima.jsonl" --k 7 --index 1 >"$out"
check "dataset = example file" grep -q '"lo": "0.0232027149135660758' "$out"

"$RELUCERT" eval "$EX/identity-k3.txt" --prec 128 --hessian >"$out"
check "identity: min eig 1/4 - 1/(2 pi)" grep -q '"lo": "0.090845056908104664' "$out"
check "identity: hessian printed" grep -q '"hessian"' "$out"
check "identity: 9 x 9 hessian" test "$(grep -c '"hi"' "$out")" -eq $((1 + 1 + 9 + 1 + 81))

"$RELUCERT" eval "$EX/identity-k3.txt" --box-radius 1/1000 >"$out"
check "box: radius echoed" grep -q '"box_radius": "1/1000"' "$out"
check "box: still differentiable" grep -q '"differentiable": true' "$out"

"$RELUCERT" eval "$EX/general-teacher.txt" >"$out"
check "general teacher" grep -q '"k": 2' "$out"

check "--help" sh -c "'$RELUCERT' --help | grep -q 'Commands:'"
check "eval --help" sh -c "'$RELUCERT' eval --help | grep -q -- '--box-radius'"
check "--version" sh -c "'$RELUCERT' --version | grep -q 'Arb'"

# a symmetric point with n d > 400: lambda_min type by type (lemma L13), the
# method named; over a box around it (which leaves Fix(G)) the binary64 path
# runs instead, and its enclosure, valid at the point too, overlaps
D="$TOP_SRCDIR/data/safran2021-minima.jsonl"
$RUN eval --dataset "$D" --k 21 --index 0 >"$tmp/e21.json"
check "eval k = 21 record: reduced method" grep -q '"hessian_min_eig_method": "reduced"' "$tmp/e21.json"
$RUN eval --dataset "$D" --k 21 --index 0 --box-radius 1e-12 >"$tmp/e21b.json"
check "eval k = 21 over a box: not the reduced method" sh -c "! grep -q '\"reduced\"' '$tmp/e21b.json'"
check "eval k = 21: reduced and box enclosures overlap, positive" python3 -c "
import json,sys
from fractions import Fraction as Q
e=json.load(open(sys.argv[1]))['hessian_min_eig']; c=json.load(open(sys.argv[2]))['hessian_min_eig']
sys.exit(0 if Q(e['lo'])<=Q(c['hi']) and Q(c['lo'])<=Q(e['hi']) and Q(e['lo'])>0 else 1)" "$tmp/e21.json" "$tmp/e21b.json"

finish cli_eval
