package extract

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govfig/govfig/fixtures"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// TestGolden is a regression snapshot, not gold: for every fixture document
// and page it writes what govfig extracts — each figure's text with its kind,
// normalized value, qualifier, role, year, label and section — and compares
// with testdata/NAME.golden. A rule change that moves any figure shows here
// as a readable diff; after checking it, `go test ./extract -run Golden
// -update` rewrites the files. (Hand-written gold lives in fixtures/gold and
// is scored by govfig eval.)
func TestGolden(t *testing.T) {
	var inputs []string
	for _, pattern := range []string{"docs/*.txt", "pages/*.html", "attachments/*"} {
		m, err := fs.Glob(fixtures.Docs, pattern)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, m...)
	}
	if len(inputs) < 10 {
		t.Fatalf("only %d fixture inputs", len(inputs))
	}
	for _, in := range inputs {
		name := strings.ReplaceAll(strings.TrimSuffix(in, path.Ext(in)), "/", "-")
		t.Run(name, func(t *testing.T) {
			body, err := fs.ReadFile(fixtures.Docs, in)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Read(in, body, "")
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			fmt.Fprintf(&b, "# %s: %s | %s | %s | %s | %d figures\n", in, doc.Title, doc.Publisher, doc.Published, doc.PageType, len(doc.Figures))
			for _, f := range doc.Figures {
				fmt.Fprintf(&b, "%s\t%s %v %s\t%s/%s\t%d\t%s\t%s\n", f.Text, f.Kind, f.Normalized, f.BaseUnit,
					orDash(string(f.Qualifier)), f.Role, f.Year, orDash(f.Label), orDash(f.Section))
			}
			golden := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./extract -run Golden -update to create it)", err)
			}
			if got := b.String(); got != string(want) {
				t.Errorf("%s differs from the current output:\n%s\nIf the change is intended: go test ./extract -run Golden -update",
					golden, lineDiff(string(want), got))
			}
		})
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// lineDiff lists the lines only in want (-) and only in got (+), at most 20.
func lineDiff(want, got string) string {
	in := func(s string) map[string]int {
		m := map[string]int{}
		for _, l := range strings.Split(s, "\n") {
			m[l]++
		}
		return m
	}
	w, g := in(want), in(got)
	var out []string
	for _, l := range strings.Split(want, "\n") {
		if g[l] == 0 {
			out = append(out, "- "+l)
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if w[l] == 0 {
			out = append(out, "+ "+l)
		}
	}
	if len(out) > 20 {
		out = append(out[:20], fmt.Sprintf("… %d more lines", len(out)-20))
	}
	return strings.Join(out, "\n")
}
