package indicator

import (
	"errors"
	"strings"
	"testing"

	"github.com/govfig/govfig/schema"
)

// TestCatalogue: the built-in catalogue reads, has unique codes and names
// (build checks), at least 150 indicators, and each row's example maps to
// it as a level figure of its main kind and unit.
func TestCatalogue(t *testing.T) {
	c, err := Load(nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(c.Indicators()); n < 150 {
		t.Errorf("%d indicators, want at least 150", n)
	}
	for _, in := range c.Indicators() {
		if in.Example == "" || in.En == "" || in.Domain == "" {
			t.Errorf("line %d %s: example, en and domain are required", in.Line, in.Code)
			continue
		}
		fig := schema.Figure{Label: in.Example, Kind: in.Kinds[0], BaseUnit: in.Unit(), Role: schema.RoleLevel}
		if m := c.Map(&fig); m.Code != in.Code {
			t.Errorf("line %d: example %q maps to %q (%s), want %s", in.Line, in.Example, m.Code, m.Rule, in.Code)
		}
	}
}

// TestLoadErrors: an override file's mistakes are reported with its name and
// line.
func TestLoadErrors(t *testing.T) {
	const header = "code\tname\ten\tkind\tunit\tdomain\tof\tpatterns\tnot\texample\tnote\n"
	row := func(f ...string) string { return strings.Join(f, "\t") + "\n" }
	tests := []struct {
		file, want string
	}{
		{"code\tname\n", "my.tsv:1: header"},
		{header + "# comment\n" + row("x.a", "甲", "A", "percent", "%", "教育", "", "", "", "甲", ""), ""},
		{header + row("x.a", "甲", "A", "percent", "%", "教育"), "my.tsv:2: 6 columns"},
		{header + "\n" + row("X A", "甲", "A", "percent", "%", "教育", "", "", "", "甲", ""), "my.tsv:3: code"},
		{header + row("x.a", "甲", "A", "ratio", "%", "教育", "", "", "", "甲", ""), "my.tsv:2: x.a: unknown kind"},
		{header + row("x.a", "甲", "A", "percent", "%", "教育", "", "…乙", "", "甲", ""), "my.tsv:2: x.a: pattern"},
		{header + row("x.a", "甲", "A", "percent", "%", "教育", "", "", "", "甲", "") + row("x.a", "乙", "B", "percent", "%", "教育", "", "", "", "乙", ""), "my.tsv:3: code x.a already on line 2"},
		{header + row("x.a", "学前三年毛入园率", "A", "percent", "%", "教育", "", "", "", "甲", ""), "my.tsv:2: x.a: name \"学前三年毛入园率\" is also a name of edu.pre.ger3"},
		{header + row("x.a", "甲", "A", "percent", "%", "教育", "growth:x.none", "", "", "甲", ""), "my.tsv:2: x.a: of growth:x.none"},
		// an override of a built-in code replaces it (its names are free again)
		{header + row("edu.pre.ger3", "学前三年毛入园率", "GER", "percent", "%", "教育", "", "毛入园率", "", "学前三年毛入园率", ""), ""},
	}
	for _, tt := range tests {
		_, err := Load([]byte(tt.file), "my.tsv")
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%q: %v", tt.file, err)
		case tt.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.want)):
			t.Errorf("%q: error %v, want %q…", tt.file, err, tt.want)
		case tt.want != "":
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line == 0 {
				t.Errorf("%q: %v is no ParseError with a line", tt.file, err)
			}
		}
	}
}

// TestOverride: a user row adds a name to the catalogue and changes the hash.
func TestOverride(t *testing.T) {
	extra := "code\tname\ten\tkind\tunit\tdomain\tof\tpatterns\tnot\texample\tnote\n" +
		"loc.canteens\t学生食堂数\tSchool canteens\tschools\t所\t教育\t\t初中校学生食堂|学生食堂\t\t学生食堂\t\n"
	c, err := Load([]byte(extra), "mine.tsv")
	if err != nil {
		t.Fatal(err)
	}
	fig := schema.Figure{Label: "初中校学生食堂", Kind: schema.KindSchools, BaseUnit: "所", Role: schema.RoleTarget}
	if m := c.Map(&fig); m.Code != "loc.canteens" {
		t.Errorf("override: %+v", m)
	}
	if m := Default().Map(&fig); m.Code != "" {
		t.Errorf("built-in maps %q: %+v", fig.Label, m)
	}
	if c.Hash() == Default().Hash() {
		t.Error("an override keeps the hash")
	}
}
