package page

import (
	"encoding/json"
	"io/fs"
	"path"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/govfig/govfig/fixtures"
	"github.com/govfig/govfig/schema"
)

// golden is the hand-written expectation for one fixture page
// (fixtures/pages/NAME.golden.json). Metadata fields are compared exactly;
// the rest are checks: phrases the body must and must not contain, section
// paths that must be present (in order), some table cells, the attachments
// and the list links in full.
type golden struct {
	URL         string `json:"url"`
	ContentType string `json:"content_type"`

	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	Published string `json:"published"`
	Region    string `json:"region"`
	Charset   string `json:"charset"`
	PageType  string `json:"page_type"`
	Site      string `json:"site"`
	Column    string `json:"column"`
	// Problem is a phrase Document.Problem must contain; "" means no problem.
	Problem string `json:"problem"`

	BodyMust    []string `json:"body_must"`
	BodyMustNot []string `json:"body_must_not"`
	Sections    []string `json:"sections"`
	Tables      []struct {
		Index      int  `json:"index"`
		Rows       int  `json:"rows"`
		Cols       int  `json:"cols"`
		HeaderRows *int `json:"header_rows"`
		HeaderCols *int `json:"header_cols"`
		Cells      []struct {
			Row    int    `json:"row"`
			Col    int    `json:"col"`
			Text   string `json:"text"`
			Header *bool  `json:"header"`
		} `json:"cells"`
	} `json:"tables"`
	Attachments []schema.Attachment `json:"attachments"`
	List        *schema.ListPage    `json:"list"`
}

// fixturePages returns the names (without .html) of the fixture pages.
func fixturePages(t testing.TB) []string {
	t.Helper()
	names, err := fs.Glob(fixtures.Pages, "pages/*.html")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, n := range names {
		out = append(out, strings.TrimSuffix(path.Base(n), ".html"))
	}
	if len(out) == 0 {
		t.Fatal("no fixture pages")
	}
	return out
}

func loadGolden(t *testing.T, name string) (golden, []byte) {
	t.Helper()
	body, err := fs.ReadFile(fixtures.Pages, "pages/"+name+".html")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := fs.ReadFile(fixtures.Pages, "pages/"+name+".golden.json")
	if err != nil {
		t.Fatalf("every fixture page needs a hand-written golden file: %v", err)
	}
	var g golden
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&g); err != nil {
		t.Fatalf("%s.golden.json: %v", name, err)
	}
	return g, body
}

func TestGolden(t *testing.T) {
	for _, name := range fixturePages(t) {
		t.Run(name, func(t *testing.T) {
			g, body := loadGolden(t, name)
			doc, err := Read(body, g.URL, g.ContentType)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			checkInvariants(t, doc)
			for _, f := range []struct{ name, got, want string }{
				{"title", doc.Title, g.Title},
				{"publisher", doc.Publisher, g.Publisher},
				{"published", doc.Published, g.Published},
				{"region", doc.Region, g.Region},
				{"charset", doc.Charset, g.Charset},
				{"page_type", doc.PageType, g.PageType},
				{"site", doc.Site, g.Site},
				{"column", doc.Column, g.Column},
			} {
				if f.got != f.want {
					t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
				}
			}
			if g.Problem == "" && doc.Problem != "" {
				t.Errorf("problem = %q, want none", doc.Problem)
			} else if !strings.Contains(doc.Problem, g.Problem) {
				t.Errorf("problem = %q, want it to contain %q", doc.Problem, g.Problem)
			}
			for _, p := range g.BodyMust {
				if !strings.Contains(doc.Text, p) {
					t.Errorf("body lacks %q", p)
				}
			}
			for _, p := range g.BodyMustNot {
				if strings.Contains(doc.Text, p) {
					t.Errorf("body has chrome %q", p)
				}
			}
			checkSections(t, doc, g.Sections)
			for _, gt := range g.Tables {
				if gt.Index >= len(doc.Tables) {
					t.Errorf("table %d missing (%d tables)", gt.Index, len(doc.Tables))
					continue
				}
				tb := doc.Tables[gt.Index]
				if gt.Rows != 0 && len(tb.Rows) != gt.Rows {
					t.Errorf("table %d: %d rows, want %d", gt.Index, len(tb.Rows), gt.Rows)
				}
				if gt.Cols != 0 && len(tb.Rows) > 0 && len(tb.Rows[0]) != gt.Cols {
					t.Errorf("table %d: %d columns, want %d", gt.Index, len(tb.Rows[0]), gt.Cols)
				}
				if gt.HeaderRows != nil && tb.HeaderRows != *gt.HeaderRows {
					t.Errorf("table %d: header_rows %d, want %d", gt.Index, tb.HeaderRows, *gt.HeaderRows)
				}
				if gt.HeaderCols != nil && tb.HeaderCols != *gt.HeaderCols {
					t.Errorf("table %d: header_cols %d, want %d", gt.Index, tb.HeaderCols, *gt.HeaderCols)
				}
				for _, c := range gt.Cells {
					if c.Row >= len(tb.Rows) || c.Col >= len(tb.Rows[c.Row]) {
						t.Errorf("table %d: no cell (%d,%d)", gt.Index, c.Row, c.Col)
						continue
					}
					cell := tb.Rows[c.Row][c.Col]
					if cell.Text != c.Text {
						t.Errorf("table %d cell (%d,%d) = %q, want %q", gt.Index, c.Row, c.Col, cell.Text, c.Text)
					}
					if c.Header != nil && cell.Header != *c.Header {
						t.Errorf("table %d cell (%d,%d) header = %v, want %v", gt.Index, c.Row, c.Col, cell.Header, *c.Header)
					}
				}
			}
			if g.Attachments == nil {
				g.Attachments = []schema.Attachment{}
			}
			if g.PageType == schema.PageArticle && !reflect.DeepEqual(doc.Attachments, g.Attachments) {
				t.Errorf("attachments = %+v\nwant %+v", doc.Attachments, g.Attachments)
			}
			if g.List != nil {
				if doc.List == nil {
					t.Fatal("no list")
				}
				if !reflect.DeepEqual(doc.List.Articles, g.List.Articles) {
					t.Errorf("articles:\n%s", diffLinks(doc.List.Articles, g.List.Articles))
				}
				if !reflect.DeepEqual(doc.List.Next, g.List.Next) {
					t.Errorf("next = %q\nwant %q", doc.List.Next, g.List.Next)
				}
			} else if doc.List != nil {
				t.Errorf("unexpected list with %d articles", len(doc.List.Articles))
			}
		})
	}
}

func diffLinks(got, want []schema.Link) string {
	var sb strings.Builder
	for i := 0; i < len(got) || i < len(want); i++ {
		var g, w schema.Link
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		mark := " "
		if g != w {
			mark = "!"
		}
		sb.WriteString(mark + " got  " + g.Date + " " + g.Title + " " + g.URL + "\n")
		if g != w {
			sb.WriteString(mark + " want " + w.Date + " " + w.Title + " " + w.URL + "\n")
		}
	}
	return sb.String()
}

// checkSections asserts the wanted paths appear in order among the sections.
func checkSections(t *testing.T, doc *schema.Document, want []string) {
	t.Helper()
	i := 0
	for _, s := range doc.Sections {
		if i < len(want) && s.Path == want[i] {
			i++
		}
	}
	if i < len(want) {
		var got []string
		for _, s := range doc.Sections {
			got = append(got, s.Path)
		}
		t.Errorf("section %q missing or out of order; sections:\n%s", want[i], strings.Join(got, "\n"))
	}
}

// checkInvariants asserts what holds for every document: spans point into
// the text and say what they claim.
func checkInvariants(t *testing.T, doc *schema.Document) {
	t.Helper()
	runes := []rune(doc.Text)
	n := len(runes)
	if !utf8.ValidString(doc.Text) {
		t.Error("text is not valid UTF-8")
	}
	for _, s := range doc.Sections {
		if s.Start < 0 || s.Start > s.End || s.End > n {
			t.Errorf("section %q span %d..%d outside text of %d", s.Path, s.Start, s.End, n)
			continue
		}
		if !strings.HasPrefix(string(runes[s.Start:s.End]), s.Title) {
			t.Errorf("section %q does not start with its title: %q", s.Path, string(runes[s.Start:min(s.End, s.Start+20)]))
		}
	}
	for ti, tb := range doc.Tables {
		if tb.Start < 0 || tb.Start > tb.End || tb.End > n {
			t.Errorf("table %d span %d..%d outside text of %d", ti, tb.Start, tb.End, n)
			continue
		}
		for r, row := range tb.Rows {
			for c, cell := range row {
				if cell.Start < tb.Start || cell.End > tb.End || cell.Start > cell.End {
					t.Errorf("table %d cell (%d,%d) span %d..%d outside table %d..%d", ti, r, c, cell.Start, cell.End, tb.Start, tb.End)
					continue
				}
				if got := string(runes[cell.Start:cell.End]); got != cell.Text {
					t.Errorf("table %d cell (%d,%d) text %q but span holds %q", ti, r, c, cell.Text, got)
				}
				if strings.ContainsAny(cell.Text, "\t\n") {
					t.Errorf("table %d cell (%d,%d) text %q has a separator", ti, r, c, cell.Text)
				}
			}
		}
	}
	if doc.PageType == schema.PageList {
		if doc.List == nil {
			t.Error("list page without list")
		} else {
			for _, l := range doc.List.Articles {
				if !strings.HasPrefix(l.URL, "http://") && !strings.HasPrefix(l.URL, "https://") {
					t.Errorf("article link %q is not absolute", l.URL)
				}
			}
		}
	}
}
