package number

import "testing"

var benchNumerals = []string{"96.34", "190274", "1,234,567.89", "一万二千三百", "肆佰陆拾", "3.5万", "三分之一", "二〇二三", "两百五", "百分之三十五"}

// BenchmarkParse parses a mix of Arabic, Chinese and mixed numerals.
func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, s := range benchNumerals {
			if _, err := Parse(s); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkScan scans a paragraph of the seed genre.
func BenchmarkScan(b *testing.B) {
	text := "2023年一般公共预算教育经费支出预算安排190274万元,比上年的186988万元增加3286万元、增长1.76%。全区114所中心小学及教学分校中,学生数100人以下20所(含11所教学分校),占比17.54%140所公办园中,在园幼儿20人以下37所,占比26.43%。实施十二项提升行动。"
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if len(Scan(text)) == 0 {
			b.Fatal("nothing found")
		}
	}
}
