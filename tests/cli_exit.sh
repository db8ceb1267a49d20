#!/bin/sh
# One meaning of the exit status across every command (relucert(1), EXIT
# STATUS): 0 everything asked was proved or checked; 1 something asked was
# refuted or undecided, or a certificate failed; 2 bad input or usage. A
# table: expected status, then the command (run in a scratch directory).
set -u
. "${TOP_SRCDIR:?}/tests/cli_lib.sh"
EX="$TOP_SRCDIR/examples"
TD="$TOP_SRCDIR/tests/data"
PD="$TOP_SRCDIR/proofs/default"

sed 's/"verdict": "proved"/"verdict": "undecided"/' "$PD/convexity-k3.json" >"$tmp/tampered.json"
printf '{"format": ' >"$tmp/broken.json"
# a record that asks for a 84109 x 84109 matrix (found by fuzz/fuzz_dataset):
# refused in one line, within 2 GB of address space
printf '{"k": 84109, "index": 0, "p": [84109]}\n' >"$tmp/big.jsonl"
# and a point file whose identity teacher is 29998 x 29998 (fuzz/fuzz_point)
printf 'teacher identity 29998\nstudent 1 1\n1\n' >"$tmp/bigid.txt"

n=0
while IFS='|' read -r want args; do
    case "$want" in ''|'#'*) continue ;; esac
    n=$((n + 1))
    # shellcheck disable=SC2086
    (cd "$tmp" && eval "$RUN $args") >"$tmp/out" 2>"$tmp/err"
    st=$?
    check "exit $want: relucert $args (got $st)" test "$st" -eq "$want"
    # a status 2 always comes with one line on stderr
    if [ "$want" -eq 2 ]; then
        check "exit 2 says why in one line: relucert $args" test "$(wc -l <"$tmp/err")" -eq 1
    fi
done <<EOF_TABLE
0|--help
0|--version
2|bogus-command
2|
0|eval "$EX/k7-spurious.txt"
2|eval missing.txt
2|eval "$EX/k7-spurious.txt" --bogus
0|certify minimum "$EX/k7-spurious.txt" --out m.json
1|certify minimum "$TD/saddle-k6-2-4.txt" --out s.json
1|certify minimum "$EX/k7-spurious.txt" --prec 16 --out p.json
2|certify minimum missing.txt
2|certify minimum "$EX/k7-spurious.txt" --arith float
2|certify
2|certify bogus-kind
0|certify convexity --k 3 --out c.json
1|certify convexity --k 3 --mu 0.091 --out c1.json
2|certify convexity --k 0
0|certify nonconvex --k 3 --n 4 --out n.json
1|certify nonconvex --k 3 --n 3 --out n1.json
2|certify nonconvex --k 3 --n 4 --eps 10
0|certify opsc-fails --k 3 --out of.json
1|certify opsc-fails --k 3 --lambda 1e-40 --out of1.json
2|certify opsc-fails --k 3 --eps 10
0|certify pl-fails --k 3 --out pf.json
1|certify pl-fails --k 3 --lambda 1e-40 --out pf1.json
2|certify pl-fails --k 0
0|certify opsc --k 3 --m 2 --samples 2 --seed 1 --out o.json
1|certify opsc --k 3 --m 2 --samples 2 --seed 1 --adversarial --lambda 1e-30 --out o1.json
2|certify opsc --k 3 --m 0 --samples 2 --seed 1
0|check "$PD/convexity-k3.json"
0|check m.json c.json n.json of.json pf.json o.json
1|check "$tmp/tampered.json"
1|check "$tmp/broken.json"
1|check "$PD/convexity-k3.json" "$tmp/tampered.json"
2|check
2|check missing.json
2|eval --dataset "$tmp/big.jsonl" --k 84109 --index 0
2|eval "$tmp/bigid.txt"
0|search --k 3 --runs 2 --seed 1 --out s.jsonl
2|search --k 0
2|search --k 3 --runs 1 --seed 1 --method newton
2|search --k 3 --n 4 --runs 1 --seed 1 --step 1/2
0|paper --help
2|paper --bogus
0|latex "$PD/convexity-k3.json"
1|latex "$tmp/tampered.json"
2|latex
2|latex "$PD/convexity-k3.json" --bogus
EOF_TABLE
# the same under a 2 GB address-space limit (not where the build cannot run
# under ulimit -v at all: AddressSanitizer reserves terabytes of shadow)
if (ulimit -v 2000000; $RUN --version) >/dev/null 2>&1; then
    (ulimit -v 2000000; $RUN eval --dataset "$tmp/big.jsonl" --k 84109 --index 0) >/dev/null 2>"$tmp/err"
    check "k = 84109 under ulimit -v 2 GB: exit 2" test $? -eq 2
    check "k = 84109: says the limit" grep -q 'expected k <= 10000' "$tmp/err"
    (ulimit -v 2000000; $RUN eval "$tmp/bigid.txt") >/dev/null 2>"$tmp/err"
    check "identity 29998 under ulimit -v 2 GB: exit 2" test $? -eq 2
    check "identity 29998: says the limit" grep -q 'expected at most 100000000 entries' "$tmp/err"
else
    echo "cli_exit: ulimit -v checks skipped (this build does not run under ulimit -v)"
fi
check "at least 40 cases" test "$n" -ge 40
finish cli_exit
