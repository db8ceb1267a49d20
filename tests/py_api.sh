#!/bin/sh
# The Python package (python/) against the library just built (issue 16
# item 2): docs/python.md's walk-through runs as written (a numpy gradient
# descent finds the k = 7 minimum, which is then certified), the
# certificate made by one Python call is byte for byte the one the command
# makes from the same array saved by numpy, and tests/py_api.py checks the
# API's contracts (exact numbers both ways, errors as exceptions).
set -u
. "${TOP_SRCDIR:?}/tests/cli_lib.sh"
: "${API_LIBRARY:?}"

PY=python3
$PY -c 'import numpy' 2>/dev/null || PY=/usr/bin/python3
if ! $PY -c 'import numpy' 2>/dev/null; then
    echo "FAIL: py_api needs numpy (Debian package python3-numpy; tools/install-deps)"
    exit 1
fi
if [ ! -f "$API_LIBRARY" ]; then
    echo "py_api: skipped (no shared library $API_LIBRARY: configured --disable-shared?)"
    exit 77
fi
export PYTHONPATH="$TOP_SRCDIR/python" RELUCERT_API_LIBRARY="$API_LIBRARY"
# a sanitizer build's library cannot be loaded into an uninstrumented Python
if $PY -c 'import relucert' 2>&1 | grep -qE 'Sanitizer|ASan'; then
    echo "py_api: skipped (the library is built with sanitizers)"
    exit 77
fi

# the walk-through: every ```python block of docs/python.md, in order, in
# one interpreter
awk '/^```python$/ { on = 1; next } /^```/ { on = 0 } on' "$TOP_SRCDIR/docs/python.md" >"$tmp/walk.py"
check "docs/python.md has a walk-through" test "$(grep -c . "$tmp/walk.py")" -ge 40
(cd "$tmp" && $PY walk.py) >"$tmp/walk.out" 2>&1
st=$?
check "docs/python.md's walk-through runs (exit $st)" test "$st" -eq 0
[ "$st" -eq 0 ] || tail -5 "$tmp/walk.out"
check "gradient descent found F = 0.0232027..." grep -q "F = 0.0232027" "$tmp/walk.out"
check "the certificate checks" grep -q "'valid': True" "$tmp/walk.out"
check "a zero neuron raised relucert.Error" grep -q "W, row 4: expected a nonzero student neuron" "$tmp/walk.out"
# one command on the array numpy saved = one Python call, byte for byte
(cd "$tmp" && $RUN certify minimum W.npy --teacher identity --out k7-cli.json) >/dev/null 2>&1
check "relucert certify minimum W.npy: exit 0" test $? -eq 0
check "Python certify_minimum = the command, byte for byte" cmp "$tmp/k7.json" "$tmp/k7-cli.json"

(cd "$tmp" && $PY "$TOP_SRCDIR/tests/py_api.py" "$TOP_SRCDIR") >"$tmp/unit.out" 2>&1
st=$?
check "tests/py_api.py (exit $st)" test "$st" -eq 0
[ "$st" -eq 0 ] || tail -20 "$tmp/unit.out"
grep '^py_api.py:' "$tmp/unit.out"
# installable offline: pip into a virtual environment, from a copy of python/
cp -R "$TOP_SRCDIR/python" "$tmp/pkg"
rm -rf "$tmp/pkg/build" "$tmp/pkg"/*.egg-info
$PY -m venv --system-site-packages "$tmp/venv" >"$tmp/venv.out" 2>&1 \
    && "$tmp/venv/bin/pip" install --no-index --no-build-isolation "$tmp/pkg" >>"$tmp/venv.out" 2>&1
st=$?
check "pip install ./python offline into a venv (exit $st)" test "$st" -eq 0
[ "$st" -eq 0 ] || tail -5 "$tmp/venv.out"
(cd "$tmp" && env -u PYTHONPATH "$tmp/venv/bin/python" -c \
    'import relucert, numpy; assert relucert.certify_minimum(numpy.eye(2))["success"]') >/dev/null 2>&1
check "the installed package certifies W = I_2" test $? -eq 0
finish py_api
