package outline

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/govfig/govfig/schema"
)

func TestSections(t *testing.T) {
	text := "标题\n一、做法与成效\n（一）加强领导\n1.研究解决重大教育问题。区委区政府坚持教育优先。一是开展活动,促进发展。二是成立中心。\n2、落实制度\n(1)细项\n1.5万人参加培训。\n二、存在问题\n(一)办学条件还需要进一步改善。我区自2008年起\n"
	want := []struct {
		level int
		path  string
	}{
		{1, "一、做法与成效"},
		{2, "一、做法与成效 > （一）加强领导"},
		{3, "一、做法与成效 > （一）加强领导 > 1.研究解决重大教育问题"},
		{5, "一、做法与成效 > （一）加强领导 > 1.研究解决重大教育问题 > 一是开展活动"},
		{5, "一、做法与成效 > （一）加强领导 > 1.研究解决重大教育问题 > 二是成立中心"},
		{3, "一、做法与成效 > （一）加强领导 > 2、落实制度"},
		{4, "一、做法与成效 > （一）加强领导 > 2、落实制度 > (1)细项"},
		{1, "二、存在问题"},
		{2, "二、存在问题 > (一)办学条件还需要进一步改善"},
	}
	got := Sections(text)
	if len(got) != len(want) {
		for _, s := range got {
			t.Logf("%d %q", s.Level, s.Path)
		}
		t.Fatalf("got %d sections, want %d", len(got), len(want))
	}
	rs := []rune(text)
	for i, w := range want {
		g := got[i]
		if g.Level != w.level || g.Path != w.path {
			t.Errorf("section %d = %d %q, want %d %q", i, g.Level, g.Path, w.level, w.path)
		}
		if !strings.HasPrefix(string(rs[g.Start:]), g.Title) {
			t.Errorf("section %d: title %q not at its start offset %d", i, g.Title, g.Start)
		}
		if g.End < g.Start || g.End > len(rs) {
			t.Errorf("section %d: bad span %d..%d", i, g.Start, g.End)
		}
	}
	// 1.研究… ends where 2、 starts; 一、 ends where 二、 starts.
	if got[2].End != got[5].Start || got[0].End != got[7].Start {
		t.Errorf("section ends wrong: %+v", got)
	}
	if p, want := At(got, len([]rune(text[:strings.Index(text, "促进")]))), "一、做法与成效 > （一）加强领导 > 1.研究解决重大教育问题 > 一是开展活动"; p != want {
		t.Errorf("At(促进) = %q, want %q", p, want)
	}
}

func TestSectionsNegatives(t *testing.T) {
	for _, text := range []string{
		"",
		"2023年以来遴选1637名区级骨干教师。",
		"1.5万人次参加培训",
		"公、检、法、司等部门",
		"(2024-2026)三年行动",
		"唯一是指",
		"存在问题，一是不足",
	} {
		if got := Sections(text); len(got) != 0 {
			t.Errorf("Sections(%q) = %+v, want none", text, got)
		}
	}
}

func TestSeedPaths(t *testing.T) {
	b, err := os.ReadFile("../../fixtures/docs/jinghai-2023-selfreport.txt")
	if err != nil {
		t.Skip("seed fixture absent:", err)
	}
	text := string(b)
	secs := Sections(text)
	pos := len([]rune(text[:strings.Index(text, "190274万元")]))
	if got, want := At(secs, pos), "一、做法与成效 > (四)强化教育条件保障 > 18.强化财政投入保障"; got != want {
		t.Errorf("At(190274万元) = %q, want %q", got, want)
	}
	if got := Sections("存在一些问题：一是财政收入增长基础仍不稳固；二是刚性支出持续增加。"); len(got) != 2 || got[1].Title != "二是刚性支出持续增加" {
		t.Errorf("inline items after ： and ； = %+v", got)
	}
	pos = len([]rune(text[:strings.Index(text, "计划三年内撤并")]))
	if got, want := At(secs, pos), "三、改进措施 > (一)坚持改革创新,多方面提升教育保障体系质量 > 二是平稳推进小规模学校撤并"; got != want {
		t.Errorf("At(计划三年内撤并) = %q, want %q", got, want)
	}
}

// TestFinderAgreesWithAt: the indexed lookup gives At's answer at every
// offset, for nested, overlapping, empty and tied sections.
func TestFinderAgreesWithAt(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 11))
	for round := 0; round < 200; round++ {
		var secs []schema.Section
		for i := 0; i < rng.IntN(12); i++ {
			s := rng.IntN(60)
			secs = append(secs, schema.Section{Path: fmt.Sprintf("s%d", i), Level: rng.IntN(4), Start: s, End: s + rng.IntN(30)})
		}
		f := NewFinder(secs)
		for pos := -1; pos < 95; pos++ {
			if got, want := f.At(pos), At(secs, pos); got != want {
				t.Fatalf("round %d pos %d: Finder %q, At %q (%v)", round, pos, got, want, secs)
			}
		}
	}
}
