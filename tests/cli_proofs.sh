#!/bin/sh
# The certificates kept in proofs/default/ pass the checker.
set -u
: "${RELUCERT:?}" "${TOP_SRCDIR:?}"
RUN="${RELUCERT_WRAP:-} $RELUCERT"
n=$(ls "$TOP_SRCDIR"/proofs/default/*.json | wc -l)
out=$($RUN check "$TOP_SRCDIR"/proofs/default/*.json)
st=$?
ok=$(printf '%s\n' "$out" | grep -c ': ok$')
printf '%s\n' "$out" | grep -v ': ok$'
echo "cli_proofs: $ok of $n certificates in proofs/default ok"
[ "$st" -eq 0 ] && [ "$ok" -eq "$n" ] && [ "$n" -ge 32 ]
