package main

import (
	"crypto/sha256"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// frontierLike writes an SQLite database shaped like the crawler's
// ARCHIVE/frontier.db: WAL, its own tables, a few rows, no govfig tables.
func frontierLike(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path+"?_journal_mode=WAL")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		`CREATE TABLE generations (id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT)`,
		`CREATE TABLE urls (url TEXT PRIMARY KEY, host TEXT NOT NULL, state TEXT NOT NULL, seq INTEGER NOT NULL)`,
		`INSERT INTO generations (started_at) VALUES ('2026-11-27T09:00:00Z')`,
		`INSERT INTO urls VALUES ('https://www.tjjh.gov.cn/zwgk/gsgg/index.html', 'www.tjjh.gov.cn', 'done', 1)`,
		`INSERT INTO urls VALUES ('https://www.tjjh.gov.cn/zwgk/gsgg/202405/t20240506_1.html', 'www.tjjh.gov.cn', 'pending', 2)`,
		`PRAGMA wal_checkpoint(TRUNCATE)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
}

// fileState is a file's content hash, or "missing"; with the names of the
// SQLite side files next to it.
func fileState(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return "missing"
	}
	if err != nil {
		t.Fatal(err)
	}
	s := fmt.Sprintf("%x", sha256.Sum256(b))
	for _, side := range []string{"-journal"} {
		if _, err := os.Stat(path + side); err == nil {
			s += " +" + side
		}
	}
	return s
}

// TestReadersRefuseOtherFiles: export, search and merge (inputs and output)
// refuse a file that is not a govfig database with an error naming it, and
// leave it as it was (issue 11, item 11).
func TestReadersRefuseOtherFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "govfig.db")
	if _, _, err := runCmd(t, "extract", "-q", "--db", good, "../../fixtures/docs/jinghai-2023-selfreport.txt"); err != nil {
		t.Fatal(err)
	}
	bad := map[string]func(path string){
		"frontier.db": func(p string) { frontierLike(t, p) },
		"empty.txt":   func(p string) { os.WriteFile(p, nil, 0o644) },
		"notes.txt":   func(p string) { os.WriteFile(p, []byte("静海区教育局 联系电话 022-68000000\n"), 0o644) },
	}
	xlsx := filepath.Join(dir, "out.xlsx")
	for name, make := range bad {
		for _, c := range []struct {
			what string
			args func(p string) []string
		}{
			{"export", func(p string) []string { return []string{"export", "--db", p, "--xlsx", xlsx} }},
			{"search", func(p string) []string { return []string{"search", "教育", "--db", p} }},
			{"merge input", func(p string) []string { return []string{"merge", "--db", filepath.Join(dir, "merged.db"), p} }},
			{"merge output", func(p string) []string { return []string{"merge", "--db", p, good} }},
		} {
			if name == "empty.txt" && c.what == "merge output" {
				continue // an empty file is an empty database to a writer
			}
			path := filepath.Join(dir, c.what+"-"+name)
			make(path)
			before := fileState(t, path)
			_, _, err := runCmd(t, c.args(path)...)
			if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "not a govfig database") {
				t.Errorf("%s of %s: err %v, want one naming the file as not a govfig database", c.what, name, err)
			}
			if after := fileState(t, path); after != before {
				t.Errorf("%s of %s changed the file", c.what, name)
			}
			for _, out := range []string{xlsx, filepath.Join(dir, "merged.db")} {
				if _, err := os.Stat(out); err == nil {
					t.Errorf("%s of %s left %s behind", c.what, name, filepath.Base(out))
					os.Remove(out)
				}
			}
		}
	}
}

// TestReadersDoNotWrite: export and search of a good database change
// nothing in it, and merge does not touch its inputs.
func TestReadersDoNotWrite(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "govfig.db")
	if _, _, err := runCmd(t, "extract", "-q", "--db", good, "../../fixtures/docs/jinghai-2023-selfreport.txt"); err != nil {
		t.Fatal(err)
	}
	before := dumpDB(t, good)
	if _, _, err := runCmd(t, "export", "--db", good, "--xlsx", filepath.Join(dir, "a.xlsx")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := runCmd(t, "search", "教育经费", "--db", good); err != nil {
		t.Fatal(err)
	}
	if _, _, err := runCmd(t, "merge", "--db", filepath.Join(dir, "all.db"), good); err != nil {
		t.Fatal(err)
	}
	if after := dumpDB(t, good); after != before {
		t.Error("a reader changed the database")
	}
}
