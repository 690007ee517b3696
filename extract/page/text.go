package page

import (
	"github.com/govfig/govfig/extract/sniff"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/govfig/govfig/schema"
)

// maxDepth caps how deep the text walk descends. x/net/html already refuses
// documents nested deeper than 512 elements; this keeps the walk bounded
// whatever the tree.
const maxDepth = 600

// blockTags end a line before and after them.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Center: true,
	atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Dir: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hr: true, atom.Li: true, atom.Main: true, atom.Menu: true, atom.Nav: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true, atom.Table: true,
	atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Caption: true, atom.Ul: true, atom.Body: true, atom.Html: true,
}

// invisibleTags never contribute text.
var invisibleTags = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Svg: true, atom.Math: true,
	atom.Select: true, atom.Option: true, atom.Button: true, atom.Input: true, atom.Textarea: true,
	atom.Title: true, atom.Map: true, atom.Audio: true, atom.Video: true, atom.Canvas: true,
}

// heading is an <h2>–<h4> found in the body: its line in the text.
type heading struct {
	level      int
	title      string
	start, end int
}

// builder renders a DOM subtree into one canonical text: block boundaries
// become "\n", data-table cells "\t" and rows "\n", runs of white space one
// space (dropped at line starts and ends, and between two Chinese characters
// when the source broke the line there). It counts runes as it goes, so
// tables and headings get offsets into the text it builds.
type builder struct {
	sb    strings.Builder
	runes int
	last  rune // last rune written, 0 at start

	pendingNL    bool // a block boundary: "\n" before the next text
	pendingSpace bool // white space seen: " " before the next text
	spaceHadNL   bool // the pending white space contained a source line break
	inCell       int  // >0 inside a data-table cell: block boundaries are spaces

	skip     func(*html.Node) bool // nodes left out (chrome); may be nil
	tables   []schema.Table
	headings []heading
	wantMeta bool // record tables and headings
	limit    int  // >0: stop once the text is longer
	over     bool // the limit was passed

	// maxLine > 0: a line longer than maxLine runes is cut there and
	// marked with a NUL (which text never writes), for readers of short
	// lines only (readMeta), so a page of long paragraphs costs little.
	maxLine   int
	lineRunes int
	lineOver  bool
}

func (b *builder) String() string { return b.sb.String() }

// raw writes s as is.
func (b *builder) raw(s string) {
	if s == "" {
		return
	}
	if b.maxLine > 0 {
		if s == "\n" {
			b.lineRunes, b.lineOver = 0, false
		} else if b.lineOver {
			return
		} else {
			b.lineRunes += utf8.RuneCountInString(s)
		}
	}
	b.sb.WriteString(s)
	b.runes += utf8.RuneCountInString(s)
	r, _ := utf8.DecodeLastRuneInString(s)
	b.last = r
}

// atLineStart reports whether nothing but a separator precedes the cursor.
func (b *builder) atLineStart() bool { return b.runes == 0 || b.last == '\n' || b.last == '\t' }

// block marks a block boundary.
func (b *builder) block() {
	if b.inCell > 0 {
		b.pendingSpace = true
		return
	}
	b.pendingNL = true
}

// newline ends the current line now (for table rows).
func (b *builder) newline() {
	if b.runes > 0 && b.last != '\n' {
		b.raw("\n")
	}
	b.pendingNL, b.pendingSpace, b.spaceHadNL = false, false, false
}

// isSpace reports white space, including the no-break and ideographic spaces
// that government pages use for indentation.
func isSpace(r rune) bool {
	if r < 0x80 {
		return r == ' ' || r >= '\t' && r <= '\r'
	}
	// unicode.IsSpace's White_Space set above ASCII, and U+200B.
	switch {
	case r == 0x85, r == 0xa0, r == 0x1680, r >= 0x2000 && r <= 0x200b,
		r == 0x2028, r == 0x2029, r == 0x202f, r == 0x205f, r == 0x3000:
		return true
	}
	return false
}

// wide reports Chinese characters and full-width punctuation, between which
// a source line break is no space.
func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef) ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—'
}

// text writes a text node's content. Runs of runes that need no care (no
// white space, BOM or NUL) are written whole; the rules apply at the first
// rune of each run.
func (b *builder) text(s string) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) {
			b.pendingSpace = true
			if r == '\n' || r == '\r' {
				b.spaceHadNL = true
			}
			i += size
			continue
		}
		if r == 0x1b { // a terminal escape sequence, dropped whole
			i += sniff.EscapeLen(s[i:], sniff.MaxEscape)
			continue
		}
		if r == '\uFEFF' || sniff.ControlRune(r) {
			i += size
			continue
		}
		if b.pendingNL && b.runes > 0 {
			if b.last != '\n' {
				b.raw("\n")
			}
		} else if b.pendingSpace && !b.atLineStart() && !(b.spaceHadNL && wide(b.last) && wide(r)) {
			b.raw(" ")
		}
		b.pendingNL, b.pendingSpace, b.spaceHadNL = false, false, false
		if r == utf8.RuneError && size == 1 {
			// An invalid byte is written as U+FFFD, as ranging would.
			if b.maxLine == 0 || b.lineFits(1) {
				b.sb.WriteRune(r)
			}
			b.runes++
			b.last = r
			i += size
			if b.limit > 0 && b.runes > b.limit {
				b.over = true
				return
			}
			continue
		}
		// The run: r and the plain runes after it.
		j, n, last := i+size, 1, r
		for j < len(s) {
			c := s[j]
			if c < utf8.RuneSelf {
				if c <= ' ' || c == 0x7f { // white space and controls
					break
				}
				j, n, last = j+1, n+1, rune(c)
				continue
			}
			if plainHan(s, j) {
				j, n, last = j+3, n+1, rune(c&0x0f)<<12|rune(s[j+1]&0x3f)<<6|rune(s[j+2]&0x3f)
				continue
			}
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if isSpace(r2) || r2 == '\uFEFF' || sniff.ControlRune(r2) || r2 == utf8.RuneError && sz == 1 {
				break
			}
			j, n, last = j+sz, n+1, r2
		}
		if b.limit > 0 && b.runes+n > b.limit {
			// Write up to the limit, rune by rune, then stop.
			for _, r3 := range s[i:j] {
				b.sb.WriteRune(r3)
				b.runes++
				b.last = r3
				if b.runes > b.limit {
					b.over = true
					return
				}
			}
		}
		if b.maxLine == 0 || b.lineFits(n) {
			b.sb.WriteString(s[i:j])
		}
		b.runes += n
		b.last = last
		i = j
	}
}

// lineFits reports whether n more runes fit on the current line under
// maxLine; the first time they do not, the line is marked with a NUL.
func (b *builder) lineFits(n int) bool {
	if b.lineOver {
		return false
	}
	if b.lineRunes+n > b.maxLine {
		b.sb.WriteByte(0)
		b.lineOver = true
		return false
	}
	b.lineRunes += n
	return true
}

// plainHan reports a valid three-byte rune at s[i] in U+4000–U+CFFF (most
// Chinese characters): no white space, BOM or invalid byte, so it needs no
// decoding to be copied.
func plainHan(s string, i int) bool {
	return i+2 < len(s) && s[i] >= 0xe4 && s[i] <= 0xec && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80
}

// gapBetweenElements reports a text node of white space only between two
// elements (inline ones: a block boundary separates anyway).
func gapBetweenElements(n *html.Node) bool {
	p, q := n.PrevSibling, n.NextSibling
	if p == nil || q == nil || p.Type != html.ElementNode || q.Type != html.ElementNode ||
		p.DataAtom == atom.Br || q.DataAtom == atom.Br {
		return false
	}
	for _, r := range n.Data {
		if !isSpace(r) {
			return false
		}
	}
	return true
}

// hidden reports elements styled out of sight.
func hidden(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if n.DataAtom == atom.Input || hasAttr(n, "hidden") {
		return true
	}
	st := strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", "")
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}

// walk renders n and its subtree.
func (b *builder) walk(n *html.Node, depth int) {
	if depth > maxDepth || b.over {
		return
	}
	switch n.Type {
	case html.TextNode:
		if gapBetweenElements(n) {
			// <span>来源:南屏区教育局</span>\n<span>阅读量:</span>: the
			// white space between two elements separates them, even
			// when the source broke the line between Chinese characters.
			b.pendingSpace = true
			return
		}
		b.text(n.Data)
		return
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			b.walk(c, depth+1)
		}
		return
	case html.ElementNode:
	default:
		return
	}
	if invisibleTags[n.DataAtom] || hidden(n) || (b.skip != nil && b.skip(n)) {
		return
	}
	switch n.DataAtom {
	case atom.Br:
		b.block()
		return
	case atom.Img:
		return
	case atom.Table:
		if b.inCell == 0 && isDataTable(n) {
			b.table(n, depth)
			return
		}
	case atom.H2, atom.H3, atom.H4:
		if b.wantMeta && b.inCell == 0 {
			b.block()
			start := b.runes
			b.children(n, depth)
			s := runeSuffix(b.String(), b.runes-start)
			if strings.HasPrefix(s, "\n") {
				s, start = s[1:], start+1
			}
			if s != "" {
				level := map[atom.Atom]int{atom.H2: 1, atom.H3: 2, atom.H4: 3}[n.DataAtom]
				b.headings = append(b.headings, heading{level: level, title: s, start: start, end: b.runes})
			}
			b.block()
			return
		}
	}
	isBlock := blockTags[n.DataAtom]
	if isBlock {
		b.block()
	}
	b.children(n, depth)
	if isBlock {
		b.block()
	}
}

func (b *builder) children(n *html.Node, depth int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.walk(c, depth+1)
	}
}

// runeSuffix returns the last k runes of s.
func runeSuffix(s string, k int) string {
	i := len(s)
	for ; k > 0 && i > 0; k-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// renderText renders n (the whole subtree) into plain text, for metadata.
func renderText(n *html.Node) string {
	var b builder
	b.walk(n, 0)
	return b.String()
}

// shortText renders n when its text has at most max runes.
func shortText(n *html.Node, max int) (string, bool) {
	b := builder{limit: max}
	b.walk(n, 0)
	if b.over {
		return "", false
	}
	return b.String(), true
}

// attr returns an attribute's value.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}
