package page

import (
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// bodySelectors are the body containers of the CMSs these sites run, most
// specific first. Each is tried in turn; the first whose best match holds
// enough text wins.
var bodySelectors = []bodySelector{
	{sel: ".TRS_Editor", generic: false},       // TRS WCM: <div class="TRS_Editor">
	{sel: ".TRS_UEDITOR", generic: false},      // TRS with UEditor
	{sel: "#UCAP-CONTENT", generic: false},     // 集约化平台 (Hanweb-based provincial platforms)
	{sel: ".view.TRS_UEDITOR", generic: false}, // TRS, newer templates
	{sel: "#zoom", generic: false},             // the 【字体:大 中 小】 target on many sites
	{sel: "#Zoom", generic: false},             //
	{sel: ".pages_content", generic: false},    // gov.cn style
	{sel: ".article-content", generic: false},  // HTML5 templates
	{sel: ".article_content", generic: false},  //
	{sel: ".detail-content", generic: false},   //
	{sel: ".news_content", generic: false},     //
	{sel: "#fontzoom", generic: false},         //
	{sel: ".bt-article", generic: false},       //
	{sel: ".NewsContent", generic: false},      // legacy table layouts: <td class="NewsContent" id="ArticleContent">
	{sel: "#NewsContent", generic: false},      //
	{sel: "#ArticleContent", generic: false},   //
	{sel: "#articleContent", generic: false},   //
	{sel: "#content", generic: true},           //
	{sel: ".content", generic: true},           //
	{sel: ".view", generic: true},              //
	{sel: "article", generic: true},            //
	{sel: ".article", generic: true},           //
	{sel: "main", generic: true},               //
}

type bodySelector struct {
	sel     string
	generic bool // a name that wrappers use too: require mostly non-link text

	m     goquery.Matcher // sel, compiled (css)
	needs uint64          // the names sel asks for (bodyNames)
}

// bodyNames numbers the class names, ids and tag names of the body
// selectors. A page has few of them, and a selector whose names it does not
// all have cannot match: findBody skips its walk of the whole tree after one
// walk that looks the page's names up (bodyNamesIn).
var bodyNames = struct{ class, id, tag map[string]uint64 }{map[string]uint64{}, map[string]uint64{}, map[string]uint64{}}

func init() {
	bit := uint64(1)
	name := func(m map[string]uint64, n string) uint64 {
		if b, ok := m[n]; ok {
			return b
		}
		if bit == 0 {
			panic("page: more than 64 names in bodySelectors")
		}
		m[n], bit = bit, bit<<1
		return m[n]
	}
	for i := range bodySelectors {
		bs := &bodySelectors[i]
		bs.m = css(bs.sel)
		// Each selector is a compound of a tag name, .class and #id
		// (TestBodySelectorNeeds holds needs to what cascadia matches).
		rest := bs.sel
		if j := strings.IndexAny(rest, ".#"); j != 0 {
			if j < 0 {
				j = len(rest)
			}
			bs.needs |= name(bodyNames.tag, rest[:j])
			rest = rest[j:]
		}
		for rest != "" {
			j := strings.IndexAny(rest[1:], ".#") + 1
			if j == 0 {
				j = len(rest)
			}
			if rest[0] == '.' {
				bs.needs |= name(bodyNames.class, rest[1:j])
			} else {
				bs.needs |= name(bodyNames.id, rest[1:j])
			}
			rest = rest[j:]
		}
	}
}

// bodyNamesIn returns the bits of the body selectors' names found in the
// tree under root: its elements' tag names, ids and class names (split at
// white space as a class selector splits them).
func bodyNamesIn(root *html.Node) uint64 {
	var has uint64
	for n := root; n != nil; n = nextNode(n, root) {
		if n.Type != html.ElementNode {
			continue
		}
		has |= bodyNames.tag[n.Data]
		for _, a := range n.Attr {
			switch a.Key {
			case "id":
				has |= bodyNames.id[a.Val]
			case "class":
				for v := a.Val; v != ""; {
					j := strings.IndexAny(v, classSpace)
					if j < 0 {
						has |= bodyNames.class[v]
						break
					}
					has |= bodyNames.class[v[:j]]
					v = v[j+1:]
				}
			}
		}
	}
	return has
}

// classSpace is the white space between class names.
const classSpace = " \t\r\n\f"

// nextNode is the node after n in document order under root, or nil: no
// recursion, so no nesting is too deep for it.
func nextNode(n, root *html.Node) *html.Node {
	if n.FirstChild != nil {
		return n.FirstChild
	}
	for n != root {
		if n.NextSibling != nil {
			return n.NextSibling
		}
		n = n.Parent
	}
	return nil
}

// minBodyRunes is the least non-link text a body container must hold.
const minBodyRunes = 30

// textStats counts the non-link and link text runes under n, leaving out
// what skip says.
func textStats(n *html.Node, skip func(*html.Node) bool) (plain, linked int) {
	var visit func(n *html.Node, inLink bool, depth int)
	visit = func(n *html.Node, inLink bool, depth int) {
		if depth > maxDepth {
			return
		}
		switch n.Type {
		case html.TextNode:
			k := countNonSpace(n.Data)
			if inLink {
				linked += k
			} else {
				plain += k
			}
			return
		case html.ElementNode:
			if invisibleTags[n.DataAtom] || hidden(n) || (skip != nil && skip(n)) {
				return
			}
			if n.DataAtom == atom.A {
				inLink = true
			}
		case html.DocumentNode:
		default:
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, inLink, depth+1)
		}
	}
	visit(n, false, 0)
	return plain, linked
}

// countNonSpace counts the runes of s that are not white space.
func countNonSpace(s string) int {
	k := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if !(c == ' ' || c >= '\t' && c <= '\r') {
				k++
			}
			i++
			continue
		}
		if plainHan(s, i) {
			k, i = k+1, i+3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isSpace(r) {
			k++
		}
		i += size
	}
	return k
}

// findBody returns the article's body container, or nil.
//
// A page may hold the article twice (a desktop and a mobile copy, a print
// copy): a generic container (.content, main, the densest region) is then
// narrowed to one copy (oneCopy); a CMS's own container holds one. A container
// that is itself chrome (an info line classed like a body) is passed over,
// and a selector's choice that holds a fragment of what the densest region
// holds yields to it: never the info line for the article.
//
// specific says the container is a CMS's own article container
// (.TRS_Editor, #zoom…), which list pages do not have.
func findBody(doc *goquery.Document, chrome chromeCache) (body *html.Node, specific bool) {
	var chosen *html.Node
	chosenPlain := 0
	has := bodyNamesIn(doc.Get(0))
	for _, bs := range bodySelectors {
		if bs.needs&^has != 0 {
			continue // a name it asks for is nowhere in the page
		}
		var best *html.Node
		bestPlain := 0
		for _, n := range doc.FindMatcher(bs.m).Nodes {
			if isChrome(n) {
				continue
			}
			plain, linked := textStats(n, chrome.skipper(n))
			if bs.generic && linked > plain {
				continue
			}
			if plain > bestPlain {
				best, bestPlain = n, plain
			}
		}
		if best != nil && bestPlain >= minBodyRunes {
			chosen, chosenPlain, specific = best, bestPlain, !bs.generic
			break
		}
	}
	if chosen == nil || chosenPlain < maxFragmentRunes {
		if d := densest(doc.Get(0)); d != nil && d != chosen {
			if plain, _ := textStats(d, chrome.skipper(d)); chosen == nil || plain >= 3*chosenPlain {
				chosen, specific = d, false
			}
		}
	}
	if chosen == nil || specific {
		return chosen, specific // a CMS's own body container holds one copy
	}
	return oneCopy(chosen, chrome), false
}

// maxFragmentRunes: a container chosen by selector with less text than this
// is compared with the densest region.
const maxFragmentRunes = 200

// oneCopy narrows a body container holding the article twice (desktop and
// mobile copies side by side) to one copy: the first of two children whose
// paragraphs are mostly the same, each holding 30% or more of the text. A
// child that holds nearly all the text is
// looked into; without copies, n itself is the body.
func oneCopy(n *html.Node, chrome chromeCache) *html.Node {
	orig := n
	for depth := 0; depth < 8; depth++ {
		type kid struct {
			node  *html.Node
			lines map[string]int // lines of 10 or more runes → runes
			runes int            // in those lines
			all   int            // in all lines
		}
		var kids []kid
		total := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || invisibleTags[c.DataAtom] || hidden(c) || chrome.skipper(n)(c) {
				continue
			}
			b := builder{skip: chrome.skipper(c)}
			b.walk(c, 0)
			k := kid{node: c, lines: map[string]int{}}
			for _, l := range strings.Split(b.String(), "\n") {
				r := utf8.RuneCountInString(l)
				k.all += r
				if r >= 10 {
					k.lines[l] = r
					k.runes += r
				}
			}
			total += k.all
			if k.all > 0 {
				kids = append(kids, k)
			}
		}
		if total == 0 {
			return orig
		}
		// Copies each hold a large share of the text: at most three
		// children are compared, and repeated paragraphs are no copies.
		var big []kid
		for _, k := range kids {
			if k.runes*10 >= total*3 {
				big = append(big, k)
			}
		}
		for i := range big {
			for j := i + 1; j < len(big); j++ {
				a, b := big[i], big[j]
				common := 0
				for l, r := range a.lines {
					if _, ok := b.lines[l]; ok {
						common += r
					}
				}
				small := min(a.runes, b.runes)
				if small >= minBodyRunes && common*10 >= small*8 {
					return a.node // the first copy
				}
			}
		}
		// Look into a child that holds nearly all the text.
		var next *html.Node
		for _, k := range kids {
			if k.all*10 >= total*9 {
				next = k.node
			}
		}
		if next == nil {
			return orig
		}
		n = next
	}
	return orig
}

// densest is the fallback: the element under which paragraphs of plain text
// gather. Every paragraph-like element (<p>, or a <div>/<td> holding text
// directly) scores its own text for its parent and half of it for its
// grandparent; the best scorer wins.
func densest(doc *html.Node) *html.Node {
	score := map[*html.Node]int{}
	var order []*html.Node // scored nodes in first-scored order, for a stable choice
	add := func(n *html.Node, k int) {
		if _, ok := score[n]; !ok {
			order = append(order, n)
		}
		score[n] += k
	}
	forEachElement(doc, func(n *html.Node) bool {
		if invisibleTags[n.DataAtom] || isSiteChrome(n) || hidden(n) {
			return false
		}
		switch n.DataAtom {
		case atom.P, atom.Div, atom.Td, atom.Section, atom.Article, atom.Li, atom.Font, atom.Span:
		default:
			return true
		}
		own := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				for _, r := range c.Data {
					if !isSpace(r) {
						own++
					}
				}
			} else if c.Type == html.ElementNode && (c.DataAtom == atom.Span || c.DataAtom == atom.Font ||
				c.DataAtom == atom.Strong || c.DataAtom == atom.B) {
				t, _ := shortText(c, 2000)
				own += utf8.RuneCountInString(t)
			}
		}
		if own < 10 {
			return true
		}
		if p := n.Parent; p != nil {
			if n.DataAtom == atom.P || n.DataAtom == atom.Span || n.DataAtom == atom.Font {
				add(p, own)
				if g := p.Parent; g != nil {
					add(g, own/2)
				}
			} else {
				// A div or cell holding text directly is itself a body.
				add(n, own)
				add(p, own/2)
			}
		}
		return true
	})
	var best *html.Node
	for _, n := range order {
		if s := score[n]; best == nil || s > score[best] {
			best = n
		}
	}
	if best != nil && score[best] < minBodyRunes {
		return nil
	}
	return best
}
