// Command govfig-synth writes a synthetic archive for tests and benchmarks:
// pages put together from the fixture documents with districts, numbers and
// years varied, as WARC files or as a folder of files.
//
//	govfig-synth -n 10000 -out /tmp/synth            # WARC files, plain-text pages
//	govfig-synth -n 10000 -html -dir -out /tmp/pages # a folder of .html pages
//	govfig-synth -patho figures -mb 32 -out /tmp/p    # one pathological page (issue 11)
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/govfig/govfig/internal/patho"
	"github.com/govfig/govfig/internal/synth"
)

func main() {
	fs := flag.NewFlagSet("govfig-synth", flag.ContinueOnError)
	n := fs.Int("n", 5000, "number of pages")
	out := fs.String("out", "", "output folder (required)")
	seed := fs.Uint64("seed", 1, "seed: the same seed writes the same archive")
	html := fs.Bool("html", false, "write HTML pages instead of plain text")
	dir := fs.Bool("dir", false, "write a folder of files instead of WARC files")
	per := fs.Int("per-file", 1000, "pages per WARC file")
	shape := fs.String("patho", "", "write one pathological page of this shape instead (figures, bare, report)")
	mb := fs.Int("mb", 16, "size of the pathological page in MB")
	if err := fs.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	if *shape != "" && *out != "" {
		if err := writePatho(*out, patho.Shape(*shape), *mb); err != nil {
			fmt.Fprintf(os.Stderr, "govfig-synth: %v\n", err)
			os.Exit(1)
		}
		return
	}
	if *out == "" || *n <= 0 {
		fmt.Fprintln(os.Stderr, "govfig-synth: -out is required and -n must be positive\nTry: govfig-synth -n 5000 -out /tmp/synth")
		os.Exit(2)
	}
	g, err := synth.New(synth.Options{Pages: *n, Seed: *seed, HTML: *html, PerFile: *per})
	if err == nil {
		if *dir {
			err = g.WriteDir(*out)
		} else {
			_, err = g.WriteWARC(*out)
		}
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "govfig-synth: %v\n", err)
		os.Exit(1)
	}
}

// writePatho writes OUT/SHAPE-MBmb.html, one pathological page.
func writePatho(out string, s patho.Shape, mb int) error {
	ok := false
	for _, k := range patho.Shapes {
		ok = ok || k == s
	}
	if !ok || mb <= 0 || mb > 64 {
		return fmt.Errorf("-patho must be one of %v and -mb 1..64", patho.Shapes)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	name := filepath.Join(out, fmt.Sprintf("%s-%dmb.html", s, mb))
	return os.WriteFile(name, patho.Page(s, mb<<20), 0o644)
}
