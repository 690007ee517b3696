package attach

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
)

// openZip opens a .xlsx/.docx container and checks its bounds before any
// part is inflated: the parts may not hold more than lim.MaxUnzipped bytes
// by their headers (archive/zip refuses a part that inflates past its
// header), so a zip bomb is a problem read in bounded time and memory.
func openZip(body []byte, lim Limits) (*zip.Reader, string) {
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		return nil, fmt.Sprintf("%s: not a zip container: %v", ProblemMalformed, err)
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > uint64(lim.MaxUnzipped) {
			return nil, fmt.Sprintf("%s: its parts unpack to more than %d bytes", ProblemZipBomb, lim.MaxUnzipped)
		}
	}
	return zr, ""
}

// readPart reads one part of a zip container, at most max bytes.
func readPart(zr *zip.Reader, name string, max int64) ([]byte, error) {
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, max+1))
		if err != nil {
			return nil, err
		}
		if int64(len(b)) > max {
			return nil, fmt.Errorf("part %s is more than %d bytes", name, max)
		}
		return b, nil
	}
	return nil, fmt.Errorf("no part %s", name)
}
