package number

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// peerCase is one case of the Recognizers-Text Chinese specs
// (../shared/peers/recognizers-text-zh/README.md).
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

// peerDir finds ../shared/peers/recognizers-text-zh from the module root.
func peerDir(t *testing.T) string {
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
	p := filepath.Join(dir, "..", "shared", "peers", "recognizers-text-zh")
	if _, err := os.Stat(filepath.Join(p, "cases.jsonl")); err != nil {
		t.Skipf("peer conformance skipped: %s is absent (the peer suite is read in place, never copied)", p)
	}
	return p
}

func loadPeer(t *testing.T, model string) []peerCase {
	t.Helper()
	f, err := os.Open(filepath.Join(peerDir(t), "cases.jsonl"))
	if err != nil {
		t.Fatal(err)
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
		if c.Model == model {
			out = append(out, c)
		}
	}
	return out
}

// loadDeviations reads the deviations list: "source<TAB>rule" lines.
func loadDeviations(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "figures", "testdata", "peer-deviations.txt"))
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
			t.Fatalf("deviation %q has no rule", l)
		}
		out[src] = rule
	}
	return out
}

// peerValue reads a peer value ("0.333333333333333", "1.2732E+15", "50%").
func peerValue(v any) (float64, bool) {
	s, ok := v.(string)
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.TrimSuffix(s, "%"), 64)
	return f, err == nil
}

func close(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// TestPeerNumbers runs Scan over the peer's number cases: the values found
// must be the peer's, in order. At least 95% of the cases not on the
// deviations list must pass.
func TestPeerNumbers(t *testing.T) {
	cases := loadPeer(t, "number")
	dev := loadDeviations(t)
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
			want, vok := peerValue(c.Results[i].Value)
			ok = vok && close(got[i].Value, want)
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
