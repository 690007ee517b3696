package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/govfig/govfig/extract"
	"github.com/govfig/govfig/indicator"
	"github.com/govfig/govfig/ingest"
	"github.com/govfig/govfig/schema"
	"github.com/schollz/progressbar/v3"
)

// runExtract is `govfig extract --db FILE PATH...`: (re-)extract WARC files,
// folders and single files into the database, incrementally.
func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("extract", "govfig extract --db FILE PATH...",
		"(Re-)extract WARC files (.warc, .warc.gz), folders (.html, .htm, .txt and WARC files inside)\n"+
			"and single files into the database. Pages already stored with the same content and extractor\n"+
			"version are skipped; changed ones are replaced. Exit status 1 when some inputs failed.", stderr)
	dbPath := fs.String("db", "", "database `file` (created when missing)")
	workers := fs.Int("j", runtime.NumCPU(), "pages extracted in parallel")
	quiet := fs.Bool("q", false, "no progress bar")
	file := indicatorsFlag(fs)
	paths, help, err := fs.parse(args)
	if help || err != nil {
		return err
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
	if err := checkCreatable("extract: database", *dbPath); err != nil {
		return err
	}
	cat, err := loadCatalogue("extract", *file)
	if err != nil {
		return err
	}
	st, err := schema.Open(*dbPath)
	if err != nil {
		return err
	}
	defer st.Close()

	if err := remapStore(ctx, st, cat, false, stdout); err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	est, err := extractPaths(ctx, st, paths, *workers, "extract", cat, !*quiet && isTerminal(stderr), stdout, stderr)
	var partial *partialError
	if err != nil && !errors.As(err, &partial) {
		return err
	}
	printMapped(stdout, cat, est)
	if rerr := remapStore(ctx, st, cat, false, stdout); rerr != nil {
		return fmt.Errorf("extract: %w", rerr)
	}
	return err
}

// printMapped says how many of the figures a run wrote its workers mapped
// onto the catalogue.
func printMapped(out io.Writer, cat *indicator.Catalogue, st ingest.Stats) {
	if st.Figures > 0 {
		fmt.Fprintf(out, "indicators: catalogue %s (%d indicators): %d of the %d figures written have an indicator\n",
			cat.Hash(), len(cat.Indicators()), st.Mapped, st.Figures)
	}
}

// extractPaths extracts paths into st (the extract stage of `extract` and
// `run`): a progress bar on stderr when bar is true, the counts on out, the
// first problems on stderr. Problems make the error a *partialError.
func extractPaths(ctx context.Context, st *schema.Store, paths []string, workers int, command string, cat *indicator.Catalogue, bar bool, out, stderr io.Writer) (ingest.Stats, error) {
	opt := ingest.Options{Read: extract.Read, ReadList: extract.ReadList, ExtractorVersion: extract.Version, Version: govfigBuildVersion(),
		Workers: workers, Command: command, Warm: extract.Warm}
	if cat != nil {
		opt.Mapper = cat
	}
	var pb *progressbar.ProgressBar
	if bar {
		pb = progressbar.NewOptions64(-1, progressbar.OptionSetWriter(rawTerm(stderr)), progressbar.OptionShowCount(),
			progressbar.OptionShowIts(), progressbar.OptionSetItsString("pages"), progressbar.OptionSpinnerType(14),
			progressbar.OptionThrottle(200*time.Millisecond), progressbar.OptionClearOnFinish(),
			progressbar.OptionSetDescription("extracting"))
		last := time.Time{}
		opt.Progress = func(s ingest.Stats) {
			if now := time.Now(); now.Sub(last) >= 200*time.Millisecond {
				last = now
				pb.Describe(fmt.Sprintf("%d figures, %d problems", s.Figures, s.Problems))
				pb.Set(s.Pages)
			}
		}
	}
	stats, runErr := ingest.Run(ctx, st, paths, opt)
	if pb != nil {
		pb.Finish()
	}
	rate := 0.0
	if secs := stats.Elapsed.Seconds(); secs > 0 {
		rate = float64(stats.Pages) / secs
	}
	digits := 0
	if rate < 10 {
		digits = 2 // a few huge pages: 0.14 pages/s, not 0
	}
	fmt.Fprintf(out, "%d new, %d changed, %d unchanged, %d skipped, %d problems; %d figures written in %s (%.*f pages/s)\n",
		stats.New, stats.Changed, stats.Unchanged, stats.Skipped, stats.Problems, stats.Figures,
		stats.Elapsed.Round(time.Millisecond), digits, rate)
	if runErr != nil {
		if ctx.Err() != nil {
			return stats, fmt.Errorf("%s interrupted (what was stored is kept; run again to finish): %w", command, runErr)
		}
		return stats, fmt.Errorf("%s: %w", command, runErr)
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
			fmt.Fprintf(stderr, "problem: %s (%s): %s\n", termLine(where, maxErrorRunes), p.Stage, termLine(p.Message, maxErrorRunes))
		}
		if stats.Problems > show {
			fmt.Fprintf(stderr, "… and %d more (sqlite3 %s 'SELECT * FROM problems')\n", stats.Problems-show, st.Path())
		}
		return stats, &partialError{stats.Problems}
	}
	return stats, nil
}
