#!/bin/sh
# Batches over machines (issue 16 item 3; docs/cluster.md): --shard I/N
# runs as separate processes give the same certificate bytes as one
# process, the merges check every shard and name a missing or failed one,
# and docs/cluster.md's Slurm script parses and its tasks run here.
set -u
. "${TOP_SRCDIR:?}/tests/cli_lib.sh"
DS="$TOP_SRCDIR/data/safran2021-minima.jsonl"

# the dataset, k <= 20: one process, and 4 shards into one directory
$RUN certify minimum --dataset "$DS" --k-max 20 --out-dir "$tmp/one" --jobs 2 >"$tmp/one.txt" 2>/dev/null
check "one process: exit 0" test $? -eq 0
for i in 1 2 3 4; do
    $RUN certify minimum --dataset "$DS" --k-max 20 --out-dir "$tmp/four" --shard "$i/4" --jobs 1 \
        >"$tmp/shard$i.txt" 2>/dev/null
    check "shard $i/4: exit 0" test $? -eq 0
    check "shard $i/4: says so" grep -q "^shard $i/4: " "$tmp/shard$i.txt"
done
check "104 certificates" test "$(ls "$tmp/one" | wc -l)" -eq 104
check "4 shards = one process, byte for byte" diff -r "$tmp/one" "$tmp/four"
$RUN certify minimum --dataset "$DS" --k-max 20 --out-dir "$tmp/four" --merge 4 --jobs 2 >"$tmp/m.txt" 2>&1
check "merge: exit 0" test $? -eq 0
check "merge: all 4 shards complete" grep -q "merge: all 4 shards complete" "$tmp/m.txt"
check "merge: 104 of 104 checked" grep -q "merge: 104 of 104 certificates present and checked" "$tmp/m.txt"
# a missing certificate (the second record: shard 2) and a tampered one (the
# fourth: shard 4); file names sort in the dataset's order (k, then index)
second=$(ls "$tmp/four" | sed -n 2p)
fourth=$(ls "$tmp/four" | sed -n 4p)
rm "$tmp/four/$second"
sed 's/"success": true/"success": false/' "$tmp/one/$fourth" >"$tmp/four/$fourth"
$RUN certify minimum --dataset "$DS" --k-max 20 --out-dir "$tmp/four" --merge 4 --jobs 2 >"$tmp/m.txt" 2>"$tmp/m.err"
check "merge with a missing and a failed certificate: exit 1" test $? -eq 1
check "merge names shards 2 and 4" grep -q "shards (of --shard I/N): 2, 4 of 4" "$tmp/m.txt"
check "merge names the missing file and its shard" grep -q "$second: no certificate (shard 2/4)" "$tmp/m.err"
check "merge names the failed file and its shard" grep -q "$fourth: FAILED: .*(shard 4/4)" "$tmp/m.err"
# rerunning the incomplete shards repairs the directory
# (the tampered file claims failure, so it is recertified)
$RUN certify minimum --dataset "$DS" --k-max 20 --out-dir "$tmp/four" --shard 2/4 --jobs 1 >/dev/null 2>&1
$RUN certify minimum --dataset "$DS" --k-max 20 --out-dir "$tmp/four" --shard 4/4 --jobs 1 >/dev/null 2>&1
check "after rerunning shards 2 and 4: identical again" diff -r "$tmp/one" "$tmp/four"

# opsc directions: 3 parts merged = the one-process certificate
$RUN certify opsc --k 3 --m 2 --samples 20 --seed 1 --out "$tmp/opsc1.json" --jobs 2 >/dev/null 2>&1
for i in 1 2 3; do
    $RUN certify opsc --k 3 --m 2 --samples 20 --seed 1 --shard "$i/3" --out "$tmp/part$i.json" \
        --jobs 1 >/dev/null 2>&1
    check "opsc shard $i/3: exit 0" test $? -eq 0
done
$RUN certify opsc --merge "$tmp/part1.json" "$tmp/part2.json" "$tmp/part3.json" \
    --out "$tmp/opsc3.json" --jobs 2 >"$tmp/m.txt" 2>&1
check "opsc merge: exit 0" test $? -eq 0
check "opsc merge: checked" grep -q "opsc3.json: ok" "$tmp/m.txt"
check "opsc: 3 parts merged = one process, byte for byte" cmp "$tmp/opsc1.json" "$tmp/opsc3.json"
$RUN check "$tmp/part1.json" >/dev/null 2>&1
check "a part is not a certificate: check exits 1" test $? -eq 1
$RUN certify opsc --merge "$tmp/part1.json" "$tmp/part3.json" --out "$tmp/x.json" >/dev/null 2>"$tmp/err"
check "opsc merge without shard 2: exit 1" test $? -eq 1
check "opsc merge names shard 2" grep -q "missing shards (of --shard I/N): 2 of 3" "$tmp/err"
$RUN certify opsc --merge "$tmp/part1.json" "$tmp/part1.json" "$tmp/part3.json" --out "$tmp/x.json" >/dev/null 2>"$tmp/err"
check "opsc merge with a shard twice: exit 2" test $? -eq 2
$RUN certify opsc --k 3 --m 2 --samples 20 --seed 2 --shard 2/3 --out "$tmp/other.json" >/dev/null 2>&1
$RUN certify opsc --merge "$tmp/part1.json" "$tmp/other.json" "$tmp/part3.json" --out "$tmp/x.json" >/dev/null 2>"$tmp/err"
check "opsc merge of two runs (other seed): exit 2" test $? -eq 2
check "opsc merge of two runs: says so" grep -q "expected a part of the same run" "$tmp/err"

# check --shard: the shards together check every file once
$RUN check "$tmp"/one/*.json >"$tmp/all.txt" 2>&1
: >"$tmp/sharded.txt"
for i in 1 2 3; do $RUN check --shard "$i/3" "$tmp"/one/*.json >>"$tmp/sharded.txt" 2>&1; done
check "check --shard: every file once" test "$(sort "$tmp/sharded.txt" | uniq | wc -l)" -eq 104
sort "$tmp/all.txt" >"$tmp/a.sorted"; sort "$tmp/sharded.txt" >"$tmp/b.sorted"
check "check --shard: the same lines as one check" cmp -s "$tmp/a.sorted" "$tmp/b.sorted"

# usage errors
$RUN certify minimum --dataset "$DS" --shard 5/4 >/dev/null 2>"$tmp/err"
check "--shard 5/4: exit 2" test $? -eq 2
check "--shard 5/4: one line" test "$(wc -l <"$tmp/err")" -eq 1
$RUN certify minimum "$TOP_SRCDIR/examples/k7-spurious.txt" --shard 1/2 >/dev/null 2>"$tmp/err"
check "--shard on one point: exit 2" test $? -eq 2
$RUN certify convexity --k 2 --shard 1/2 >/dev/null 2>"$tmp/err"
check "--shard on certify convexity: exit 2" test $? -eq 2

# docs/cluster.md: the Slurm script parses, and its 4 tasks run here
awk '/^```bash$/ { n++; if (n == 1) { on = 1; next } } /^```/ { on = 0 } on' \
    "$TOP_SRCDIR/docs/cluster.md" >"$tmp/array.sbatch"
check "the Slurm script is in docs/cluster.md" grep -q '^#SBATCH --array=1-4' "$tmp/array.sbatch"
check "the Slurm script parses (bash -n)" bash -n "$tmp/array.sbatch"
printf '#!/bin/sh\nexec %s "$@"\n' "$RUN" >"$tmp/relucert"
chmod +x "$tmp/relucert"
for i in 1 2 3 4; do
    (cd "$tmp" && PATH="$tmp:$PATH" SLURM_ARRAY_TASK_ID=$i SLURM_ARRAY_TASK_COUNT=4 \
        SLURM_CPUS_PER_TASK=1 DATASET="$DS" KMAX=20 OUT="$tmp/slurm" bash "$tmp/array.sbatch") \
        >/dev/null 2>&1
    check "Slurm task $i of 4, run locally: exit 0" test $? -eq 0
done
check "the Slurm tasks' certificates = one process" diff -r "$tmp/one" "$tmp/slurm"
finish cli_shard
