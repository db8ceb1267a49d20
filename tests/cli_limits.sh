#!/bin/sh
# Resource limits on untrusted input (issue 15 item 5; relucert(1), RESOURCE
# LIMITS): certificates, point files and options that ask for precision
# 2^24, dense problems of 10^8 parameters, 10^9 directions or 2^40 boxes get
# one line naming the limit and the option that raises it, within a 2 GB
# address space, never an out-of-memory kill; and the options really move
# the limits (a lowered limit refuses what the default accepts).
set -u
. "${TOP_SRCDIR:?}/tests/cli_lib.sh"
PD="$TOP_SRCDIR/proofs/default"
EX="$TOP_SRCDIR/examples"

# crafted certificates: each a published one with one field made huge
python3 - "$PD" "$tmp" <<'EOF_PY'
import json, sys
pd, out = sys.argv[1], sys.argv[2]
def load(n): return json.load(open(pd + '/' + n))
def save(n, c): json.dump(c, open(out + '/' + n, 'w'))
c = load('convexity-k3.json'); c['k'] = c['d'] = 10000; save('conv-params.json', c)
c = load('convexity-k3.json'); c['prec'] = 1 << 24; save('conv-prec.json', c)
c = load('convexity-k3.json'); c['cover'] = 's' * 2000 + 'p' * 2001; save('conv-deep.json', c)
c = load('minimum-k006-0000.json'); c['prec'] = 1 << 24; save('min-prec.json', c)
c = load('minimum-k006-0000.json'); c['n'] = c['k'] = 10 ** 6; save('min-k.json', c)
for kind in ('nonconvex-k3-n4', 'opsc-fails-k3', 'pl-fails-k3'):
    c = load(kind + '.json'); c['k'] = 10000; c['n'] = 10001; c['d'] = 10000
    save(kind + '-params.json', c)
c = load('opsc-k3-m2-gaussian.json'); c['samples'] = 10 ** 9; save('opsc-samples.json', c)
c = load('opsc-k3-m2-gaussian.json'); c['k'] = c['m'] = 100; save('opsc-params.json', c)
c = load('opsc-k3-m2-gaussian.json'); c['prec'] = 1 << 24; save('opsc-prec.json', c)
# eps above 1 (fuzz/fuzz_cert: its precision wrapped around to negative and
# GMP aborted) and eps so small that its working precision passes the limit
for kind in ('pl-fails-k3', 'opsc-fails-k3', 'nonconvex-k3-n4'):
    c = load(kind + '.json'); c['points'][0]['eps'] = '1' + '1' * 115 + '.5'
    save(kind + '-eps-big.json', c)
    c = load(kind + '.json'); c['points'][0]['eps'] = '1e-100000'
    save(kind + '-eps-tiny.json', c)
EOF_PY
# a 40 x 40 point (N = 1,600 parameters) for the ball-arithmetic limit
awk 'BEGIN { print "teacher identity 40"; print "student 40 40";
             for (i = 0; i < 40; i++) { s = ""; for (j = 0; j < 40; j++)
                 s = s (j ? " " : "") (i == j ? "1" : "1/" (i + j + 2)); print s } }' >"$tmp/k40.txt"

# run CMD under a 2 GB address-space limit when this build can (not under
# AddressSanitizer, which reserves terabytes of shadow), else plainly
if (ulimit -v 2000000; $RUN --version) >/dev/null 2>&1; then
    limited() { (ulimit -v 2000000; eval "$RUN $*"); }
else
    echo "cli_limits: ulimit -v not available to this build; running without it"
    limited() { eval "$RUN $*"; }
fi

# expect STATUS PATTERN ARGS...: the status, one line on stderr (status 2)
# or stdout+stderr (status 1) matching PATTERN
expect() {
    want=$1 pat=$2; shift 2
    limited "$@" >"$tmp/out" 2>"$tmp/err"
    st=$?
    check "exit $want: relucert $* (got $st)" test "$st" -eq "$want"
    cat "$tmp/out" "$tmp/err" >"$tmp/all"
    check "says '$pat': relucert $*" grep -q -- "$pat" "$tmp/all"
    if [ "$want" -eq 2 ]; then
        check "one line: relucert $*" test "$(wc -l <"$tmp/err")" -eq 1
    fi
}

# certificates
expect 1 'above the limit of 1000 for ball arithmetic (raise it with --max-params)' check "$tmp/conv-params.json"
expect 1 'above the limit of 65536 (raise it with --max-prec)' check "$tmp/conv-prec.json"
expect 1 'more than 50 halvings' check "$tmp/conv-deep.json"
expect 1 'above the limit of 65536 (raise it with --max-prec)' check "$tmp/min-prec.json"
expect 1 'expected d = k and n = k + s' check "$tmp/min-k.json"
expect 1 '10001 x 10000 parameters' check "$tmp/nonconvex-k3-n4-params.json"
expect 1 '10001 x 10000 parameters' check "$tmp/opsc-fails-k3-params.json"
expect 1 '10001 x 10000 parameters' check "$tmp/pl-fails-k3-params.json"
expect 1 'samples: expected an integer in \[1, 1000000\]' check "$tmp/opsc-samples.json"
expect 1 '200 x 100 parameters' check "$tmp/opsc-params.json"
expect 1 'raise it with --max-prec' check "$tmp/opsc-prec.json"
for kind in pl-fails-k3 opsc-fails-k3 nonconvex-k3-n4; do
    expect 1 'eps: expected a number in (0, 1\]' check "$tmp/$kind-eps-big.json"
    expect 1 'eps: .* bits is above the limit of 65536' check "$tmp/$kind-eps-tiny.json"
done
# commands
expect 2 'raise it with --max-params' certify convexity --k 1000
expect 2 'raise it with --max-params' certify nonconvex --k 100 --n 101
expect 2 'raise it with --max-params' certify opsc-fails --k 100
expect 2 'raise it with --max-params' certify pl-fails --k 100
expect 2 'raise it with --max-params' certify opsc --k 100 --m 100 --samples 1 --seed 1
expect 2 '--samples: expected an integer' certify opsc --k 3 --m 2 --samples 1000000000 --seed 1
expect 2 '--boxes: expected an integer' certify convexity --k 3 --boxes 1099511627776
expect 2 "k40.txt: n x d: 40 x 40 parameters" certify minimum "$tmp/k40.txt" --arith arb --out "$tmp/x.json"
expect 2 '--prec: expected an integer in \[16, 65536\]' eval "$EX/k7-spurious.txt" --prec 16777216
expect 2 '--max-prec: expected an integer' check --max-prec
expect 2 '--max-params: expected an integer' check --max-params=0 "$PD/convexity-k3.json"

# the options move the limits both ways
expect 0 ': ok' check "$PD/opsc-k3-m2-gaussian.json" "$PD/convexity-k3.json"
expect 1 '5 x 3 parameters is above the limit of 10' check --max-params=10 "$PD/opsc-k3-m2-gaussian.json"
expect 1 '128 bits is above the limit of 64' check --max-prec 64 "$PD/convexity-k3.json"
expect 0 '"prec": 70000' eval "$EX/k7-spurious.txt" --max-prec 70000 --prec 70000
finish cli_limits
