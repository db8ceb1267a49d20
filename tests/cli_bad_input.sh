#!/bin/sh
# Bad input to 'relucert eval': exit status 2, nothing on stdout, exactly one
# line on stderr that names the file and line (or the option) and says what
# was expected. With RELUCERT_WRAP="valgrind ..." (make check-valgrind) the
# same runs, plus good evaluations, go through valgrind, whose errors turn
# into a different exit status.
set -u
: "${RELUCERT:?}" "${TEST_DATA:?}" "${TOP_SRCDIR:?}"
WRAP=${RELUCERT_WRAP:-}
B="$TEST_DATA/bad"
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
pass=0 fail=0

# expect_bad PATTERN ARGS...: exit 2, one stderr line matching PATTERN, no stdout
expect_bad() {
    pat=$1; shift
    $WRAP "$RELUCERT" "$@" >"$out" 2>"$err"
    rc=$?
    lines=$(wc -l <"$err")
    if [ "$rc" -eq 2 ] && [ "$lines" -eq 1 ] && [ ! -s "$out" ] && grep -q -- "$pat" "$err"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: relucert $* -> exit $rc, $lines stderr lines, expected /$pat/:"
        sed 's/^/    /' "$err"
    fi
}

# expect_ok ARGS...: exit 0, JSON on stdout, nothing on stderr
expect_ok() {
    $WRAP "$RELUCERT" "$@" >"$out" 2>"$err"
    rc=$?
    if [ "$rc" -eq 0 ] && grep -q '"loss"' "$out" && [ ! -s "$err" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: relucert $* -> exit $rc"
        sed 's/^/    /' "$err"
    fi
}

expect_bad "empty.txt:1: expected a 'teacher' and a 'student'" eval "$B/empty.txt"
expect_bad "truncated.txt:2: expected 1 more teacher rows" eval "$B/truncated.txt"
expect_bad "wrong-dims.txt:2: expected the student dimension" eval "$B/wrong-dims.txt"
expect_bad "row-length.txt:4: expected 2 numbers in student row 2" eval "$B/row-length.txt"
expect_bad "letters.txt:3: student row 1, column 2: expected a number" eval "$B/letters.txt"
expect_bad "nan.txt:3: .*found 'NaN'" eval "$B/nan.txt"
expect_bad "inf.txt:3: .*found 'inf'" eval "$B/inf.txt"
expect_bad "huge-exponent.txt:3: .*exponent out of range" eval "$B/huge-exponent.txt"
expect_bad "new-section.txt:6: expected 1 more student rows" eval "$B/new-section.txt"
expect_bad "unknown-header.txt:1: expected 'teacher K D'" eval "$B/unknown-header.txt"
expect_bad "zero-denominator.txt:3: .*zero denominator" eval "$B/zero-denominator.txt"
expect_bad "binary.txt:1: expected a text point file" eval "$B/binary.txt"
expect_bad "zero-neuron.txt:5: expected a nonzero student neuron" eval "$B/zero-neuron.txt" --hessian
expect_bad "identity-k3.txt:5: expected a nonzero student neuron for --hessian, found neuron 0 whose box contains 0" eval "$TOP_SRCDIR/examples/identity-k3.txt" --hessian --box-radius 2
expect_bad "bad-record.jsonl:1: expected \"vals\" to be 2 x 3" eval --dataset "$B/bad-record.jsonl" --k 3 --index 0
expect_bad "broken.jsonl:2: expected a JSON object, found invalid JSON" eval --dataset "$B/broken.jsonl" --k 3 --index 0
expect_bad "no-such-file.txt: cannot open" eval "$B/no-such-file.txt"
expect_bad "expected a record with k = 7 and index = 999" eval --dataset "$TOP_SRCDIR/data/safran2021-minima.jsonl" --k 7 --index 999
expect_bad "unknown command 'evaluate'" evaluate "$B/empty.txt"
expect_bad "unknown or incomplete option '--bogus'" eval --bogus "$B/empty.txt"
expect_bad "prec: expected an integer" eval --prec many "$TOP_SRCDIR/examples/identity-k3.txt"
expect_bad "box-radius: expected a radius >= 0" eval --box-radius -1 "$TOP_SRCDIR/examples/identity-k3.txt"
expect_bad "box-radius: expected a number" eval --box-radius r "$TOP_SRCDIR/examples/identity-k3.txt"
expect_bad "expected a point file or --dataset" eval
expect_bad "needs --k K and --index I" eval --dataset "$TOP_SRCDIR/data/safran2021-minima.jsonl"
expect_bad "expected one point file" eval a.txt b.txt

# a zero neuron without --hessian is an answer, not an error
expect_ok eval "$B/zero-neuron.txt"
if ! grep -q '"differentiable": false' "$out"; then
    fail=$((fail + 1)); echo "FAIL: zero neuron not reported as non-differentiable"
fi
# good runs (under valgrind too when wrapped)
expect_ok eval "$TOP_SRCDIR/examples/identity-k3.txt"
expect_ok eval "$TOP_SRCDIR/examples/k7-spurious.txt" --prec 128

echo "cli_bad_input: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
