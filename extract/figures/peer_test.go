package figures

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/govfig/govfig/schema"
)

// Peer conformance: the percent and currency cases of the Recognizers-Text
// Chinese specs, read in place from ../shared/peers/recognizers-text-zh
// (never copied into the repository). Cases listed in
// testdata/peer-deviations.txt are where figures.md decides otherwise.

type peerCase struct {
	Model   string `json:"model"`
	Input   string `json:"input"`
	Results []struct {
		Text  string `json:"text"`
		Value any    `json:"value"`
		Unit  string `json:"unit"`
	} `json:"results"`
	Source string `json:"source"`
}

func peerCases(t *testing.T, models ...string) []peerCase {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("peer conformance skipped: no go.mod above the test directory")
		}
		dir = parent
	}
	path := filepath.Join(dir, "..", "shared", "peers", "recognizers-text-zh", "cases.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("peer conformance skipped: %s is absent (the peer suite is read in place, never copied)", path)
	}
	defer f.Close()
	var out []peerCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var c peerCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("peer case: %v", err)
		}
		for _, m := range models {
			if c.Model == m {
				out = append(out, c)
			}
		}
	}
	return out
}

func peerDeviations(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "peer-deviations.txt"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		src, rule, ok := strings.Cut(l, "\t")
		if !ok || strings.TrimSpace(rule) == "" {
			t.Fatalf("deviation %q names no rule", l)
		}
		out[src] = rule
	}
	return out
}

// TestPeerPercentCurrency runs the figure extractor over the peer's percent
// and currency cases: the percent figures (normalized, in %) and the money
// figures (normalized, in 元) must be the peer's results, in order.
func TestPeerPercentCurrency(t *testing.T) {
	cases := peerCases(t, "percent", "currency")
	dev := peerDeviations(t)
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
			v, err := strconv.ParseFloat(strings.TrimSuffix(s, "%"), 64)
			if err != nil {
				ok = false
				continue
			}
			if ok && math.Abs(got[i]-v) > 1e-6*math.Max(1, math.Abs(v)) {
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
