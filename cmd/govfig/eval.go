package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/govfig/govfig/extract"
	"github.com/govfig/govfig/extract/eval"
	"github.com/govfig/govfig/fixtures"
	"github.com/govfig/govfig/schema"
)

// runEval is the `govfig eval` subcommand: it scores the extractor against the
// gold annotations, embedded or in a folder with the same layout.
func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return evalWith(ctx, args, stdout, stderr, func(name string, body []byte) (*schema.Document, error) {
		return extract.Read(name, body, "")
	})
}

// evalWith is runEval with the extractor given, so tests can score a fake.
func evalWith(ctx context.Context, args []string, stdout, stderr io.Writer, ex eval.Extractor) error {
	fl := newFlags("eval", "govfig eval [-v] [-json] [-min-f1 X] [-min-label Y] [DIR]",
		"Scores the extractor against hand-written gold: precision, recall and F1 per kind, and\n"+
			"the accuracy of value, unit, qualifier, role, year and label over matched figures.\n"+
			"DIR holds docs/NAME.txt (or pages/NAME.html) and gold/NAME.jsonl; without DIR the\n"+
			"embedded fixtures are used.", stderr)
	verbose := fl.Bool("v", false, "list every false positive, false negative and wrong attribute with its sentence")
	asJSON := fl.Bool("json", false, "write the report as JSON instead of a table")
	minF1 := fl.Float64("min-f1", 0, "fail when typed F1, overall or of any kind with gold, is below this (0..1)")
	minLabel := fl.Float64("min-label", 0, "fail when the share of matched figures whose label is found is below this (0..1)")
	rest, help, err := fl.parse(args) // flags may come before or after DIR
	if help || err != nil {
		return err
	}
	if len(rest) > 1 {
		return withHint(fmt.Errorf("eval takes at most one folder, got %d", len(rest)), "govfig eval [DIR]")
	}
	for _, v := range []struct {
		name string
		x    float64
	}{{"-min-f1", *minF1}, {"-min-label", *minLabel}} {
		if v.x < 0 || v.x > 1 {
			return withHint(fmt.Errorf("%s %v is outside 0..1", v.name, v.x), "govfig eval -min-f1 0.95 -min-label 0.90")
		}
	}

	var (
		fsys  fs.FS = fixtures.Docs
		where       = "the embedded fixtures"
	)
	if len(rest) == 1 {
		st, err := os.Stat(rest[0])
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		if !st.IsDir() {
			return withHint(fmt.Errorf("%s is not a folder", rest[0]), "govfig eval DIR   (DIR holds docs/ and gold/)")
		}
		fsys, where = os.DirFS(rest[0]), rest[0]
	}
	cases, skipped, err := eval.Load(fsys)
	if err != nil {
		return fmt.Errorf("eval: load gold from %s: %w", where, err)
	}
	for _, s := range skipped {
		fmt.Fprintf(stderr, "govfig eval: skipped %s: no document docs/NAME.txt or pages/NAME.html for it\n", s)
	}
	if len(cases) == 0 {
		return fmt.Errorf("eval: no gold file in %s has its document", where)
	}
	withCtx := func(name string, body []byte) (*schema.Document, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return ex(name, body)
	}
	report, err := eval.Evaluate(cases, withCtx)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	if *asJSON {
		err = report.WriteJSON(stdout)
	} else {
		fmt.Fprintf(stdout, "govfig eval: %s\n", where)
		err = report.WriteTable(stdout)
		if err == nil && *verbose {
			err = report.WriteDetails(stdout)
		}
	}
	if err != nil {
		return fmt.Errorf("eval: write report: %w", err)
	}
	if err := report.CheckFloors(*minF1, *minLabel); err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	return nil
}
