package extract

import (
	"fmt"
	"strings"
	"testing"
)

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

// TestFlatAndPageTables: a statistics table gives figures for every numeric
// column, as a page table and flattened into a .txt (level column from the
// 单位 column, growth column a change with its direction, bounds and targets).
func TestFlatAndPageTables(t *testing.T) {
	page := `<html><head><meta charset="utf-8"><title>某区2023年国民经济和社会发展统计公报</title></head><body>
<div class="content"><p>全年经济运行总体平稳。主要指标见下表。</p>
<table><caption>表1 2023年地区生产总值及构成</caption>
<tr><td>指标</td><td>单位</td><td>绝对数</td><td>比上年增长(%)</td></tr>
<tr><td>地区生产总值</td><td>亿元</td><td>486.7</td><td>4.6</td></tr>
<tr><td>第二产业</td><td>亿元</td><td>178.5</td><td>-1.8</td></tr>
</table><p>注：本公报数据为初步统计数。</p></div></body></html>`
	text := "某区2022年工作报告\n表1 主要指标\n指标名称 2021年 2022年 目标值\n城镇登记失业率 (%) 3.5 3.4 ≤4.5\n规模以上工业增加值增速（%） 2.1 -0.5 6\n"
	for _, c := range []struct {
		name, body string
		want       []string
	}{
		{"bulletin.html", page, []string{"486.7 money level  2023", "4.6 percent change up 2023", "178.5 money level  2023", "-1.8 percent change down 2023"}},
		{"report.txt", text, []string{"3.5 percent level  2021", "3.4 percent level  2022", "≤4.5 percent target  2022",
			"2.1 percent level  2021", "-0.5 percent level  2022", "6 percent target  2022"}},
	} {
		doc, err := Read(c.name, []byte(c.body), "")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range doc.Figures {
			got = append(got, fmt.Sprintf("%s %s %s %s %d", f.Text, f.Kind, f.Role, f.Direction, f.Year))
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s: figures\n%s\nwant\n%s", c.name, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
		}
	}
}

// TestReadListByUsersWord: a column page with a long introduction and three
// dated entries is an article to the page-type decision (its introduction
// outweighs the list); read as the list the user named it, it is a list with
// its entries and next page, and no figures.
func TestReadListByUsersWord(t *testing.T) {
	column := `<html><head><meta charset="utf-8"><title>学生资助_河阳县人民政府</title></head><body>
<div class="intro"><p>学生资助栏目公开河阳县各学段学生资助政策、资助资金发放情况和资助工作动态。全县建立了覆盖学前教育到高中阶段的学生资助体系，2023年共资助学生1.2万人次，确保不让一个学生因家庭经济困难而失学。</p>
<p>资助项目包括学前教育幼儿资助、义务教育家庭经济困难学生生活补助、普通高中国家助学金和免学费、中等职业学校国家助学金和免学费、生源地信用助学贷款等，各学校设立学生资助工作领导小组。</p></div>
<ul class="list"><li><a href="2024/t20240920_1.html">河阳县2024年秋季学期学生资助资金发放公示</a><span>2024-09-20</span></li>
<li><a href="2024/t20240615_2.html">河阳县2024年春季学期学生资助资金发放公示</a><span>2024-06-15</span></li>
<li><a href="2024/t20240305_3.html">河阳县2024年学生资助政策问答汇编</a><span>2024-03-05</span></li></ul>
<a href="index_1.html">下一页</a></body></html>`
	const url = "https://www.heyang.gov.cn/xszz/index.html"
	doc, err := Read(url, []byte(column), "text/html")
	if err != nil {
		t.Fatal(err)
	}
	if doc.PageType != "article" || len(doc.Figures) == 0 {
		t.Fatalf("Read: page type %q with %d figures; the fixture no longer tests the user's word", doc.PageType, len(doc.Figures))
	}
	doc, err = ReadList(url, []byte(column), "text/html")
	if err != nil {
		t.Fatal(err)
	}
	if doc.PageType != "list" || doc.List == nil || len(doc.List.Articles) != 3 || len(doc.List.Next) != 1 || len(doc.Figures) != 0 || doc.Text != "" {
		t.Fatalf("ReadList: page type %q, list %+v, %d figures, text %.20q", doc.PageType, doc.List, len(doc.Figures), doc.Text)
	}
	if doc.Title == "" || doc.Region == "" && doc.Site == "" {
		t.Errorf("ReadList kept no metadata: title %q site %q", doc.Title, doc.Site)
	}
}
