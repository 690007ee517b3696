package attach

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// readDOCX reads word/document.xml of a .docx: paragraphs in order (a
// Title or Heading style, or the first short paragraph, is the title),
// tables with their merged cells (gridSpan across, vMerge down) expanded.
// The paragraph just above a table, when short, is its caption (单位：万元).
// Headings numbered 一、/(一)/1. make the sections, as in a text.
func readDOCX(body []byte, lim Limits) (*builder, string) {
	zr, p := openZip(body, lim)
	if p != "" {
		return nil, p
	}
	xmlBody, err := readPart(zr, "word/document.xml", lim.MaxUnzipped)
	if err != nil {
		return nil, fmt.Sprintf("%s docx: %v", ProblemMalformed, err)
	}
	r := &docxReader{b: newBuilder(), max: lim.MaxCells}
	if err := r.read(xmlBody); err != nil {
		if errors.Is(err, errCut) {
			return r.b, fmt.Sprintf("%s: more than %d paragraphs and cells; the rest of the document is not read", ProblemCut, lim.MaxCells)
		}
		return nil, fmt.Sprintf("%s docx: %v", ProblemMalformed, err)
	}
	return r.b, ""
}

var errCut = errors.New("cut")

type docxReader struct {
	b     *builder
	max   int
	n     int
	paras []string // paragraphs since the last table (for a caption)
}

// tcell is a table cell while a table is read.
type tcell struct {
	text  strings.Builder
	span  int
	vMerg string // "restart", "continue" or ""
}

type tstate struct {
	rows [][]*tcell
}

func (r *docxReader) read(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var (
		tables []*tstate // open tables, innermost last
		cell   *tcell    // the open cell of the outermost table
		para   strings.Builder
		outer  []string // text of the paragraphs a paragraph (a text box) sits in
		inText bool
		style  string
		depth  int // nesting of tables
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "tbl":
				depth++
				if depth == 1 {
					tables = append(tables, &tstate{})
				}
			case "tr":
				if depth == 1 {
					tables[0].rows = append(tables[0].rows, nil)
				}
			case "tc":
				if depth == 1 {
					cell = &tcell{span: 1}
					ts := tables[0]
					ts.rows[len(ts.rows)-1] = append(ts.rows[len(ts.rows)-1], cell)
				}
			case "gridSpan":
				if depth == 1 && cell != nil {
					if n, err := strconv.Atoi(attr(t, "val")); err == nil && n > 1 && n <= 64 {
						cell.span = n
					}
				}
			case "vMerge":
				if depth == 1 && cell != nil {
					if attr(t, "val") == "restart" {
						cell.vMerg = "restart"
					} else {
						cell.vMerg = "continue"
					}
				}
			case "p":
				// A paragraph inside a paragraph (a text box) keeps the
				// outer one's text for when it ends.
				outer = append(outer, para.String())
				para.Reset()
				style = ""
			case "pStyle":
				style = attr(t, "val")
			case "t":
				inText = true
			case "tab":
				para.WriteByte(' ')
			case "br", "cr":
				para.WriteByte(' ')
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				s := strings.TrimSpace(para.String())
				para.Reset()
				if n := len(outer); n > 0 {
					para.WriteString(outer[n-1])
					outer = outer[:n-1]
				}
				if s == "" {
					continue
				}
				if r.n++; r.n > r.max {
					return errCut
				}
				if depth > 0 && cell != nil {
					if cell.text.Len() > 0 {
						cell.text.WriteByte(' ')
					}
					cell.text.WriteString(s)
					continue
				}
				r.paragraph(s, style)
			case "tc":
				if depth == 1 {
					cell = nil
				}
			case "tbl":
				depth--
				if depth == 0 {
					r.table(tables[0])
					tables = nil
				}
			}
		case xml.CharData:
			if inText {
				para.Write(t)
			}
		}
	}
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// paragraph writes one paragraph; a Title/Heading style or the first short
// paragraph is the document's title.
func (r *docxReader) paragraph(s, style string) {
	st := strings.ToLower(style)
	if r.b.title == "" && (st == "title" || strings.HasPrefix(st, "heading") || strings.Contains(style, "标题") || r.b.n == 0 && utf8.RuneCountInString(s) <= 60) {
		r.b.title = s
	}
	r.b.line(s)
	r.paras = append(r.paras, s)
}

// table lays a read table out on a grid: a cell spanning columns is copied
// into each, a vMerge continuation copies the cell above.
func (r *docxReader) table(ts *tstate) {
	var grid [][]gcell
	for ri, row := range ts.rows {
		var g []gcell
		for _, c := range row {
			col := len(g)
			text := strings.TrimSpace(c.text.String())
			cur := gcell{text: text}
			if c.vMerg == "continue" && ri > 0 && col < len(grid[ri-1]) {
				above := grid[ri-1][col]
				src := gcell{text: above.text, copy: true, r: ri - 1, c: col}
				if above.copy {
					src.r, src.c = above.r, above.c
				}
				cur = src
			}
			g = append(g, cur)
			for k := 1; k < c.span; k++ {
				cp := gcell{text: cur.text, copy: true, r: ri, c: col}
				if cur.copy {
					cp.r, cp.c = cur.r, cur.c
				}
				g = append(g, cp)
			}
		}
		grid = append(grid, g)
	}
	// The caption: up to two short paragraphs right above the table.
	var capt []string
	for i := len(r.paras) - 1; i >= 0 && i >= len(r.paras)-2; i-- {
		if utf8.RuneCountInString(r.paras[i]) > 50 {
			break
		}
		capt = append([]string{r.paras[i]}, capt...)
	}
	r.paras = nil
	r.b.table(strings.Join(capt, " "), grid)
}
