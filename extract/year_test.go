package extract

import "testing"

// TestReportYearThroughReaders: both readers pass the title through, so a
// 2022 work summary published in 2023 gives its figures 2022 (the report's
// year), as a page and as a scraped text with a note line on top.
func TestReportYearThroughReaders(t *testing.T) {
	page := `<html><head><meta charset="utf-8"><title>河北区教育局2022年工作总结_天津市河北区人民政府</title>
<meta name="PubDate" content="2023-02-08 10:20"></head><body>
<div class="article"><h1>河北区教育局2022年工作总结</h1><div class="info">发布时间：2023-02-08 来源：河北区教育局</div>
<div class="content"><p>全年新建中小学和幼儿园6所，新增学位3240个。全区共有中小学58所，在校生5.62万人。</p>
<p>普惠性幼儿园覆盖率89.2%，比上年提高2.3个百分点。组织教师全员培训1.2万人次。</p></div></div></body></html>`
	text := "【采集说明】本页面由区县政务公开数据采集项目于2023年3月2日采集\n今天是:2023年2月8日 星期三\n\n" +
		"河北区教育局2022年工作总结\n发布时间：2023-02-08 10:20  来源：天津市河北区教育局\n\n全年新建中小学和幼儿园6所，新增学位3240个。\n"
	for _, c := range []struct{ name, body string }{{"summary.html", page}, {"summary.txt", text}} {
		doc, err := Read(c.name, []byte(c.body), "")
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Figures) == 0 {
			t.Fatalf("%s: no figures (title %q)", c.name, doc.Title)
		}
		for _, f := range doc.Figures {
			if f.Year != 2022 {
				t.Errorf("%s: %s year %d, want 2022 (title %q, published %s)", c.name, f.Text, f.Year, doc.Title, doc.Published)
			}
		}
	}
}
