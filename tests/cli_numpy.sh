#!/bin/sh
# NumPy input (issue 16 item 1): .npy and .npz files written by numpy itself
# are read exactly (each float64 or float32 is a rational number): eval and
# certify on a NumPy student give the same output as on a text point file
# holding the exact decimal expansions of the same binary values. Every
# rejected case gets one line and exit status 2.
set -u
. "${TOP_SRCDIR:?}/tests/cli_lib.sh"
EX="$TOP_SRCDIR/examples"

# numpy: Debian's python3-numpy (tools/install-deps); a python3 earlier on
# PATH without numpy falls back to /usr/bin/python3
PY=python3
$PY -c 'import numpy' 2>/dev/null || PY=/usr/bin/python3
if ! $PY -c 'import numpy' 2>/dev/null; then
    echo "FAIL: cli_numpy needs numpy (Debian package python3-numpy; tools/install-deps)"
    exit 1
fi

(cd "$tmp" && $PY - "$EX/k7-spurious.txt" <<'EOF_PY'
import sys
from decimal import Decimal
import numpy as np
rows, sec = [], None
for line in open(sys.argv[1]):
    line = line.split('#')[0].strip()
    if not line:
        continue
    if line.startswith('student'):
        sec = 's'; continue
    if line.startswith('teacher'):
        sec = 't'; continue
    if sec == 's':
        rows.append([float(x) for x in line.split()])
W = np.array(rows)
k = W.shape[0]
def text(name, M):   # the exact decimal expansion of every binary value
    with open(name, 'w') as f:
        f.write('teacher identity %d\nstudent %d %d\n' % (k, k, k))
        for r in M:
            f.write(' '.join(str(Decimal(float(x))) for x in r) + '\n')
text('exact64.txt', W)
text('exact32.txt', W.astype(np.float32))
np.save('W.npy', W)
np.save('Wf.npy', np.asfortranarray(W))
np.save('Wbe.npy', W.astype('>f8'))
np.save('Wbef.npy', np.asfortranarray(W.astype('>f8')))
np.save('W32.npy', W.astype(np.float32))
np.save('W32be.npy', W.astype('>f4'))
np.save('V.npy', np.eye(k))
V3 = np.array([[1.0, 0.5, 0.0], [0.0, 1.0, 0.25], [0.5, 0.0, 1.0]])
np.save('V3.npy', V3)
with open('V3.txt', 'w') as f:
    f.write('teacher 3 3\n')
    for r in V3:
        f.write(' '.join(str(Decimal(float(x))) for x in r) + '\n')
    f.write('student 1 3\n1 0 0\n')   # ignored by search
np.savez('WV.npz', W=W, V=np.eye(k))
np.savez_compressed('Wc.npz', W=W)
np.savez_compressed('WVc.npz', W=W, V=np.eye(k))
# rejected
np.save('int.npy', W.astype(np.int64))
np.save('c128.npy', W.astype(np.complex128))
np.save('f16.npy', W.astype(np.float16))
np.save('obj.npy', np.array([[1, 'a']], dtype=object), allow_pickle=True)
np.save('struct.npy', np.zeros((2, 2), dtype=[('a', '<f8'), ('b', '<f8')]))
np.save('vec.npy', W.ravel())
np.save('cube.npy', W.reshape(k, k, 1))
np.save('empty.npy', np.zeros((0, k)))
Wn = W.copy(); Wn[2, 3] = np.nan; np.save('nan.npy', Wn)
Wi = W.copy(); Wi[1, 1] = -np.inf; np.save('inf.npy', Wi)
Z = W.copy(); Z[4] = 0; np.save('zero.npy', Z)
np.save('V5.npy', np.eye(5))
np.savez('noW.npz', A=W)
raw = open('W.npy', 'rb').read()
open('trunc.npy', 'wb').write(raw[:-5])
open('trail.npy', 'wb').write(raw + b'\0')
open('magic.npy', 'wb').write(b'NUMPY' + raw[6:])
z = bytearray(open('WV.npz', 'rb').read())
i = z.find(b'W.npy') + 200   # a byte of W's data (the first local header; stored)
z[i] ^= 0xff
open('crc.npz', 'wb').write(bytes(z))
open('notzip.npz', 'wb').write(b'PK\x03\x04 not really a zip archive')
EOF_PY
) || { echo "FAIL: writing the NumPy files"; exit 1; }

# strip "source" (the file name) from a JSON document, for comparisons
nosrc() { grep -v '"source"' "$1"; }

$RUN eval "$tmp/exact64.txt" >"$tmp/ref64.json" 2>/dev/null
$RUN eval "$tmp/exact32.txt" >"$tmp/ref32.json" 2>/dev/null
for f in W Wf Wbe Wbef; do
    $RUN eval "$tmp/$f.npy" --teacher identity >"$tmp/$f.json" 2>/dev/null
    check "eval $f.npy (float64) = eval of its exact decimals" cmp -s "$tmp/ref64.json" "$tmp/$f.json"
done
for f in W32 W32be; do
    $RUN eval "$tmp/$f.npy" --teacher identity >"$tmp/$f.json" 2>/dev/null
    check "eval $f.npy (float32) = eval of its exact decimals" cmp -s "$tmp/ref32.json" "$tmp/$f.json"
done
check "float32 and float64 points differ" sh -c "! cmp -s '$tmp/ref32.json' '$tmp/ref64.json'"
$RUN eval "$tmp/W.npy" --teacher "$tmp/V.npy" >"$tmp/o.json" 2>/dev/null
check "--teacher V.npy = --teacher identity" cmp -s "$tmp/ref64.json" "$tmp/o.json"
for f in WV.npz WVc.npz; do
    $RUN eval "$tmp/$f" >"$tmp/o.json" 2>/dev/null
    check "eval $f (V in the archive)" cmp -s "$tmp/ref64.json" "$tmp/o.json"
done
$RUN eval "$tmp/Wc.npz" --teacher identity >"$tmp/o.json" 2>/dev/null
check "eval Wc.npz (compressed) --teacher identity" cmp -s "$tmp/ref64.json" "$tmp/o.json"

# certify: the same certificate as from the text file, but for "source"
$RUN certify minimum "$tmp/exact64.txt" --out "$tmp/ct.json" >/dev/null 2>&1
check "certify the exact text point: exit 0" test $? -eq 0
$RUN certify minimum "$tmp/W.npy" --teacher identity --out "$tmp/cn.json" >"$tmp/sum" 2>&1
check "certify W.npy: exit 0" test $? -eq 0
nosrc "$tmp/ct.json" >"$tmp/a"; nosrc "$tmp/cn.json" >"$tmp/b"
check "certify W.npy = certify its exact decimals (but the source)" cmp -s "$tmp/a" "$tmp/b"
check "the certificate names W.npy" grep -q '"source": "W.npy"' "$tmp/cn.json"
$RUN check "$tmp/cn.json" >/dev/null 2>&1
check "check the W.npy certificate: exit 0" test $? -eq 0
$RUN certify minimum "$tmp/WVc.npz" --out "$tmp/cz.json" >/dev/null 2>&1
nosrc "$tmp/cz.json" >"$tmp/b"
check "certify WVc.npz = the same" cmp -s "$tmp/a" "$tmp/b"

# search: a NumPy teacher is the same teacher as its exact decimals
$RUN search --teacher "$tmp/V3.npy" --runs 4 --seed 3 --max-iter 20000 --step 1/2 --out "$tmp/s1.jsonl" >/dev/null 2>&1
check "search --teacher V3.npy: exit 0" test $? -eq 0
check "search --teacher V3.npy found the global minimum" grep -q '"global"' "$tmp/s1.jsonl"
$RUN search --teacher "$tmp/V3.txt" --runs 4 --seed 3 --max-iter 20000 --step 1/2 --out "$tmp/s2.jsonl" >/dev/null 2>&1
check "search --teacher V3.npy = --teacher of its exact decimals" cmp -s "$tmp/s1.jsonl" "$tmp/s2.jsonl"

# rejected: one line naming the file and what was expected, exit 2
n=0
while IFS='|' read -r pat args; do
    case "$pat" in ''|'#'*) continue ;; esac
    n=$((n + 1))
    (cd "$tmp" && eval "$RUN $args") >/dev/null 2>"$tmp/err"
    st=$?
    check "exit 2: relucert $args (got $st)" test "$st" -eq 2
    check "one line: relucert $args" test "$(wc -l <"$tmp/err")" -eq 1
    check "says '$pat': relucert $args" grep -q -- "$pat" "$tmp/err"
done <<EOF_TABLE
int.npy: expected dtype float64 or float32|eval int.npy --teacher identity
c128.npy: expected dtype float64 or float32|eval c128.npy --teacher identity
f16.npy: expected dtype float64 or float32|eval f16.npy --teacher identity
obj.npy: expected dtype float64 or float32|eval obj.npy --teacher identity
struct.npy: expected dtype float64 or float32|certify minimum struct.npy --teacher identity
vec.npy: expected a two-dimensional array|eval vec.npy --teacher identity
cube.npy: expected a two-dimensional array|certify minimum cube.npy --teacher identity
empty.npy: expected at least one neuron|eval empty.npy --teacher identity
nan.npy: row 2, column 3: expected a finite number, found nan|eval nan.npy --teacher identity
inf.npy: row 1, column 1: expected a finite number, found -inf|certify minimum inf.npy --teacher identity
trunc.npy: truncated data|eval trunc.npy --teacher identity
trail.npy: expected 392 bytes of data|eval trail.npy --teacher identity
magic.npy: expected a NumPy .npy file|eval magic.npy --teacher identity
missing.npy: cannot open|eval missing.npy --teacher identity
zero.npy, row 4: expected a nonzero student neuron|certify minimum zero.npy --teacher identity
zero.npy, row 4: expected a nonzero student neuron for --hessian|eval zero.npy --teacher identity --hessian
W.npy: expected a teacher|eval W.npy
V5.npy: expected a teacher of dimension D = 7|eval W.npy --teacher V5.npy
expected FILE.npy or identity|eval W.npy --teacher exact64.txt
WV.npz: the archive holds the teacher V and --teacher|eval WV.npz --teacher identity
noW.npz: expected an array named W|eval noW.npz --teacher identity
crc.npz: member W.npy: CRC-32 mismatch|eval crc.npz
notzip.npz: expected a zip archive|eval notzip.npz --teacher identity
--teacher: expected a NumPy student|eval exact64.txt --teacher identity
int.npy: expected dtype float64|search --teacher int.npy --runs 1 --seed 1
--teacher goes with a NumPy student file|certify minimum --dataset x.jsonl --k 7 --index 0 --teacher identity
EOF_TABLE
check "at least 25 rejected cases" test "$n" -ge 25

# symmetry up to the order of the neurons (issue 22 item 3): a published
# point with its rows shuffled, exactly and with 1e-12 noise, goes to the
# reduced path; the certificate records the order and the input, and checks
$PY - "$TOP_SRCDIR/data/safran2021-minima.jsonl" "$tmp" <<'EOF_PY'
import json, sys
import numpy as np
for line in open(sys.argv[1]):
    o = json.loads(line)
    if o['k'] == 12 and o['index'] == 2:
        break
k, p, vals = o['k'], o['p'], o['vals']
m = len(p)
blk = [b for b in range(m) for _ in range(p[b])]
M = np.zeros((k, k))
for r in range(k):
    for c in range(k):
        M[r][c] = float(vals[blk[c]][blk[c]] if r == c else vals[blk[c]][m] if blk[r] == blk[c]
                        else vals[blk[r]][blk[c]])
W = M.T.copy()
rng = np.random.default_rng(5)
W = W[rng.permutation(k)]
np.save(sys.argv[2] + '/shuffled.npy', W)
np.save(sys.argv[2] + '/noisy.npy', W + 1e-12 * rng.standard_normal(W.shape))
EOF_PY
$RUN certify minimum "$tmp/shuffled.npy" --teacher identity --out "$tmp/sh.json" >"$tmp/out"
check "shuffled k = 12 record: exit 0" test $? -eq 0
check "shuffled k = 12 record: reduced path, reordered" grep -q "^path: reduced (blocks .*; neurons reordered to expose the symmetry" "$tmp/out"
check "shuffled k = 12 record: the order recorded" grep -q '"neuron_order"' "$tmp/sh.json"
check "shuffled k = 12 record: checks" $RUN check "$tmp/sh.json"
$RUN certify minimum "$tmp/noisy.npy" --teacher identity --symmetrize 1e-9 --out "$tmp/no.json" >"$tmp/out"
check "shuffled and noisy, --symmetrize: exit 0 on the reduced path" sh -c "grep -q '^path: reduced' '$tmp/out' && grep -q '^strict minimum: proved' '$tmp/out'"
check "shuffled and noisy: the distance to the input is small and proved" grep -q "^distance to the input: proved (every point of the box, the certified critical point among them, within [0-9.]*e-1[0-9] in the Frobenius" "$tmp/out"
$RUN certify minimum "$tmp/noisy.npy" --teacher identity --out "$tmp/no2.json" >"$tmp/out"
check "shuffled and noisy without --symmetrize: the dense path" grep -q "^path: dense" "$tmp/out"
finish cli_numpy
