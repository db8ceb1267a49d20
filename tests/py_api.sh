#!/bin/sh
# The Python package (python/), installed as a user installs it: pip
# installs a copy of python/ offline into a virtual environment that sees
# Debian's numpy (issue 22 items 2, 7); then, with that environment's
# python and without PYTHONPATH, docs/python.md's walk-through runs as
# written (a numpy gradient descent finds the k = 7 minimum, which is then
# certified), the certificate made by one Python call is byte for byte the
# one the command makes from the same array saved by numpy, and
# tests/py_api.py checks the package's contracts (exact numbers both ways,
# the command's error texts, the dataset in at most 2 s, progress).
set -u
. "${TOP_SRCDIR:?}/tests/cli_lib.sh"
: "${API_LIBRARY:?}"

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
if ! $PY -c 'import numpy, venv' 2>/dev/null; then
    echo "FAIL: py_api needs numpy and venv (Debian packages python3-numpy python3-venv; tools/install-deps)"
    exit 1
fi
if [ ! -f "$API_LIBRARY" ]; then
    echo "py_api: skipped (no shared library $API_LIBRARY: configured --disable-shared?)"
    exit 77
fi
# the library just built (an older one may be installed)
export RELUCERT_API_LIBRARY="$API_LIBRARY"
unset PYTHONPATH
# a sanitizer build's library cannot be loaded into an uninstrumented Python
if PYTHONPATH="$TOP_SRCDIR/python" $PY -c 'import relucert' 2>&1 | grep -qE 'Sanitizer|ASan'; then
    echo "py_api: skipped (the library is built with sanitizers)"
    exit 77
fi

# installable offline: pip into a virtual environment, from a copy of
# python/ (with configure's _build.py, which names the source tree's
# dataset: a VPATH build writes it into the build tree)
cp -R "$TOP_SRCDIR/python" "$tmp/pkg"
rm -rf "$tmp/pkg/build" "$tmp/pkg"/*.egg-info "$tmp/pkg/relucert/data"
[ -f "${TOP_BUILDDIR:-.}/python/relucert/_build.py" ] \
    && cp "${TOP_BUILDDIR:-.}/python/relucert/_build.py" "$tmp/pkg/relucert/"
$PY -m venv --system-site-packages "$tmp/venv" >"$tmp/venv.out" 2>&1 \
    && "$tmp/venv/bin/pip" install --no-index --no-build-isolation "$tmp/pkg" >>"$tmp/venv.out" 2>&1
st=$?
check "pip install ./python offline into a venv (exit $st)" test "$st" -eq 0
[ "$st" -eq 0 ] || { tail -5 "$tmp/venv.out"; finish py_api; exit 1; }
rm -rf "$tmp/pkg"
VPY="$tmp/venv/bin/python"
check "the installed package bundles the dataset" \
    $VPY -c 'import relucert, os; assert os.path.dirname(relucert.__file__) in relucert.dataset_path()'

# the walk-through: every ```python block of docs/python.md, in order, in
# one interpreter, outside the source tree
awk '/^```python$/ { on = 1; next } /^```/ { on = 0 } on' "$TOP_SRCDIR/docs/python.md" >"$tmp/walk.py"
check "docs/python.md has a walk-through" test "$(grep -c . "$tmp/walk.py")" -ge 40
(cd "$tmp" && $VPY walk.py) >"$tmp/walk.out" 2>&1
st=$?
check "docs/python.md's walk-through runs in the installed package (exit $st)" test "$st" -eq 0
[ "$st" -eq 0 ] || tail -5 "$tmp/walk.out"
check "gradient descent found F = 0.0232027..." grep -q "F = 0.0232027" "$tmp/walk.out"
check "the certificate checks" grep -q "^ok$" "$tmp/walk.out"
check "strict minimum proved (the command's summary line)" grep -q "strict minimum: proved" "$tmp/walk.out"
check "a zero neuron raised relucert.Error" grep -q "W.npy, row 4: expected a nonzero student neuron" "$tmp/walk.out"
# one command on the array numpy saved = one Python call, byte for byte
(cd "$tmp" && $RUN certify minimum W.npy --teacher identity --symmetrize 1e-6 --out k7-cli.json) >/dev/null 2>&1
check "relucert certify minimum W.npy: exit 0" test $? -eq 0
check "Python certify_minimum = the command, byte for byte" cmp "$tmp/k7.json" "$tmp/k7-cli.json"

(cd "$tmp" && $VPY "$TOP_SRCDIR/tests/py_api.py" "$TOP_SRCDIR" "$RELUCERT") >"$tmp/unit.out" 2>&1
st=$?
check "tests/py_api.py (exit $st)" test "$st" -eq 0
[ "$st" -eq 0 ] || tail -20 "$tmp/unit.out"
grep '^py_api.py:' "$tmp/unit.out"
finish py_api
