package main

import (
	"database/sql"
	"github.com/govfig/govfig/crawl"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func queryInt(t *testing.T, db *sql.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// TestIndicatorsRemap: extract maps figures onto the catalogue and fills
// indicator_view; a changed catalogue (--indicators) re-maps the stored
// figures with no document extracted again; remap without a change maps
// nothing; the indicators command lists counts and unmapped labels.
func TestIndicatorsRemap(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "g.db")
	if _, _, err := runCmd(t, "extract", "-q", "--db", dbPath, "../../fixtures/docs"); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n := queryInt(t, db, "SELECT count(*) FROM figures WHERE indicator IS NULL"); n != 0 {
		t.Errorf("%d figures not mapped after extract", n)
	}
	if n := queryInt(t, db, "SELECT count(*) FROM indicators"); n < 150 {
		t.Errorf("indicators table holds %d rows", n)
	}
	if n := queryInt(t, db, "SELECT count(*) FROM indicator_view WHERE indicator = 'stat.gdp'"); n < 3 {
		t.Errorf("indicator_view: %d rows of stat.gdp, want the bulletins' GRP", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM indicator_view v JOIN figures f ON f.id = v.figure_id WHERE f.role <> 'level'`); n != 0 {
		t.Errorf("indicator_view holds %d figures that are no levels", n)
	}
	canteens := "SELECT count(*) FROM figures WHERE indicator = 'loc.canteens'"
	docsBefore := queryInt(t, db, "SELECT count(*) FROM runs")
	if n := queryInt(t, db, canteens); n != 0 {
		t.Fatalf("%d canteens before the user's catalogue", n)
	}

	user := filepath.Join(dir, "mine.tsv")
	writeCanteens(t, user)
	out, _, err := runCmd(t, "remap", "--db", dbPath, "--indicators", user)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "mapped all") {
		t.Errorf("remap after a catalogue change: %q", out)
	}
	if n := queryInt(t, db, canteens); n == 0 {
		t.Error("remap with the user's catalogue mapped no canteen")
	}
	if n := queryInt(t, db, "SELECT count(*) FROM indicators WHERE code = 'loc.canteens'"); n != 1 {
		t.Error("the user's indicator is not in the indicators table")
	}
	if n := queryInt(t, db, "SELECT count(*) FROM runs"); n != docsBefore {
		t.Errorf("remap extracted again (%d runs, was %d)", n, docsBefore)
	}
	out, _, err = runCmd(t, "remap", "--db", dbPath, "--indicators", user)
	if err != nil || strings.Contains(out, "mapped all") {
		t.Errorf("remap with the same catalogue: %q %v", out, err)
	}
	// extract with the built-in catalogue again: nothing to extract, but the
	// catalogue changed back, so the figures are mapped again.
	out, _, err = runCmd(t, "extract", "-q", "--db", dbPath, "../../fixtures/docs")
	if err != nil || !strings.Contains(out, "mapped all") || !strings.Contains(out, "0 new, 0 changed") {
		t.Errorf("extract after a catalogue change: %q %v", out, err)
	}
	if n := queryInt(t, db, canteens); n != 0 {
		t.Errorf("%d canteens after going back to the built-in catalogue", n)
	}

	out, _, err = runCmd(t, "indicators", "--db", dbPath, "-n", "5")
	if err != nil || !strings.Contains(out, "stat.gdp ") || !strings.Contains(out, "most frequent labels without an indicator") {
		t.Errorf("indicators: %v\n%s", err, out)
	}
}

// TestIndicatorsFileErrors: a bad --indicators file is a usage error naming
// the file and line, before anything is written.
func TestIndicatorsFileErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.tsv")
	os.WriteFile(bad, []byte("code\tname\ten\tkind\tunit\tdomain\tof\tpatterns\tnot\texample\tnote\n# c\nx.a\t甲\tA\tratio\t%\t教育\t\t\t\t甲\t\n"), 0o644)
	dbPath := filepath.Join(dir, "g.db")
	for _, args := range [][]string{
		{"extract", "-q", "--db", dbPath, "--indicators", bad, "../../fixtures/docs"},
		{"indicators", "--indicators", bad},
		{"remap", "--db", dbPath, "--indicators", bad},
	} {
		_, _, err := runCmd(t, args...)
		if err == nil || !strings.Contains(err.Error(), bad+":3:") || !strings.Contains(err.Error(), "unknown kind") {
			t.Errorf("%s: %v, want %s:3: … unknown kind", args[0], err, bad)
		}
		if exitCode(err, &strings.Builder{}) != 2 {
			t.Errorf("%s: exit %d, want 2", args[0], exitCode(err, &strings.Builder{}))
		}
	}
	if _, err := os.Stat(dbPath); err == nil {
		t.Error("a bad catalogue still created the database")
	}
}

// TestSiteRegions: the hosts of a sites file's seeds take the region its
// names give; a name that is no region gives none.
func TestSiteRegions(t *testing.T) {
	sites, err := crawl.ParseSites(strings.NewReader("天津市静海区 http://www.tjjh.gov.cn/zwgk/gsgg/index.html\n" +
		"静海教育网 http://jy.tjjh.gov.cn/tzgg/index.html\n天津市河西区 https://WWW.TJHX.GOV.CN/zwgk/index.html http://tjhx.gov.cn/a/index.html\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := siteRegions(sites)
	want := map[string]string{"www.tjjh.gov.cn": "天津市静海区", "www.tjhx.gov.cn": "天津市河西区", "tjhx.gov.cn": "天津市河西区"}
	if len(got) != len(want) {
		t.Errorf("siteRegions = %v, want %v", got, want)
	}
	for h, r := range want {
		if got[h] != r {
			t.Errorf("%s → %q, want %q", h, got[h], r)
		}
	}
}

// TestExtractMapsInWorkers: extract maps each figure in its workers with
// the catalogue it stored first, so no remap follows, and the mapping is
// the one a full remap gives (remap --all changes nothing). A second
// extract into the same database with another catalogue remaps the stored
// figures first.
func TestExtractMapsInWorkers(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "g.db")
	out, _, err := runCmd(t, "extract", "-q", "--db", dbPath, "../../fixtures/docs")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "figures written have an indicator") || strings.Contains(out, "mapped all") || strings.Contains(out, "new figures") {
		t.Errorf("extract into a new database: want the workers' count and no remap, got\n%s", out)
	}
	out, _, err = runCmd(t, "remap", "--all", "--db", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "with an indicator, 0 changed") {
		t.Errorf("remap --all after extract: the workers' mapping differs from the catalogue's\n%s", out)
	}
	user := filepath.Join(dir, "mine.tsv")
	writeCanteens(t, user)
	out, _, err = runCmd(t, "extract", "-q", "--db", dbPath, "--indicators", user, "../../fixtures/docs")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "mapped all") {
		t.Errorf("extract with another catalogue: want the stored figures remapped first\n%s", out)
	}
}

// writeCanteens writes a user catalogue of one indicator (学生食堂数) that
// the built-in one lacks.
func writeCanteens(t *testing.T, path string) {
	t.Helper()
	if err := os.WriteFile(path, []byte("code\tname\ten\tkind\tunit\tdomain\tof\tpatterns\tnot\texample\tnote\n"+
		"loc.canteens\t学生食堂数\tSchool canteens\tschools\t所\t教育\t\t初中校学生食堂|学生食堂\t\t学生食堂\t\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}
