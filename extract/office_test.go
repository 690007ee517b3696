package extract_test

import (
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
	"testing"

	"github.com/govfig/govfig/extract"
)

// TestDocThroughLibreOffice (issue 13): a Word 97 .doc — the composed report
// .docx saved as .doc by LibreOffice — is converted by soffice and yields the
// same prose figures, with the same labels, as the .docx, and as many table
// figures (LibreOffice's round trip through .doc moves a merged header cell,
// so a table column may be labelled otherwise). Skipped, saying so, without
// soffice or LibreOffice Writer.
func TestDocThroughLibreOffice(t *testing.T) {
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("soffice is not on the PATH")
	}
	read := func(path string) []string {
		name := path[strings.LastIndex(path, "/")+1:]
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := extract.Read(name, b, "")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(doc.Problem, "not installed") {
			t.Skipf("LibreOffice Writer is not installed: %s", doc.Problem)
		}
		if doc.Problem != "" {
			t.Fatalf("%s: problem %q", name, doc.Problem)
		}
		var out []string
		for _, f := range doc.Figures {
			if f.Cell != nil {
				out = append(out, "table figure")
				continue
			}
			out = append(out, fmt.Sprintf("%s %s %g %s %s", f.Text, f.Kind, f.Normalized, f.Role, f.Label))
		}
		sort.Strings(out)
		return out
	}
	docx := read("../fixtures/attachments/xiqing-2023-performance-report.docx")
	// Made from that .docx by LibreOffice (soffice --convert-to doc); a
	// test file, not a fixture: what it yields depends on LibreOffice.
	doc := read("testdata/office/xiqing-2023-performance-report.doc")
	if strings.Join(doc, "\n") != strings.Join(docx, "\n") {
		t.Errorf(".doc figures differ from the .docx's:\n.doc:\n%s\n.docx:\n%s", strings.Join(doc, "\n"), strings.Join(docx, "\n"))
	}
	if len(docx) < 15 {
		t.Errorf("%d figures, want the report's 19", len(docx))
	}
}
