// Package outline finds the heading tree of a body text from its numbering
// patterns, the way Chinese government reports number their parts:
//
//	level 1  一、做法与成效            (Chinese numeral + 、)
//	level 2  (一)加强党对教育工作…     (Chinese numeral in half- or full-width brackets)
//	level 3  1.研究解决重大教育问题。  (Arabic number + . ． or 、)
//	level 4  (1)…                      (Arabic number in brackets)
//	level 5  一是积极推进…             (Chinese numeral + 是, also inside a paragraph
//	                                    after 。 ； or ：)
//
// Levels 1–4 are recognised at the start of a line (after leading blanks);
// level 5 also at the start of a sentence. A heading's title is its text up to
// the first 。 (or the line end); a title longer than maxTitle runes is cut at
// its first clause mark (，,；;：:). Level-5 titles stop at the first clause
// mark as well, since 一是… items are usually run into their paragraph.
//
// A section spans from its heading to the next heading of the same or a higher
// (smaller) level; its Path joins the titles of its ancestors and itself with
// " > ".
package outline

import (
	"container/heap"
	"sort"
	"strings"
	"unicode"

	"github.com/govfig/govfig/schema"
)

// maxTitle is the longest title kept whole up to 。; longer ones are cut at
// their first clause mark.
const maxTitle = 40

// heading is a heading found in the text before the tree is built.
type heading struct {
	level      int
	start, end int // rune span of the title
}

// Sections returns the headings of text in document order.
func Sections(text string) []schema.Section {
	rs := []rune(text)
	var hs []heading
	lineStart := 0
	for i := 0; i <= len(rs); i++ {
		if i < len(rs) && rs[i] != '\n' {
			continue
		}
		hs = appendLine(hs, rs, lineStart, i)
		lineStart = i + 1
	}
	return build(hs, rs)
}

// appendLine adds the headings of the line rs[from:to].
func appendLine(hs []heading, rs []rune, from, to int) []heading {
	p := from
	for p < to && isBlank(rs[p]) {
		p++
	}
	if p >= to {
		return hs
	}
	if lvl, n := marker(rs[p:to]); lvl > 0 {
		end := titleEnd(rs, p, to, p+n, lvl)
		if end > p+n {
			hs = append(hs, heading{level: lvl, start: p, end: end})
		}
	}
	// Inline 一是/二是 items after a sentence end within the line.
	for q := p + 1; q < to; q++ {
		if rs[q-1] != '。' && rs[q-1] != '；' && rs[q-1] != ';' && rs[q-1] != '：' && rs[q-1] != ':' {
			continue
		}
		if n := shiMarker(rs[q:to]); n > 0 {
			if end := titleEnd(rs, q, to, q+n, 5); end > q+n {
				hs = append(hs, heading{level: 5, start: q, end: end})
			}
		}
	}
	return hs
}

// marker reports the level of the numbering at the start of s and its length
// in runes, or 0.
func marker(s []rune) (level, n int) {
	// (一) （一） and (1) （1）
	if len(s) > 2 && (s[0] == '(' || s[0] == '（') {
		j := 1
		for j < len(s) && isHan(s[j]) {
			j++
		}
		if j > 1 && j <= 4 && j < len(s) && (s[j] == ')' || s[j] == '）') {
			return 2, j + 1
		}
		j = 1
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j > 1 && j <= 3 && j < len(s) && (s[j] == ')' || s[j] == '）') {
			return 4, j + 1
		}
		return 0, 0
	}
	// 一、  and 一是
	j := 0
	for j < len(s) && isHan(s[j]) {
		j++
	}
	if j > 0 && j <= 3 && j < len(s) {
		if s[j] == '、' {
			return 1, j + 1
		}
		if s[j] == '是' {
			return 5, j + 1
		}
	}
	// 1.  1．  1、  (but not 1.5万)
	j = 0
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j > 0 && j <= 3 && j < len(s) && (s[j] == '.' || s[j] == '．' || s[j] == '、') {
		if j+1 < len(s) && (isDigit(s[j+1]) || s[j+1] == '%' || s[j+1] == '％') {
			return 0, 0
		}
		return 3, j + 1
	}
	return 0, 0
}

// shiMarker is the length of a 一是…十是 marker at the start of s, or 0.
func shiMarker(s []rune) int {
	if lvl, n := marker(s); lvl == 5 {
		return n
	}
	return 0
}

// titleEnd returns where the title of a heading starting at start (marker
// ending at body) stops within the line ending at lineEnd.
func titleEnd(rs []rune, start, lineEnd, body, level int) int {
	end := lineEnd
	clause := -1
	for k := body; k < lineEnd; k++ {
		r := rs[k]
		if r == '。' {
			end = k
			break
		}
		if clause < 0 && isClauseMark(r) {
			clause = k
		}
	}
	if clause >= 0 && clause < end && (level == 5 || end-start > maxTitle) {
		end = clause
	}
	for end > body && isBlank(rs[end-1]) {
		end--
	}
	return end
}

// build turns the flat list into sections with paths and spans.
func build(hs []heading, rs []rune) []schema.Section {
	if len(hs) == 0 {
		return []schema.Section{}
	}
	out := make([]schema.Section, len(hs))
	var stack []int // indexes into out
	for i, h := range hs {
		for len(stack) > 0 && out[stack[len(stack)-1]].Level >= h.level {
			stack = stack[:len(stack)-1]
		}
		title := string(rs[h.start:h.end])
		path := title
		if len(stack) > 0 {
			path = out[stack[len(stack)-1]].Path + " > " + title
		}
		out[i] = schema.Section{Path: path, Title: title, Level: h.level, Start: h.start, End: len(rs)}
		stack = append(stack, i)
	}
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j].Level <= out[i].Level {
				out[i].End = out[j].Start
				break
			}
		}
	}
	return out
}

// At returns the path of the innermost section containing rune offset pos, or "".
func At(sections []schema.Section, pos int) string {
	path, best := "", -1
	for _, s := range sections {
		if s.Start <= pos && pos < s.End && s.Level > best {
			path, best = s.Path, s.Level
		}
	}
	return path
}

func isBlank(r rune) bool { return r == '\u3000' || unicode.IsSpace(r) }

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// isHan reports whether r is a Chinese numeral used in heading numbers.
func isHan(r rune) bool { return strings.ContainsRune("一二三四五六七八九十", r) }

func isClauseMark(r rune) bool { return strings.ContainsRune("，,；;：:", r) }

// Finder answers At for many offsets of one document in logarithmic time:
// At walks every section, which made a page of thousands of sections and
// figures quadratic (issue 11).
type Finder struct {
	starts []int    // start of each piece of the text, ascending
	paths  []string // At's answer over the piece
}

// NewFinder indexes sections: the text is cut at every section boundary and
// each piece gets At's answer, found with a sweep over the boundaries that
// keeps the open sections in a heap (deepest level first, then first
// listed, as At breaks ties).
func NewFinder(sections []schema.Section) *Finder {
	var bounds []int
	for _, s := range sections {
		if s.Start < s.End {
			bounds = append(bounds, s.Start, s.End)
		}
	}
	sort.Ints(bounds)
	order := make([]int, 0, len(sections))
	for i, s := range sections {
		if s.Start < s.End {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return sections[order[a]].Start < sections[order[b]].Start })
	h := &openHeap{sections: sections}
	f := &Finder{}
	next := 0
	for k, p := range bounds {
		if k > 0 && p == bounds[k-1] {
			continue
		}
		for next < len(order) && sections[order[next]].Start <= p {
			heap.Push(h, order[next])
			next++
		}
		for h.Len() > 0 && sections[h.idx[0]].End <= p {
			heap.Pop(h)
		}
		path := ""
		if h.Len() > 0 {
			path = sections[h.idx[0]].Path
		}
		f.starts = append(f.starts, p)
		f.paths = append(f.paths, path)
	}
	return f
}

// At returns At(sections, pos) for the sections f was built from.
func (f *Finder) At(pos int) string {
	i := sort.SearchInts(f.starts, pos+1) - 1
	if i < 0 {
		return ""
	}
	return f.paths[i]
}

// openHeap holds indexes of open sections, deepest level first, then the
// one listed first.
type openHeap struct {
	sections []schema.Section
	idx      []int
}

func (h *openHeap) Len() int { return len(h.idx) }
func (h *openHeap) Less(a, b int) bool {
	sa, sb := h.sections[h.idx[a]], h.sections[h.idx[b]]
	if sa.Level != sb.Level {
		return sa.Level > sb.Level
	}
	return h.idx[a] < h.idx[b]
}
func (h *openHeap) Swap(a, b int) { h.idx[a], h.idx[b] = h.idx[b], h.idx[a] }
func (h *openHeap) Push(x any)    { h.idx = append(h.idx, x.(int)) }
func (h *openHeap) Pop() any {
	x := h.idx[len(h.idx)-1]
	h.idx = h.idx[:len(h.idx)-1]
	return x
}
