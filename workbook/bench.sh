#!/bin/sh
# bench.sh — export time and peak memory (RSS) of the workbook writer.
# Runs each benchmark once in its own process under /usr/bin/time -v, so the
# peak RSS is that benchmark's alone. Usage: workbook/bench.sh [NAME...]
# (default: Write100k Write1M).
set -eu
cd "$(dirname "$0")"
bin=$(mktemp -d)/workbook.test
trap 'rm -rf "$(dirname "$bin")"' EXIT
go test -c -o "$bin" .
[ $# -gt 0 ] || set -- Write100k Write1M
for name in "$@"; do
	out=$(/usr/bin/time -v "$bin" -test.run '^$' -test.bench "^Benchmark$name\$" -test.benchtime 1x -test.benchmem 2>&1)
	echo "$out" | grep -E "^Benchmark" || { echo "$out"; exit 1; }
	echo "$out" | grep -E "Maximum resident set size|Elapsed \(wall clock\)|User time|System time" | sed 's/^[[:space:]]*/    /'
done
