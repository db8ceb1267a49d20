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

# Words match proofs: a certificate that passes the checker but does not
# prove its kind's statement never appears as proved (issue 25).
E="$TOP_SRCDIR/examples"
# a saddle (strict minimum refuted, Morse index 3): its own table, never a minimum
$RUN certify minimum "$TOP_SRCDIR/tests/data/saddle-k6-2-4.txt" --out "$tmp/saddle.json" >/dev/null 2>&1
$RUN latex "$tmp/saddle.json" >"$tmp/s.tex" 2>"$tmp/err"
check "latex saddle: exit 0 (what it proves is printed)" test $? -eq 0
check "latex saddle: not in the table of minima" sh -c "! grep -q 'Strict local minima' '$tmp/s.tex'"
check "latex saddle: a row with Morse index 3" grep -q '^6\$^\\dagger\$ & saddle-k6-2-4.txt & .* & 3 & ' "$tmp/s.tex"
check "latex saddle: rho printed" grep -q 'W\^\*-W_0|_F' "$tmp/s.tex"
# an honestly undecided certificate with a forged witness lambda_lower = 5:
# it passes the checker (it claims nothing), and latex prints no bound from it
$RUN certify minimum "$E/k7-spurious.txt" --prec 24 --out "$tmp/und.json" >/dev/null 2>&1
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); d['witnesses']['lambda_lower']='5'; json.dump(d,open(sys.argv[2],'w'))" "$tmp/und.json" "$tmp/und5.json"
check "undecided certificate with lambda_lower = 5 passes the checker" $RUN check "$tmp/und5.json"
$RUN latex "$tmp/und5.json" >"$tmp/u.tex" 2>"$tmp/err"
check "latex undecided: exit 1" test $? -eq 1
check "latex undecided: said on stderr" grep -q "und5.json: proves less" "$tmp/err"
check "latex undecided: no table of minima" sh -c "! grep -q 'Strict local minima' '$tmp/u.tex'"
check "latex undecided: no lambda 5 anywhere" sh -c "! grep -q '\$5\$' '$tmp/u.tex'"
check "latex undecided: listed with its verdicts" grep -q 'und5.json.*critical point undecided, strict minimum undecided' "$tmp/u.tex"
# refuted or undecided certificates of the other kinds
$RUN certify convexity --k 2 --mu 10 --out "$tmp/conv.json" >/dev/null 2>&1
$RUN certify opsc-fails --k 2 --eps 0.1 --lambda 1e-30 --out "$tmp/of.json" >/dev/null 2>&1
$RUN certify pl-fails --k 2 --eps 0.1 --lambda 1e-30 --out "$tmp/pf.json" >/dev/null 2>&1
$RUN certify opsc --k 2 --m 2 --samples 2 --seed 1 --radius 1000 --out "$tmp/opsc.json" >/dev/null 2>&1
for f in conv of pf opsc; do
    check "not-proved $f passes the checker" $RUN check "$tmp/$f.json"
    $RUN latex "$tmp/$f.json" >"$tmp/$f.tex" 2>"$tmp/err"
    check "latex not-proved $f: exit 1" test $? -eq 1
    check "latex not-proved $f: listed under 'prove less'" grep -q "^\\\\texttt{$f.json} & " "$tmp/$f.tex"
done
check "latex: refuted convexity has no convexity table" sh -c "! grep -q 'Strong convexity around' '$tmp/conv.tex'"
check "latex: undecided opsc-fails has no failure table" sh -c "! grep -q 'fails near' '$tmp/of.tex'"
check "latex: undecided pl-fails has no failure table" sh -c "! grep -q 'fails near' '$tmp/pf.tex'"
check "latex: undecided opsc has no OPSC table" sh -c "! grep -q 'One-point strong convexity along' '$tmp/opsc.tex'"
# a nonconvex certificate whose point verdict is forged fails the checker and is left out
sed '0,/"verdict": "proved"/s//"verdict": "undecided"/' "$P/nonconvex-k3-n4.json" >"$tmp/nc.json"
$RUN latex "$tmp/nc.json" >"$tmp/nc.tex" 2>"$tmp/err"
check "latex forged nonconvex: exit 1, left out" sh -c "grep -q 'nc.json: FAILED' '$tmp/err' && ! grep -q 'Non-convexity next' '$tmp/nc.tex'"
# the atlas: every line's certificate is re-verified against the line
$RUN atlas --k-max 8 --families two --out-dir "$tmp/at" --jobs 1 >/dev/null 2>&1
$RUN latex --atlas "$tmp/at/atlas.jsonl" >"$tmp/at0.tex"
check "latex --atlas of a fresh atlas: exit 0" test $? -eq 0
sha=$(sha256sum "$tmp/at/atlas.jsonl" | cut -d' ' -f1)
check "latex --atlas: the SHA-256 of atlas.jsonl" grep -q "atlas.jsonl} & \\\\texttt{$sha}" "$tmp/at0.tex"
python3 -c "
import json,sys
L=[json.loads(l) for l in open(sys.argv[1])]
for o in L:
    if o['status']=='saddle': o['status']='minimum'; break
open(sys.argv[1],'w').write(''.join(json.dumps(o)+'\n' for o in L))" "$tmp/at/atlas.jsonl"
$RUN latex --atlas "$tmp/at/atlas.jsonl" >"$tmp/at.tex" 2>"$tmp/err"
check "latex --atlas with a saddle relabelled minimum: exit 1" test $? -eq 1
check "latex --atlas: names the line" grep -q "atlas.jsonl:[0-9]*: the line does not match its certificate .*: the line says minimum" "$tmp/err"
# a line that names another point's certificate, or states other numbers
$RUN atlas --k-max 8 --families two --out-dir "$tmp/at4" --jobs 1 >/dev/null 2>&1
for edit in other-certificate k lambda loss; do
    cp "$tmp/at4/atlas.jsonl" "$tmp/at4/orig.jsonl"
    python3 -c "
import json,sys
L=[json.loads(l) for l in open(sys.argv[1])]
e=sys.argv[2]
if e=='other-certificate':
    i=next(i for i,o in enumerate(L) if i>0 and o['status']==L[0]['status'])
    L[i]['certificate']=L[0]['certificate']
elif e=='k': L[0]['k']=50; L[0]['a']=17
elif e=='lambda': L[0]['lambda_min']={'lo':'5','hi':'6'}
else: L[0]['loss']={'lo':'-3','hi':'-2'}
open(sys.argv[1],'w').write(''.join(json.dumps(o)+'\n' for o in L))" "$tmp/at4/atlas.jsonl" "$edit"
    $RUN latex --atlas "$tmp/at4/atlas.jsonl" >"$tmp/at4.tex" 2>"$tmp/err"
    check "latex --atlas, a line with $edit changed: exit 1" test $? -eq 1
    check "latex --atlas, a line with $edit changed: no appendix of it" sh -c "! grep -q 'strict local minima' '$tmp/at4.tex'"
    cp "$tmp/at4/orig.jsonl" "$tmp/at4/atlas.jsonl"
done
# the nonconvex figure plots certified lower bounds of |curvature|, rounded down
$RUN certify nonconvex --k 2 --n 3 --eps 0.1,1e-3 --out "$tmp/ncf.json" >/dev/null 2>&1
$RUN latex "$tmp/ncf.json" >"$tmp/ncf.tex"
check "nonconvex figure: every plotted value <= the certified |curvature|" python3 -c "
import json,re,sys
from fractions import Fraction as Q
d=json.load(open(sys.argv[1])); t=open(sys.argv[2]).read()
pts=re.findall(r'^  \(([^,]+), ([^)]+)\)$', t, re.M)
hi={Q(p['eps']): -Q(p['curvature']['hi']) for p in d['points']}
ok=len(pts)==2 and all(Q(y) <= hi[Q(x)] for x,y in pts)
sys.exit(0 if ok else 1)" "$tmp/ncf.json" "$tmp/ncf.tex"

# the census (issue 23): a complete one is a table with its completeness
# statement; one with unresolved boxes proves less; a tampered one is left out
$RUN census --k 4 -o "$tmp/cz" >/dev/null 2>&1
$RUN latex "$tmp/cz/census-k0004.json" >"$tmp/cz.tex" 2>"$tmp/cz.err"
check "census: exit 0" test $? -eq 0
check "census: the completeness statement" grep -q "Each row is a complete census of one symmetry pattern" "$tmp/cz.tex"
check "census: its row (4 points: 1 minimum, 3 saddles)" grep -q '^4 & one-block & [0-9]* & 4 & 1 & 3 & 0' "$tmp/cz.tex"
check "census: the index-3 saddle, the undecided indices n.p." sh -c "grep -q '^4 & one-block & saddle & 3 & ' '$tmp/cz.tex' && test \$(grep -c '^4 & one-block & saddle & n.p. & ' '$tmp/cz.tex') -eq 2"
$RUN census --k 4 --max-depth 4 -o "$tmp/cz2" >/dev/null 2>&1
$RUN latex "$tmp/cz2/census-k0004.json" >"$tmp/cz2.tex" 2>"$tmp/cz2.err"
check "census with unresolved boxes: exit 1" test $? -eq 1
check "census with unresolved boxes: proves less, no completeness claim" sh -c "grep -q 'complete undecided: 16 unresolved boxes (their share of the region.s volume: at most 1)' '$tmp/cz2.tex' && ! grep -q 'complete census' '$tmp/cz2.tex'"
python3 -c "
import json,sys
c=json.load(open(sys.argv[1])); c['points'].pop(); json.dump(c, open(sys.argv[2],'w'))" "$tmp/cz/census-k0004.json" "$tmp/cz3.json"
$RUN latex "$tmp/cz3.json" >"$tmp/cz3.tex" 2>"$tmp/cz3.err"
check "census with a point dropped: exit 1, left out" sh -c "test $? -eq 1 && grep -q 'FAILED' '$tmp/cz3.err' && ! grep -q 'one-block' '$tmp/cz3.tex'"

if command -v pdflatex >/dev/null 2>&1; then
    $RUN latex --standalone --title "relucert test appendix" "$P"/*.json "$tmp/cz/census-k0004.json" >"$tmp/doc.tex"
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
