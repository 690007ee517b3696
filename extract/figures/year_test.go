package figures

import (
	"testing"

	"github.com/govfig/govfig/schema"
)

// TestYearOfDocument: a figure whose sentence names no year takes its
// section's year (一、2022年工作回顾), else the title's (the report's year,
// also when published the year after), else the publication year.
func TestYearOfDocument(t *testing.T) {
	for _, c := range []struct {
		title, published, text, fig string
		year                        int
	}{
		{"某某区2022年工作总结", "2023-02-08T10:20:00+08:00", "全年新增学位3240个。", "3240个", 2022},
		{"关于2022年预算执行情况和2023年预算草案的报告", "2023-01-12T00:00:00+08:00", "全年一般公共预算收入35.2亿元。", "35.2亿元", 2022},
		{"政府工作报告", "2023-01-10T00:00:00+08:00", "各位代表：\n一、2022年工作回顾\n全年新增就业1.36万人。\n二、2023年工作安排\n城镇新增就业1.3万人以上。\n", "1.36万人", 2022},
		{"政府工作报告", "2023-01-10T00:00:00+08:00", "各位代表：\n一、2022年工作回顾\n全年新增就业1.36万人。\n二、2023年工作安排\n城镇新增就业1.3万人以上。\n", "1.3万人以上", 2023},
		{"政府工作报告", "2023-01-10T00:00:00+08:00", "全年新增就业1.36万人。", "1.36万人", 2023},
		{"某区2022年工作总结", "2023-02-08T10:20:00+08:00", "一、2022年至2023年工作\n2021年全区新增就业1.2万人。", "1.2万人", 2021},
	} {
		doc := &schema.Document{Title: c.title, Published: c.published, Text: c.text}
		found := false
		for _, f := range Default().Extract(doc) {
			if f.Text == c.fig {
				found = true
				if f.Year != c.year {
					t.Errorf("%s | %.30q: %s year %d, want %d", c.title, c.text, f.Text, f.Year, c.year)
				}
			}
		}
		if !found {
			t.Errorf("%s | %.30q: no figure %s", c.title, c.text, c.fig)
		}
	}
}

// checkMayHoldYear: findYears finds no year in a text mayHoldYear rules out.
func checkMayHoldYear(t *testing.T, s string) {
	rs := []rune(s)
	if ys := findYears(rs, 0, len(rs)); len(ys) > 0 && !mayHoldYear(s) {
		t.Fatalf("mayHoldYear(%q) = false, but findYears finds %v", s, ys)
	}
}

func TestMayHoldYear(t *testing.T) {
	for _, s := range []string{"", "2023年", "一、2024年预算 > (一)1.", "二、1999年至2001年", "2023-2024", "１９９９年", "12", "\xff2020年", "20２0年"} {
		checkMayHoldYear(t, s)
	}
	if mayHoldYear("二、预算 > 17.加强") || !mayHoldYear("二、2024年预算") {
		t.Fatal("mayHoldYear misreads a path")
	}
}

func FuzzMayHoldYear(f *testing.F) {
	f.Add("一、2024年预算 > (一)1.")
	f.Fuzz(checkMayHoldYear)
}

// checkLastYear holds lastYear to the last of findYears over every window
// of s.
func checkLastYear(t *testing.T, s string) {
	rs := []rune(s)
	for from := 0; from <= len(rs); from++ {
		for to := from; to <= len(rs); to++ {
			ys := findYears(rs, from, to)
			y, ok := lastYear(rs, from, to)
			if ok != (len(ys) > 0) || ok && y != ys[len(ys)-1].year {
				t.Fatalf("lastYear(%q, %d, %d) = %d, %v; findYears %v", s, from, to, y, ok, ys)
			}
		}
	}
}

func TestLastYear(t *testing.T) {
	for _, s := range []string{"", "2023年", "比2022年增长，2023年目标", "2020 - 2024", "2020至 2024年", "120231年", "2019～2020年2021年",
		"较2020年", "20201年", "2023年2024", "1999-3000", "2000—1999", "２０２０年2020年"} {
		checkLastYear(t, s)
	}
}

func FuzzLastYear(f *testing.F) {
	f.Add("比2022年增长，2023年目标2020 - 2024")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 200 {
			return
		}
		checkLastYear(t, s)
	})
}
