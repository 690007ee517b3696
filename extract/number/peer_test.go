package number

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/govfig/govfig/internal/peers"
)

// TestPeerNumbers runs Scan over the peer's number cases: the values found
// must be the peer's, in order. At least 95% of the cases not on the
// deviations list must pass.
func TestPeerNumbers(t *testing.T) {
	cases, err := peers.Cases("number")
	if errors.Is(err, peers.ErrAbsent) {
		t.Skipf("peer conformance skipped: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	dev, err := peers.Deviations(filepath.Join("..", "figures", "testdata", "peer-deviations.txt"))
	if err != nil {
		t.Fatal(err)
	}
	pass, total := 0, 0
	var fails []string
	for _, c := range cases {
		if _, ok := dev[c.Source]; ok {
			continue
		}
		total++
		got := Scan(c.Input)
		ok := len(got) == len(c.Results)
		for i := 0; ok && i < len(got); i++ {
			want, vok := peers.Value(c.Results[i].Value)
			ok = vok && peers.Close(got[i].Value, want)
		}
		if ok {
			pass++
			continue
		}
		var g []string
		for _, m := range got {
			g = append(g, m.Text+"="+strconv.FormatFloat(m.Value, 'g', -1, 64))
		}
		var w []string
		for _, r := range c.Results {
			w = append(w, r.Text+"="+r.Value.(string))
		}
		fails = append(fails, c.Source+"\t"+c.Input+"\tgot "+strings.Join(g, ",")+"\twant "+strings.Join(w, ","))
	}
	rate := float64(pass) / float64(total)
	t.Logf("peer number cases: %d/%d pass (%.1f%%), %d on the deviations list", pass, total, 100*rate, len(cases)-total)
	for _, f := range fails {
		t.Log("fail: " + f)
	}
	if rate < 0.95 {
		t.Errorf("peer number conformance %.1f%% < 95%%", 100*rate)
	}
}
