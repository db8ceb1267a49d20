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

finish cli_eval
