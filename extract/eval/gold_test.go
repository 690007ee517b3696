package eval_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/govfig/govfig/extract"
	"github.com/govfig/govfig/extract/eval"
	"github.com/govfig/govfig/fixtures"
	"github.com/govfig/govfig/schema"
)

// TestGoldAnchors checks the form of every embedded gold file (it does not
// write or change them): each line is well formed, each anchor resolves in its
// document's text in order, each marked span holds a number, and no two marked
// spans overlap.
func TestGoldAnchors(t *testing.T) {
	for _, c := range loadEmbedded(t) {
		t.Run(c.Name, func(t *testing.T) {
			text := string(c.Body)
			if !strings.HasSuffix(c.Name, ".txt") {
				doc, err := extract.Read(c.Name, c.Body, "")
				if err != nil {
					t.Fatal(err)
				}
				text = doc.Text
			}
			spans, err := eval.Resolve(c.GoldPath, text, c.Gold)
			if err != nil {
				t.Fatal(err)
			}
			figures := 0
			for i, s := range spans {
				if !s.Not {
					figures++
					if !strings.ContainsFunc(s.Text, isNumeral) {
						t.Errorf("%s:%d: figure %q holds no numeral", c.GoldPath, s.Line, s.Text)
					}
				}
				if i > 0 && s.Start < spans[i-1].End {
					t.Errorf("%s:%d: span %q overlaps line %d's %q", c.GoldPath, s.Line, s.Text, spans[i-1].Line, spans[i-1].Text)
				}
			}
			if figures == 0 {
				t.Errorf("%s has no figures", c.GoldPath)
			}
		})
	}
}

// loadEmbedded loads the embedded corpus; a gold file without its document
// is an error there (a misnamed file).
func loadEmbedded(t *testing.T) []eval.Case {
	t.Helper()
	cases, skipped, err := eval.Load(fixtures.Docs)
	if err != nil {
		t.Fatal(err)
	}
	if len(skipped) > 0 {
		t.Errorf("gold files without a document: %v", skipped)
	}
	return cases
}

func isNumeral(r rune) bool {
	return unicode.IsDigit(r) || strings.ContainsRune("〇零一二两三四五六七八九十百千万亿半", r)
}

// An extractor that returns exactly the gold figures scores 1 everywhere:
// the harness adds no error of its own on the real corpus (no gold figure
// left unmatched by the matching order, no non-figure overlapping a figure).
func TestEvaluateGoldEcho(t *testing.T) {
	cases := loadEmbedded(t)
	byName := map[string]eval.Case{}
	for _, c := range cases {
		byName[c.Name] = c
	}
	echo := func(name string, body []byte) (*schema.Document, error) {
		c := byName[name]
		spans, err := eval.Resolve(c.GoldPath, string(body), c.Gold)
		if err != nil {
			return nil, err
		}
		doc := &schema.Document{Text: string(body)}
		for _, s := range spans {
			if s.Not {
				continue
			}
			doc.Figures = append(doc.Figures, schema.Figure{Kind: s.Kind, Value: s.Value, Unit: s.Unit,
				Normalized: s.Normalized, BaseUnit: s.BaseUnit, Qualifier: s.Qualifier, Role: s.Role, Label: s.Label,
				Subject: s.Subject, Year: s.Year, Direction: s.Direction, Text: s.Text, Start: s.Start, End: s.End})
		}
		return doc, nil
	}
	var txt []eval.Case
	for _, c := range cases {
		if strings.HasSuffix(c.Name, ".txt") {
			txt = append(txt, c)
		}
	}
	r, err := eval.Evaluate(txt, echo)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.CheckFloors(1, 1); err != nil {
		t.Error(err)
	}
	if r.Overall.FP != 0 || r.Overall.FN != 0 || len(r.Mismatches) != 0 || len(r.NotHits) != 0 {
		t.Errorf("echo of the gold: %+v, %d mismatches, %d non-figure hits", r.Overall, len(r.Mismatches), len(r.NotHits))
	}
}
