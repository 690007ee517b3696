package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/govfig/govfig/schema"
)

// runDoctor is `govfig doctor --db FILE`: check a database read-only
// (integrity, foreign keys, figure offsets, article bodies) and print a short
// report; exit status 0 when it is healthy, 1 when anything is wrong.
func runDoctor(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("doctor", "govfig doctor --db FILE",
		"Checks a database without writing to it: SQLite's integrity_check and foreign_key_check,\n"+
			"figures whose offsets do not slice their text out of the document body, and articles\n"+
			"stored without a body and without a problem saying why. Exit status 0 when all is well,\n"+
			"1 when anything is wrong.", stderr)
	dbPath := fs.String("db", "", "database `file` to check (opened read-only)")
	rest, help, err := fs.parse(args)
	if help || err != nil {
		return err
	}
	const example = "govfig doctor --db govfig-out/govfig.db"
	switch {
	case len(rest) > 0:
		return withHint(fmt.Errorf("doctor: unexpected argument %q", rest[0]), example)
	case *dbPath == "":
		return withHint(errors.New("doctor: --db is required"), example)
	}
	h, err := schema.Doctor(ctx, *dbPath)
	if err != nil {
		return fmt.Errorf("doctor: %w", err)
	}
	if h.NotGovfig != nil {
		fmt.Fprintf(stdout, "%s\n", h.NotGovfig)
		return &unhealthyError{path: *dbPath, problems: 1}
	}
	fmt.Fprintf(stdout, "%s: schema %d, %d documents, %d figures\n", *dbPath, h.Version, h.Documents, h.Figures)
	problems := 0
	for _, c := range h.Checks {
		switch {
		case c.Err != nil:
			problems++
			fmt.Fprintf(stdout, "  %-18s could not run: %v\n", c.Name, c.Err)
		case c.Problems == 0 && c.Note != "":
			fmt.Fprintf(stdout, "  %-18s ok; %s\n", c.Name, c.Note)
		case c.Problems == 0:
			fmt.Fprintf(stdout, "  %-18s ok\n", c.Name)
		default:
			problems += c.Problems
			fmt.Fprintf(stdout, "  %-18s %d wrong\n", c.Name, c.Problems)
			for _, e := range c.Examples {
				fmt.Fprintf(stdout, "    %s\n", e)
			}
			if more := c.Problems - len(c.Examples); more > 0 {
				fmt.Fprintf(stdout, "    … and %d more\n", more)
			}
		}
	}
	if problems > 0 {
		return &unhealthyError{path: *dbPath, problems: problems}
	}
	fmt.Fprintf(stdout, "%s: healthy\n", *dbPath)
	return nil
}

// unhealthyError is doctor's finding: exit status 1.
type unhealthyError struct {
	path     string
	problems int
}

func (e *unhealthyError) Error() string {
	return fmt.Sprintf("doctor: %s: %d problem(s) found", e.path, e.problems)
}
