package figures

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/govfig/govfig/schema"
)

// rc is one rule test line. In the input the expected figure's text is
// marked ⟦…⟧. With kind "" the marked span is a non-figure: no figure may
// overlap it. want lists further checks as "field=value" (unit, base, q,
// role, label, subject, year, value).
type rc struct {
	in   string
	kind schema.Kind
	norm float64
	want string
}

// title gives every test document a year (2023) for figure years.
const testTitle = "某区2023年工作情况报告"

func unmark(t *testing.T, s string) (text string, start, end int) {
	t.Helper()
	i := strings.Index(s, "⟦")
	j := strings.Index(s, "⟧")
	if i < 0 || j < i {
		t.Fatalf("test input %q has no ⟦…⟧ span", s)
	}
	text = s[:i] + s[i+len("⟦"):j] + s[j+len("⟧"):]
	start = len([]rune(s[:i]))
	end = start + len([]rune(s[i+len("⟦"):j]))
	return text, start, end
}

func runCases(t *testing.T, cases []rc) {
	t.Helper()
	ex := Default()
	for _, c := range cases {
		text, start, end := unmark(t, c.in)
		doc := &schema.Document{Title: testTitle, Text: text}
		figs := ex.Extract(doc)
		checkSpans(t, doc, figs)
		if c.kind == "" {
			for _, f := range figs {
				if f.Start < end && start < f.End {
					t.Errorf("%s: non-figure became %s %q (%v)", c.in, f.Kind, f.Text, f.Normalized)
				}
			}
			continue
		}
		var got *schema.Figure
		for i := range figs {
			if figs[i].Start == start && figs[i].End == end {
				got = &figs[i]
			}
		}
		if got == nil {
			t.Errorf("%s: no figure at the marked span; got %s", c.in, describe(figs))
			continue
		}
		if got.Kind != c.kind || math.Abs(got.Normalized-c.norm) > 1e-6*math.Max(1, math.Abs(c.norm)) {
			t.Errorf("%s: got %s %v, want %s %v", c.in, got.Kind, got.Normalized, c.kind, c.norm)
		}
		for _, w := range strings.Fields(c.want) {
			k, v, _ := strings.Cut(w, "=")
			var g string
			switch k {
			case "unit":
				g = got.Unit
			case "base":
				g = got.BaseUnit
			case "q":
				g = string(got.Qualifier)
			case "role":
				g = string(got.Role)
			case "dir":
				g = string(got.Direction)
			case "label":
				g = got.Label
			case "subject":
				g = got.Subject
			case "year":
				g = itoa(got.Year)
			case "value":
				g = ftoa(got.Value)
			default:
				t.Fatalf("unknown check %q", k)
			}
			if g != v {
				t.Errorf("%s: %s = %q, want %q", c.in, k, g, v)
			}
		}
	}
}

// checkSpans asserts the invariants every figure keeps.
func checkSpans(t *testing.T, doc *schema.Document, figs []schema.Figure) {
	t.Helper()
	rs := []rune(doc.Text)
	for _, f := range figs {
		if f.Start < 0 || f.End > len(rs) || f.Start >= f.End {
			t.Errorf("figure %q has span %d..%d outside the text (%d runes)", f.Text, f.Start, f.End, len(rs))
			continue
		}
		if string(rs[f.Start:f.End]) != f.Text {
			t.Errorf("figure text %q does not slice back (%q)", f.Text, string(rs[f.Start:f.End]))
		}
		if !strings.Contains(doc.Text, f.Sentence) || !strings.Contains(f.Sentence, f.Text) {
			t.Errorf("figure %q: sentence %q is not the text's sentence holding it", f.Text, f.Sentence)
		}
		if math.IsInf(f.Normalized, 0) || math.IsNaN(f.Normalized) || math.IsInf(f.Value, 0) || math.IsNaN(f.Value) {
			t.Errorf("figure %q is not finite", f.Text)
		}
	}
}

func describe(figs []schema.Figure) string {
	var b strings.Builder
	for _, f := range figs {
		b.WriteString("[" + f.Text + " " + string(f.Kind) + "]")
	}
	if b.Len() == 0 {
		return "none"
	}
	return b.String()
}

func itoa(i int) string { return strconv.Itoa(i) }

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
