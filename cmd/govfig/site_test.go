package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/govfig/govfig/crawl"
	"github.com/govfig/govfig/fixtures/siteserver"
)

// articleFigures returns, per article of the database, its figures rendered
// as text, keyed by key(document url).
func articleFigures(t *testing.T, db string, key func(string) string) map[string]string {
	t.Helper()
	conn, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	rows, err := conn.Query(`SELECT d.url, f.kind, f.value, f.unit, f.qualifier, f.role, f.label, f.year, f.text, f.start, f."end"
		FROM documents d LEFT JOIN figure_view f ON f.document_id = d.id
		WHERE d.page_type = 'article' ORDER BY d.url, f.seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var u string
		var kind, unit, qual, role, label, text sql.NullString
		var value sql.NullFloat64
		var year, start, end sql.NullInt64
		if err := rows.Scan(&u, &kind, &value, &unit, &qual, &role, &label, &year, &text, &start, &end); err != nil {
			t.Fatal(err)
		}
		k := key(u)
		out[k] += ""
		if kind.Valid {
			out[k] += fmt.Sprintf("%s %v %s %s %s %s %d %s [%d,%d)\n", kind.String, value.Float64, unit.String, qual.String,
				role.String, label.String, year.Int64, text.String, start.Int64, end.Int64)
		}
	}
	return out
}

// crawlSample serves the sample site on loopback and crawls it (no delay)
// into a fresh archive; it returns the site, the archive and the crawl's
// configuration for a re-crawl.
func crawlSample(t *testing.T) (*siteserver.Sites, string, crawl.Config) {
	t.Helper()
	s, err := siteserver.Start(siteserver.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	sites, err := crawl.ParseSites(strings.NewReader(s.Text))
	if err != nil {
		t.Fatal(err)
	}
	arch := filepath.Join(t.TempDir(), "archive")
	cfg := crawl.Config{Sites: sites, ArchiveDir: arch, Delay: -1, DialContext: s.DialContext, RetryBase: 10 * time.Millisecond}
	if _, err := crawl.Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	return s, arch, cfg
}

// TestArchiveMatchesFiles: extracting the crawled archive of the sample site
// finds, for every article, the same figures as extracting the site's files
// straight from fixtures/site.
func TestArchiveMatchesFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the sample site")
	}
	s, arch, _ := crawlSample(t)
	dir := filepath.Dir(arch)
	fromArchive, fromFiles := filepath.Join(dir, "archive.db"), filepath.Join(dir, "files.db")
	if out, errOut, err := runCmd(t, "extract", "-q", "--db", fromArchive, arch); err != nil {
		t.Fatalf("extract archive: %v\n%s%s", err, out, errOut)
	}
	if out, errOut, err := runCmd(t, "extract", "-q", "--db", fromFiles, "../../fixtures/site"); err != nil {
		t.Fatalf("extract files: %v\n%s%s", err, out, errOut)
	}
	hostDir := map[string]string{}
	for _, h := range s.Hosts {
		hostDir[h.Addr()] = h.Name
	}
	byURL := func(raw string) string {
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatalf("stored URL %q: %v", raw, err)
		}
		return hostDir[u.Host] + u.Path
	}
	byPath := func(p string) string {
		p = filepath.ToSlash(p)
		if i := strings.Index(p, "fixtures/site/"); i >= 0 {
			return p[i+len("fixtures/site/"):]
		}
		return p
	}
	archived, files := articleFigures(t, fromArchive, byURL), articleFigures(t, fromFiles, byPath)
	if len(archived) < 10 {
		t.Fatalf("only %d articles in the archive", len(archived))
	}
	total := 0
	for k, want := range archived {
		got, ok := files[k]
		if !ok {
			t.Errorf("%s: archived but not found among the files", k)
			continue
		}
		if got != want {
			t.Errorf("%s: figures differ\narchive:\n%s\nfiles:\n%s", k, want, got)
		}
		total += strings.Count(want, "\n")
	}
	if total < 100 {
		t.Errorf("only %d figures in %d archived articles", total, len(archived))
	}
	t.Logf("%d archived articles, %d figures, equal to the files'", len(archived), total)
}
