#!/usr/bin/env bash
# bench.sh — every stage of govfig against its baseline, side by side in one
# process (cmd/govfig-bench, internal/bench); prints one Markdown table.
#
#   scripts/bench.sh                # 1,000 and 10,000 synthetic pages, 3 interleaved runs
#   scripts/bench.sh -large         # also 100,000 pages
#   scripts/bench.sh -pages 2000 -runs 5 -no-crawl
#   BENCH_DIR=/tmp/b scripts/bench.sh   # keep the synthetic archives between runs
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/govfig-bench" ./cmd/govfig-bench
dir=()
[ -n "${BENCH_DIR:-}" ] && dir=(-dir "$BENCH_DIR")
"$bin/govfig-bench" "${dir[@]}" "$@"
