package attach

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// pdfImageRe finds an image XObject: a page of a scan draws one and shows
// no text.
var pdfImageRe = regexp.MustCompile(`/Subtype\s*/Image\b`)

// readPDF reads the text layer of a PDF with github.com/ledongthuc/pdf (pure
// Go; Type0/CID fonts through their ToUnicode maps): the glyphs of each page
// are grouped into lines by their baseline, top to bottom, and a line's
// glyphs into cells where a gap wider than two characters parts them. Runs
// of lines of three cells or more (at least two lines) are tables; the other
// lines are paragraphs. A PDF without any text (a scan) is the problem
// "scanned: no text layer"; one of more than lim.MaxPages pages is a problem
// before any page is read.
func readPDF(body []byte, lim Limits) (b *builder, problem string) {
	defer func() {
		if p := recover(); p != nil {
			b, problem = nil, fmt.Sprintf("%s pdf: %v", ProblemMalformed, p)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		return nil, fmt.Sprintf("%s pdf: %v", ProblemMalformed, err)
	}
	n := r.NumPage()
	if n > lim.MaxPages {
		return nil, fmt.Sprintf("%s: %d pages, more than %d", ProblemCut, n, lim.MaxPages)
	}
	var lines [][]pcell
	glyphs := 0
	for i := 1; i <= n; i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		ts := p.Content().Text
		glyphs += len(ts)
		if glyphs > lim.MaxCells*20 {
			return nil, fmt.Sprintf("%s: more than %d characters", ProblemCut, lim.MaxCells*20)
		}
		lines = append(lines, pageLines(ts)...)
	}
	text := 0
	var all strings.Builder
	for _, l := range lines {
		for _, c := range l {
			text += utf8.RuneCountInString(strings.TrimSpace(c.text))
			all.WriteString(c.text)
		}
	}
	if text > 0 && undecodable(all.String()) {
		return nil, ProblemUndecodable
	}
	if text == 0 {
		if n == 0 && !pdfImageRe.Match(body) {
			return nil, ProblemMalformed + " pdf: no pages"
		}
		return nil, ProblemScanned
	}
	b = newBuilder()
	b.lines(lines)
	return b, ""
}

// pcell is a cell of a line: its text and horizontal extent.
type pcell struct {
	text   string
	x0, x1 float64
}

// pageLines groups a page's glyphs into lines of cells.
func pageLines(ts []pdf.Text) [][]pcell {
	type glyph struct {
		x, y, w, size float64
		s             string
		seq           int
	}
	gs := make([]glyph, 0, len(ts))
	for i, t := range ts {
		if t.S == "" {
			continue
		}
		gs = append(gs, glyph{t.X, math.Round(t.Y), t.W, t.FontSize, t.S, i})
	}
	// Top to bottom, then left to right; glyphs at one x (a font without
	// widths puts a whole run there) keep their order.
	sort.SliceStable(gs, func(i, j int) bool {
		if gs[i].y != gs[j].y {
			return gs[i].y > gs[j].y
		}
		return gs[i].x < gs[j].x
	})
	var out [][]pcell
	for i := 0; i < len(gs); {
		j := i
		for j < len(gs) && math.Abs(gs[j].y-gs[i].y) < 1 {
			j++
		}
		var cells []pcell
		var cur strings.Builder
		cursor := math.Inf(-1)
		runX := math.NaN()
		x0 := 0.0
		for _, g := range gs[i:j] {
			size := g.size
			if size <= 0 {
				size = 10
			}
			w := g.w
			if w <= 0 { // no widths: estimate (CJK full width, Latin half)
				w = size
				if r, _ := utf8.DecodeRuneInString(g.s); r < 0x2E80 {
					w = size / 2
				}
			}
			x := g.x
			if x == runX && x < cursor {
				x = cursor // the same run, one glyph on
			} else {
				runX = g.x
			}
			if cur.Len() > 0 && x-cursor > 2*size {
				cells = append(cells, pcell{strings.TrimSpace(cur.String()), x0, cursor})
				cur.Reset()
			} else if cur.Len() > 0 && x-cursor > size/2 && !strings.HasSuffix(cur.String(), " ") {
				cur.WriteByte(' ')
			}
			if cur.Len() == 0 {
				x0 = x
			}
			cur.WriteString(g.s)
			cursor = x + w
		}
		if s := strings.TrimSpace(cur.String()); s != "" {
			cells = append(cells, pcell{s, x0, cursor})
		}
		if len(cells) > 0 {
			out = append(out, cells)
		}
		i = j
	}
	return out
}

// lines writes lines of cells: a run of lines of three cells or more (at
// least two), with the lines of two cells or more that follow it, is a
// table whose columns are those of its fullest line — each cell goes to the
// column whose middle is nearest its own, so a row with empty cells keeps
// its figures under their headers; the short lines just above are its
// caption. Other lines are paragraphs (cells joined by a space).
func (b *builder) lines(ls [][]pcell) {
	var recent []string
	for i := 0; i < len(ls); {
		j := i
		for j < len(ls) && len(ls[j]) >= 3 {
			j++
		}
		if j-i >= 2 {
			for j < len(ls) && len(ls[j]) >= 2 {
				j++
			}
			var capt []string
			for k := len(recent) - 1; k >= 0 && k >= len(recent)-2; k-- {
				if utf8.RuneCountInString(recent[k]) > 50 {
					break
				}
				capt = append([]string{recent[k]}, capt...)
			}
			b.table(strings.Join(capt, " "), alignColumns(ls[i:j]))
			recent = nil
			i = j
			continue
		}
		parts := make([]string, len(ls[i]))
		for k, c := range ls[i] {
			parts[k] = c.text
		}
		s := strings.Join(parts, " ")
		if b.title == "" && b.n == 0 && utf8.RuneCountInString(s) <= 60 {
			b.title = s
		}
		b.line(s)
		recent = append(recent, s)
		i++
	}
}

// alignColumns lays the lines of a table on the columns of its fullest
// line; a line whose cells would collide keeps its own order.
func alignColumns(ls [][]pcell) [][]gcell {
	full := ls[0]
	for _, l := range ls {
		if len(l) > len(full) {
			full = l
		}
	}
	mids := make([]float64, len(full))
	for k, c := range full {
		mids[k] = (c.x0 + c.x1) / 2
	}
	grid := make([][]gcell, len(ls))
	for r, l := range ls {
		row := make([]gcell, len(full))
		used := make([]bool, len(full))
		ok := true
		for _, c := range l {
			m, best := (c.x0+c.x1)/2, -1
			for k := range mids {
				if best < 0 || math.Abs(mids[k]-m) < math.Abs(mids[best]-m) {
					best = k
				}
			}
			if used[best] {
				ok = false
				break
			}
			used[best] = true
			row[best].text = c.text
		}
		if !ok {
			row = make([]gcell, max(len(full), len(l)))
			for k, c := range l {
				row[k].text = c.text
			}
		}
		grid[r] = row
	}
	return grid
}
