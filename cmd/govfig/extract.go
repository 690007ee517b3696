package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/govfig/govfig/extract"
	"github.com/govfig/govfig/ingest"
	"github.com/govfig/govfig/schema"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// runExtract is `govfig extract --db FILE PATH...`: (re-)extract WARC files,
// folders and single files into the database, incrementally.
func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", "", "database `file` (created when missing)")
	workers := fs.Int("j", runtime.NumCPU(), "pages extracted in parallel")
	quiet := fs.Bool("q", false, "no progress bar")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: govfig extract --db FILE PATH...")
		fmt.Fprintln(stderr, "\n(Re-)extract WARC files (.warc, .warc.gz), folders (.html, .htm, .txt and WARC files inside)")
		fmt.Fprintln(stderr, "and single files into the database. Pages already stored with the same content and extractor")
		fmt.Fprintln(stderr, "version are skipped; changed ones are replaced. Exit status 1 when some inputs failed.\n\nFlags:")
		fs.PrintDefaults()
	}
	paths, err := parseFlagsAnywhere(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return withHint(err, "govfig extract -h")
	}
	if *dbPath == "" {
		return withHint(errors.New("extract: --db is required"), "govfig extract --db govfig.db ARCHIVE_OR_FOLDER...")
	}
	if len(paths) == 0 {
		return withHint(errors.New("extract: no archive, folder or file given"), "govfig extract --db "+*dbPath+" govfig-out/archive")
	}
	if *workers < 1 {
		return withHint(fmt.Errorf("extract: -j must be at least 1, not %d", *workers), "govfig extract -j 4 --db FILE PATH...")
	}
	st, err := schema.Open(*dbPath)
	if err != nil {
		return err
	}
	defer st.Close()

	opt := ingest.Options{Read: extract.Read, ExtractorVersion: extract.Version, Version: govfigBuildVersion(),
		Workers: *workers}
	var bar *progressbar.ProgressBar
	if f, ok := stderr.(*os.File); ok && !*quiet && term.IsTerminal(int(f.Fd())) {
		bar = progressbar.NewOptions64(-1, progressbar.OptionSetWriter(stderr), progressbar.OptionShowCount(),
			progressbar.OptionShowIts(), progressbar.OptionSetItsString("pages"), progressbar.OptionSpinnerType(14),
			progressbar.OptionThrottle(200*time.Millisecond), progressbar.OptionClearOnFinish(),
			progressbar.OptionSetDescription("extracting"))
		last := time.Time{}
		opt.Progress = func(s ingest.Stats) {
			if now := time.Now(); now.Sub(last) >= 200*time.Millisecond {
				last = now
				bar.Describe(fmt.Sprintf("%d figures, %d problems", s.Figures, s.Problems))
				bar.Set(s.Pages)
			}
		}
	}
	stats, runErr := ingest.Run(ctx, st, paths, opt)
	if bar != nil {
		bar.Finish()
	}
	rate := 0.0
	if secs := stats.Elapsed.Seconds(); secs > 0 {
		rate = float64(stats.Pages) / secs
	}
	fmt.Fprintf(stdout, "%d new, %d changed, %d unchanged, %d skipped, %d problems; %d figures written in %s (%.0f pages/s)\n",
		stats.New, stats.Changed, stats.Unchanged, stats.Skipped, stats.Problems, stats.Figures,
		stats.Elapsed.Round(time.Millisecond), rate)
	if runErr != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("extract interrupted (what was stored is kept; run again to finish): %w", runErr)
		}
		return fmt.Errorf("extract: %w", runErr)
	}
	if stats.Problems > 0 {
		const show = 20
		for i, p := range stats.ProblemList {
			if i == show {
				break
			}
			where := p.Path
			if p.URL != "" {
				where += " " + p.URL
			}
			fmt.Fprintf(stderr, "problem: %s (%s): %s\n", where, p.Stage, p.Message)
		}
		if stats.Problems > show {
			fmt.Fprintf(stderr, "… and %d more (sqlite3 %s 'SELECT * FROM problems')\n", stats.Problems-show, *dbPath)
		}
		return &partialError{stats.Problems}
	}
	return nil
}

// parseFlagsAnywhere parses flags that may come before, between or after the
// positional arguments (govfig search 经费 --db x.db) and returns the
// positional ones.
func parseFlagsAnywhere(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// govfigBuildVersion is the module version of the binary ("devel" when built
// from a work tree), recorded in runs.
func govfigBuildVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}
