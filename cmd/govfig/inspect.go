package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/govfig/govfig/extract"
	"github.com/govfig/govfig/schema"
)

// runInspect is the `govfig inspect` subcommand: one page (.html, any
// charset) or one plain-text document (.txt) → one JSON object on stdout,
// the Document with its figures (design.md contract: sections, tables,
// attachments and figures are arrays, never null).
func runInspect(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := newFlags("inspect", "govfig inspect [-indent] [-content-type TYPE] FILE",
		"Reads one page (.html) or text document (.txt) and writes it as one JSON object:\n"+
			"metadata, body text, sections, tables, attachments and every figure.", stderr)
	contentType := fl.String("content-type", "", "treat the file as this HTTP Content-Type (e.g. text/plain) instead of guessing from its extension")
	indent := fl.Bool("indent", false, "indent the JSON")
	rest, help, err := fl.parse(args)
	if help || err != nil {
		return err
	}
	if len(rest) != 1 {
		return withHint(fmt.Errorf("inspect takes one file, got %d", len(rest)), "govfig inspect FILE")
	}
	path := rest[0]
	if err := ctx.Err(); err != nil {
		return err
	}
	body, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("inspect %s: %w", path, err)
	}
	doc, err := extract.Read(path, body, *contentType)
	if err != nil {
		return fmt.Errorf("inspect: %w", err)
	}
	fillArrays(doc)
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	if *indent {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("inspect %s: write json: %w", path, err)
	}
	return nil
}

// fillArrays turns nil slices into empty ones so the JSON has [] not null.
func fillArrays(doc *schema.Document) {
	if doc.Sections == nil {
		doc.Sections = []schema.Section{}
	}
	if doc.Tables == nil {
		doc.Tables = []schema.Table{}
	}
	for i := range doc.Tables {
		if doc.Tables[i].Rows == nil {
			doc.Tables[i].Rows = [][]schema.Cell{}
		}
	}
	if doc.Attachments == nil {
		doc.Attachments = []schema.Attachment{}
	}
	if doc.Figures == nil {
		doc.Figures = []schema.Figure{}
	}
}
