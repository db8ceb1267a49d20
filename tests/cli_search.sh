#!/bin/sh
# 'relucert search': at k = 7 a few hundred seeded runs find the global
# minimum and the dataset's (1,6) minimum, with the published values to
# 1e-9; the output is reproducible, independent of --jobs, and feeds
# 'relucert certify minimum --dataset'.
set -u
. "${TOP_SRCDIR:?}/tests/cli_lib.sh"
EX="$TOP_SRCDIR/examples"
DATA="$TOP_SRCDIR/data/safran2021-minima.jsonl"

$RUN search --k 7 --runs 300 --seed 1 --jobs 2 --out "$tmp/s.jsonl" 2>"$tmp/err"
check "search exit 0" test $? -eq 0
check "two distinct minima" test "$(wc -l <"$tmp/s.jsonl")" -eq 2
check "global first" sh -c "head -1 '$tmp/s.jsonl' | grep -q '\"kind\":\"global\",\"p\":\\[7\\]'"
check "the (1,6) minimum" sh -c "sed -n 2p '$tmp/s.jsonl' | grep -q '\"kind\":\"spurious\",\"p\":\\[1,6\\]'"
check "summary on stderr" grep -q "300 runs" "$tmp/err"

# vals of the (1,6) minimum against the published record, entry by entry
vals() { grep -o '"vals": *\[\[[^]]*\], *\[[^]]*\]\]' | tr -d '"[] ' | sed 's/^vals://' | tr ',' '\n'; }
sed -n 2p "$tmp/s.jsonl" | vals >"$tmp/found"
grep '"k": 7, "index": 1,' "$DATA" | vals >"$tmp/published"
check "six vals" test "$(wc -l <"$tmp/found")" -eq 6
check "vals within 1e-9 of the dataset" sh -c "paste '$tmp/found' '$tmp/published' | awk '{ d = \$1 - \$2; if (d < 0) d = -d; if (d > 1e-9 || NF != 2) bad = 1 } END { exit bad }'"
eig=$(sed -n 2p "$tmp/s.jsonl" | grep -o '"min_hessian_eig":"[^"]*"' | cut -d'"' -f4)
check "min eigenvalue within 1e-9" awk -v x="$eig" 'BEGIN { d = x - 0.014059013182513933; if (d < 0) d = -d; exit !(d < 1e-9) }'

# the same seed gives the same bytes, whatever --jobs
$RUN search --k 7 --runs 300 --seed 1 --jobs 1 --out "$tmp/s1.jsonl" 2>/dev/null
check "reproducible, independent of --jobs" cmp "$tmp/s.jsonl" "$tmp/s1.jsonl"
$RUN search --k 7 --runs 300 --seed 2 --out "$tmp/s2.jsonl" 2>/dev/null
check "another seed, other counts" sh -c "! cmp -s '$tmp/s.jsonl' '$tmp/s2.jsonl'"

# the output feeds certify
$RUN certify minimum --dataset "$tmp/s.jsonl" --out-dir "$tmp/c" >"$tmp/out" 2>/dev/null
check "certify the search output" test $? -eq 0
check "both certified" grep -q "2 of 2 records certified" "$tmp/out"

# a general teacher: full rows and the teacher in the record
$RUN search --teacher "$EX/general-teacher.txt" --runs 10 --seed 3 --step 1/2 >"$tmp/g.jsonl" 2>/dev/null
check "general teacher: exit 0" test $? -eq 0
check "general teacher: rows and teacher" grep -q '"rows".*"teacher"' "$tmp/g.jsonl"

# bad input
$RUN search --k 7 --seed 1 2>"$tmp/err"
check "missing --runs: exit 2" test $? -eq 2
check "missing --runs: one line" test "$(wc -l <"$tmp/err")" -eq 1
$RUN search --teacher "$tmp/none.txt" --runs 1 --seed 1 2>"$tmp/err"
check "missing teacher file: exit 2" test $? -eq 2
$RUN search --k 7 --runs 1 --seed 1 --step -1 2>"$tmp/err"
check "negative step: exit 2" test $? -eq 2
check "search --help" sh -c "$RUN search --help | grep -q -- '--seed'"

finish cli_search
