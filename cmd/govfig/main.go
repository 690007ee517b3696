// Command govfig crawls district-government sites, extracts the figures of
// their reports and writes them to SQLite and an Excel workbook.
//
// main only wires: it sets up a signal context, picks the subcommand from the
// table below and maps its error to an exit code. Each subcommand lives in a
// file of its own with its own flag.FlagSet.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/govfig/govfig/internal/gcconf"
)

// command is one subcommand: its one-line summary and its entry point.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

// commands is the table of subcommands, in the order `govfig -h` lists them.
var commands = []command{
	{"run", "crawl → extract → export in one go (the embedded sample site without --sites)", runRun},
	{"crawl", "crawl list pages and articles of district sites into a WARC archive", runCrawl},
	{"extract", "(re-)extract archives, folders or files into the database", runExtract},
	{"export", "write the analyst workbook from the database", runExport},
	{"inspect", "one page (.html) or text (.txt) → one JSON object on stdout", runInspect},
	{"eval", "precision/recall/F1 per kind against the gold annotations", runEval},
	{"search", "full-text search over the stored documents", runSearch},
	{"merge", "merge shard databases into one", runMerge},
	{"indicators", "the indicator catalogue, with figure counts and unmapped labels of a database", runIndicators},
	{"remap", "map the stored figures onto the indicator catalogue again (no re-extraction)", runRemap},
	{"doctor", "check a database: integrity, foreign keys, figure offsets, article bodies", runDoctor},
}

func main() {
	gcconf.Apply() // heap limit and GC target, unless the environment sets them
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	endProfiles := startProfiles()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	endProfiles()
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// run dispatches to a subcommand; it is what tests call in-process.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return usageErrorf("no command given")
		}
		return nil
	}
	for _, c := range commands {
		if c.name == args[0] {
			// What reaches a terminal is made safe (term.go); inspect's
			// stdout is JSON, escaped already and meant for programs.
			if c.name != "inspect" {
				stdout = termWriter{stdout}
			}
			return c.run(ctx, args[1:], stdout, termWriter{stderr})
		}
	}
	return usageErrorf("unknown command %q", args[0])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "govfig turns the reports of Chinese district governments into data.")
	fmt.Fprintln(w, "\nUsage: govfig COMMAND [flags]   (govfig COMMAND -h for its flags)\n\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nStart with: govfig run   (runs the whole job on the embedded sample site, offline)")
}

// usageError is a mistake in the command line: exit status 2 with a hint.
type usageError struct {
	msg  string
	hint string
}

func (e *usageError) Error() string { return e.msg }

func usageErrorf(format string, a ...any) error {
	return &usageError{msg: fmt.Sprintf(format, a...)}
}

// withHint returns a usage error carrying a "Try: …" line.
func withHint(err error, hint string) error {
	return &usageError{msg: err.Error(), hint: hint}
}

// partialError means the run finished but some inputs failed: exit status 1.
type partialError struct {
	failed int
}

func (e *partialError) Error() string {
	return fmt.Sprintf("%d input(s) failed; see the list above", e.failed)
}

// failedError means the command ran but achieved nothing (a crawl where
// every fetch failed): exit status 1, with what failed.
type failedError struct{ msg string }

func (e *failedError) Error() string { return e.msg }

func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	var ue *usageError
	var pe *partialError
	var he *unhealthyError
	var fe *failedError
	switch {
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "govfig: %s\n", termLine(ue.msg, maxErrorRunes))
		if ue.hint != "" {
			fmt.Fprintf(stderr, "Try: %s\n", termLine(ue.hint, maxErrorRunes))
		} else {
			fmt.Fprintln(stderr, "Try: govfig -h")
		}
		return 2
	case errors.As(err, &pe):
		fmt.Fprintf(stderr, "govfig: %s\n", pe.Error())
		return 1
	case errors.As(err, &he):
		fmt.Fprintf(stderr, "govfig: %s\n", termLine(he.Error(), maxErrorRunes))
		return 1
	case errors.As(err, &fe):
		fmt.Fprintf(stderr, "govfig: %s\n", termLine(fe.msg, maxErrorRunes))
		return 1
	default:
		fmt.Fprintf(stderr, "govfig: %s\n", termLine(err.Error(), maxErrorRunes))
		return 2
	}
}
