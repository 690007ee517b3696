package eval_test

import (
	"strings"
	"testing"

	"github.com/govfig/govfig/extract"
	"github.com/govfig/govfig/extract/eval"
	"github.com/govfig/govfig/schema"
)

// The acceptance floors of the real extractor over the embedded gold.
const (
	floorF1    = 0.95 // typed F1, overall and for every kind with gold
	floorLabel = 0.90 // share of matched figures whose label is found
)

func realExtractor(name string, body []byte) (*schema.Document, error) {
	return extract.Read(name, body, "")
}

// TestFloors runs the real extractor (extract.Read) over every embedded gold
// document and fails when typed F1 — overall or of any kind with gold — is
// below 0.95, or label-found below 0.90. On failure it prints the score table
// and, for each failing kind, its false negatives and false positives.
func TestFloors(t *testing.T) {
	cases := loadEmbedded(t)
	r, err := eval.Evaluate(cases, realExtractor)
	if err != nil {
		t.Fatal(err)
	}
	var table strings.Builder
	if err := r.WriteTable(&table); err != nil {
		t.Fatal(err)
	}
	t.Logf("scores over the embedded gold:\n%s", table.String())
	err = r.CheckFloors(floorF1, floorLabel)
	if err == nil {
		return
	}
	t.Error(err)
	for _, s := range r.Kinds {
		if s.Gold == 0 || s.F1 >= floorF1 {
			continue
		}
		fn, fp := r.Errors(s.Kind)
		var b strings.Builder
		b.WriteString("kind " + string(s.Kind) + " fails its floor:\n")
		for _, it := range fn {
			b.WriteString("  FN " + describe(it) + "\n")
		}
		for _, it := range fp {
			b.WriteString("  FP " + describe(it) + "\n")
		}
		t.Log(b.String())
	}
	if r.Overall.F1 < floorF1 {
		var b strings.Builder
		b.WriteString("false positives in kinds without gold and non-figure hits:\n")
		for _, it := range r.FalsePositives {
			if r.Kind(it.Kind).Gold == 0 || strings.HasPrefix(it.Note, "hits non-figure") {
				b.WriteString("  FP " + describe(it) + "\n")
			}
		}
		t.Log(b.String())
	}
	if a := r.Attribute(eval.AttrLabel); a.Accuracy < floorLabel {
		var b strings.Builder
		b.WriteString("labels not found:\n")
		for _, m := range r.Mismatches {
			for _, f := range m.Fields {
				if strings.HasPrefix(f, eval.AttrLabel+":") {
					b.WriteString("  " + m.Doc + " " + m.Text + " — " + f + "\n      " + m.Snippet + "\n")
				}
			}
		}
		t.Log(b.String())
	}
}

func describe(it eval.Item) string {
	s := it.Doc + " " + string(it.Kind) + " " + it.Text
	if it.Note != "" {
		s += " (" + it.Note + ")"
	}
	return s + "\n      " + it.Snippet
}
