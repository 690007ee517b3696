package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
)

// startProfiles writes a CPU profile to $GOVFIG_CPUPROFILE and, at the end,
// a heap profile to $GOVFIG_MEMPROFILE, for `go tool pprof` (README,
// Performance). It returns the function that finishes them.
func startProfiles() func() {
	cpu, mem := os.Getenv("GOVFIG_CPUPROFILE"), os.Getenv("GOVFIG_MEMPROFILE")
	var f *os.File
	if cpu != "" {
		var err error
		if f, err = os.Create(cpu); err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "govfig: GOVFIG_CPUPROFILE: %v\n", err)
			f = nil
		}
	}
	var tf *os.File
	if tr := os.Getenv("GOVFIG_TRACE"); tr != "" {
		var err error
		if tf, err = os.Create(tr); err == nil {
			err = trace.Start(tf)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "govfig: GOVFIG_TRACE: %v\n", err)
			tf = nil
		}
	}
	return func() {
		if tf != nil {
			trace.Stop()
			tf.Close()
		}
		if f != nil {
			pprof.StopCPUProfile()
			f.Close()
		}
		if mem != "" {
			runtime.GC()
			if m, err := os.Create(mem); err == nil {
				pprof.WriteHeapProfile(m)
				m.Close()
			}
		}
	}
}
