package attach

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// soffice is the LibreOffice command, looked up on the PATH (a test may
// replace it).
var soffice = func() (string, error) { return exec.LookPath("soffice") }

// officeTimeout bounds one LibreOffice conversion.
const officeTimeout = 60 * time.Second

// readOffice reads the binary Office and WPS formats (.doc, .wps, .xls,
// .et) by converting them with LibreOffice headless (soffice
// --convert-to docx/xlsx) when soffice is on the PATH; without it the
// problem says LibreOffice is needed.
func readOffice(name string, body []byte, format string, lim Limits) (*builder, string) {
	bin, err := soffice()
	if err != nil {
		return nil, fmt.Sprintf("%s .%s", ProblemLibreOffice, format)
	}
	target := DOCX
	if format == XLS || format == ET {
		target = XLSX
	}
	dir, err := os.MkdirTemp("", "govfig-office-")
	if err != nil {
		return nil, fmt.Sprintf("%s .%s: %v", ProblemLibreOffice, format, err)
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in."+format)
	if err := os.WriteFile(in, body, 0o600); err != nil {
		return nil, fmt.Sprintf("%s .%s: %v", ProblemLibreOffice, format, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), officeTimeout)
	defer cancel()
	args := []string{"--headless", "--norestore",
		"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile"))}
	if format == DOC || format == WPS {
		// Without a filter Writer opens a file it cannot parse as plain
		// text and "converts" the junk; with it a damaged file fails.
		args = append(args, "--infilter=MS Word 97")
	}
	args = append(args, "--convert-to", target, "--outdir", filepath.Join(dir, "out"), in)
	cmd := exec.CommandContext(ctx, bin, args...)
	out, err := cmd.CombinedOutput()
	conv, rerr := os.ReadFile(filepath.Join(dir, "out", "in."+target))
	if err != nil || rerr != nil {
		// soffice exits 0 when it cannot load a file: what it wrote decides.
		// A .doc needs LibreOffice Writer, a .xls Calc; a damaged file fails
		// the same way.
		return nil, fmt.Sprintf("%s .%s: soffice could not convert it (a damaged file, or LibreOffice %s not installed): %s",
			ProblemLibreOffice, format, component(target), truncate(strings.TrimSpace(string(out)), 200))
	}
	if target == XLSX {
		return readXLSX(conv, lim)
	}
	return readDOCX(conv, lim)
}

func component(target string) string {
	if target == XLSX {
		return "Calc"
	}
	return "Writer"
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}
