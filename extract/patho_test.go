package extract_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/govfig/govfig/extract"
	"github.com/govfig/govfig/extract/figures"
	"github.com/govfig/govfig/internal/patho"
)

// TestManyFiguresInOneSentence (issue 11, item 1): a page of thousands of
// figures in one sentence keeps MaxPerSentence of them, says so in its
// Problem, and what its figures carry stays linear in the page: before, every
// figure carried the whole 200 KB sentence and inspect's JSON ran past 4 GB.
func TestManyFiguresInOneSentence(t *testing.T) {
	page := patho.Page(patho.Figures, 200_000)
	doc, err := extract.Read("many.html", page, "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Problem, extract.TooManyFigures) {
		t.Errorf("problem %q, want %q", doc.Problem, extract.TooManyFigures)
	}
	if n := len(doc.Figures); n != figures.MaxPerSentence {
		t.Errorf("%d figures, want the first %d of the sentence", n, figures.MaxPerSentence)
	}
	carried := 0
	for _, f := range doc.Figures {
		carried += len(f.Sentence)
		if !strings.Contains(doc.Text, f.Sentence) || !strings.Contains(f.Sentence, f.Text) {
			t.Fatalf("figure %q: sentence %.40q… is not a part of the text holding the figure", f.Text, f.Sentence)
		}
	}
	if carried > 10*len(page) {
		t.Fatalf("figures carry %d bytes of sentence for a %d-byte page", carried, len(page))
	}
	js, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(js) > 20*len(page) {
		t.Errorf("JSON of %d bytes for a %d-byte page", len(js), len(page))
	}
}

// TestLongSentencesStayWhole: a figure's sentence is clipped only past
// MaxSentenceRunes; an ordinary report's figures carry their whole sentence
// and no problem.
func TestLongSentencesStayWhole(t *testing.T) {
	doc, err := extract.Read("report.html", patho.Page(patho.Report, 20_000), "")
	if err != nil {
		t.Fatal(err)
	}
	if doc.Problem != "" || len(doc.Figures) == 0 {
		t.Fatalf("problem %q, %d figures", doc.Problem, len(doc.Figures))
	}
	for _, f := range doc.Figures {
		if !strings.HasSuffix(f.Sentence, "。") && !strings.HasSuffix(f.Sentence, "；") {
			t.Errorf("figure %q: sentence %q is not whole", f.Text, f.Sentence)
		}
	}
}

// TestPageBounds (issue 11, items 1–3): what one page costs is bounded. A
// report with more than MaxPerDocument figures keeps the first of them in
// text order, and a page of more than MaxNumbers numerals reads the first;
// each says so in its Problem. Before, a 16 MB report yielded 486k figures
// in 23 s and 1.6 GB, and a page of bare numbers took 20 s for nothing.
func TestPageBounds(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 5 MB of generated pages")
	}
	doc, err := extract.Read("report.html", patho.Page(patho.Report, 2<<20), "")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(doc.Figures); n != figures.MaxPerDocument {
		t.Errorf("report: %d figures, want the first %d", n, figures.MaxPerDocument)
	}
	if !strings.Contains(doc.Problem, extract.TooManyFiguresInPage) || !strings.Contains(doc.Problem, "figures kept") {
		t.Errorf("report: problem %q, want %q … figures kept", doc.Problem, extract.TooManyFiguresInPage)
	}
	for i := 1; i < len(doc.Figures); i++ {
		if doc.Figures[i].Start < doc.Figures[i-1].Start {
			t.Fatalf("figures out of text order at %d", i)
		}
	}
	if last := doc.Figures[len(doc.Figures)-1]; last.Start >= len([]rune(doc.Text))-1000 {
		t.Errorf("the kept figures reach offset %d of %d: not the first ones", last.Start, len([]rune(doc.Text)))
	}

	doc, err = extract.Read("bare.html", patho.Page(patho.Bare, 3<<20), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Problem, extract.TooManyFiguresInPage) || !strings.Contains(doc.Problem, "not read") {
		t.Errorf("bare numbers: problem %q, want %q … not read", doc.Problem, extract.TooManyFiguresInPage)
	}
}
