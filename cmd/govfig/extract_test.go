package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/govfig/govfig/crawl"
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

// TestExtractCrawledArchive reads what the crawler writes: the sample site is
// crawled into an archive and extracted; a second crawl (conditional
// requests → revisit records) and extract change nothing.
func TestExtractCrawledArchive(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the sample site")
	}
	_, arch, cfg := crawlSample(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "govfig.db")
	out1, errOut, err := runCmd(t, "extract", "-q", "--db", db, arch)
	if err != nil {
		t.Fatalf("extract crawled archive: %v\n%s%s", err, out1, errOut)
	}
	m := summaryRE.FindStringSubmatch(out1)
	if m == nil || m[1] == "0" {
		t.Fatalf("summary %q", out1)
	}
	conn, _ := sql.Open("sqlite3", db)
	defer conn.Close()
	var articles, withRegion int
	conn.QueryRow("SELECT count(*), count(nullif(region, '')) FROM documents WHERE page_type = 'article'").Scan(&articles, &withRegion)
	t.Logf("first extract: %s%d articles, %d with a region", out1, articles, withRegion)
	if articles == 0 || withRegion == 0 {
		t.Errorf("%d articles, %d with a region", articles, withRegion)
	}
	before := dumpDB(t, db)
	if _, err := crawl.Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	out2, _, err := runCmd(t, "extract", "-q", "--db", db, arch)
	t.Logf("after the re-crawl: %s", out2)
	if err != nil || !strings.HasPrefix(out2, fmt.Sprintf("0 new, 0 changed, %s unchanged", m[1])) {
		t.Errorf("after a re-crawl: %q %v", out2, err)
	}
	if after := dumpDB(t, db); after != before {
		t.Error("extracting the re-crawled archive changed the database")
	}
}

// TestExtractReportsProblems: a missing file and a damaged archive do not stop
// the run; they are listed on stderr and make the exit status 1.
func TestExtractReportsProblems(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("../../archive/testdata/wget.warc.gz")
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(dir, "cut.warc.gz")
	os.WriteFile(cut, data[:len(data)/2], 0o644)
	db := filepath.Join(dir, "govfig.db")
	out, errOut, err := runCmd(t, "extract", "-q", "--db", db, cut, filepath.Join(dir, "missing.txt"), "../../fixtures/docs")
	var pe *partialError
	if !errors.As(err, &pe) || pe.failed != 2 || exitCode(err, io.Discard) != 1 {
		t.Fatalf("err = %v, want 2 failed inputs (exit 1)\n%s", err, errOut)
	}
	if !strings.Contains(errOut, "problem: "+filepath.ToSlash(cut)) || !strings.Contains(errOut, "missing.txt (read)") {
		t.Errorf("stderr does not list the problems:\n%s", errOut)
	}
	if m := summaryRE.FindStringSubmatch(out); m == nil || m[1] == "0" || m[5] != "2" {
		t.Errorf("summary %q", out)
	}
}

// TestExtractReportsPagesWithoutBody: a saved page without an article (its
// footer is all the density walk finds) is stored, and reported as a
// problem in the summary, on stderr and in the problems table.
func TestExtractReportsPagesWithoutBody(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "govfig.db")
	out, errOut, err := runCmd(t, "extract", "-q", "--db", db, "../../fixtures/pages/heyang-saved-no-article.html", "../../fixtures/pages/nanping-2024-canteen-dup.html")
	var pe *partialError
	if !errors.As(err, &pe) || pe.failed != 1 {
		t.Fatalf("err = %v, want 1 failed input\n%s", err, errOut)
	}
	if !strings.Contains(errOut, "heyang-saved-no-article.html") || !strings.Contains(errOut, "no article body: body looks like site chrome") {
		t.Errorf("stderr does not name the page without body:\n%s", errOut)
	}
	if m := summaryRE.FindStringSubmatch(out); m == nil || m[1] != "2" || m[5] != "1" {
		t.Errorf("summary %q: want 2 new documents and 1 problem", out)
	}
	if dump := dumpDB(t, db); !strings.Contains(dump, "no article body") {
		t.Errorf("problems table lacks the page without body")
	}
}
