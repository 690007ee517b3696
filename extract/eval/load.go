package eval

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Case is one annotated input: the document's bytes and its gold lines.
type Case struct {
	// Name is the input's path inside the corpus (docs/NAME.txt,
	// pages/NAME.html or attachments/NAME.xlsx|.docx|.pdf|.xls); it is
	// what the extractor is given.
	Name string
	// GoldPath is the gold file's path inside the corpus (gold/NAME.jsonl).
	GoldPath string
	Body     []byte
	Gold     []GoldLine
}

// inputDirs lists where the input of gold/NAME.jsonl is looked for, in order.
var inputDirs = []struct{ dir, ext string }{
	{"docs", ".txt"},
	{"pages", ".html"},
	{"pages", ".htm"},
	{"attachments", ".xlsx"},
	{"attachments", ".docx"},
	{"attachments", ".pdf"},
	{"attachments", ".xls"},
}

// Load reads every gold/NAME.jsonl of fsys and pairs it with its input,
// docs/NAME.txt, pages/NAME.html (.htm) or attachments/NAME.xlsx (.docx,
// .pdf, .xls). Gold files without an input are
// returned in skipped (by path) rather than failing the load; malformed gold
// lines fail it, each error naming the file and line.
func Load(fsys fs.FS) (cases []Case, skipped []string, err error) {
	// fs.Glob hides read errors: a folder that cannot be read would be
	// reported as one without gold files.
	if _, err := fs.ReadDir(fsys, "gold"); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, fmt.Errorf("read gold folder: %w", err)
	} else if err != nil {
		if _, err := fs.ReadDir(fsys, "."); err != nil {
			return nil, nil, fmt.Errorf("read folder: %w", err)
		}
	}
	golds, err := fs.Glob(fsys, "gold/*.jsonl")
	if err != nil {
		return nil, nil, fmt.Errorf("list gold files: %w", err)
	}
	if len(golds) == 0 {
		return nil, nil, errors.New("no gold files (gold/*.jsonl) found")
	}
	sort.Strings(golds)
	var errs []error
	for _, gp := range golds {
		name := strings.TrimSuffix(path.Base(gp), ".jsonl")
		input := ""
		for _, d := range inputDirs {
			p := d.dir + "/" + name + d.ext
			if st, err := fs.Stat(fsys, p); err == nil && !st.IsDir() {
				input = p
				break
			}
		}
		if input == "" {
			skipped = append(skipped, gp)
			continue
		}
		body, err := fs.ReadFile(fsys, input)
		if err != nil {
			errs = append(errs, fmt.Errorf("read input %s: %w", input, err))
			continue
		}
		f, err := fsys.Open(gp)
		if err != nil {
			errs = append(errs, fmt.Errorf("open gold %s: %w", gp, err))
			continue
		}
		lines, err := ParseGold(gp, f)
		f.Close()
		if err != nil {
			errs = append(errs, err)
			continue
		}
		cases = append(cases, Case{Name: input, GoldPath: gp, Body: body, Gold: lines})
	}
	if len(errs) > 0 {
		return nil, skipped, errors.Join(errs...)
	}
	return cases, skipped, nil
}
