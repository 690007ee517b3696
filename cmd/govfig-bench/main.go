// Command govfig-bench measures govfig's stages against their baselines side
// by side and prints one Markdown table (see internal/bench and
// scripts/bench.sh):
//
//	govfig-bench                 # 1,000 and 10,000 pages, 3 interleaved runs
//	govfig-bench -large          # also 100,000 pages
//	govfig-bench -pages 2000 -runs 5
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"

	"github.com/govfig/govfig/internal/bench"
	"github.com/govfig/govfig/internal/gcconf"
)

func main() {
	gcconf.Apply() // the runtime settings of the govfig binary
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "govfig-bench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("govfig-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	pages := fs.String("pages", "1000,10000", "page counts of the extract stage, comma-separated")
	large := fs.Bool("large", false, "add 100,000 pages")
	runs := fs.Int("runs", 3, "interleaved runs per stage")
	dir := fs.String("dir", "", "work `folder` (archives are kept there for the next run); a temporary one when empty")
	workers := fs.Int("j", 0, "extract goroutines; 0 = number of CPUs")
	texts := fs.Int("texts", 200, "documents for text → figures")
	noCrawl := fs.Bool("no-crawl", false, "skip the crawler")
	noExport := fs.Bool("no-export", false, "skip the export")
	noRe := fs.Bool("no-reextract", false, "skip extracting each archive again under a new extractor version")
	quiet := fs.Bool("q", false, "no progress on stderr")
	if err := fs.Parse(args); err != nil {
		return err
	}
	opt := bench.Options{Runs: *runs, Dir: *dir, Workers: *workers, Texts: *texts, Crawl: !*noCrawl, Export: !*noExport, Reextract: !*noRe,
		Progress: stderr}
	if *quiet {
		opt.Progress = nil
	}
	for _, p := range strings.Split(*pages, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n < 1 {
			return fmt.Errorf("-pages: %q is not a page count", p)
		}
		opt.Pages = append(opt.Pages, n)
	}
	if *large {
		opt.Pages = append(opt.Pages, 100000)
	}
	if *dir != "" {
		if err := os.MkdirAll(*dir, 0o755); err != nil {
			return err
		}
	}
	res, err := bench.Run(ctx, opt)
	if err != nil {
		return err
	}
	res.Print(stdout)
	return nil
}
