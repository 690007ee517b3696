package ingest

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/govfig/govfig/fixtures"
	"github.com/govfig/govfig/schema"
)

// percentRE finds percentages for testRead.
var percentRE = regexp.MustCompile(`[0-9]+(\.[0-9]+)?%`)

// testRead is a deterministic stand-in for extract.Read that needs neither
// HTML support nor the figure rules: the text is the body, the title its
// first line, and every "N%" a percent figure with its sentence.
func testRead(name string, body []byte, contentType string) (*schema.Document, error) {
	text := string(body)
	if strings.Contains(text, "\x00") {
		return nil, fmt.Errorf("read %s: binary content", name)
	}
	if strings.Contains(text, "PANIC") {
		panic("testRead was asked to panic")
	}
	title, _, _ := strings.Cut(text, "\n")
	doc := &schema.Document{URL: name, Title: strings.TrimSpace(title), Text: text, PageType: schema.PageText,
		Charset: "utf-8", Region: regionOf(text)}
	runes := []rune(text)
	for _, m := range percentRE.FindAllStringIndex(text, -1) {
		start := len([]rune(text[:m[0]]))
		end := start + len([]rune(text[m[0]:m[1]]))
		s, e := start, end
		for s > 0 && !strings.ContainsRune("。\n", runes[s-1]) {
			s--
		}
		for e < len(runes) && !strings.ContainsRune("。\n", runes[e]) {
			e++
		}
		if e < len(runes) {
			e++
		}
		var v float64
		fmt.Sscanf(text[m[0]:m[1]], "%g", &v)
		doc.Figures = append(doc.Figures, schema.Figure{Kind: schema.KindPercent, Value: v, Unit: "%", Normalized: v,
			BaseUnit: "%", Role: schema.RoleLevel, Text: text[m[0]:m[1]], Start: start, End: end,
			Sentence: string(runes[s:e])})
	}
	return doc, nil
}

var regionRE = regexp.MustCompile(`天津市(\p{Han}{2,3}区)`)

func regionOf(text string) string {
	if m := regionRE.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	return ""
}

// writeFixtureDocs copies fixtures/docs/*.txt into a new folder.
func writeFixtureDocs(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	names, _ := fs.Glob(fixtures.Docs, "docs/*.txt")
	if len(names) == 0 {
		t.Fatal("no fixture docs")
	}
	for _, n := range names {
		b, _ := fixtures.Docs.ReadFile(n)
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(n)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func openStore(t testing.TB, path string) *schema.Store {
	t.Helper()
	s, err := schema.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func run(t testing.TB, s *schema.Store, opt Options, paths ...string) Stats {
	t.Helper()
	st, err := Run(context.Background(), s, paths, opt)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// dump renders every table of the database (and the search index's rows) as
// text, rows in id order. Tables in skip are left out, and so are columns
// named in skipCols.
func dump(t testing.TB, db *sql.DB, skip map[string]bool, skipCols map[string]bool) string {
	t.Helper()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
		AND name NOT LIKE 'documents_fts_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	var b strings.Builder
	for _, table := range tables {
		if skip[table] {
			continue
		}
		q := "SELECT * FROM " + table + " ORDER BY rowid"
		if table == "documents_fts" {
			q = "SELECT docid, title, body FROM documents_fts ORDER BY docid"
		}
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		fmt.Fprintf(&b, "== %s %v\n", table, cols)
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for i, v := range vals {
				if skipCols[cols[i]] {
					continue
				}
				if bs, ok := v.([]byte); ok {
					v = string(bs)
				}
				fmt.Fprintf(&b, "%v\t", v)
			}
			b.WriteByte('\n')
		}
		rows.Close()
	}
	return b.String()
}

// firstDiff returns the first differing line of two dumps.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n  %.300s\n  %.300s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(al), len(bl))
}

func count(t testing.TB, db *sql.DB, q string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
