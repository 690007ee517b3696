package textdoc

import (
	"io/fs"
	"testing"
	"unicode/utf8"

	"github.com/govfig/govfig/fixtures"
)

// FuzzRead feeds the text reader arbitrary bytes, seeded with the fixture
// documents: it returns a document or an error, never panics; the text is
// valid UTF-8, and every section and table cell points into it.
func FuzzRead(f *testing.F) {
	names, err := fs.Glob(fixtures.Docs, "docs/*.txt")
	if err != nil {
		f.Fatal(err)
	}
	for _, n := range names {
		b, err := fs.ReadFile(fixtures.Docs, n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("\xff\xfe\x41\x00\x00\xd8")) // UTF-16 with an unpaired surrogate
	f.Add([]byte("标题:\n原文链接: javascript:x\n指标名称 2021年 2022年 目标值\n增速 -1 ≤-3 —\n"))
	f.Fuzz(func(t *testing.T, body []byte) {
		doc, err := Read("fuzz.txt", body)
		if err != nil {
			return
		}
		if !utf8.ValidString(doc.Text) {
			t.Fatalf("text is not UTF-8")
		}
		n := utf8.RuneCountInString(doc.Text)
		for _, s := range doc.Sections {
			if s.Start < 0 || s.End > n || s.Start > s.End {
				t.Errorf("section %q [%d,%d) outside a text of %d runes", s.Path, s.Start, s.End, n)
			}
		}
		for _, tb := range doc.Tables {
			for _, row := range tb.Rows {
				for _, c := range row {
					if c.Start < 0 || c.End > n || c.Start > c.End {
						t.Errorf("cell %q [%d,%d) outside a text of %d runes", c.Text, c.Start, c.End, n)
					}
				}
			}
		}
	})
}
