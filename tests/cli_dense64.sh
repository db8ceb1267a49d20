#!/bin/sh
# The dense binary64 path end to end (lemma L14): --arith, the summary, the
# certificate's "arith", the checker re-running it, tampering, bad options,
# and eval's binary64 lambda_min enclosure.
set -u
. "${TOP_SRCDIR:?}/tests/cli_lib.sh"
DATA="$TOP_SRCDIR/data/safran2021-minima.jsonl"
GEN="$TOP_SRCDIR/benchmarks/general-point"

# a published record without its symmetry, forced to binary64
$RUN certify minimum --dataset "$DATA" --k 8 --index 0 --path dense --arith binary64 \
    --out "$tmp/k8.json" >"$tmp/out"
check "k8 binary64: exit 0" test $? -eq 0
check "k8 binary64: summary names the arithmetic" grep -q '^path: dense (--path dense); binary64' "$tmp/out"
check "k8 binary64: strong convexity" grep -q '^critical point (strong convexity, box radius 2^-96): proved' "$tmp/out"
check "k8 binary64: Rump's test" grep -q "^strict minimum: proved (Hessian >= .* on the box, Rump's test: proved)" "$tmp/out"
check "k8 binary64: recorded" grep -q '"arith": "binary64"' "$tmp/k8.json"
check "k8 binary64: checks" $RUN check "$tmp/k8.json"
$RUN certify minimum --dataset "$DATA" --k 8 --index 0 --path dense --arith binary64 \
    --out "$tmp/k8b.json" >/dev/null
check "k8 binary64: same bytes" cmp "$tmp/k8.json" "$tmp/k8b.json"

# the same record in ball arithmetic records "arb"
$RUN certify minimum --dataset "$DATA" --k 8 --index 0 --path dense --arith arb \
    --out "$tmp/k8a.json" >"$tmp/out"
check "k8 arb: exit 0" test $? -eq 0
check "k8 arb: Krawczyk" grep -q '^critical point (Krawczyk, box' "$tmp/out"
check "k8 arb: recorded" grep -q '"arith": "arb"' "$tmp/k8a.json"

# a general teacher with n d = 225 >= 200: binary64 by default
sh "$GEN" 15 >"$tmp/g15.txt"
$RUN certify minimum "$tmp/g15.txt" --out "$tmp/g15.json" >"$tmp/out"
check "general k15: exit 0 (a proved global minimum)" test $? -eq 0
check "general k15: dense because of the teacher" grep -q '^path: dense (the teacher is not the identity); binary64' "$tmp/out"
check "general k15: global" grep -q '^non-global: refuted.*global minimum' "$tmp/out"
check "general k15: checks" $RUN check "$tmp/g15.json"
# below 200 coordinates: ball arithmetic
sh "$GEN" 12 >"$tmp/g12.txt"
$RUN certify minimum "$tmp/g12.txt" --out "$tmp/g12.json" >"$tmp/out"
check "general k12: ball arithmetic below 200" grep -q 'ball arithmetic: small enough' "$tmp/out"

# the checker re-runs the recorded arithmetic: an altered claim, an
# altered arith, a lambda_lower above lambda_min
sed 's/"verdict": "proved"/"verdict": "undecided"/' "$tmp/k8.json" >"$tmp/t1.json"
$RUN check "$tmp/t1.json" >"$tmp/out"
check "tampered verdict: exit 1" test $? -eq 1
sed 's/"arith": "binary64"/"arith": "float"/' "$tmp/k8.json" >"$tmp/t2.json"
$RUN check "$tmp/t2.json" >"$tmp/out"
check "unknown arith: exit 1" test $? -eq 1
check "unknown arith: named" grep -q 'arith' "$tmp/out"
python3 - "$tmp/k8.json" "$tmp/t3.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
c["witnesses"]["lambda_lower"] = "1"
json.dump(c, open(sys.argv[2], "w"), indent=2)
PY
$RUN check "$tmp/t3.json" >"$tmp/out"
check "lambda_lower 1: exit 1" test $? -eq 1
check "lambda_lower 1: a Hessian claim named" grep -Eq 'critical_point|positive_definite' "$tmp/out"

# bad --arith: one line, exit 2
$RUN certify minimum "$tmp/g12.txt" --arith float >"$tmp/out" 2>"$tmp/err"
check "--arith float: exit 2" test $? -eq 2
check "--arith float: one line" test "$(wc -l <"$tmp/err")" -eq 1
check "--arith float: says what is expected" grep -q 'expected auto, arb or binary64' "$tmp/err"

# eval: n d = 441 > 400 gives a binary64 enclosure of lambda_min
sh "$GEN" 21 >"$tmp/g21.txt"
$RUN eval "$tmp/g21.txt" >"$tmp/e.json"
check "eval 441: exit 0" test $? -eq 0
check "eval 441: binary64" grep -q '"hessian_min_eig_method": "binary64"' "$tmp/e.json"
check "eval 441: lo <= hi" python3 -c "
import json, sys
from fractions import Fraction as Q
e = json.load(open(sys.argv[1]))['hessian_min_eig']
sys.exit(0 if Q(e['lo']) <= Q(e['hi']) else 1)" "$tmp/e.json"

finish cli_dense64
