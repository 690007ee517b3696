package main

import (
	"database/sql"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDoctor: doctor finds each kind of damage, exits 1 for it and 0 for a
// healthy database, and writes nothing.
func TestDoctor(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "base.db")
	if _, _, err := runCmd(t, "extract", "-q", "--db", base, "../../fixtures/docs/jinghai-2023-selfreport.txt"); err != nil {
		t.Fatal(err)
	}
	orig, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		damage []string // SQL run with foreign keys off
		file   func(path string)
		want   string // a regexp the report matches; "" for a healthy database
		note   string // for a healthy one: a regexp its report matches
	}{
		{name: "healthy", want: ""},
		{name: "shifted offsets", damage: []string{`UPDATE figures SET start = start + 1, "end" = "end" + 1 WHERE seq = 3`},
			want: "figure offsets     1 wrong"},
		{name: "offsets past the body", damage: []string{`UPDATE figures SET "end" = 1000000 WHERE seq = 0`},
			want: "outside the body"},
		{name: "article without body", damage: []string{`UPDATE documents SET body = '', problem = '', page_type = 'article'`,
			`DELETE FROM figures`}, want: "article bodies     1 wrong"},
		{name: "article without body but with a problem", damage: []string{`UPDATE documents SET body = '', problem = 'no article body found', page_type = 'article'`,
			`DELETE FROM figures`}, want: ""},
		// What an interrupted extract leaves: healthy, with a note.
		{name: "figures not mapped yet", damage: []string{`UPDATE figures SET indicator = NULL WHERE seq < 3`},
			note: "figure indicators  ok; 3 figures not mapped onto the indicator catalogue yet"},
		{name: "unknown indicator", damage: []string{`DELETE FROM indicators WHERE code = 'edu.pre.ger3'`},
			want: "(?s)figure indicators  1 wrong.*which the indicators table lacks"},
		{name: "orphan figures", damage: []string{`UPDATE figures SET document_id = 999 WHERE seq < 2`},
			want: "foreign_key_check  2 wrong"},
		{name: "not SQLite", file: func(p string) { os.WriteFile(p, []byte("天津市静海区教育局\n"), 0o644) },
			want: "not a govfig database"},
		{name: "damaged pages", file: func(p string) {
			b := append([]byte(nil), orig...)
			for i := 4096; i < len(b); i += 4096 {
				copy(b[i:], strings.Repeat("\xff", 64)) // the header of every b-tree page after the first
			}
			os.WriteFile(p, b, 0o644)
		}, want: "malformed|could not run|wrong"},
	}
	for _, c := range cases {
		path := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".db")
		if err := os.WriteFile(path, orig, 0o644); err != nil {
			t.Fatal(err)
		}
		if c.file != nil {
			c.file(path)
		}
		if len(c.damage) > 0 {
			db, err := sql.Open("sqlite3", path+"?_foreign_keys=off")
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range c.damage {
				if _, err := db.Exec(q); err != nil {
					t.Fatalf("%s: %s: %v", c.name, q, err)
				}
			}
			db.Close()
		}
		before, _ := os.ReadFile(path)
		out, _, err := runCmd(t, "doctor", "--db", path)
		code := exitCode(err, io.Discard)
		switch {
		case c.want == "" && (code != 0 || !strings.Contains(out, "healthy") || !regexp.MustCompile(c.note).MatchString(out)):
			t.Errorf("%s: exit %d, want 0 and %q:\n%s", c.name, code, c.note, out)
		case c.want != "" && (code != 1 || !regexp.MustCompile(c.want).MatchString(out)):
			t.Errorf("%s: exit %d, want 1 and %q:\n%s", c.name, code, c.want, out)
		}
		if after, _ := os.ReadFile(path); string(after) != string(before) {
			t.Errorf("%s: doctor changed the file", c.name)
		}
	}
	if _, _, err := runCmd(t, "doctor"); exitCode(err, io.Discard) != 2 {
		t.Errorf("doctor without --db: %v", err)
	}
}
