package page

import (
	"bytes"
	"strings"
	"testing"
)

// Bad input gives a clear error or a document with a Problem — never a panic.
func TestHostile(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")
	zip := []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00" + strings.Repeat("\x00\x01\x02", 20))
	article := []byte(`<html><head><meta charset="utf-8"><title>静海区教育经费执行情况_天津市静海区人民政府</title></head><body>
<div class="TRS_Editor"><p>2023年一般公共预算教育经费支出预算安排190274万元，比上年增加3286万元，增长1.76%。</p><p>全区共有中小学校144所。</p></div></body></html>`)
	tests := []struct {
		name    string
		body    []byte
		err     string // phrase of the error; "" for no error
		problem string // phrase of Problem when no error
	}{
		{"empty", nil, "empty page", ""},
		{"blank", []byte(" \r\n\t "), "empty page", ""},
		{"png", png, "not an html page: content looks like a PNG image", ""},
		{"zip", zip, "not an html page: content looks like a ZIP archive", ""},
		{"nul bytes", []byte("<html>\x00\x00\x00\x01\x02"), "not an html page", ""},
		{"too large", bytes.Repeat([]byte("a"), MaxBytes+1), "over the 32 MB limit", ""},
		{"nested too deep", []byte(strings.Repeat("<div>", 100000) + "x"), "parse html", ""},
		{"truncated in a tag", article[:bytes.Index(article, []byte("<p>全区"))+2], "", ""},
		{"truncated in a character", article[:bytes.Index(article, []byte("144"))-1], "", "invalid utf-8"},
		{"no body", []byte(`<html><head><title>x</title></head><body><a href="/">首页</a></body></html>`), "", "no article body found"},
		{"text only", []byte(`just some words, no markup at all`), "", "no article body found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(tt.body, "http://example.gov.cn/a.html", "")
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("error %v, want none", err)
			}
			if !strings.Contains(doc.Problem, tt.problem) || tt.problem == "" && doc.Problem != "" {
				t.Errorf("problem %q, want %q", doc.Problem, tt.problem)
			}
			checkInvariants(t, doc)
		})
	}
}

// Nesting within x/net/html's limit of 512 is read, and the text found.
func TestDeepButAllowed(t *testing.T) {
	body := "<html><body>" + strings.Repeat("<div>", 480) + "<p>全区共有中小学校144所，在校生9万余人，专任教师6000余名。</p>" + strings.Repeat("</div>", 480)
	doc, err := Read([]byte(body), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "中小学校144所") {
		t.Errorf("text %q", doc.Text)
	}
}

// A 20 MB page is read within the limits (a huge table of links and text).
func TestHugePage(t *testing.T) {
	if testing.Short() {
		t.Skip("20 MB page")
	}
	var b bytes.Buffer
	b.WriteString(`<html><head><meta charset="utf-8"></head><body><div class="TRS_Editor">`)
	para := "<p>全区共有中小学校144所，在校生9万余人，专任教师6000余名，教育经费支出190274万元。</p>\n"
	for b.Len() < 20<<20 {
		b.WriteString(para)
	}
	b.WriteString(`</div></body></html>`)
	doc, err := Read(b.Bytes(), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if doc.PageType != "article" || !strings.HasPrefix(doc.Text, "全区共有中小学校144所") {
		t.Errorf("page type %q, text starts %q", doc.PageType, doc.Text[:min(len(doc.Text), 60)])
	}
}
