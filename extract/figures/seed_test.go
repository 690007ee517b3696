package figures

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govfig/govfig/extract/textdoc"
	"github.com/govfig/govfig/schema"
)

// seedFigures lists, in text order, every figure of the seed document as
// text|kind, read by hand from the text following figures.md.
var seedFigures = []string{
	"38节次|count", "27个|count", "38名|headcount", "2所|schools", "2个|count", "1位|count", "32场次|count",
	"2000余件|count", "七个|count", "4所|schools", "144所|schools", "6333本|count", "58所|schools", "123节|count",
	"200条|count", "20余起|count", "5起|count", "96.34%|percent", "80.87%|percent", "67.74%|percent",
	"0.263|index", "小于或等于0.45|index", "0.498|index", "小于或等于0.50|index", "4个|count", "5万人次|headcount",
	"330余名|headcount", "359人次|headcount", "1637名|headcount", "112人|headcount", "9495元|money", "618名|headcount",
	"7名|headcount", "186人|headcount", "28.62%|percent", "190274万元|money", "186988万元|money", "3286万元|money",
	"1.76%|percent", "112名|headcount", "超过40个|count", "1800名|headcount", "114所|schools", "100人以下|headcount",
	"20所|schools", "11所|schools", "17.54%|percent", "140所|schools", "20人以下|headcount", "37所|schools",
	"26.43%|percent", "20所|schools", "3所|schools", "10所|schools", "7所|schools", "约110所|schools", "16所|schools",
	"3所|schools", "约100所|schools", "三个|count", "18所|schools", "23所|schools", "十二项|count", "11个|count",
	"16个|count", "5000人次以上|headcount", "302名|headcount",
}

// seedNonFigures are numbers of the seed that must not be (part of) a figure,
// each given with enough context to be found: context|number.
var seedNonFigures = []string{
	"今天是:2019年|2019", "2023年履行|2023", "〔202412号|202412", "“1234N”|1234", "“1530+31|1530", "\n2024829|2024829",
	"小学第三党支部|第三", "“六好”|六好", "第40个教师节|第40个", "“十个一”|十个一", "“1+N”|1+N", "七年级|七年级",
	"第一中学|第一", "连续三年|三年", "三年行动|三年", "处理函160,|160", "10C级|10", "力争12完成|12", "2028投入|2028",
	"同上一节|一节", "十项准则|十项", "两级教科研|两级", "9月初|9", "第六届|第六", "(2024-2026)|2024-2026",
	"更新时间:2024/08/29 16:16:38|16:16:38", "“两优一集体”|两优一集体", "“十不得一严禁”|十不得一严禁",
}

func TestSeed(t *testing.T) {
	path := filepath.Join("..", "..", "fixtures", "docs", "jinghai-2023-selfreport.txt")
	body, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("seed fixture absent: %v", err)
	}
	doc, err := textdoc.Read(path, body)
	if err != nil {
		t.Fatal(err)
	}
	figs := Default().Extract(doc)
	checkSpans(t, doc, figs)
	var got []string
	for _, f := range figs {
		got = append(got, f.Text+"|"+string(f.Kind))
		if f.Section == "" || f.Year == 0 || f.Role == "" {
			t.Errorf("figure %q lacks section, year or role: %+v", f.Text, f)
		}
	}
	if strings.Join(got, " ") != strings.Join(seedFigures, " ") {
		t.Errorf("seed figures differ:\n got  %v\n want %v", got, seedFigures)
	}
	rs := []rune(doc.Text)
	for _, nf := range seedNonFigures {
		ctx, num, _ := strings.Cut(nf, "|")
		i := strings.Index(doc.Text, ctx)
		if i < 0 {
			t.Errorf("context %q not in the seed", ctx)
			continue
		}
		j := strings.Index(ctx, num)
		start := len([]rune(doc.Text[:i+j]))
		end := start + len([]rune(num))
		for _, f := range figs {
			if f.Start < end && start < f.End {
				t.Errorf("non-figure %q (%q) overlaps figure %q", num, string(rs[start:end]), f.Text)
			}
		}
	}
	// A few attributes of the figures.md example sentence.
	for _, f := range figs {
		if f.Text == "3286万元" {
			want := schema.Figure{Kind: schema.KindMoney, Value: 3286, Unit: "万元", Normalized: 32860000, BaseUnit: "元",
				Role: schema.RoleChange, Label: "一般公共预算教育经费支出预算", Year: 2023,
				Section: "一、做法与成效 > (四)强化教育条件保障 > 18.强化财政投入保障"}
			if f.Kind != want.Kind || f.Value != want.Value || f.Unit != want.Unit || f.Normalized != want.Normalized ||
				f.BaseUnit != want.BaseUnit || f.Role != want.Role || f.Label != want.Label || f.Year != want.Year || f.Section != want.Section {
				t.Errorf("3286万元 = %+v, want %+v", f, want)
			}
		}
	}
}

// TestConcurrentExtract: one Extractor serves goroutines at once with the
// same result (run with -race to check for shared state).
func TestConcurrentExtract(t *testing.T) {
	path := filepath.Join("..", "..", "fixtures", "docs", "jinghai-2023-selfreport.txt")
	body, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("seed fixture absent: %v", err)
	}
	doc, err := textdoc.Read(path, body)
	if err != nil {
		t.Fatal(err)
	}
	ex := Default()
	want := ex.Extract(doc)
	done := make(chan []schema.Figure)
	for i := 0; i < 4; i++ {
		go func() { done <- ex.Extract(doc) }()
	}
	for i := 0; i < 4; i++ {
		got := <-done
		if len(got) != len(want) {
			t.Fatalf("concurrent extraction found %d figures, want %d", len(got), len(want))
		}
		for k := range got {
			if got[k].Text != want[k].Text || got[k].Label != want[k].Label || got[k].Start != want[k].Start {
				t.Errorf("figure %d differs: %+v vs %+v", k, got[k], want[k])
			}
		}
	}
}
