package schema

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// otherSQLite writes an SQLite database of another program (shaped like the
// crawler's frontier.db).
func otherSQLite(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path+"?_journal_mode=WAL")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		`CREATE TABLE urls (url TEXT PRIMARY KEY, state TEXT NOT NULL)`,
		`INSERT INTO urls VALUES ('https://www.tjxq.gov.cn/xxgk/tzgg/list.html', 'done')`,
		`PRAGMA wal_checkpoint(TRUNCATE)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
}

func hashFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		return "missing"
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}

// oldDatabase is a govfig database of schema version v with one document.
func oldDatabase(t *testing.T, path string, v int) {
	t.Helper()
	old, err := open(context.Background(), path, v)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if _, err := old.DB().Exec(`INSERT INTO documents (url, title, body, content_sha256, extractor_version)
		VALUES ('http://x/old', '旧文档', '全区教师队伍建设', 'abc', 'v0')`); err != nil {
		t.Fatal(err)
	}
}

// TestOpenReadOnlyRefuses: what OpenReadOnly refuses, each with an error
// naming the file and saying why, the file left as it was.
func TestOpenReadOnlyRefuses(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name string
		make func(path string)
		want string
	}{
		{"missing.db", func(string) {}, "does not exist"},
		{"folder.db", func(p string) { os.Mkdir(p, 0o755) }, "not a govfig database: it is a directory"},
		{"empty.txt", func(p string) { os.WriteFile(p, nil, 0o644) }, "not a govfig database: the file is empty"},
		{"notes.txt", func(p string) { os.WriteFile(p, []byte("联系电话 022-68000000\n"), 0o644) }, "not a govfig database: not an SQLite file"},
		{"frontier.db", func(p string) { otherSQLite(t, p) }, `not a govfig database: an SQLite database without govfig's tables (it has "urls")`},
		{"v3.db", func(p string) { oldDatabase(t, p, 3) }, "schema version 3 is older than this govfig reads"},
		{"v1.db", func(p string) { oldDatabase(t, p, 1) }, "run `govfig extract --db"},
		{"v99.db", func(p string) {
			oldDatabase(t, p, 0)
			db, _ := sql.Open("sqlite3", p)
			db.Exec("PRAGMA user_version = 99")
			db.Close()
		}, "newer than this govfig"},
	}
	for _, c := range cases {
		path := filepath.Join(dir, c.name)
		c.make(path)
		before := hashFile(t, path)
		s, err := OpenReadOnly(path)
		if err == nil {
			s.Close()
		}
		if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error naming the file and %q", c.name, err, c.want)
		}
		if hashFile(t, path) != before {
			t.Errorf("%s: the file changed", c.name)
		}
	}
}

// TestOpenReadOnlyWritesNothing: a read-only store reads, and cannot write.
func TestOpenReadOnlyWritesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "govfig.db")
	oldDatabase(t, path, 0)
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	info, err := s.Info(context.Background())
	if err != nil || info.Documents != 1 {
		t.Errorf("info %+v %v", info, err)
	}
	if _, err := s.DB().Exec("DELETE FROM documents"); err == nil || !strings.Contains(err.Error(), "readonly") {
		t.Errorf("a write through a read-only store: %v", err)
	}
}

// TestOpenRefusesOtherFiles: a writer (extract, merge's output) refuses an
// existing file that is not a govfig database and leaves it alone; an empty
// file or an SQLite database without tables becomes a govfig database.
func TestOpenRefusesOtherFiles(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name string
		make func(path string)
		ok   bool
	}{
		{"frontier.db", func(p string) { otherSQLite(t, p) }, false},
		{"notes.txt", func(p string) { os.WriteFile(p, []byte("区教育局工作要点\n"), 0o644) }, false},
		{"empty.db", func(p string) { os.WriteFile(p, nil, 0o644) }, true},
		{"blank.db", func(p string) {
			db, _ := sql.Open("sqlite3", p)
			db.Exec("PRAGMA page_size = 4096; VACUUM")
			db.Close()
		}, true},
	} {
		path := filepath.Join(dir, c.name)
		c.make(path)
		before := hashFile(t, path)
		s, err := Open(path)
		if err == nil {
			s.Close()
		}
		var ng *NotGovfigError
		switch {
		case c.ok && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case !c.ok && (!errors.As(err, &ng) || !strings.Contains(err.Error(), path)):
			t.Errorf("%s: %v, want a NotGovfigError naming the file", c.name, err)
		case !c.ok && hashFile(t, path) != before:
			t.Errorf("%s: the file changed", c.name)
		}
	}
}

// TestViewIsOneSnapshot: what a writer commits during View is not seen by
// any of its queries.
func TestViewIsOneSnapshot(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "govfig.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	put(t, s, &Document{URL: "http://x/1", Title: "一", Text: "全区学校"})
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	err = s.View(ctx, func(r Reader) error {
		before, err := r.Info(ctx)
		if err != nil {
			return err
		}
		put(t, w, &Document{URL: "http://x/2", Title: "二", Text: "全区教师"})
		n := 0
		if err := r.EachDocument(ctx, func(*DocRow) error { n++; return nil }); err != nil {
			return err
		}
		after, err := r.Info(ctx)
		if err != nil {
			return err
		}
		if before.Documents != 1 || n != 1 || after.Documents != 1 {
			t.Errorf("inside the snapshot: %d, %d, %d documents, want 1", before.Documents, n, after.Documents)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if info, _ := s.Info(ctx); info.Documents != 2 {
		t.Errorf("after the snapshot: %d documents, want 2", info.Documents)
	}
}

// TestReadersReadMinReadVersion: every reader works on a database at
// MinReadVersion, opened read-only; when one starts to need a newer
// migration this fails, and MinReadVersion must be raised.
func TestReadersReadMinReadVersion(t *testing.T) {
	ctx := context.Background()
	if MinReadVersion < 1 || MinReadVersion > SchemaVersion() {
		t.Fatalf("MinReadVersion %d outside 1..%d", MinReadVersion, SchemaVersion())
	}
	path := filepath.Join(t.TempDir(), "old.db")
	oldDatabase(t, path, MinReadVersion)
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.View(ctx, func(r Reader) error {
		if err := r.EachDocument(ctx, func(*DocRow) error { return nil }); err != nil {
			return err
		}
		if err := r.EachFigure(ctx, func(*FigureRow) error { return nil }); err != nil {
			return err
		}
		if _, err := r.Info(ctx); err != nil {
			return err
		}
		_, err := r.Problems(ctx)
		return err
	})
	if err != nil {
		t.Error(err)
	}
	if _, err := s.Search(ctx, "教师", 5); err != nil {
		t.Error(err)
	}
	if _, _, _, err := s.LoadDocument(ctx, 1); err != nil {
		t.Error(err)
	}
}
