package attach

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/govfig/govfig/internal/attachgen"
	"github.com/xuri/excelize/v2"
)

// TestBadAttachments: every bad input of every type is a problem — never
// an empty success, a hang or a crash — read within 10 s and 500 MB of
// allocations (generous bounds on bounded work; the reads take
// milliseconds).
func TestBadAttachments(t *testing.T) {
	xlsx, err := attachgen.BudgetXLSX()
	if err != nil {
		t.Fatal(err)
	}
	docx := attachgen.ReportDOCX()
	biff, err := os.ReadFile("../../fixtures/attachments/xiqing-2024-budget-biff8.xls")
	if err != nil {
		t.Fatal(err)
	}
	ef := excelize.NewFile()
	var eb bytes.Buffer
	if err := ef.Write(&eb); err != nil {
		t.Fatal(err)
	}
	empty := eb.Bytes()
	noOffice := func() (string, error) { return "", errors.New("not found") }
	for _, c := range []struct {
		name    string
		body    []byte
		problem string
	}{
		{"bomb.xlsx", attachgen.ZipBomb("xlsx", 100<<20, false), ProblemZipBomb},
		{"bomb-lying.xlsx", attachgen.ZipBomb("xlsx", 100<<20, true), ProblemMalformed},
		{"bomb.docx", attachgen.ZipBomb("docx", 100<<20, false), ProblemZipBomb},
		{"bomb-lying.docx", attachgen.ZipBomb("docx", 100<<20, true), ProblemMalformed},
		{"cut.xlsx", xlsx[:len(xlsx)/2], ProblemMalformed},
		{"cut.docx", docx[:len(docx)/2], ProblemMalformed},
		{"junk.xlsx", append([]byte("PK\x03\x04"), []byte(strings.Repeat("预算", 500))...), ProblemMalformed},
		{"scan.pdf", attachgen.ScanPDF(), ProblemScanned},
		{"nounicode.pdf", attachgen.NoUnicodePDF(), ProblemUndecodable},
		{"empty.xlsx", empty, ProblemEmpty},
		{"pages.pdf", attachgen.ManyPagesPDF(10000), ProblemCut},
		{"junk.pdf", []byte("%PDF-1.7\n" + strings.Repeat("<< /Type /Page /Kids [", 2000)), ProblemMalformed},
		{"cut.pdf", attachgen.ReportPDF()[:900], ProblemMalformed},
		{"old.doc", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + strings.Repeat("\x00", 1000)), ProblemLibreOffice + " .doc"},
		{"old.xls", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + strings.Repeat("\x00", 1000)), ProblemMalformed + " xls"},
		{"old.wps", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + strings.Repeat("\x00", 1000)), ProblemLibreOffice + " .wps"},
		{"old.et", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + strings.Repeat("\x00", 1000)), ProblemMalformed + " xls"},
		{"cut.xls", biff[:len(biff)/2], ProblemMalformed + " xls"},
	} {
		t.Run(c.name, func(t *testing.T) {
			saved := soffice
			soffice = noOffice
			defer func() { soffice = saved }()
			format := Detect(c.name, c.body, "")
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			doc := Read(c.name, c.body, format, Limits{})
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%s (%s, %d bytes): %q in %s, %d MB allocated", c.name, format, len(c.body), doc.Problem, took.Round(time.Millisecond), alloc>>20)
			if !strings.HasPrefix(doc.Problem, c.problem) {
				t.Errorf("problem %q, want one starting %q", doc.Problem, c.problem)
			}
			if took > 10*time.Second || alloc > 500<<20 {
				t.Errorf("took %s and %d MB, want within 10 s and 500 MB", took, alloc>>20)
			}
		})
	}
}

// TestDetect: the format of an input, by its bytes, then its name; what is
// named or served as a page is never an attachment.
func TestDetect(t *testing.T) {
	xlsx, _ := attachgen.BudgetXLSX()
	for _, c := range []struct {
		name, ct string
		body     []byte
		want     string
	}{
		{"a.bin", "", xlsx, XLSX},
		{"http://x.gov.cn/download?id=3", "", attachgen.ReportDOCX(), DOCX},
		{"a", "application/pdf", attachgen.ScanPDF(), PDF},
		{"a.xls", "", []byte("<html><table><tr><td>1</td></tr></table></html>"), HTML},
		{"a.et", "", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), ET},
		{"a", "application/msword", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), DOC},
		{"a.html", "", attachgen.ScanPDF(), ""},
		{"a.pdf", "text/html", attachgen.ScanPDF(), ""},
		{"a.xlsx", "", []byte("<html>"), ""},
	} {
		if got := Detect(c.name, c.body, c.ct); got != c.want {
			t.Errorf("Detect(%q, %q) = %q, want %q", c.name, c.ct, got, c.want)
		}
	}
}

// TestLibreOffice: with soffice on the PATH, the binary Office formats are
// converted and read (.xls through Calc); a .doc that LibreOffice cannot
// load (no Writer installed, or a damaged file) is a problem naming
// LibreOffice. Skipped, saying so, without soffice.
func TestLibreOffice(t *testing.T) {
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("soffice is not on the PATH: the conversions are not tried")
	}
	biff, err := os.ReadFile("../../fixtures/attachments/xiqing-2024-budget-biff8.xls")
	if err != nil {
		t.Fatal(err)
	}
	b, problem := readOffice("budget.xls", biff, XLS, Limits{}.withDefaults())
	if problem != "" || b == nil || !strings.Contains(b.text.String(), "教育支出\t186420\t179350") {
		t.Errorf(".xls through LibreOffice: problem %q", problem)
	}
	_, problem = readOffice("junk.doc", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1junk"), DOC, Limits{}.withDefaults())
	if !strings.HasPrefix(problem, ProblemLibreOffice+" .doc") {
		t.Errorf("a .doc LibreOffice cannot load: problem %q", problem)
	}
}

var errNoOffice = errors.New("soffice not found")

// TestDOCXNested: runs inside hyperlinks and insertions are text, deleted
// text and field codes are not, and a text box (a paragraph inside a
// paragraph) leaves the text around it whole.
func TestDOCXNested(t *testing.T) {
	body := `<w:p><w:r><w:t>全区共有幼儿园</w:t></w:r><w:hyperlink><w:r><w:t>48所</w:t></w:r></w:hyperlink>` +
		`<w:del><w:r><w:delText>50所</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r>` +
		`<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>图1 幼儿园分布</w:t></w:r></w:p></w:txbxContent></w:pict></w:r>` +
		`<w:ins><w:r><w:t>，在园幼儿1.2万人。</w:t></w:r></w:ins></w:p>`
	doc := Read("a.docx", attachgen.DOCX(body), DOCX, Limits{})
	want := "图1 幼儿园分布\n全区共有幼儿园48所，在园幼儿1.2万人。\n"
	if doc.Text != want || doc.Problem != "" {
		t.Errorf("text %q (problem %q), want %q", doc.Text, doc.Problem, want)
	}
}
