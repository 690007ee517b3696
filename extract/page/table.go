package page

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/govfig/govfig/schema"
)

// Limits on a table's grid, so a hostile colspan cannot allocate the world;
// a longer table is read as text lines, not as a schema.Table.
const (
	maxTableRows = 5000
	maxTableCols = 100
	maxSpan      = 100
)

// srcCell is one <td>/<th> as written, before spans are expanded.
type srcCell struct {
	node             *html.Node
	th, bold         bool
	row              int // the row it starts in
	rowspan, colspan int
	text             string // filled when rendered
	start, end       int
}

// tableRows returns the <tr> of table t (not of tables nested in it), with
// whether each sits in <thead>.
func tableRows(t *html.Node) (rows []*html.Node, thead []bool) {
	var visit func(n *html.Node, inHead bool)
	visit = func(n *html.Node, inHead bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				rows = append(rows, c)
				thead = append(thead, inHead)
			case atom.Thead:
				visit(c, true)
			case atom.Tbody, atom.Tfoot:
				visit(c, inHead)
			}
		}
	}
	visit(t, false)
	return rows, thead
}

func rowCells(tr *html.Node) []*html.Node {
	var cells []*html.Node
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
			cells = append(cells, c)
		}
	}
	return cells
}

// isDataTable tells a table of data from a layout table: no nested table,
// at least two rows, a row of at least two cells, and no cell holding a
// page's worth of prose.
func isDataTable(t *html.Node) bool {
	rows, _ := tableRows(t)
	if len(rows) < 2 || len(rows) > maxTableRows {
		return false // a table longer than the cap is read as lines of text
	}
	wide := false
	for _, tr := range rows {
		cells := rowCells(tr)
		if len(cells) >= 2 {
			wide = true
		}
	}
	if !wide {
		return false
	}
	if selection(t).FindMatcher(tableSel).Length() > 0 {
		return false // a layout table holding others
	}
	for _, tr := range rows {
		for _, c := range rowCells(tr) {
			if _, short := shortText(c, 400); !short {
				return false
			}
		}
	}
	return true
}

func spanAttr(n *html.Node, key string) int {
	v := strings.TrimSpace(attr(n, key))
	k := 0
	for _, r := range v {
		if r < '0' || r > '9' {
			break
		}
		k = k*10 + int(r-'0')
		if k > maxSpan {
			return maxSpan
		}
	}
	if k < 1 {
		return 1
	}
	return k
}

// isBold reports a cell whose text is all inside <b>/<strong> or styled bold.
func isBold(td *html.Node) bool {
	if strings.Contains(strings.ReplaceAll(strings.ToLower(attr(td, "style")), " ", ""), "font-weight:bold") {
		return true
	}
	all := strings.TrimSpace(renderText(td))
	if all == "" {
		return false
	}
	var bold strings.Builder
	forEachElement(td, func(n *html.Node) bool {
		if n.DataAtom == atom.B || n.DataAtom == atom.Strong {
			bold.WriteString(renderText(n))
			return false
		}
		return true
	})
	return strings.Join(strings.Fields(bold.String()), "") == strings.Join(strings.Fields(all), "")
}

// numericRe matches a cell that is a number (with thousands separators, a
// sign, a decimal part or a percent sign).
var numericRe = regexp.MustCompile(`^[-+－]?[\d,，]*\.?\d+%?$`)

func isNumeric(s string) bool { return numericRe.MatchString(strings.Join(strings.Fields(s), "")) }

// table renders a data table: rows as lines, cells separated by "\t", merged
// cells expanded into every grid position they cover (rendered once, at
// their top-left position), and records it as a schema.Table.
func (b *builder) table(t *html.Node, depth int) {
	b.newline()
	var caption string
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Caption {
			b.walk(c, depth+1)
			caption = strings.TrimSpace(renderText(c))
			b.newline()
		}
	}
	trs, thead := tableRows(t)
	// A title row — one cell spanning the table's width above its header
	// (<td colspan="4"><b>2022年主要经济指标</b></td>) — is the table's
	// caption: a line of its own, not a header row whose text every
	// column's label would carry.
	for len(trs) > 2 {
		title, ok := titleRow(trs[0], trs[1])
		if !ok {
			break
		}
		b.children(title, depth+1)
		caption = strings.TrimSpace(caption + " " + strings.TrimSpace(renderText(title)))
		b.newline()
		trs, thead = trs[1:], thead[1:]
	}
	// Lay the cells out on a grid.
	grid := make([][]*srcCell, len(trs))
	ncols := 0
	for r, tr := range trs {
		c := 0
		for _, td := range rowCells(tr) {
			for c < maxTableCols && c < len(grid[r]) && grid[r][c] != nil {
				c++
			}
			if c >= maxTableCols {
				break
			}
			sc := &srcCell{node: td, row: r, th: td.DataAtom == atom.Th, bold: isBold(td),
				rowspan: spanAttr(td, "rowspan"), colspan: spanAttr(td, "colspan")}
			for dr := 0; dr < sc.rowspan && r+dr < len(trs); dr++ {
				for dc := 0; dc < sc.colspan && c+dc < maxTableCols; dc++ {
					row := grid[r+dr]
					for len(row) <= c+dc {
						row = append(row, nil)
					}
					if row[c+dc] == nil {
						row[c+dc] = sc
					}
					grid[r+dr] = row
				}
			}
			c += sc.colspan
		}
		if len(grid[r]) > ncols {
			ncols = len(grid[r])
		}
	}
	// Render.
	st := schema.Table{Caption: caption, Start: b.runes, Rows: make([][]schema.Cell, len(grid))}
	seen := map[*srcCell]bool{}
	for r := range grid {
		for c := 0; c < ncols; c++ {
			if c > 0 {
				b.pendingSpace, b.spaceHadNL = false, false
				b.raw("\t")
			}
			var sc *srcCell
			if c < len(grid[r]) {
				sc = grid[r][c]
			}
			if sc == nil || seen[sc] {
				continue
			}
			seen[sc] = true
			sc.start = b.runes
			byteStart := b.sb.Len()
			b.inCell++
			b.children(sc.node, depth+1)
			b.inCell--
			b.pendingNL, b.pendingSpace, b.spaceHadNL = false, false, false
			sc.end = b.runes
			sc.text = b.String()[byteStart:]
		}
		b.pendingSpace, b.spaceHadNL = false, false
		b.raw("\n")
	}
	st.End = b.runes - 1 // the table's last "\n" is not part of it
	if st.End < st.Start {
		st.End = st.Start
	}
	for r := range grid {
		row := make([]schema.Cell, ncols)
		for c := range row {
			if c < len(grid[r]) && grid[r][c] != nil {
				sc := grid[r][c]
				row[c] = schema.Cell{Text: sc.text, Start: sc.start, End: sc.end}
			} else {
				pos := st.Start
				row[c] = schema.Cell{Start: pos, End: pos}
			}
		}
		st.Rows[r] = row
	}
	st.HeaderRows, st.HeaderCols = headers(grid, thead, ncols)
	for r := range st.Rows {
		for c := range st.Rows[r] {
			if r < st.HeaderRows || c < st.HeaderCols {
				st.Rows[r][c].Header = true
			}
		}
	}
	if b.wantMeta {
		b.tables = append(b.tables, st)
	}
	b.pendingNL = true
}

// titleRow returns the only cell of tr when it spans the width of the row
// below it (two columns or more) and one row only: a title row.
func titleRow(tr, next *html.Node) (*html.Node, bool) {
	cells := rowCells(tr)
	if len(cells) != 1 || spanAttr(cells[0], "rowspan") > 1 {
		return nil, false
	}
	width := 0
	for _, td := range rowCells(next) {
		width += spanAttr(td, "colspan")
	}
	if width < 2 || spanAttr(cells[0], "colspan") < width || strings.TrimSpace(renderText(cells[0])) == "" {
		return nil, false
	}
	return cells[0], true
}

// headers decides how many leading rows and columns are headers: rows of
// <th> or in <thead>, else a bold first row, else leading rows without a
// number above rows with numbers; a first column of <th>, or of labels
// beside numbers.
func headers(grid [][]*srcCell, thead []bool, ncols int) (hr, hc int) {
	n := len(grid)
	cellsOf := func(r int) []*srcCell {
		var out []*srcCell
		for _, sc := range grid[r] {
			if sc != nil {
				out = append(out, sc)
			}
		}
		return out
	}
	all := func(r int, f func(*srcCell) bool) bool {
		cs := cellsOf(r)
		if len(cs) == 0 {
			return false
		}
		for _, sc := range cs {
			if strings.TrimSpace(sc.text) == "" {
				continue
			}
			if !f(sc) {
				return false
			}
		}
		return true
	}
	hasNumber := func(r int) bool {
		for _, sc := range cellsOf(r) {
			if isNumeric(sc.text) {
				return true
			}
		}
		return false
	}
	for hr < n-1 && (thead[hr] || all(hr, func(sc *srcCell) bool { return sc.th })) {
		hr++
	}
	if hr == 0 && n > 1 && all(0, func(sc *srcCell) bool { return sc.bold }) && !all(n-1, func(sc *srcCell) bool { return sc.bold }) {
		hr = 1
	}
	if hr == 0 {
		k := 0
		for k < n-1 && k < 3 && !hasNumber(k) {
			k++
		}
		if k > 0 && k < n {
			for r := k; r < n; r++ {
				if hasNumber(r) {
					hr = k
					break
				}
			}
		}
	}
	// A header cell spanning rows below the header takes them in.
	for r := 0; r < hr && r < n; r++ {
		for _, sc := range cellsOf(r) {
			if end := sc.row + sc.rowspan; end > hr && end <= n-1 {
				hr = end
			}
		}
	}
	if hr >= n {
		return hr, 0
	}
	// First column.
	if ncols > 1 {
		thCol, labelCol, numbersRight := true, true, false
		for r := hr; r < n; r++ {
			if len(grid[r]) == 0 || grid[r][0] == nil {
				thCol, labelCol = false, false
				break
			}
			first := grid[r][0]
			if !first.th {
				thCol = false
			}
			if t := strings.TrimSpace(first.text); t == "" || isNumeric(t) {
				labelCol = false
			}
			for c := 1; c < len(grid[r]); c++ {
				if grid[r][c] != nil && isNumeric(grid[r][c].text) {
					numbersRight = true
				}
			}
		}
		if thCol || (labelCol && numbersRight) {
			hc = 1
		}
	}
	return hr, hc
}

// forEachElement visits the element nodes of n's subtree in document order,
// iteratively; f returns false to skip a node's children.
func forEachElement(n *html.Node, f func(*html.Node) bool) {
	stack := []*html.Node{n}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x.Type == html.ElementNode || x.Type == html.DocumentNode {
			if x.Type == html.ElementNode && !f(x) {
				continue
			}
			for c := x.LastChild; c != nil; c = c.PrevSibling {
				stack = append(stack, c)
			}
		}
	}
}
