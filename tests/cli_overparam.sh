#!/bin/sh
# Over-parameterized students (n = k + s neurons, issue 24): 'search --n'
# finds the k = 14, n = 15 non-global minimum by L-BFGS in seconds;
# 'certify minimum' proves it a strict non-global minimum whose every
# one-neuron split is a strict saddle of n = 16 (lemma L5 holds for any n),
# on the reduced path (blocks [10, 4] and one extra neuron fixed by them,
# proofs/model.md M6.8) and, with --path dense, on the dense path, with the
# same verdicts;
# and must not prove: the split of a k = 7 minimum (a saddle with n = 8)
# offered as a minimum, a global minimum with two parallel neurons (a
# singular Hessian), tampered n != k certificates.
set -u
. "${TOP_SRCDIR:?}/tests/cli_lib.sh"
EX="$TOP_SRCDIR/examples"
PY=${PYTHON:-python3}

$RUN search --k 14 --n 15 --runs 30 --seed 1 --jobs 2 --out "$tmp/s.jsonl" 2>"$tmp/err"
check "search --n 15: exit 0" test $? -eq 0
check "one distinct non-global minimum, reached by 3 runs" \
    sh -c "test \$(wc -l <'$tmp/s.jsonl') -eq 1 && grep -q '\"kind\":\"spurious\",\"p\":null,\"vals\":null,\"multiplicity\":3' '$tmp/s.jsonl'"
check "its loss is 0.0283135..." grep -q '"loss":"0.028313' "$tmp/s.jsonl"
check "the zero-loss runs are counted, not written" grep -q "30 runs (floating point): 27 reached F <= 1e-11 (zero loss: .*), 3 a minimum with F > 0 (1 distinct)" "$tmp/err"
check "no 'global minimum (0 points)' beside zero-loss runs" sh -c "! grep -q 'reached a global minimum' '$tmp/err'"
check "the record says n = 15" grep -q '"n":15' "$tmp/s.jsonl"

$RUN certify minimum --dataset "$tmp/s.jsonl" --k 14 --index 0 --out "$tmp/m.json" >"$tmp/out" 2>&1
check "certify the n = 15 minimum: exit 0" test $? -eq 0
check "strict minimum proved" grep -q "^strict minimum: proved" "$tmp/out"
check "non-global proved" grep -q "^non-global: proved" "$tmp/out"
check "every split is a strict saddle of n = 16" grep -q "^saddle after adding a neuron: proved (every neuron" "$tmp/out"
check "the reduced path, with its extra neuron" grep -q "^path: reduced (blocks \[10, 4\], 1 extra neuron, 8 fixed-point coordinates)" "$tmp/out"
check "the Morse index on the reduced path: 0, dimension count n k = 210" grep -q "^Hessian by irreducible type (8 types, dimension count 210): .* Morse index 0$" "$tmp/out"
check "the certificate records the extra neuron" sh -c "grep -q '\"extra_neurons\": 1' '$tmp/m.json' && grep -q '\"symmetry\"' '$tmp/m.json'"
$RUN check "$tmp/m.json" >/dev/null 2>&1
check "the certificate re-checks" test $? -eq 0
cp "$tmp/out" "$tmp/out-reduced"
$RUN certify minimum --dataset "$tmp/s.jsonl" --k 14 --index 0 --path dense --out "$tmp/md.json" >"$tmp/out" 2>&1
check "--path dense: exit 0" test $? -eq 0
check "--path dense: the dense path" grep -q "^path: dense (--path dense)" "$tmp/out"
check "--path dense: a dense certificate" sh -c "! grep -q '\"symmetry\"' '$tmp/md.json' && grep -q '\"centre\"' '$tmp/md.json'"
for v in "strict minimum: proved" "non-global: proved" "saddle after adding a neuron: proved (every neuron"; do
    check "reduced and dense agree: $v" sh -c "grep -qF '$v' '$tmp/out' && grep -qF '$v' '$tmp/out-reduced'"
done
$RUN check "$tmp/md.json" >/dev/null 2>&1
check "the dense certificate re-checks" test $? -eq 0
check "the dataset table says n = 15" sh -c "$RUN certify minimum --dataset '$tmp/s.jsonl' --out-dir '$tmp/d' | grep -q 'spurious  n=15 '"
check "the certificate has n = 15, k = 14" sh -c "grep -q '\"n\": 15' '$tmp/m.json' && grep -q '\"k\": 14' '$tmp/m.json'"

# the same bytes under another OpenBLAS kernel (the witnesses stored do not
# come from BLAS); where OpenBLAS does not choose its kernel at run time the
# variable is ignored and the two runs are the same run
OPENBLAS_CORETYPE=Prescott $RUN certify minimum --dataset "$tmp/s.jsonl" --k 14 --index 0 --out "$tmp/m2.json" >/dev/null 2>&1
check "the same certificate bytes under OPENBLAS_CORETYPE=Prescott" cmp -s "$tmp/m.json" "$tmp/m2.json"

$RUN latex "$tmp/m.json" >"$tmp/m.tex" 2>/dev/null
check "latex: exit 0" test $? -eq 0
check "latex: the row gives n = 15" grep -qF '14 ($n=15$)$^\dagger$ & ' "$tmp/m.tex"
check "latex: the split is of the (n+1)-neuron loss" grep -q '(n+1)\$-neuron loss' "$tmp/m.tex"

# tampered: another student size, a moved centre, a claim it does not make
for f in m md; do
    sed 's/"n": 15/"n": 16/' "$tmp/$f.json" >"$tmp/t1.json"
    $RUN check "$tmp/t1.json" >/dev/null 2>&1
    check "tampered n ($f.json): check fails" test $? -ne 0
done
$PY - "$tmp/md.json" "$tmp/t2.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
c["box"]["centre"][0][0] = "-0.5"
json.dump(c, open(sys.argv[2], "w"))
PY
$RUN check "$tmp/t2.json" >/dev/null 2>&1
check "moved centre: check fails" test $? -ne 0
$PY - "$tmp/md.json" "$tmp/t3.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
c["teacher"][0][0] = "1/2"
json.dump(c, open(sys.argv[2], "w"))
PY
$RUN check "$tmp/t3.json" >/dev/null 2>&1
check "another teacher: check fails" test $? -ne 0

# a saddle with n = k + 1 offered as a minimum: the split of the k = 7
# minimum (neuron 0 halved) has a negative direction; its Hessian is
# singular (the halves can trade mass), so no critical point is proved
# and nothing is called a minimum
$PY - "$EX/k7-spurious.txt" "$tmp/split.txt" <<'PY'
import sys
from fractions import Fraction
rows = [l.split() for l in open(sys.argv[1]) if l.strip() and not l.startswith(("#", "teacher", "student"))]
half = [str(Fraction(x) / 2) for x in rows[0]]
with open(sys.argv[2], "w") as f:
    f.write("teacher identity 7\nstudent 8 7\n")
    for r in [half, half] + rows[1:]:
        f.write(" ".join(r) + "\n")
PY
$RUN certify minimum "$tmp/split.txt" --out "$tmp/split.json" >"$tmp/out" 2>&1
check "split saddle (n = 8): exit 1" test $? -eq 1
check "split saddle: strict minimum refuted" grep -q "^strict minimum: refuted" "$tmp/out"
check "split saddle: no 'proved' minimum" sh -c "! grep -q '^strict minimum: proved' '$tmp/out'"
$RUN check "$tmp/split.json" >/dev/null 2>&1
check "split saddle: its certificate re-checks" test $? -eq 0

# a global minimum with two parallel neurons (w_3 split 1/2 + 1/2 and
# 1/3 + 2/3): a singular Hessian, never a strict minimum
for halves in "1/2 1/2" "1/3 2/3"; do
    set -- $halves
    printf 'teacher identity 3\nstudent 4 3\n1 0 0\n0 1 0\n0 0 %s\n0 0 %s\n' "$1" "$2" >"$tmp/par.txt"
    $RUN certify minimum "$tmp/par.txt" --out "$tmp/par.json" >"$tmp/out" 2>&1
    check "parallel neurons $1 + $2: exit 1" test $? -eq 1
    check "parallel neurons $1 + $2: on the reduced path (one extra neuron)" grep -q "^path: reduced (blocks \[2, 1\], 1 extra neuron" "$tmp/out"
    check "parallel neurons $1 + $2: strict minimum not proved" sh -c "! grep -q '^strict minimum: proved' '$tmp/out'"
    check "parallel neurons $1 + $2: critical point not proved" sh -c "! grep -q '^critical point.*: proved' '$tmp/out'"
    $RUN check "$tmp/par.json" >/dev/null 2>&1
    check "parallel neurons $1 + $2: certificate re-checks" test $? -eq 0
done

# the reduced path with extra neurons (proofs/model.md M6.8) must not prove
# either. A saddle with n = k + 1 offered as a minimum: k = 3, one block,
# the extra neuron (row 0 here) constant on it, found by Newton in the
# fixed-point coordinates; its Morse index is 3
a=-0.35725771716758 b=0.54403750865979 c=0.25383203418174
printf 'teacher identity 3\nstudent 4 3\n%s %s %s\n%s %s %s\n%s %s %s\n%s %s %s\n' \
    $c $c $c $a $b $b $b $a $b $b $b $a >"$tmp/sad.txt"
$RUN certify minimum "$tmp/sad.txt" --out "$tmp/sad.json" >"$tmp/out" 2>&1
check "extra-neuron saddle: exit 1" test $? -eq 1
check "extra-neuron saddle: the reduced path" grep -q "^path: reduced (blocks \[3\], 1 extra neuron, 3 fixed-point coordinates); neurons reordered" "$tmp/out"
check "extra-neuron saddle: critical point proved" grep -q "^critical point.*: proved" "$tmp/out"
check "extra-neuron saddle: refuted, Morse index 3" grep -q "^strict minimum: refuted (lambda_min in .* < 0: a saddle, Morse index 3)" "$tmp/out"
check "extra-neuron saddle: the extra row recorded (neuron_order ends with row 0)" sh -c "$PY -c \"import json,sys; c=json.load(open(sys.argv[1])); sys.exit(not (c['neuron_order'][-1] == 0 and c['n'] == 4))\" '$tmp/sad.json'"
$RUN check "$tmp/sad.json" >/dev/null 2>&1
check "extra-neuron saddle: its certificate re-checks" test $? -eq 0
$RUN certify minimum "$tmp/sad.txt" --path dense --out "$tmp/sadd.json" >"$tmp/out" 2>&1
check "extra-neuron saddle, --path dense: refuted too" grep -q "^strict minimum: refuted" "$tmp/out"

# two equal extra neurons: the k = 14 minimum with its extra neuron halved
# (n = 16, s = 2): a singular Hessian, never a strict minimum
$PY - "$TOP_SRCDIR/data/overparam-s1.jsonl" "$tmp/eq.txt" <<'PY'
import json, sys
from fractions import Fraction
r = json.loads(open(sys.argv[1]).readline())
rows = [[Fraction(x) for x in row] for row in r["rows"]]
x = rows.pop(13)                      # the extra neuron of this record
rows += [[v / 2 for v in x]] * 2
with open(sys.argv[2], "w") as f:
    f.write("teacher identity 14\nstudent 16 14\n")
    for row in rows:
        f.write(" ".join(str(v) for v in row) + "\n")
PY
$RUN certify minimum "$tmp/eq.txt" --out "$tmp/eq.json" >"$tmp/out" 2>&1
check "two equal extra neurons: exit 1" test $? -eq 1
check "two equal extra neurons: the reduced path, 2 extra neurons" grep -q "^path: reduced (blocks \[10, 4\], 2 extra neurons" "$tmp/out"
check "two equal extra neurons: strict minimum not proved" sh -c "! grep -q '^strict minimum: proved' '$tmp/out'"
$RUN check "$tmp/eq.json" >/dev/null 2>&1
check "two equal extra neurons: certificate re-checks" test $? -eq 0

# tampered reduced certificates with an extra neuron (the k = 14 one): a
# theta entry of the extra row, the extra count, the extra neuron's split
# witness, neuron_order not a permutation
$PY - "$tmp/m.json" "$tmp/tr" <<'PY'
import json, sys
src, out = sys.argv[1], sys.argv[2]
def tamper(name, f):
    c = json.load(open(src)); f(c); json.dump(c, open(out + "-" + name + ".json", "w"))
tamper("theta", lambda c: c["box"]["theta"].__setitem__(-1, "1/64"))
tamper("extra2", lambda c: c["symmetry"].__setitem__("extra_neurons", 2))
tamper("extra0", lambda c: c["symmetry"].pop("extra_neurons"))
tamper("split", lambda c: c["witnesses"]["split_directions"].pop())
tamper("order", lambda c: c["neuron_order"].__setitem__(0, c["neuron_order"][1]))
PY
for t in theta extra2 extra0 split order; do
    $RUN check "$tmp/tr-$t.json" >/dev/null 2>&1
    check "tampered reduced certificate ($t): check fails" test $? -ne 0
done

# an opposite pair (w and -w with the teacher's w): not a critical point
printf 'teacher identity 2\nstudent 3 2\n1 0\n0 1\n0 -1\n' >"$tmp/opp.txt"
$RUN certify minimum "$tmp/opp.txt" --out "$tmp/opp.json" >"$tmp/out" 2>&1
check "opposite neurons: exit 1" test $? -eq 1
check "opposite neurons: strict minimum not proved" sh -c "! grep -q '^strict minimum: proved' '$tmp/out'"

# fewer neurons than the teacher (k = 3, n = 2): F > 0 everywhere, so a
# minimum with F > 0 is not called non-global, by search or certify
$RUN search --k 3 --n 2 --runs 20 --seed 1 --out "$tmp/s32.jsonl" 2>"$tmp/err"
check "n < k search: exit 0" test $? -eq 0
check "n < k search: the record's kind is minimum, not spurious" grep -q '"kind":"minimum"' "$tmp/s32.jsonl"
check "n < k search: the summary does not say non-global" sh -c "! grep -q 'non-global minimum' '$tmp/err' && grep -q 'does not make it non-global' '$tmp/err'"
$RUN certify minimum --dataset "$tmp/s32.jsonl" --k 3 --index 0 --out "$tmp/c32.json" >"$tmp/out" 2>&1
check "n < k certify: exit 1 (not every claim proved)" test $? -eq 1
check "n < k certify: strict minimum proved" grep -q "^strict minimum: proved" "$tmp/out"
check "n < k certify: non-global undecided, and why" grep -q "^non-global: undecided .*fewer neurons than the teacher" "$tmp/out"
$RUN check "$tmp/c32.json" >/dev/null 2>&1
check "n < k certify: the certificate re-checks" test $? -eq 0
$PY - "$tmp/c32.json" "$tmp/c32t.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
assert c["claims"]["non_global"]["verdict"] == "undecided"
c["claims"]["non_global"]["verdict"] = "proved"
json.dump(c, open(sys.argv[2], "w"))
PY
check "n < k: the tampering applied" sh -c "! cmp -s '$tmp/c32.json' '$tmp/c32t.json'"
$RUN check "$tmp/c32t.json" >/dev/null 2>&1
check "n < k: a certificate claiming non-global fails check" test $? -ne 0

# the over-parameterization table: k = 13, 14 with one added neuron
$RUN overparam --k-min 13 --k-max 14 --s 1 --runs 30 --seed 1 --jobs 2 --out-dir "$tmp/op" \
    --figure "$tmp/op.tex" >"$tmp/op.out" 2>/dev/null
check "overparam: exit 0" test $? -eq 0
check "overparam: k = 13 found no non-global minimum" grep -q "^  13  1   14    30         30             0 .*           0         0 " "$tmp/op.out"
check "overparam: k = 14, one found, one certified" grep -q "^  14  1   15    30         27             3 .*           1         1 " "$tmp/op.out"
check "overparam: the summary says found, and certified" grep -q "^overparam: 1 distinct minima with F > 0 found by the searches (floating point), 1 of them certified" "$tmp/op.out"
check "overparam: the certificate re-checks" sh -c "$RUN check '$tmp/op/k014-s1/minimum-k014-0000.json'"
check "overparam: the figure" grep -q 'addplot.*(13,0) (14,1)' "$tmp/op.tex"
$RUN overparam --k-min 13 --k-max 14 --s 1 --runs 30 --seed 1 --out-dir "$tmp/op" --figure "$tmp/op.svg" >/dev/null 2>&1
check "overparam: the SVG figure, one curve, two points" sh -c "grep -q '^<svg ' '$tmp/op.svg' && test \$(grep -c '<polyline' '$tmp/op.svg') -eq 1 && test \$(grep -c '<circle' '$tmp/op.svg') -eq 2"
sleep 1; touch "$tmp/marker"; sleep 1
$RUN overparam --k-min 14 --k-max 14 --s 1 --runs 30 --seed 1 --out-dir "$tmp/op" >"$tmp/op2.out" 2>"$tmp/op2.err"
check "overparam again: exit 0" test $? -eq 0
check "overparam again: not searched again" test -z "$(find "$tmp/op/k014-s1" -name search.jsonl -newer "$tmp/marker")"
check "overparam again: the certificate kept, not rewritten" test -z "$(find "$tmp/op/k014-s1" -name 'minimum-*.json' -newer "$tmp/marker")"
check "overparam again: the same row" grep -q "^  14  1   15    30         27             3 .*           1         1 " "$tmp/op2.out"
$RUN overparam --k-min 14 --k-max 14 --s 1 --runs 31 --seed 1 --out-dir "$tmp/op" >/dev/null 2>&1
check "overparam, other runs: searched again" test -n "$(find "$tmp/op/k014-s1" -name search.jsonl -newer "$tmp/marker")"
# a tampered kept certificate is recomputed, never counted as it is: a
# neuron_order naming another row as the extra neuron (a permutation, so
# the file alone re-checks; the kept file is about another point)
cp "$tmp/op/k014-s1/minimum-k014-0000.json" "$tmp/kept.json"
$PY - "$tmp/kept.json" "$tmp/op/k014-s1/minimum-k014-0000.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
o = c["neuron_order"]
o[-1], o[0] = o[0], o[-1]
json.dump(c, open(sys.argv[2], "w"), indent=1)
PY
$RUN overparam --k-min 14 --k-max 14 --s 1 --runs 30 --seed 1 --out-dir "$tmp/op" >/dev/null 2>&1
check "overparam, kept certificate with another extra row: recomputed" cmp -s "$tmp/kept.json" "$tmp/op/k014-s1/minimum-k014-0000.json"
sed 's/"n": 15/"n": 16/' "$tmp/op/k014-s1/minimum-k014-0000.json" >"$tmp/x" && mv "$tmp/x" "$tmp/op/k014-s1/minimum-k014-0000.json"
$RUN overparam --k-min 14 --k-max 14 --s 1 --runs 30 --seed 1 --out-dir "$tmp/op" >"$tmp/op3.out" 2>"$tmp/op3.err"
check "overparam, tampered kept certificate: exit 0 after recomputing" test $? -eq 0
check "overparam, tampered kept certificate: the file re-checks again" sh -c "$RUN check '$tmp/op/k014-s1/minimum-k014-0000.json'"
for bad in "--s 0" "--s 1,,2" "--s 1," "--k-min 9 --k-max 8" "--shard 3/2"; do
    # shellcheck disable=SC2086
    $RUN overparam $bad --out-dir "$tmp/opbad" >/dev/null 2>"$tmp/err"
    check "overparam $bad: exit 2" test $? -eq 2
    check "overparam $bad: one line" test "$(wc -l <"$tmp/err")" -eq 1
done

finish cli_overparam
