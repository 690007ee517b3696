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
