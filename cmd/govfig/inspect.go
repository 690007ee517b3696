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
	go extract.Warm() // the dictionary loads while the page is parsed
	body, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("inspect %s: %w", path, err)
	}
	doc, err := readUntilDone(ctx, path, body, *contentType)
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

// inspectRead is the reader inspect uses (a test stands in a slow one).
var inspectRead = extract.Read

// readUntilDone reads one input, returning as soon as ctx is done: a
// pathological page may take seconds, and SIGTERM or Ctrl-C must not wait
// for it (inspect writes nothing that could be left half done).
func readUntilDone(ctx context.Context, path string, body []byte, contentType string) (*schema.Document, error) {
	type read struct {
		doc *schema.Document
		err error
	}
	done := make(chan read, 1)
	go func() {
		doc, err := inspectRead(path, body, contentType)
		done <- read{doc, err}
	}()
	select {
	case r := <-done:
		return r.doc, r.err
	case <-ctx.Done():
		return nil, fmt.Errorf("%s: %w", path, context.Cause(ctx))
	}
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
