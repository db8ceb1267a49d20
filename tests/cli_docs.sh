#!/bin/sh
# Every command in the ```sh blocks of README.md, docs/guide.md and
# docs/library.md runs (in order, in a scratch directory that sees examples/,
# data/, tests/ and benchmarks/), so the documentation cannot rot. Build and install
# commands (tools/setup, make, sudo, cc, autoreconf) are skipped; 'sh tools/setup
# && CMD' runs CMD. A command must exit 0, except the documented failures
# (lines that mention bad.json or a too large --mu), which must exit 1.
set -u
: "${RELUCERT:?}" "${TOP_SRCDIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for d in examples data tests benchmarks; do ln -s "$TOP_SRCDIR/$d" "$tmp/$d"; done
printf '#!/bin/sh\nexec %s "$@"\n' "${RELUCERT_WRAP:-} $RELUCERT" >"$tmp/relucert"
chmod +x "$tmp/relucert"
PATH="$tmp:$PATH"
export PATH
pass=0 fail=0
for doc in README.md docs/guide.md docs/library.md docs/cluster.md; do
    awk '/^```sh$/ { on = 1; next } /^```/ { on = 0 } on' "$TOP_SRCDIR/$doc" >"$tmp/cmds"
    while IFS= read -r line; do
        case "$line" in
            ''|'#'*|make*|sudo\ *|cc\ *|autoreconf*) continue ;;
            'sh tools/setup && '*) line=${line#sh tools/setup && } ;;
            sh\ tools/*) continue ;;
        esac
        want=0
        case "$line" in
            *relucert*bad.json*|*'--mu 0.091'*) want=1 ;;
        esac
        (cd "$tmp" && sh -c "$line") >"$tmp/out" 2>&1
        st=$?
        if [ "$st" -eq "$want" ]; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1))
            echo "FAIL ($doc): '$line' exited $st, expected $want"
            tail -3 "$tmp/out"
        fi
    done <"$tmp/cmds"
done
echo "cli_docs: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -ge 20 ]
