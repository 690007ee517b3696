package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"
)

// extractInputs are the fixtures: text documents, HTML pages and a WARC file
// written by wget.
var extractInputs = []string{"../../fixtures/docs", "../../fixtures/pages", "../../archive/testdata/wget.warc.gz"}

func runCmd(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, &out, &errb)
	return out.String(), errb.String(), err
}

// dumpDB renders every table (and the search index's rows) as text.
func dumpDB(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
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
		n := 0
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			for _, v := range vals {
				if bs, ok := v.([]byte); ok {
					v = string(bs)
				}
				fmt.Fprintf(&b, "%v\t", v)
			}
			b.WriteByte('\n')
			n++
		}
		rows.Close()
		fmt.Fprintf(&b, "(%d rows)\n", n)
	}
	return b.String()
}

var summaryRE = regexp.MustCompile(`^(\d+) new, (\d+) changed, (\d+) unchanged, (\d+) skipped, (\d+) problems`)

// TestExtractTwiceChangesNothing is the acceptance test of `govfig extract`:
// the fixtures extracted twice into one database with the real extractor —
// the second run reports no change and every table is as it was.
func TestExtractTwiceChangesNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "govfig.db")
	args := append([]string{"extract", "--db", db, "-q"}, extractInputs...)
	out1, _, err1 := runCmd(t, args...)
	var pe *partialError
	if err1 != nil && !errors.As(err1, &pe) {
		t.Fatalf("first run: %v", err1)
	}
	m := summaryRE.FindStringSubmatch(out1)
	if m == nil || m[1] == "0" {
		t.Fatalf("first run summary %q", out1)
	}
	before := dumpDB(t, db)
	out2, _, err2 := runCmd(t, args...)
	if (err1 == nil) != (err2 == nil) {
		t.Errorf("exit differs: first %v, second %v", err1, err2)
	}
	want := fmt.Sprintf("0 new, 0 changed, %s unchanged, %s skipped, %s problems", m[1], m[4], m[5])
	if !strings.HasPrefix(out2, want) {
		t.Errorf("second run: %q, want %q…", out2, want)
	}
	if after := dumpDB(t, db); after != before {
		t.Error("second run changed the database")
	}
}

func TestSearchCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "govfig.db")
	if _, _, err := runCmd(t, "extract", "-q", "--db", db, "../../fixtures/docs"); err != nil {
		var pe *partialError
		if !errors.As(err, &pe) {
			t.Fatal(err)
		}
	}
	out, _, err := runCmd(t, "search", "教育经费", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "fixtures/docs/") || !strings.Contains(out, "教育经费") {
		t.Errorf("search output:\n%s", out)
	}
	out, _, err = runCmd(t, "search", "--db", db, "没有这个词语组合")
	if err != nil || out != "" {
		t.Errorf("search for an absent phrase: %q %v", out, err)
	}
}

func TestExtractAndSearchUsage(t *testing.T) {
	for _, args := range [][]string{
		{"extract", "../../fixtures/docs"},
		{"extract", "--db", filepath.Join(t.TempDir(), "x.db")},
		{"search", "经费"},
		{"search", "--db", "x.db"},
		{"extract", "--bogus"},
	} {
		_, _, err := runCmd(t, args...)
		var ue *usageError
		if !errors.As(err, &ue) {
			t.Errorf("%q: err = %v, want a usage error", args, err)
		}
	}
}
