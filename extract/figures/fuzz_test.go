package figures

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govfig/govfig/schema"
)

// FuzzExtract: extraction never panics; every figure's span is inside the
// text, on rune boundaries, slices back to its text; values are finite.
func FuzzExtract(f *testing.F) {
	seeds := []string{
		"2023年一般公共预算教育经费支出预算安排190274万元,比上年的186988万元增加3286万元、增长1.76%。",
		"学生数100人以下20所(含11所教学分校),占比17.54%140所公办园中,在园幼儿20人以下37所,占比26.43%",
		"小学和初中校际差异系数分别为0.4175和0.3986。重点支持3至5个片区综合开发项目。",
		"推行“1530+31安全教育和提醒模式;“十个一”;〔202412号;2024829",
		"一 百 五 十 个 百 分 点;打对折;七成六;$20，300美圆, ￥300",
		strings.Repeat("9", 400) + "万元;" + strings.Repeat("一", 300) + "所",
		"项目名称\t2024年安排\n老年助餐服务\t2800\n",
		"由\n\n。。，，分别分别为和和、",
	}
	if b, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "docs", "jinghai-2023-selfreport.txt")); err == nil {
		seeds = append(seeds, string(b))
	}
	for _, s := range seeds {
		f.Add(s)
	}
	ex := New(nil) // no dictionary: fuzzing exercises the rules, not gse
	f.Fuzz(func(t *testing.T, s string) {
		doc := &schema.Document{Title: "某区2023年报告", Text: s}
		rs := []rune(s)
		for _, fg := range ex.Extract(doc) {
			if fg.Start < 0 || fg.End > len(rs) || fg.Start > fg.End {
				t.Fatalf("figure %q: span %d..%d outside %d runes", fg.Text, fg.Start, fg.End, len(rs))
			}
			if string(rs[fg.Start:fg.End]) != fg.Text {
				t.Fatalf("figure %q does not slice back: %q", fg.Text, string(rs[fg.Start:fg.End]))
			}
			for _, v := range []float64{fg.Value, fg.Normalized} {
				if math.IsInf(v, 0) || math.IsNaN(v) {
					t.Fatalf("figure %q is not finite: %v", fg.Text, v)
				}
			}
		}
	})
}
