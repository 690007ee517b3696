package attach

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/govfig/govfig/internal/attachgen"
)

// FuzzRead: whatever the bytes, Read returns a document whose tables'
// cells point into its text (or a problem), without a panic.
func FuzzRead(f *testing.F) {
	xlsx, _ := attachgen.BudgetXLSX()
	f.Add("a.xlsx", xlsx)
	f.Add("a.docx", attachgen.ReportDOCX())
	f.Add("a.pdf", attachgen.ReportPDF())
	f.Add("a.pdf", attachgen.ScanPDF())
	f.Add("a.xls", []byte("<html><table><tr><td rowspan=2>科目</td><td colspan=2>2024年</td></tr><tr><td>预算数</td><td>决算数</td></tr><tr><td>教育</td><td>12</td><td>13</td></tr></table>"))
	f.Fuzz(func(t *testing.T, name string, body []byte) {
		format := Detect(name, body, "")
		if format == "" || format == DOC || format == WPS {
			return // not an attachment, or a LibreOffice conversion
		}
		saved := soffice
		soffice = func() (string, error) { return "", errNoOffice }
		defer func() { soffice = saved }()
		doc := Read(name, body, format, Limits{})
		if !utf8.ValidString(doc.Text) && doc.Problem == "" {
			t.Fatalf("text is not UTF-8")
		}
		rs := []rune(doc.Text)
		for _, tb := range doc.Tables {
			for _, row := range tb.Rows {
				for _, c := range row {
					if c.Start < 0 || c.End > len(rs) || c.Start > c.End {
						t.Fatalf("cell %q at [%d,%d) outside the text of %d runes", c.Text, c.Start, c.End, len(rs))
					}
					if got := string(rs[c.Start:c.End]); got != c.Text && strings.TrimSpace(got) != c.Text {
						t.Fatalf("cell %q slices %q", c.Text, got)
					}
				}
			}
		}
	})
}
