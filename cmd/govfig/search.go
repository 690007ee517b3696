package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/govfig/govfig/schema"
)

// runSearch is `govfig search WORDS --db FILE`: the documents whose title or
// body contain every word (two-character Chinese words included), newest
// first, with a snippet.
func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("search", "govfig search WORDS... --db FILE [-n 20]",
		"Print the documents containing every word (e.g. 经费 教师): title, URL and a snippet.", stderr)
	dbPath := fs.String("db", "", "database `file`")
	limit := fs.Int("n", 20, "at most this many documents")
	words, help, err := fs.parse(args)
	if help || err != nil {
		return err
	}
	if *dbPath == "" {
		return withHint(errors.New("search: --db is required"), "govfig search 教育经费 --db govfig.db")
	}
	if len(words) == 0 {
		return withHint(errors.New("search: no words given"), "govfig search 教育经费 --db "+*dbPath)
	}
	st, err := openReader("search", *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	query := strings.Join(words, " ")
	if _, err := schema.FTSQuery(query); err != nil {
		return withHint(fmt.Errorf("search: %w", err), "govfig search 教育经费 --db "+*dbPath)
	}
	hits, err := st.Search(ctx, query, *limit)
	if err != nil {
		return err
	}
	for _, h := range hits {
		title := h.Title
		if title == "" {
			title = "(no title)"
		}
		fmt.Fprintf(stdout, "%s\n  %s\n  %s\n", termLine(title, 200), termLine(h.URL, 300), termLine(h.Snippet, 200))
	}
	fmt.Fprintf(stderr, "%d document(s)\n", len(hits))
	return nil
}
