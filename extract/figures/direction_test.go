package figures

import (
	"strings"
	"testing"

	"github.com/govfig/govfig/schema"
)

// TestDirectionTable checks direction.tsv: unique cues (the loader), and each
// example gives its marked figure the role change and the cue's direction.
func TestDirectionTable(t *testing.T) {
	if _, err := parseDirCues(directionTSV); err != nil {
		t.Fatal(err)
	}
	if _, err := parseDirCues("增长\tup\tx\n增长\tdown\ty\n"); err == nil {
		t.Error("a repeated cue was accepted")
	}
	if _, err := parseDirCues("增长\tsideways\tx\n"); err == nil {
		t.Error("a bad direction was accepted")
	}
	ex := Default()
	for _, c := range dirCues {
		text, start, end := unmark(t, c.example)
		doc := &schema.Document{Title: testTitle, Text: text}
		var got *schema.Figure
		figs := ex.Extract(doc)
		for i := range figs {
			if figs[i].Start < end && start < figs[i].End {
				got = &figs[i]
			}
		}
		switch {
		case got == nil:
			t.Errorf("%s: %s: no figure at the marked span; got %s", c.word, c.example, describe(figs))
		case got.Role != schema.RoleChange || got.Direction != c.dir:
			t.Errorf("%s: %s: role %s direction %q, want change %q", c.word, c.example, got.Role, got.Direction, c.dir)
		}
	}
}

// TestDirectionRules: one line each; value stays the magnitude as written.
func TestDirectionRules(t *testing.T) {
	p, h, m := schema.KindPercent, schema.KindHeadcount, schema.KindMoney
	runCases(t, []rc{
		{"全年粮食总产量38.9万吨，同比下降⟦18.5%⟧。", p, 18.5, "role=change dir=down value=18.5"},
		{"城镇登记失业率下降⟦2.4%⟧。", p, 2.4, "role=change dir=down"},
		{"全区农村低收入人口减少了⟦1200人⟧。", h, 1200, "dir=down"},
		{"教育经费支出预算安排190274万元，比上年的186988万元增加⟦3286万元⟧、增长1.76%。", m, 32860000, "dir=up"},
		{"教育经费支出预算安排190274万元，比上年的186988万元增加3286万元、增长⟦1.76%⟧。", p, 1.76, "dir=up"},
		{"教育经费支出预算安排190274万元，比上年的⟦186988万元⟧增加3286万元。", m, 1869880000, "role=previous dir="},
		{"教育经费支出预算安排⟦190274万元⟧。", m, 1902740000, "role=level dir="},
		{"个人所得税、城市维护建设税分别完成3.62亿元、4.05亿元，分别下降5%、⟦8%⟧。", p, 8, "role=change dir=down"},
		{"固定资产投资增速回落⟦2.1个百分点⟧。", p, 2.1, "dir=down"},
		{"工业投资降幅收窄⟦4.3个百分点⟧。", p, 4.3, "dir=down"},
		{"社会消费品零售总额增长⟦-2.4%⟧。", p, -2.4, "dir=down value=-2.4"},
		{"城乡低保标准由每人每月1,010元提高到⟦1,070元⟧。", m, 1070, "role=level dir="},
	})
}

// TestDirectionHeader: a change column's direction comes from its header and
// the printed sign.
func TestDirectionHeader(t *testing.T) {
	for _, c := range []struct {
		head string
		v    float64
		want schema.Direction
	}{
		{"比上年增长(%)", 6.2, schema.DirUp},
		{"比上年增长(%)", -0.5, schema.DirDown},
		{"增减额", -120, schema.DirDown},
		{"增减%", 3.1, schema.DirUp},
		{"下降幅度", 2, schema.DirDown},
	} {
		if got := headerDirection(c.head, c.v); got != c.want {
			t.Errorf("headerDirection(%q, %v) = %q, want %q", c.head, c.v, got, c.want)
		}
	}
	if d := strings.TrimSpace(string(headerDirection("", 1))); d != "up" {
		t.Errorf("a neutral header with a positive cell = %q", d)
	}
}
