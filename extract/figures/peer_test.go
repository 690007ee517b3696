package figures

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/govfig/govfig/internal/peers"
	"github.com/govfig/govfig/schema"
)

// Peer conformance: the percent and currency cases of the Recognizers-Text
// Chinese specs, read in place from ../shared/peers/recognizers-text-zh
// (never copied into the repository). Cases listed in
// testdata/peer-deviations.txt are where figures.md decides otherwise.

// TestPeerPercentCurrency runs the figure extractor over the peer's percent
// and currency cases: the percent figures (normalized, in %) and the money
// figures (normalized, in 元) must be the peer's results, in order.
func TestPeerPercentCurrency(t *testing.T) {
	cases, err := peers.Cases("percent", "currency")
	if errors.Is(err, peers.ErrAbsent) {
		t.Skipf("peer conformance skipped: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	dev, err := peers.Deviations(filepath.Join("testdata", "peer-deviations.txt"))
	if err != nil {
		t.Fatal(err)
	}
	ex := Default()
	pass, total := 0, 0
	for _, c := range cases {
		if _, ok := dev[c.Source]; ok {
			continue
		}
		total++
		kind := schema.KindPercent
		if c.Model == "currency" {
			kind = schema.KindMoney
		}
		var got []float64
		var texts []string
		for _, f := range ex.Extract(&schema.Document{Text: c.Input}) {
			if f.Kind == kind {
				got = append(got, f.Normalized)
				texts = append(texts, f.Text)
			}
		}
		ok := len(got) == len(c.Results)
		var want []string
		for i, r := range c.Results {
			s, _ := r.Value.(string)
			want = append(want, r.Text+"="+s)
			v, vok := peers.Value(r.Value)
			if !vok {
				ok = false
				continue
			}
			if ok && !peers.Close(got[i], v) {
				ok = false
			}
		}
		if ok {
			pass++
		} else {
			t.Logf("fail: %s\t%s\tgot %v %v\twant %v", c.Source, c.Input, texts, got, want)
		}
	}
	rate := float64(pass) / float64(total)
	t.Logf("peer percent and currency cases: %d/%d pass (%.1f%%), %d on the deviations list", pass, total, 100*rate, len(cases)-total)
	if rate < 0.95 {
		t.Errorf("peer percent/currency conformance %.1f%% < 95%%", 100*rate)
	}
}
