#!/usr/bin/env bash
# killtest.sh — the SIGKILL test against the real binary: extract a synthetic
# archive, kill -9 `govfig extract` at random moments (3 times by default),
# run it to completion, and compare every table with an uninterrupted run
# (runs left out — they record the interruptions —, problems without run_id),
# then PRAGMA integrity_check. The Go test ingest.TestSIGKILL does the same
# in-process; this script exercises the built command with the real extractor.
#
#   scripts/killtest.sh [PAGES [KILLS]]      (defaults: 5000 3)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
pages=${1:-5000}
kills=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
go build -o "$work/govfig" ./cmd/govfig
go build -o "$work/govfig-synth" ./cmd/govfig-synth
"$work/govfig-synth" -n "$pages" -html -per-file 500 -out "$work/archive"

dump() { # every content table in id order
	for q in "SELECT * FROM documents ORDER BY id" "SELECT * FROM sections ORDER BY id" \
		"SELECT * FROM doc_tables ORDER BY id" "SELECT * FROM attachments ORDER BY id" \
		"SELECT * FROM figures ORDER BY id" "SELECT path, url, stage, message FROM problems ORDER BY id" \
		"SELECT docid, title, body FROM documents_fts ORDER BY docid" "SELECT * FROM figure_view ORDER BY id"; do
		echo "== $q"
		sqlite3 "$1" "$q"
	done
}

start=$(date +%s.%N)
"$work/govfig" extract -q --db "$work/ref.db" "$work/archive" >/dev/null
full=$(echo "$(date +%s.%N) - $start" | bc -l)
echo "uninterrupted run: ${full}s"

for i in $(seq "$kills"); do
	"$work/govfig" extract -q --db "$work/killed.db" "$work/archive" >/dev/null 2>&1 &
	pid=$!
	delay=$(echo "$full * (0.2 + 0.6 * $RANDOM / 32767)" | bc -l)
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	echo "kill $i after ${delay}s: $(sqlite3 "$work/killed.db" 'SELECT count(*) FROM documents') documents stored"
done
"$work/govfig" extract -q --db "$work/killed.db" "$work/archive"

check=$(sqlite3 "$work/killed.db" 'PRAGMA integrity_check')
[ "$check" = ok ] || { echo "FAIL: integrity_check: $check"; exit 1; }
if ! diff <(dump "$work/ref.db") <(dump "$work/killed.db") >"$work/diff.txt"; then
	echo "FAIL: killed-and-resumed database differs:"; head -20 "$work/diff.txt"; exit 1
fi
echo "ok: $(sqlite3 "$work/killed.db" 'SELECT count(*) FROM documents') documents, $(sqlite3 "$work/killed.db" 'SELECT count(*) FROM figures') figures identical; integrity_check ok; $(sqlite3 "$work/killed.db" 'SELECT count(*) FROM runs WHERE finished_at IS NULL') interrupted run(s) recorded"
