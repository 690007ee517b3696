package page

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/govfig/govfig/fixtures"
	"github.com/govfig/govfig/schema"
)

// goldFigure is one line of fixtures/pages/NAME.figures.jsonl (format in
// fixtures/gold/README.md).
type goldFigure struct {
	Anchor     string  `json:"anchor"`
	Not        bool    `json:"not"`
	Note       string  `json:"note"`
	Kind       string  `json:"kind"`
	Value      float64 `json:"value"`
	Unit       string  `json:"unit"`
	Normalized float64 `json:"normalized"`
	BaseUnit   string  `json:"base_unit"`
	Qualifier  string  `json:"qualifier"`
	Role       string  `json:"role"`
	Label      string  `json:"label"`
	Subject    string  `json:"subject"`
	Year       int     `json:"year"`
}

// The hand-written figure golds of the pages must fit the text Read gives:
// every anchor resolves, in order, and every line is well formed.
func TestPageFigureGolds(t *testing.T) {
	files, err := fs.Glob(fixtures.Pages, "pages/*.figures.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Skip("no figure golds")
	}
	kinds := map[string]bool{}
	for _, k := range schema.Kinds {
		kinds[string(k)] = true
	}
	for _, file := range files {
		name := strings.TrimSuffix(path.Base(file), ".figures.jsonl")
		t.Run(name, func(t *testing.T) {
			g, body := loadGolden(t, name)
			doc, err := Read(body, g.URL, g.ContentType)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := fs.ReadFile(fixtures.Pages, file)
			if err != nil {
				t.Fatal(err)
			}
			text := doc.Text
			pos := 0 // byte offset of the previous figure
			sc := bufio.NewScanner(bytes.NewReader(raw))
			for line := 1; sc.Scan(); line++ {
				var gf goldFigure
				dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
				dec.DisallowUnknownFields()
				if err := dec.Decode(&gf); err != nil {
					t.Errorf("line %d: %v", line, err)
					continue
				}
				open, close := strings.Index(gf.Anchor, "⟦"), strings.Index(gf.Anchor, "⟧")
				if open < 0 || close < open {
					t.Errorf("line %d: anchor %q lacks ⟦…⟧", line, gf.Anchor)
					continue
				}
				snippet := gf.Anchor[:open] + gf.Anchor[open+len("⟦"):close] + gf.Anchor[close+len("⟧"):]
				i := strings.Index(text[pos:], snippet)
				if i < 0 {
					t.Errorf("line %d: anchor %q not in the text after byte %d", line, gf.Anchor, pos)
					continue
				}
				if !gf.Not {
					pos += i + open
					if !kinds[gf.Kind] || gf.Role == "" || gf.BaseUnit == "" && gf.Kind != string(schema.KindIndex) {
						t.Errorf("line %d: incomplete figure %+v", line, gf)
					}
				}
			}
		})
	}
}
