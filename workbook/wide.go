package workbook

import (
	"fmt"
	"math"
	"sort"
	"unicode/utf8"

	"github.com/govfig/govfig/schema"
)

// The wide view (指标): one row per indicator — a label with its kind and
// base unit, so values of different units never share a row — and one column
// per region, or per document where a region has several documents. A cell
// holds the normalized value of the first figure with role level (现值) that
// the document gives for the label; later ones, and other roles, stay on 数据.

type wideKey struct {
	label string
	kind  schema.Kind
	base  string
}

type wideRow struct {
	key  wideKey
	docs int // documents with a value
}

type wideCell struct {
	row int32   // index into wide.rows
	col int32   // document index while collecting, column after layout
	v   float64 // normalized value
}

// wide collects the cells of 指标 while the figures stream by.
type wide struct {
	index map[wideKey]int32
	rows  []wideRow
	cells []wideCell
	// seen holds the rows the current document has already filled.
	doc  int32
	seen map[int32]struct{}
}

func newWide() *wide {
	return &wide{index: make(map[wideKey]int32), doc: -1, seen: make(map[int32]struct{})}
}

// add considers one figure of document doc (figures arrive grouped by document).
func (w *wide) add(fr *schema.FigureRow, doc int32) {
	if fr.Label == "" || (fr.Role != schema.RoleLevel && fr.Role != "") {
		return
	}
	if math.IsNaN(fr.Normalized) || math.IsInf(fr.Normalized, 0) {
		return
	}
	if doc != w.doc {
		w.doc = doc
		clear(w.seen)
	}
	k := wideKey{fr.Label, fr.Kind, fr.BaseUnit}
	r, ok := w.index[k]
	if !ok {
		r = int32(len(w.rows))
		w.index[k] = r
		w.rows = append(w.rows, wideRow{key: k})
	}
	if _, dup := w.seen[r]; dup {
		return
	}
	w.seen[r] = struct{}{}
	w.rows[r].docs++
	w.cells = append(w.cells, wideCell{row: r, col: doc, v: fr.Normalized})
}

// wideLayout is 指标 ready to write.
type wideLayout struct {
	headers     []string // one per value column
	rows        []wideLine
	droppedRows int
	droppedCols int
}

// wideLine is one row of 指标 with its cells in column order.
type wideLine struct {
	row   int32
	cells []wideCell
}

// layout orders rows (by kind, then most documents first, then label) and
// columns (documents in source order, i.e. by region then date; a region
// with one document is one column named after the region), keeping at most
// maxCols columns and maxRows rows.
func (w *wide) layout(docs []docInfo, maxCols, maxRows int) wideLayout {
	var l wideLayout
	// Which documents have values, and how many per region.
	has := make([]bool, len(docs))
	for _, c := range w.cells {
		has[c.col] = true
	}
	perRegion := make(map[string]int)
	for i, d := range docs {
		if has[i] {
			perRegion[d.region]++
		}
	}
	colOf := make([]int32, len(docs))
	seenHeader := make(map[string]int)
	for i, d := range docs {
		colOf[i] = -1
		if !has[i] {
			continue
		}
		if len(l.headers) >= maxCols {
			l.droppedCols++
			continue
		}
		region := d.region
		if region == "" {
			region = "（未知地区）"
		}
		h := region
		if perRegion[d.region] > 1 {
			h = fmt.Sprintf("%s（%s %s）", region, dateOnly(d.published), shorten(d.title, 24))
		}
		if n := seenHeader[h]; n > 0 {
			h = fmt.Sprintf("%s #%d", h, d.id)
		}
		seenHeader[h]++
		colOf[i] = int32(len(l.headers))
		l.headers = append(l.headers, h)
	}

	kindRank := make(map[schema.Kind]int, len(schema.Kinds))
	for i, k := range schema.Kinds {
		kindRank[k] = i
	}
	rank := func(k schema.Kind) int {
		if r, ok := kindRank[k]; ok {
			return r
		}
		return len(schema.Kinds)
	}
	order := make([]int32, len(w.rows))
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := w.rows[order[i]], w.rows[order[j]]
		if ra, rb := rank(a.key.kind), rank(b.key.kind); ra != rb {
			return ra < rb
		}
		if a.docs != b.docs {
			return a.docs > b.docs
		}
		if a.key.label != b.key.label {
			return a.key.label < b.key.label
		}
		return a.key.base < b.key.base
	})
	if len(order) > maxRows {
		l.droppedRows = len(order) - maxRows
		order = order[:maxRows]
	}
	pos := make([]int32, len(w.rows)) // row → line, -1 when dropped
	for i := range pos {
		pos[i] = -1
	}
	for i, r := range order {
		pos[r] = int32(i)
	}

	// Bucket the cells by line, mapping documents to columns.
	counts := make([]int, len(order))
	for _, c := range w.cells {
		if p := pos[c.row]; p >= 0 && colOf[c.col] >= 0 {
			counts[p]++
		}
	}
	l.rows = make([]wideLine, len(order))
	for i, r := range order {
		l.rows[i] = wideLine{row: r, cells: make([]wideCell, 0, counts[i])}
	}
	for _, c := range w.cells {
		p := pos[c.row]
		if p < 0 || colOf[c.col] < 0 {
			continue
		}
		c.col = colOf[c.col]
		l.rows[p].cells = append(l.rows[p].cells, c)
	}
	for i := range l.rows {
		cs := l.rows[i].cells
		sort.Slice(cs, func(a, b int) bool { return cs[a].col < cs[b].col })
	}
	w.cells = nil // the lines own the cells now
	return l
}

// dateOnly returns the yyyy-mm-dd part of a stored date ("" when unknown).
func dateOnly(s string) string {
	if t, ok := parseTime(s); ok {
		return t.Format("2006-01-02")
	}
	return "日期不详"
}

// shorten cuts s to n runes with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
