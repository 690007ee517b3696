// Package gcconf holds the Go runtime's memory settings of govfig's
// programs, so that the bench measures the binary as users run it.
package gcconf

import (
	"os"
	"runtime/debug"
)

// MemoryLimit is the Go heap's soft limit unless GOMEMLIMIT sets another:
// the collector works harder near it, so a 32 MB page stays well under
// issue 11's 1 GiB (report page: 534 MB peak, against 720 MB at a 700 MiB
// limit, for 20% more CPU), and so does a batch of them (ten 30 MB pages:
// 0.80-0.86 GiB against 0.91-1.01), while ordinary runs, a few hundred MB
// even at 100,000 pages, never meet it.
const MemoryLimit = 512 << 20

// GCPercent is the collector's target unless GOGC sets another: a live heap
// of some tens of MB may grow four times over before a collection, not twice
// (GOGC=100), which takes about 6% of extract's CPU time for about 50 MB more
// memory (issue 12); MemoryLimit still bounds the whole.
const GCPercent = 400

// Apply sets both, each unless its environment variable is set.
func Apply() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(MemoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(GCPercent)
	}
}
