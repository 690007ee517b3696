package attachgen

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "write the fixture files")

// files are the fixture files made here, by path from the module root.
func files(t *testing.T) map[string][]byte {
	xlsx, err := BudgetXLSX()
	if err != nil {
		t.Fatal(err)
	}
	docx, pdf, scan := ReportDOCX(), ReportPDF(), ScanPDF()
	return map[string][]byte{
		"fixtures/attachments/xiqing-2024-budget-tables.xlsx":           xlsx,
		"fixtures/attachments/xiqing-2023-performance-report.docx":      docx,
		"fixtures/attachments/wuqing-2023-education-funds.pdf":          pdf,
		"fixtures/attachments/xiqing-2024-scan.pdf":                     scan,
		"fixtures/site/xiqing/xxgk/tzgg/202404/P020240420_3268.xlsx":    xlsx,
		"fixtures/site/xiqing/uploadfiles/2024/04/P020240420_3269.docx": docx,
		"fixtures/site/wuqing/zwgk/tzgg/202403/W020240318_2.pdf":        pdf,
	}
}

// TestFixturesUpToDate: the committed attachment fixtures are the files
// made here (go test ./internal/attachgen -update writes them).
func TestFixturesUpToDate(t *testing.T) {
	for p, want := range files(t) {
		full := filepath.Join("..", "..", filepath.FromSlash(p))
		if *update {
			os.MkdirAll(filepath.Dir(full), 0o755)
			if err := os.WriteFile(full, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(full)
		if err != nil {
			t.Errorf("%s: %v (run go test ./internal/attachgen -update)", p, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what attachgen makes (run go test ./internal/attachgen -update)", p)
		}
	}
}

// The generators are deterministic: two runs give the same bytes.
func TestDeterministic(t *testing.T) {
	a, b := files(t), files(t)
	for p := range a {
		if !bytes.Equal(a[p], b[p]) {
			t.Errorf("%s: two runs differ", p)
		}
	}
}
