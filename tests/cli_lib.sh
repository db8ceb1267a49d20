# Shared by the tests/cli_*.sh scripts (sourced): the command to run
# (optionally under RELUCERT_WRAP, e.g. valgrind), a scratch directory
# removed on exit, and the check/finish pair that counts and reports.
: "${RELUCERT:?}" "${TOP_SRCDIR:?}"
RUN="${RELUCERT_WRAP:-} $RELUCERT"
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() {   # check DESCRIPTION COMMAND...: the command must succeed
    d=$1; shift
    if "$@" >/dev/null 2>&1; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $d"; fi
}

finish() {  # finish NAME: the summary line, and the exit status
    echo "$1: $pass passed, $fail failed"
    [ "$fail" -eq 0 ]
}
