package main

import (
	"fmt"
	"github.com/xuri/excelize/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govfig/govfig/schema"
)

// dumpByURL renders the database's content keyed by document URL, leaving out
// what legitimately differs between two equivalent databases: row ids, when
// and from which archive file a page was fetched, and the runs log.
func dumpByURL(t *testing.T, path string) string {
	t.Helper()
	st, err := schema.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	queries := []string{
		`SELECT url, site, region, site_column, title, publisher, published_at, charset, page_type, content_sha256,
		        body, extractor_version, problem FROM documents ORDER BY url`,
		`SELECT d.url, s.seq, s.path, s.level, s.start, s."end" FROM sections s JOIN documents d ON d.id = s.document_id ORDER BY d.url, s.seq`,
		`SELECT d.url, t.seq, t.caption, t.rows_json FROM doc_tables t JOIN documents d ON d.id = t.document_id ORDER BY d.url, t.seq`,
		`SELECT d.url, a.seq, a.name, a.url FROM attachments a JOIN documents d ON d.id = a.document_id ORDER BY d.url, a.seq`,
		`SELECT doc_url, seq, kind, value, unit, normalized, base_unit, qualifier, role, label, subject, year, text,
		        start, "end", sentence, section FROM figure_view ORDER BY doc_url, seq`,
		`SELECT path, url, stage, message FROM problems ORDER BY path, url`,
	}
	var b strings.Builder
	for _, q := range queries {
		rows, err := st.DB().Query(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		n := 0
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%q\n", vals)
			n++
		}
		rows.Close()
		fmt.Fprintf(&b, "-- %d rows\n", n)
	}
	return b.String()
}

func countRows(t *testing.T, path, table string) int {
	t.Helper()
	st, err := schema.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var n int
	if err := st.DB().QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestRunSampleTwice is the README's first command, twice: it leaves the three
// outputs, and the second run finds nothing new and changes nothing.
func TestRunSampleTwice(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the sample site; skipped with -short")
	}
	out := t.TempDir()
	stdout, stderr, err := runCmd(t, "run", "-q", "--out", out)
	if err != nil {
		t.Fatalf("first run: %v\n%s", err, stderr)
	}
	for _, p := range []string{"archive", "govfig.db", "govfig.xlsx"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("output %s missing: %v", p, err)
		}
	}
	if !strings.Contains(stdout, "学前三年毛入园率 96.34%") {
		t.Errorf("summary lacks the sample figure 学前三年毛入园率 96.34%%:\n%s", stdout)
	}
	db := filepath.Join(out, "govfig.db")
	if n := countRows(t, db, "figures"); n < 50 {
		t.Errorf("only %d figures from the sample site", n)
	}
	checkIndicatorSheet(t, filepath.Join(out, "govfig.xlsx"))
	before := dumpByURL(t, db)
	runsBefore := countRows(t, db, "runs")

	_, stderr, err = runCmd(t, "run", "--out", out)
	if err != nil {
		t.Fatalf("second run: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "0 new, 0 changed") {
		t.Errorf("second run should report nothing new:\n%s", stderr)
	}
	if after := dumpByURL(t, db); after != before {
		t.Errorf("second run changed the database")
	}
	if n := countRows(t, db, "runs"); n != runsBefore {
		t.Errorf("second run added %d runs rows though nothing changed", n-runsBefore)
	}
}

// TestMergeShards: the merge of two shards' databases equals the database of
// one run over all the sites.
func TestMergeShards(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the sample site three times; skipped with -short")
	}
	dir := t.TempDir()
	for _, a := range [][]string{
		{"run", "-q", "--shard", "1/2", "--out", filepath.Join(dir, "s1")},
		{"run", "-q", "--shard", "2/2", "--out", filepath.Join(dir, "s2")},
		{"run", "-q", "--out", filepath.Join(dir, "all")},
	} {
		if _, stderr, err := runCmd(t, a...); err != nil {
			t.Fatalf("%v: %v\n%s", a, err, stderr)
		}
	}
	s1, s2 := filepath.Join(dir, "s1", "govfig.db"), filepath.Join(dir, "s2", "govfig.db")
	if countRows(t, s1, "documents") == 0 || countRows(t, s2, "documents") == 0 {
		t.Fatal("a shard is empty: --shard did not split the sites")
	}
	merged := filepath.Join(dir, "merged.db")
	if _, stderr, err := runCmd(t, "merge", "--db", merged, s1, s2); err != nil {
		t.Fatalf("merge: %v\n%s", err, stderr)
	}
	want, got := dumpByURL(t, filepath.Join(dir, "all", "govfig.db")), dumpByURL(t, merged)
	if got != want {
		t.Errorf("merged shards differ from one run over all sites:\n%s", firstDiff(want, got))
	}
	// Merging the same shard again changes nothing.
	stdout, _, err := runCmd(t, "merge", "--db", merged, s1)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout, " 0 new, 0 replaced") {
		t.Errorf("re-merge should add nothing: %s", stdout)
	}
	if again := dumpByURL(t, merged); again != got {
		t.Error("re-merging a shard changed the database")
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\nwant %.300s\ngot  %.300s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("lengths differ: %d vs %d lines", len(al), len(bl))
}

func TestPickShard(t *testing.T) {
	sites := []string{"a", "b", "c", "d", "e"}
	for _, c := range []struct {
		spec string
		want string
	}{
		{"1/2", "a c e"}, {"2/2", "b d"}, {"1/1", "a b c d e"}, {"3/3", "c"},
	} {
		got, err := pickShard(sites, c.spec)
		if err != nil || strings.Join(got, " ") != c.want {
			t.Errorf("pickShard(%q) = %v, %v; want %s", c.spec, got, err, c.want)
		}
	}
	for _, bad := range []string{"0/2", "3/2", "x", "1/0", ""} {
		if _, err := pickShard(sites, bad); err == nil {
			t.Errorf("pickShard(%q) accepted", bad)
		}
	}
}

// checkIndicatorSheet: on the sample run, 指标 shows one indicator (地区生产总值,
// 2023) for the three districts on one row (issue 14).
func checkIndicatorSheet(t *testing.T, path string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("指标")
	if err != nil || len(rows) < 2 {
		t.Fatalf("指标: %v, %d rows", err, len(rows))
	}
	const fixed = 6 // 指标 单位 年份 领域 指标代码 地区数（个）
	if len(rows[0]) < fixed+3 {
		t.Fatalf("指标 header %q: want three district columns", rows[0])
	}
	found := false
	for _, r := range rows[1:] {
		if len(r) < 3 || r[0] != "地区生产总值" || r[2] != "2023" {
			continue
		}
		filled := 0
		for _, c := range r[fixed:] {
			if c != "" {
				filled++
			}
		}
		found = filled >= 3
	}
	if !found {
		t.Errorf("指标 has no row 地区生产总值 2023 with three districts: %q", rows)
	}
}
