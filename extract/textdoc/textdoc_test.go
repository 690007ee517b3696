package textdoc

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func TestReadCharsets(t *testing.T) {
	text := "某区2023年教育工作报告\n一、基本情况\n全区共有学校12所。\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	utf16 := func(order unicode.Endianness, s string) string {
		out, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	for _, c := range []struct {
		name, body, charset string
	}{
		{"utf8", text, "utf-8"},
		{"bom", "\xef\xbb\xbf" + text, "utf-8"},
		{"gb18030", gb, "gb18030"},
		{"crlf", strings.ReplaceAll(text, "\n", "\r\n"), "utf-8"},
		{"utf16le", utf16(unicode.LittleEndian, strings.ReplaceAll(text, "\n", "\r\n")), "utf-16le"},
		{"utf16be", utf16(unicode.BigEndian, text), "utf-16be"},
	} {
		doc, err := Read(c.name+".txt", []byte(c.body))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if doc.Text != text || doc.Charset != c.charset {
			t.Errorf("%s: text %q charset %s, want %q %s", c.name, doc.Text, doc.Charset, text, c.charset)
		}
		if doc.Title != "某区2023年教育工作报告" || len(doc.Sections) != 1 || doc.Sections[0].Path != "一、基本情况" {
			t.Errorf("%s: title %q sections %+v", c.name, doc.Title, doc.Sections)
		}
	}
}

func TestReadErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		body []byte
		want error
	}{
		{"empty.txt", nil, ErrEmpty},
		{"blank.txt", []byte(" \n\t\n"), ErrEmpty},
		{"nul.txt", []byte("abc\x00\x00\x01def"), ErrBinary},
		{"odd-utf16.txt", []byte("\xff\xfe\x68\x51\x3a"), ErrBinary},
		{"surrogate-utf16.txt", []byte("\xff\xfe\x68\x51\x00\xd8\x41\x00"), ErrBinary},
		{"png.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrBinary},
		{"bad.txt", []byte{0x81, 0xff, 0xfe, 0xfd, 0x81, 0x30, 0x81}, ErrBinary},
	} {
		_, err := Read(c.name, c.body)
		if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.name) {
			t.Errorf("Read(%s) = %v, want %v naming the file", c.name, err, c.want)
		}
	}
}

func TestReadMeta(t *testing.T) {
	text := "今天是:2019年10月31日 星期三\n字号:大 中 小\n\n天津市静海区人民政府2023年履行教育职责情况自评报告 \n文章来源: 天津市静海区人民政府 更新时间:2024/08/29 16:16:38\n正文。\n"
	doc, err := Read("seed.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "天津市静海区人民政府2023年履行教育职责情况自评报告" {
		t.Errorf("title = %q", doc.Title)
	}
	if doc.Published != "2024-08-29T16:16:38+08:00" {
		t.Errorf("published = %q", doc.Published)
	}
	doc, _ = Read("end.txt", []byte("某区2023年工作总结报告\n正文。\n\n某区人民政府\n2024年1月16日\n"))
	if doc.Published != "2024-01-16T00:00:00+08:00" {
		t.Errorf("published from closing date = %q", doc.Published)
	}
}

func TestReadTables(t *testing.T) {
	text := "重点项目资金安排如下（单位：万元）：\n\n项目名称\t2024年安排\t比上年增加\n义务教育学校提质增效\t8600\t600\n老年助餐服务\t2800\t350\n\n后文。"
	doc, err := Read("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Tables) != 1 {
		t.Fatalf("got %d tables, want 1", len(doc.Tables))
	}
	tb := doc.Tables[0]
	if tb.HeaderRows != 1 || tb.HeaderCols != 1 || len(tb.Rows) != 3 || tb.Caption != "重点项目资金安排如下（单位：万元）：" {
		t.Errorf("table = %+v", tb)
	}
	rs := []rune(doc.Text)
	for _, r := range tb.Rows {
		for _, c := range r {
			if string(rs[c.Start:c.End]) != c.Text {
				t.Errorf("cell %q does not slice back: %q", c.Text, string(rs[c.Start:c.End]))
			}
		}
	}
	if string(rs[tb.Start:tb.End]) != "项目名称\t2024年安排\t比上年增加\n义务教育学校提质增效\t8600\t600\n老年助餐服务\t2800\t350" {
		t.Errorf("table span = %q", string(rs[tb.Start:tb.End]))
	}
}

// TestReadScrapedHeader: a scraper's header lines give title, date,
// publisher, region and URL; its note line and the date banner are never the
// title; the text (and every offset) stays the file's.
func TestReadScrapedHeader(t *testing.T) {
	text := "本文由政务信息采集平台自动抓取，仅供内部研究使用\n抓取时间:2024-03-20 08:15:42\n" +
		"标题:津南区2023年国民经济和社会发展统计公报\n发布时间:2024-03-15 09:30\n发布机构:天津市津南区统计局\n" +
		"原文链接:https://www.tjjn.gov.cn/zwgk/tjxx/202403/t20240315_6412345.html\n=====\n" +
		"今天是:2024年3月15日 星期五 农历二月初六\n您所在的位置:首页 > 政务公开 > 统计信息\n统计信息\n\n正文。\n"
	doc, err := Read("jinnan.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range [][2]string{
		{doc.Title, "津南区2023年国民经济和社会发展统计公报"},
		{doc.Published, "2024-03-15T09:30:00+08:00"},
		{doc.Publisher, "天津市津南区统计局"},
		{doc.Region, "天津市津南区"},
		{doc.URL, "https://www.tjjn.gov.cn/zwgk/tjxx/202403/t20240315_6412345.html"},
		{doc.Text, text},
	} {
		if c[0] != c[1] {
			t.Errorf("got %q, want %q", c[0], c[1])
		}
	}
}

// TestReadTitle: the title is the document's, never a scraper's note, a
// date banner, page chrome or a heading further down.
func TestReadTitle(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		// a scraper's note above page chrome
		{"【采集说明】本页面由区县政务公开数据采集项目于2023年3月2日采集，原文排版已去除\n今天是:2023年2月8日 星期三 农历正月十八\n您所在的位置:首页 > 政务公开 > 计划总结\n计划总结\n\n河北区教育局2022年工作总结\n发布时间：2023-02-08 10:20  来源：天津市河北区教育局\n", "河北区教育局2022年工作总结"},
		{"本文由某某数据平台于2023年3月2日采集整理\n某区2022年工作总结\n正文。\n", "某区2022年工作总结"},
		// a body-only text: its first line, however short
		{"政府工作报告\n——2023年1月10日在红桥区第十八届人民代表大会第二次会议上\n红桥区人民政府区长  李明远\n\n各位代表：\n\n现在，我代表区人民政府，向大会报告工作。\n\n一、2022年工作回顾\n", "政府工作报告"},
		{"2019年工作回顾\n正文。\n", "2019年工作回顾"},
		// a column named like a genre above the document's title
		{"政府工作报告\n\n红桥区2023年政府工作报告\n正文。\n", "红桥区2023年政府工作报告"},
		// never a heading
		{"今天是:2020年1月8日 星期三\n各位代表：\n一、2019年工作回顾\n二、2020年工作安排\n", ""},
		// the seed
		{"今天是:2019年10月31日 星期三 农历十月初七\n公告公示\n\n您所在的位置:政务公开 > 公告公示\n\n天津市静海区人民政府2023年履行教育职责情况自评报告 \n文章来源: 天津市静海区人民政府 更新时间:2024/08/29 16:16:38\n", "天津市静海区人民政府2023年履行教育职责情况自评报告"},
	} {
		doc, err := Read("t.txt", []byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		if doc.Title != c.want {
			t.Errorf("title of %.40q = %q, want %q", c.text, doc.Title, c.want)
		}
	}
}

// TestReadPublisher: 文章来源 on the info line names the publisher (the seed);
// a 发布机构 wins over a 来源 (where a reprint comes from).
func TestReadPublisher(t *testing.T) {
	for _, c := range []struct{ text, publisher, region, published string }{
		{"天津市静海区人民政府2023年履行教育职责情况自评报告\n文章来源: 天津市静海区人民政府 更新时间:2024/08/29 16:16:38\n",
			"天津市静海区人民政府", "天津市静海区", "2024-08-29T16:16:38+08:00"},
		{"某区2023年工作总结报告\n来源：新华网\n发布机构：天津市西青区发展和改革委员会\n", "天津市西青区发展和改革委员会", "天津市西青区", ""},
		{"区民政局2023年工作总结报告\n来源：本站  浏览次数：12\n", "", "", ""},
		// no publisher, no region in the title: the congress it is delivered to
		// names the region, or a header line of an organ (issue 14)
		{"政府工作报告\n——2023年1月10日在红桥区第十八届人民代表大会第二次会议上\n", "", "红桥区", "2023-01-10T00:00:00+08:00"},
		{"2023年国民经济和社会发展统计公报\n滨河区统计局\n\n全年地区生产总值186亿元。\n", "", "滨河区", ""},
		// bracketed and scripted keys; 发布时间 before 更新时间 whatever the order
		{"【标题】红桥区2023年统计公报\n【更新时间】2024-04-02\n【发布时间】2024年3月28日\n【发布机构】天津市红桥区统计局\n",
			"天津市红桥区统计局", "天津市红桥区", "2024-03-28T00:00:00+08:00"},
		{"title: 津南区2023年统计公报\nurl: https://www.tjjn.gov.cn/a/1.html\ndate: 2024-03-15 09:30\nsource: 天津市津南区统计局\n\n正文。\n",
			"天津市津南区统计局", "天津市津南区", "2024-03-15T09:30:00+08:00"},
	} {
		doc, err := Read("p.txt", []byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		if doc.Publisher != c.publisher || doc.Region != c.region || doc.Published != c.published {
			t.Errorf("%.30q: publisher %q region %q published %q, want %q %q %q", c.text, doc.Publisher, doc.Region, doc.Published, c.publisher, c.region, c.published)
		}
	}
}

// TestReadFlatTables: a table flattened into space-separated cells under a
// header line is a table; prose with spaces is not.
func TestReadFlatTables(t *testing.T) {
	text := "表1 2022年主要指标完成情况\n指标名称 单位 2021年 2022年 目标值\n地区生产总值增速 % 3.6 -0.5 4.0\n城镇登记失业率 % 3.4 3.6 ≤4.0\n空气质量优良天数比例 % 66.8 72.1 ≥70\n\n后文 有 空格 的一句话。\n"
	doc, err := Read("flat.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Tables) != 1 {
		t.Fatalf("got %d tables, want 1", len(doc.Tables))
	}
	tb := doc.Tables[0]
	if tb.HeaderRows != 1 || tb.HeaderCols != 1 || len(tb.Rows) != 4 || len(tb.Rows[3]) != 5 || tb.Caption != "表1 2022年主要指标完成情况" {
		t.Errorf("table = %+v", tb)
	}
	rs := []rune(doc.Text)
	for _, r := range tb.Rows {
		for _, c := range r {
			if string(rs[c.Start:c.End]) != c.Text {
				t.Errorf("cell %q does not slice back: %q", c.Text, string(rs[c.Start:c.End]))
			}
		}
	}
	if got := tb.Rows[2][4].Text; got != "≤4.0" {
		t.Errorf("bound cell = %q", got)
	}
	// The header of the issue: years and 目标值, units in the row names, one
	// standing apart.
	doc, _ = Read("flat2.txt", []byte("指标名称 2017年 2018年 目标值\n城镇登记失业率 (%) 3.5 3.4 ≤4.5\n规模以上工业增加值增速（%） 2.1 -0.5 6\n"))
	if len(doc.Tables) != 1 || len(doc.Tables[0].Rows) != 3 || doc.Tables[0].Rows[1][0].Text != "城镇登记失业率 (%)" || doc.Tables[0].Rows[2][2].Text != "-0.5" {
		t.Errorf("tables = %+v", doc.Tables)
	}
	// Cells with their own units.
	doc, _ = Read("flat3.txt", []byte("指标 2022年 2023年\n地区生产总值 215.4亿元 230.1亿元\n新增就业 1.36万人 1.41万人\n"))
	if len(doc.Tables) != 1 || len(doc.Tables[0].Rows) != 3 {
		t.Errorf("tables with units in cells = %+v", doc.Tables)
	}
	for _, notTable := range []string{
		"文章来源: 天津市静海区人民政府 更新时间:2024/08/29 16:16:38\n正文。\n",
		"今天是:2019年10月31日 星期三 农历十月初七\n字号:大 中 小\n",
		"一 二 三\n甲 1 2\n",
		"时间 地点 人数\n2023年 3月 5日\n2024年 4月 6日\n",
	} {
		if d, _ := Read("n.txt", []byte(notTable)); len(d.Tables) != 0 {
			t.Errorf("%q: got a table %+v", notTable, d.Tables)
		}
	}
}
