package page_test

import (
	"fmt"
	"io/fs"
	"testing"

	"github.com/govfig/govfig/extract"
	"github.com/govfig/govfig/fixtures"
	"github.com/govfig/govfig/schema"
)

// The seed rendered as the article page of its site carries the seed's text
// in <p> paragraphs: reading the page must give the figures of the text.
// This runs the whole extractor (package extract), so a failure may lie in
// the figure rules rather than in the page reader: compare the two lists.
func TestSeedPageFiguresEqualSeedText(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the segmenter's dictionary")
	}
	txt, err := fs.ReadFile(fixtures.Docs, "docs/jinghai-2023-selfreport.txt")
	if err != nil {
		t.Fatal(err)
	}
	html, err := fs.ReadFile(fixtures.Pages, "pages/jinghai-2023-selfreport.html")
	if err != nil {
		t.Fatal(err)
	}
	fromText, err := extract.Read("jinghai-2023-selfreport.txt", txt, "")
	if err != nil {
		t.Fatal(err)
	}
	fromPage, err := extract.Read("http://www.tjjh.gov.cn/zwgk/gsgg/202408/t20240829_6712345.html", html, "")
	if err != nil {
		t.Fatal(err)
	}
	key := func(f schema.Figure) string {
		return fmt.Sprintf("%s %g %s %q", f.Kind, f.Value, f.Unit, f.Text)
	}
	// The text file also holds the page chrome the scraper captured (the
	// banner, the info line); figures there are not the article's.
	body := bodyFigures(fromText)
	if len(body) == 0 {
		t.Skip("the figure extractor finds no figures yet")
	}
	a, b := body, fromPage.Figures
	for i := 0; i < len(a) || i < len(b); i++ {
		var ka, kb string
		if i < len(a) {
			ka = key(a[i])
		}
		if i < len(b) {
			kb = key(b[i])
		}
		if ka != kb {
			t.Errorf("figure %d: text %s, page %s", i, ka, kb)
		}
	}
	t.Logf("%d figures from the text's body, %d from the page", len(a), len(b))
	if len(a) != len(b) {
		t.Errorf("%d figures from the text, %d from the page", len(a), len(b))
	}
}

// bodyFigures drops the figures of the captured chrome at the head of the
// seed text: everything before its body's first line.
func bodyFigures(doc *schema.Document) []schema.Figure {
	start := []rune(doc.Text)
	const first = "市政府教育督导室:"
	pos := -1
	for i := range start {
		if string(start[i:min(len(start), i+len([]rune(first)))]) == first {
			pos = i
			break
		}
	}
	var out []schema.Figure
	for _, f := range doc.Figures {
		if f.Start >= pos {
			out = append(out, f)
		}
	}
	return out
}
