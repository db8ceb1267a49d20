#!/bin/sh
# 'relucert latex': the appendix of the certificates in proofs/default/ has
# the tables, outward-rounded numbers (printed lower bounds <= certified,
# upper bounds >=), the SHA-256 of every file, and compiles with pdflatex
# without warnings (when pdflatex is installed; .ci/run installs it and sets
# CI, and then it is required).
set -u
. "${TOP_SRCDIR:?}/tests/cli_lib.sh"
P="$TOP_SRCDIR/proofs/default"

$RUN latex "$P"/*.json >"$tmp/frag.tex"
check "latex: exit 0" test $? -eq 0
check "latex: booktabs tables" grep -q '\\toprule' "$tmp/frag.tex"
check "latex: a pgfplots figure" grep -q 'loglogaxis' "$tmp/frag.tex"
check "latex: fragment, not a document" sh -c "! grep -q documentclass '$tmp/frag.tex'"
sha=$(sha256sum "$P/convexity-k2.json" | cut -d' ' -f1)
check "latex: SHA-256 of a certificate" grep -q "$sha" "$tmp/frag.tex"
check "latex: the re-check command" grep -q 'relucert check FILE' "$tmp/frag.tex"
# parameters the user chose print as chosen, not as outward-rounded binaries
check "latex: eps = 10^-6 printed exactly" grep -q '^\$10^{-6}\$ & ' "$tmp/frag.tex"
check "latex: lambda = 0.1, eps = 10^-2 printed exactly" grep -q '^\$0.1\$ & \$10^{-2}\$ & ' "$tmp/frag.tex"
check "latex: no 0.100001 or 1.00001" sh -c "! grep -q '0\.100001\|1\.00001' '$tmp/frag.tex'"
check "latex: mu exact" grep -q '& \$0.045422528454052333\$ & ' "$tmp/frag.tex"
check "latex: reduced rows marked and L13 cited" sh -c "grep -q 'Lemma~L13' '$tmp/frag.tex' && grep -q '^7\$^\\\\dagger\$ & ' '$tmp/frag.tex'"

# outward rounding: the k = 7, index 1 row against its certificate
row=$(grep '^7[^&]* & 1 & ' "$tmp/frag.tex")
nums=$(printf '%s\n' "$row" | sed 's/\\cdot 10^{\([-0-9]*\)}/e\1/g' | tr -d '$[]' | awk -F' & ' '{ split($3, f, ", "); print f[1], f[2], $4, $5, $6 }')
cert="$P/minimum-k007-0001.json"
lam=$(grep -o '"lambda_lower": "[^"]*"' "$cert" | cut -d'"' -f4)
flo=$(grep -A2 '"loss"' "$cert" | grep -o '"lo": "[^"]*"' | cut -d'"' -f4)
fhi=$(grep -A2 '"loss"' "$cert" | grep -o '"hi": "[^"]*"' | cut -d'"' -f4)
set -- $nums
check "latex: printed F lower end <= certified" awk -v p="$1" -v c="$flo" 'BEGIN { exit !(p + 0 <= c + 0) }'
check "latex: printed F upper end >= certified" awk -v p="$2" -v c="$fhi" 'BEGIN { exit !(p + 0 >= c + 0) }'
check "latex: printed lambda_min bound <= certified" awk -v p="$3" -v c="$lam" 'BEGIN { exit !(p + 0 <= c + 0 && p + 0 > 0) }'
check "latex: printed split bound < 0" awk -v p="$4" 'BEGIN { exit !(p + 0 < 0) }'

# a tampered certificate is left out, with exit 1
sed 's/"radius_log2": -96/"radius_log2": -4/' "$cert" >"$tmp/bad.json"
$RUN latex "$tmp/bad.json" "$P/convexity-k2.json" >"$tmp/x.tex" 2>"$tmp/err"
check "latex: tampered certificate: exit 1" test $? -eq 1
check "latex: tampered certificate: reported" grep -q "bad.json: FAILED" "$tmp/err"
$RUN latex >/dev/null 2>&1
check "latex: no file: exit 2" test $? -eq 2

if command -v pdflatex >/dev/null 2>&1; then
    $RUN latex --standalone --title "relucert test appendix" "$P"/*.json >"$tmp/doc.tex"
    (cd "$tmp" && pdflatex -interaction=nonstopmode -halt-on-error doc.tex && pdflatex -interaction=nonstopmode -halt-on-error doc.tex) >"$tmp/pdflatex.out" 2>&1
    check "pdflatex compiles the standalone appendix" test $? -eq 0
    check "pdflatex: no undefined references or other LaTeX warnings" sh -c "! grep -q 'LaTeX Warning' '$tmp/doc.log'"
    check "pdflatex: a PDF" test -s "$tmp/doc.pdf"
elif [ -n "${CI:-}" ]; then
    echo "FAIL: pdflatex is not installed (CI must install texlive)"
    fail=$((fail + 1))
else
    echo "cli_latex: pdflatex not installed, compile test skipped"
fi

finish cli_latex
