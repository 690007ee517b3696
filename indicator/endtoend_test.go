package indicator

import (
	"math"
	"testing"

	"github.com/govfig/govfig/extract"
	"github.com/govfig/govfig/extract/eval"
	"github.com/govfig/govfig/fixtures"
	"github.com/govfig/govfig/schema"
)

// TestEndToEndMapping maps what the extractor finds, not the gold figures:
// each extracted figure that matches a gold figure (overlapping span, same
// normalized value) is mapped from its own label, kind and role and scored
// against the mapping gold of the gold figure. Extracted labels differ from
// the hand-written ones (longer or shorter phrases), so this is lower than
// TestGoldMapping; the floors guard against a regression of either side.
func TestEndToEndMapping(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts every fixture; skipped with -short")
	}
	cases, _, err := eval.Load(fixtures.Docs)
	if err != nil {
		t.Fatal(err)
	}
	c := Default()
	gold := readGold(t)
	var scored, wantCode, gotCode, correct int
	for _, cs := range cases {
		doc, err := extract.Read(cs.Name, cs.Body, "")
		if err != nil {
			t.Fatal(err)
		}
		spans, err := eval.Resolve(cs.Name, doc.Text, cs.Gold)
		if err != nil {
			t.Fatal(err)
		}
		used := make([]bool, len(doc.Figures))
		for _, sp := range spans {
			if sp.Not {
				continue
			}
			gf := schema.Figure{Label: sp.Label, Kind: sp.Kind, Role: sp.Role}
			g := lookup(gold, &gf)
			if g == nil {
				continue
			}
			var pred *schema.Figure
			for i := range doc.Figures {
				f := &doc.Figures[i]
				if !used[i] && f.Start < sp.End && sp.Start < f.End && math.Abs(f.Normalized-sp.Normalized) <= 1e-6*math.Max(1, math.Abs(sp.Normalized)) {
					pred, used[i] = f, true
					break
				}
			}
			if pred == nil {
				continue // not extracted: the extractor's recall, not the mapping's
			}
			scored++
			want := g.code
			if want == "-" {
				want = ""
			}
			m := c.Map(pred)
			if want != "" {
				wantCode++
			}
			if m.Code != "" {
				gotCode++
			}
			if m.Code != "" && m.Code == want {
				correct++
			} else if m.Code != "" || want != "" {
				t.Logf("%s %q (gold %q) %s/%s → %q (%s), want %q", cs.Name, pred.Label, sp.Label, pred.Kind, pred.Role, m.Code, m.Rule, want)
			}
		}
	}
	precision := float64(correct) / float64(max(gotCode, 1))
	recall := float64(correct) / float64(max(wantCode, 1))
	t.Logf("end to end: %d extracted figures with a mapping gold (%d with an indicator), %d mapped, %d right: precision %.3f recall %.3f",
		scored, wantCode, gotCode, correct, precision, recall)
	if scored < 300 {
		t.Errorf("%d figures scored, want at least 300", scored)
	}
	if precision < 0.95 {
		t.Errorf("end-to-end precision %.3f, want at least 0.95", precision)
	}
	if recall < 0.75 {
		t.Errorf("end-to-end recall %.3f, want at least 0.75", recall)
	}
}
