package attach

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/govfig/govfig/extract/outline"
	"github.com/govfig/govfig/schema"
)

// builder assembles the Text of an attachment and what points into it.
type builder struct {
	text     strings.Builder
	n        int // runes written
	title    string
	tables   []schema.Table
	sections []schema.Section // explicit sections (sheets); else the outline's
	cells    int              // non-empty cells read, for Limits.MaxCells
}

func newBuilder() *builder { return &builder{} }

// line appends one line of text (line breaks inside become spaces).
func (b *builder) line(s string) {
	s = strings.TrimRight(strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, clean(s)), " ")
	b.text.WriteString(s)
	b.text.WriteByte('\n')
	b.n += utf8.RuneCountInString(s) + 1
}

// codeCellRe is a cell that can be a 科目编码: three digits or more.
var codeCellRe = regexp.MustCompile(`^[0-9]{3,}$`)

// numericRe is a cell holding a number (a figure or a code).
var numericRe = regexp.MustCompile(`^[-+－]?[0-9０-９][0-9０-９,，]*([.．][0-9０-９]+)?\s*[%％]?$`)

func isNumeric(s string) bool { return numericRe.MatchString(strings.TrimSpace(s)) }

// codeHeads name a column of codes or serial numbers: a header column,
// never figures (科目编码 2050201, 序号 3).
var codeHeads = []string{"编码", "代码", "编号", "序号", "科目号"}

// gcell is one position of a grid: its text, and for a position covered
// by a merged cell, the position of that cell (copy).
type gcell struct {
	text string
	copy bool
	r, c int
}

// table renders a grid (merged cells copied into every position they
// cover) as rows of Text and records it, with its header rows and columns.
// A copy has the text and offsets of the merged cell; its text is written
// once.
func (b *builder) table(caption string, grid [][]gcell) {
	if len(grid) == 0 {
		return
	}
	ncols := 0
	for _, r := range grid {
		ncols = max(ncols, len(r))
	}
	// A 栏次 row (栏次 | 1 | 2 | 3) numbers the columns: it is written as a
	// line of the text but is no row of the table (its numbers are no
	// figures, nor part of a header).
	var lanci []bool
	grid, lanci = markColumnNumbers(grid)
	texts := make([][]string, 0, len(grid))
	for ri, r := range grid {
		if lanci[ri] {
			continue
		}
		var row []string
		for _, c := range r {
			row = append(row, cleanCell(c.text))
		}
		texts = append(texts, row)
	}
	t := schema.Table{Caption: caption, Start: b.n}
	t.HeaderRows, t.HeaderCols = headers(texts, ncols)
	dropped := 0
	for ri, r := range grid {
		if lanci[ri] {
			parts := make([]string, len(r))
			for k, c := range r {
				parts[k] = cleanCell(c.text)
			}
			b.line(strings.Join(parts, "\t"))
			dropped++
			continue
		}
		ri -= dropped
		row := make([]schema.Cell, 0, ncols)
		var line strings.Builder
		pos := b.n
		for ci := 0; ci < ncols; ci++ {
			if ci > 0 {
				line.WriteByte('\t')
				pos++
			}
			c := schema.Cell{Header: ri < t.HeaderRows || ci < t.HeaderCols}
			var g gcell
			if ci < len(r) {
				g = r[ci]
				c.Text = texts[ri][ci]
			}
			if g.copy && (g.r < ri && g.c < len(t.Rows[g.r]) || g.r == ri && g.c < ci) {
				var src schema.Cell
				if g.r == ri {
					src = row[g.c]
				} else {
					src = t.Rows[g.r][g.c]
				}
				c.Text, c.Start, c.End = src.Text, src.Start, src.End
			} else {
				c.Start = pos
				line.WriteString(c.Text)
				pos += utf8.RuneCountInString(c.Text)
				c.End = pos
			}
			row = append(row, c)
		}
		b.line(line.String())
		t.Rows = append(t.Rows, row)
	}
	t.End = b.n - 1
	b.tables = append(b.tables, t)
}

// markColumnNumbers finds the 栏次 rows of a grid (a row naming 栏次, or
// whose cells are 1, 2, 3… in order, above the first row of figures) and
// returns the grid with copies pointing past them renumbered.
func markColumnNumbers(grid [][]gcell) ([][]gcell, []bool) {
	lanci := make([]bool, len(grid))
	any := false
	for ri, r := range grid {
		next, n, named := 1, 0, false
		ok := true
		for _, c := range r {
			t := strings.TrimSpace(c.text)
			switch {
			case t == "" || c.copy:
			case t == "栏次" || t == "行次":
				named = true
			case t == strconv.Itoa(next):
				next++
				n++
			default:
				ok = false
			}
		}
		if ok && (named && n >= 1 || n >= 3) {
			lanci[ri], any = true, true
			continue
		}
		if rowHasNumber(r) {
			break // the data begins
		}
	}
	if !any {
		return grid, lanci
	}
	// Renumber copies: rows after a dropped row move up.
	shift := make([]int, len(grid))
	d := 0
	for ri := range grid {
		shift[ri] = d
		if lanci[ri] {
			d++
		}
	}
	out := make([][]gcell, len(grid))
	for ri, r := range grid {
		row := make([]gcell, len(r))
		for ci, c := range r {
			if c.copy {
				if c.r < len(grid) && lanci[c.r] {
					c.copy = false
				} else if c.r < len(grid) {
					c.r -= shift[c.r]
				}
			}
			row[ci] = c
		}
		out[ri] = row
	}
	return out, lanci
}

// cleanCell makes a cell one line: breaks and tabs become spaces.
func cleanCell(s string) string {
	return strings.TrimSpace(strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ").Replace(clean(s)))
}

// clean makes s valid UTF-8 without control characters (other than tab
// and line breaks): a file's bytes may be neither.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// undecodable reports text most of whose characters are no characters
// (U+FFFD, controls, private use): glyph codes without a Unicode map.
func undecodable(s string) bool {
	bad, all := 0, 0
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if r == ' ' || r == '\t' || r == '\n' {
			continue
		}
		all++
		if r == '\uFFFD' || r < 0x20 || r == 0x7f || r >= 0xE000 && r <= 0xF8FF {
			bad++
		}
	}
	return all > 0 && bad*5 > all
}

// headers decides the header rows (leading rows without a number, above
// rows with numbers; at most four) and header columns (leading columns
// without numbers below the header, and columns of codes) of a grid.
func headers(grid [][]string, ncols int) (hr, hc int) {
	n := len(grid)
	cell := func(r, c int) string {
		if c < len(grid[r]) {
			return strings.TrimSpace(grid[r][c])
		}
		return ""
	}
	hasNumber := func(r int) bool {
		for c := range grid[r] {
			if isNumeric(cell(r, c)) {
				return true
			}
		}
		return false
	}
	for hr < n-1 && hr < 4 && !hasNumber(hr) {
		hr++
	}
	if hr == n-1 && !hasNumber(hr) {
		return 0, 0 // no numbers at all: a text table
	}
	isCode := func(c int) bool {
		for r := 0; r < hr; r++ {
			for _, w := range codeHeads {
				if strings.Contains(cell(r, c), w) {
					return true
				}
			}
		}
		// A column of 科目编码 under another name: whole numbers of three
		// digits or more beside a column of names.
		// Budget codes nest (205 > 20502 > 2050201) or are seven digits.
		var codes []string
		names := 0
		for r := hr; r < n; r++ {
			s := cell(r, c)
			switch {
			case s == "":
			case codeCellRe.MatchString(s):
				codes = append(codes, s)
			case isNumeric(s):
				return false
			}
			if t := cell(r, c+1); t != "" && !isNumeric(t) {
				names++
			}
		}
		if len(codes) == 0 || names == 0 {
			return false
		}
		long := true
		for i, a := range codes {
			if len(a) < 7 {
				long = false
			}
			for _, b := range codes[i+1:] {
				if len(b) > len(a) && strings.HasPrefix(b, a) {
					return true
				}
			}
		}
		return long
	}
	for hc < ncols-1 {
		if isCode(hc) {
			hc++
			continue
		}
		text := false
		for r := hr; r < n; r++ {
			s := cell(r, hc)
			if isNumeric(s) {
				text = false
				break
			}
			if s != "" {
				text = true
			}
		}
		if !text {
			break
		}
		hc++
	}
	return hr, hc
}

// document returns the Document built so far.
func (b *builder) document() *schema.Document {
	text := b.text.String()
	doc := &schema.Document{
		Title:       b.title,
		Text:        text,
		Tables:      b.tables,
		Sections:    b.sections,
		Attachments: []schema.Attachment{},
		Figures:     []schema.Figure{},
	}
	if doc.Sections == nil {
		doc.Sections = outline.Sections(text)
	}
	if doc.Tables == nil {
		doc.Tables = []schema.Table{}
	}
	return doc
}
