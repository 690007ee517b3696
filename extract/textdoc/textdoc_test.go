package textdoc

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestReadCharsets(t *testing.T) {
	text := "某区2023年教育工作报告\n一、基本情况\n全区共有学校12所。\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, body, charset string
	}{
		{"utf8", text, "utf-8"},
		{"bom", "\xef\xbb\xbf" + text, "utf-8"},
		{"gb18030", gb, "gb18030"},
		{"crlf", strings.ReplaceAll(text, "\n", "\r\n"), "utf-8"},
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
		{"nul.txt", []byte("abc\x00def"), ErrBinary},
		{"png.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrBinary},
		{"bad.txt", []byte{0xff, 0xfe, 0xfd, 0x81, 0x30, 0x81}, ErrBinary},
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
