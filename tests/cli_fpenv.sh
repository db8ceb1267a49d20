#!/bin/sh
# The floating-point environment of the binary64 path (lemmas L11, L14):
# a process whose MXCSR has flush-to-zero and denormals-are-zero on (as
# after loading any object built with -ffast-math) must not get binary64
# proofs: certify minimum falls back to ball arithmetic and says why, the
# certificate records "arith": "arb", eval's binary64 lambda_min is
# skipped with the reason, certify opsc records arb and says why on
# stderr, and the checker refuses a binary64 certificate with the reason.
# A dpotrf that is wrong only on large dense matrices is caught by the
# self-test at the run's size.
# Also: the binary64 header and configure refuse -ffast-math and its
# kin. The FTZ/DAZ part is x86 only (the module sets MXCSR). Not part of
# make check-valgrind (valgrind does not emulate FTZ/DAZ).
set -u
. "${TOP_SRCDIR:?}/tests/cli_lib.sh"
DATA="$TOP_SRCDIR/data/safran2021-minima.jsonl"
BUILD=$(dirname "$RELUCERT")
MOD="$BUILD/tests/.libs/ftz_preload.so"
# a sanitizer build (configure --enable-sanitizers) needs its ASan runtime
# first in LD_PRELOAD before any other preloaded object
ASAN=
for b in "$BUILD/.libs/relucert" "$BUILD/.libs/lt-relucert" "$RELUCERT"; do
    [ -f "$b" ] && ASAN=$(ldd "$b" 2>/dev/null | awk '/libasan/ { print $3; exit }')
    [ -n "$ASAN" ] && break
done
PRE=${ASAN:+$ASAN:}
# compile time: the binary64 header refuses fast-math builds
printf '#include "relucert/di.h"\nint main(void) { return 0; }\n' >"$tmp/fm.c"
CCMD="${CC:-cc} -c -I$TOP_SRCDIR/include -I$BUILD/include -o $tmp/fm.o $tmp/fm.c"
check "di.h compiles without -ffast-math" $CCMD
for f in -ffast-math -Ofast -funsafe-math-optimizations -ffinite-math-only; do
    # a compiler that announces nothing for a flag (clang's
    # -funsafe-math-optimizations) is caught by configure only
    ${CC:-cc} $f -dM -E - </dev/null 2>/dev/null \
        | grep -Eq '__FAST_MATH__|__FINITE_MATH_ONLY__ 1|__ASSOCIATIVE_MATH__|__RECIPROCAL_MATH__' \
        || continue
    check "di.h refuses $f" sh -c "! $CCMD $f"
    check "di.h names $f" sh -c "$CCMD $f 2>&1 | grep -q 'IEEE 754'"
done

# configure refuses them too: by name in CFLAGS, and by the compiler's
# macros (a flag hidden in CC); a copy of configure with the files it needs
# before that check (the source tree is configured already), about 3 s each
mkdir -p "$tmp/cf/src/model" "$tmp/cfb"
cp "$TOP_SRCDIR/configure" "$tmp/cf/" && cp -r "$TOP_SRCDIR/build-aux" "$tmp/cf/" \
    && touch "$tmp/cf/src/model/pair.c"
(cd "$tmp/cfb" && ../cf/configure -q CFLAGS="-O2 -ffast-math" >out 2>err)
check "configure CFLAGS=-ffast-math: refused" test $? -ne 0
check "configure CFLAGS=-ffast-math: says why" grep -q 'need IEEE 754 arithmetic' "$tmp/cfb/err"
(cd "$tmp/cfb" && ../cf/configure -q CC="${CC:-cc} -ffast-math" >out 2>err)
check "configure CC='cc -ffast-math': refused" test $? -ne 0
check "configure CC='cc -ffast-math': says why" grep -q 'need IEEE 754 arithmetic' "$tmp/cfb/err"
(cd "$tmp/cfb" && ../cf/configure -q CFLAGS="-O2" >out 2>err)
check "configure CFLAGS=-O2: passes the check" sh -c "! grep -q 'IEEE 754' '$tmp/cfb/err'"

# a dpotrf that leaves lemma L14's error model only above 200 x 200 (on
# dense matrices): the fixed self-tests pass, the one at the run's size
# (225) must not, and the run falls back to ball arithmetic saying so
BAD="$BUILD/tests/.libs/bad_dpotrf.so"
sh "$TOP_SRCDIR/benchmarks/general-point" 15 >"$tmp/g15.txt"
if [ -f "$BAD" ]; then
    env LD_PRELOAD="$PRE$BAD" $RUN certify minimum "$tmp/g15.txt" --out "$tmp/bad.json" >"$tmp/out"
    check "bad dpotrf: exit 0 (proved in ball arithmetic)" test $? -eq 0
    check "bad dpotrf: arb recorded" grep -q '"arith": "arb"' "$tmp/bad.json"
    check "bad dpotrf: says why" grep -q "ball arithmetic: binary64 was asked for but the BLAS self-test failed: dpotrf's backward error leaves lemma L14's bound on a 225 x 225" "$tmp/out"
else
    check "bad dpotrf module built" false
fi

# the rest needs x86 (the module sets MXCSR)
case $(uname -m) in
    x86_64|amd64|i?86) ;;
    *) echo "cli_fpenv: not x86, the FTZ/DAZ part skipped"; finish cli_fpenv; exit $? ;;
esac
if [ ! -f "$MOD" ]; then
    echo "cli_fpenv: $MOD not built"
    exit 1
fi
FTZ="env LD_PRELOAD=$PRE$MOD"

# the point where binary64 proves (cli_dense64.sh), first as it should be
$RUN certify minimum --dataset "$DATA" --k 8 --index 0 --path dense --arith binary64 \
    --out "$tmp/ok.json" >"$tmp/out"
check "clean environment: binary64" grep -q '"arith": "binary64"' "$tmp/ok.json"

# with FTZ/DAZ on: ball arithmetic, and the reason
$FTZ $RUN certify minimum --dataset "$DATA" --k 8 --index 0 --path dense --arith binary64 \
    --out "$tmp/ftz.json" >"$tmp/out" 2>"$tmp/err"
check "FTZ/DAZ: exit 0 (proved in ball arithmetic)" test $? -eq 0
check "FTZ/DAZ: no binary64 in the certificate" sh -c "! grep -q '\"arith\": \"binary64\"' '$tmp/ftz.json'"
check "FTZ/DAZ: the certificate records arb" grep -q '"arith": "arb"' "$tmp/ftz.json"
check "FTZ/DAZ: the summary says why" grep -q '^path: dense (--path dense); ball arithmetic: binary64 was asked for but flush-to-zero is on' "$tmp/out"
check "FTZ/DAZ: the arb certificate checks" $FTZ $RUN check "$tmp/ftz.json"

# --arith auto on a general point of 225 coordinates (binary64 by default)
$FTZ $RUN certify minimum "$tmp/g15.txt" --out "$tmp/g15.json" >"$tmp/out"
check "FTZ/DAZ auto: arb recorded" grep -q '"arith": "arb"' "$tmp/g15.json"
check "FTZ/DAZ auto: says why" grep -q 'ball arithmetic: binary64 was asked for but flush-to-zero' "$tmp/out"

# the checker re-runs a binary64 certificate: undecided there, so FAILED, with the reason
$FTZ $RUN check "$tmp/ok.json" >"$tmp/out"
check "FTZ/DAZ check of a binary64 certificate: exit 1" test $? -eq 1
check "FTZ/DAZ check: says why" grep -q 'binary64 is not usable here: flush-to-zero' "$tmp/out"

# eval: the binary64 lambda_min (n d = 441) is not given, with the reason
sh "$TOP_SRCDIR/benchmarks/general-point" 21 >"$tmp/g21.txt"
$FTZ $RUN eval "$tmp/g21.txt" >"$tmp/e.json"
check "FTZ/DAZ eval: exit 0" test $? -eq 0
check "FTZ/DAZ eval: no enclosure" sh -c "! grep -q '\"hessian_min_eig\":' '$tmp/e.json'"
check "FTZ/DAZ eval: says why" grep -q '"hessian_min_eig_skipped": "binary64 path: flush-to-zero' "$tmp/e.json"

# certify opsc: the pieces in Arb, recorded, and said
$FTZ $RUN certify opsc --k 3 --m 2 --samples 3 --seed 1 --out "$tmp/op.json" >"$tmp/out" 2>"$tmp/err"
check "FTZ/DAZ opsc: exit 0" test $? -eq 0
check "FTZ/DAZ opsc: arb recorded" grep -q '"arith": "arb"' "$tmp/op.json"
check "FTZ/DAZ opsc: says why" grep -q 'ball arithmetic: binary64 was asked for but flush-to-zero' "$tmp/err"
# the checker of a binary64 opsc certificate under FTZ/DAZ: refused, and it
# names the environment, not the certificate, as the reason
$RUN certify opsc --k 3 --m 2 --samples 3 --seed 1 --out "$tmp/op64.json" >/dev/null 2>&1
$FTZ $RUN check "$tmp/op64.json" >"$tmp/out"
check "FTZ/DAZ check of a binary64 opsc certificate: exit 1" test $? -eq 1
check "FTZ/DAZ check of opsc: says why" grep -q 'binary64 is not usable here: flush-to-zero' "$tmp/out"

finish cli_fpenv
