package figures

import (
	"strings"
	"testing"

	"github.com/govfig/govfig/schema"
)

// TestUnitsTable checks units.tsv: every unit is listed once, and every
// example yields a figure of the row's kind carrying the row's unit.
func TestUnitsTable(t *testing.T) {
	seen := map[string]bool{}
	for _, fam := range [][]unitRule{percentUnits, moneyUnits, headcountUnits, schoolUnits, tableUnits} {
		for _, r := range fam {
			if seen[r.unit] {
				t.Errorf("unit %q is listed twice", r.unit)
			}
			seen[r.unit] = true
		}
	}
	ex := Default()
	for _, r := range tableUnits {
		figs := ex.Extract(&schema.Document{Title: testTitle, Text: r.example + "。"})
		found := false
		for _, f := range figs {
			u := strings.TrimSuffix(f.Unit, rateSuffix(f.Unit))
			if f.Kind == r.kind && strings.HasSuffix(u, r.unit) && (u == r.unit || r.mags) {
				found = true
			}
		}
		if !found {
			t.Errorf("units.tsv %q: example %q gives %s, want a %s figure in %s", r.unit, r.example, describe(figs), r.kind, r.unit)
		}
	}
}

func rateSuffix(u string) string {
	for _, s := range rateSuffixes {
		if strings.HasSuffix(u, s) {
			return s
		}
	}
	return ""
}

func TestLoadUnitsErrors(t *testing.T) {
	for _, in := range []string{
		"个\tcount\t个\t1\tmags\t\t例\n",     // 7 fields
		"个\tcount\t个\t0\tmags\t\t3个\t\n",  // no factor
		"个\tcounts\t个\t1\tmags\t\t3个\t\n", // unknown kind
		"个\tcount\t个\t1\tmagz\t\t3个\t\n",  // unknown flag
		"\tcount\t个\t1\t\t\t3个\t\n",       // no unit
	} {
		if _, err := loadUnits(in); err == nil {
			t.Errorf("loadUnits(%q) accepted a malformed line", in)
		}
	}
}
