#!/usr/bin/env bash
# bench-extract.sh — govfig extract end to end into SQLite on synthetic archives:
# pages/s, figures/s and peak resident memory (VmHWM via /usr/bin/time -v).
#
#   scripts/bench-extract.sh                 # 10,000 and 50,000 HTML pages
#   scripts/bench-extract.sh 2000            # any page counts
#   BENCH_TEXT=1 scripts/bench-extract.sh    # plain-text pages instead of HTML
#   BENCH_DIR=/tmp/b scripts/bench-extract.sh  # keep archives and databases there
#
# Archives come from cmd/govfig-synth (deterministic, seed 1, 1,000 pages per
# .warc.gz). Each database starts empty. Run on an otherwise quiet machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
cd "$root"
go build -o "$work/govfig" ./cmd/govfig
go build -o "$work/govfig-synth" ./cmd/govfig-synth
kind=-html
[ "${BENCH_TEXT:-}" = 1 ] && kind=
counts=("$@")
[ ${#counts[@]} -eq 0 ] && counts=(10000 50000)
printf '%-8s %-6s %10s %10s %10s %12s %8s\n' pages kind seconds pages/s figures/s peak_rss_MB db_MB
for n in "${counts[@]}"; do
	arch="$work/archive-$n${kind}"
	[ -d "$arch" ] || "$work/govfig-synth" -n "$n" -out "$arch" $kind
	db="$work/bench-$n.db"
	rm -f "$db" "$db-wal" "$db-shm"
	start=$(date +%s.%N)
	/usr/bin/time -v "$work/govfig" extract -q --db "$db" "$arch" >"$work/out-$n.txt" 2>"$work/time-$n.txt" || {
		echo "extract failed (see $work/time-$n.txt)" >&2; exit 1; }
	end=$(date +%s.%N)
	secs=$(echo "$end - $start" | bc -l)
	figs=$(sed -n 's/.*; \([0-9]*\) figures written.*/\1/p' "$work/out-$n.txt")
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): \([0-9]*\)/\1/p' "$work/time-$n.txt")
	size=$(du -m "$db" | cut -f1)
	printf '%-8s %-6s %10.1f %10.0f %10.0f %12.0f %8s\n' "$n" "${kind:--text}" "$secs" \
		"$(echo "$n / $secs" | bc -l)" "$(echo "$figs / $secs" | bc -l)" "$(echo "$rss / 1024" | bc -l)" "$size"
done
echo "(work folder: $work; summary lines in out-N.txt)"
