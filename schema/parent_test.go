package schema

import (
	"context"
	"testing"
)

// TestAttachmentParent: an attachment is linked to its article whichever is
// stored first — by the crawler's word (Parent), by the article's list of
// attachments stored before, or stored after — and readers name the
// article (title, region) on the attachment's rows.
func TestAttachmentParent(t *testing.T) {
	article := func(url string, atts ...string) *Document {
		d := &Document{URL: url, Title: "西青区2024年一季度财政收支情况", Region: "天津市西青区", PageType: PageArticle, Text: "正文"}
		for _, a := range atts {
			d.Attachments = append(d.Attachments, Attachment{Name: "附件", URL: a})
		}
		return d
	}
	att := func(url, parent string) *Document {
		return &Document{URL: url, Title: "预算表", Region: "西青区", PageType: PageAttachment, Text: "表", Parent: parent}
	}
	for _, c := range []struct {
		name string
		docs []*Document
	}{
		{"crawler's word", []*Document{att("http://x/a.xlsx", "http://x/art.html"), article("http://x/art.html")}},
		{"article first", []*Document{article("http://x/art.html", "http://x/a.xlsx"), att("http://x/a.xlsx", "")}},
		{"attachment first", []*Document{att("http://x/a.xlsx", ""), article("http://x/art.html", "http://x/a.xlsx")}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := openTemp(t)
			put(t, s, c.docs...)
			var got []string
			err := s.EachDocument(context.Background(), func(d *DocRow) error {
				got = append(got, d.URL+" "+d.Region+" ← "+d.ParentTitle)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			want := []string{"http://x/art.html 天津市西青区 ← ", "http://x/a.xlsx 天津市西青区 ← 西青区2024年一季度财政收支情况"}
			if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
				t.Errorf("documents %q, want %q (the attachment under its article, with its region)", got, want)
			}
		})
	}
}
