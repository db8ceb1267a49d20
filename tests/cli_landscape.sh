#!/bin/sh
# The landscape workflows (certify convexity, nonconvex, opsc-fails,
# pl-fails, opsc) moved from the command into the library (issue 22): their
# certificates are byte for byte those the command wrote before the move
# (tests/data/landscape/, written by the binary of main at e07957d; the
# "producer" versions aside), and the summary is the library's.
set -u
. "${TOP_SRCDIR:?}/tests/cli_lib.sh"
G="$TOP_SRCDIR/tests/data/landscape"

# a certificate without its "producer" member (library versions)
bare() {
    sed '/^ "producer": {/,/^ },/d' "$1"
}
same() {
    name=$1; shift
    $RUN "$@" --out "$tmp/$name.json" >"$tmp/$name.out" 2>&1
    bare "$G/$name.json" >"$tmp/$name.want"
    bare "$tmp/$name.json" >"$tmp/$name.got"
    check "$name: the bytes written before the move" cmp "$tmp/$name.want" "$tmp/$name.got"
}
same cv2nb certify convexity --k 2 --norm box --boxes 16
same cvmu certify convexity --k 3 --mu 0.091
same nc23 certify nonconvex --k 2 --n 3 --eps 0.1,1e-3 --alpha 1/3,2/3
same pf2 certify pl-fails --k 2 --eps 0.1 --lambda 1e-30
same oparb certify opsc --k 3 --m 2 --samples 3 --seed 1 --arith arb
# the refuting direction (a witness in a multiple eigenspace) does not come
# from BLAS: the same bytes under another OpenBLAS kernel
OPENBLAS_CORETYPE=Prescott $RUN certify convexity --k 3 --mu 0.091 --out "$tmp/cvmu2.json" >/dev/null 2>&1
check "cvmu: the same bytes under OPENBLAS_CORETYPE=Prescott" cmp -s "$tmp/cvmu.json" "$tmp/cvmu2.json"
check "the producer is what is stripped" test "$(bare "$G/cvmu.json" | wc -l)" -eq "$(($(wc -l <"$G/cvmu.json") - 7))"

# the summary lines, from the certificate
check "convexity refuted: summary" grep -q "^strongly convex with lambda_min >= 0.091: refuted at W = V itself (a direction with quotient 0.09084505691)" "$tmp/cvmu.out"
check "convexity box: counts" grep -q "^strongly convex: proved, lambda_min >= 0.045422528454052333 on the box |W - V|_inf <= .*sub-boxes: [0-9]* proved, [0-9]* outside" "$tmp/cv2nb.out"
check "nonconvex: two rows proved" test "$(grep -c ' proved$' "$tmp/nc23.out")" -eq 2
check "pl-fails: undecided row" grep -q "^1e-30 .* undecided$" "$tmp/pf2.out"
check "opsc: lambda as the certificate records it" grep -q "lam_U >= 0.01: 3 of 3" "$tmp/oparb.out"
check "every run names its certificate" test "$(cat "$tmp"/*.out | grep -c '^certificate: ')" -eq 5
finish cli_landscape
