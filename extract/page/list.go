package page

import (
	"net/url"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/govfig/govfig/schema"
)

// List (column) pages: a container whose items each hold one article link
// (with a date, usually), and pagination. The rules:
//
//   - items are the child elements of a <ul>/<ol>/<dl>/<div>/<table> (rows
//     for tables); an item counts when its main link has a title of at least
//     minTitle runes — menus have short labels;
//   - a container counts when most of its items, and at least
//     minListItems, are dated: a block of undated links (a directory of
//     county sites, 专题 links, a menu) is no list however long — unless
//     the page has no dated block and no article body (a bare index);
//   - the best container (most items, dated items count double) is taken,
//     with every container near it (sibling or cousin) whose items are
//     mostly dated, as the best one's are (lists split into several <ul>s);
//     a sidebar's dated list elsewhere on the page is left out;
//   - containers in the site's header, navigation or footer are left out;
//   - next pages come from 下一页 links, index_N.html links with N beyond
//     the current page, and TRS createPageHTML(n, cur, "index", "html")
//     calls (pages index.html, index_1.html … index_{n-1}.html).
const (
	minTitle     = 6
	minListItems = 3
)

type listContainer struct {
	order int // document order
	node  *html.Node
	items []schema.Link
	dated int
}

func (c listContainer) score() int { return len(c.items) + c.dated }

// itemNodes returns the items of a would-be list container.
func itemNodes(n *html.Node) []*html.Node {
	if n.DataAtom == atom.Table {
		rows, _ := tableRows(n)
		return rows
	}
	// Children with a test on the tag, not ChildrenFiltered: this runs for
	// every candidate container, and a selector string is compiled per call.
	var out []*html.Node
	for _, c := range selection(n).Children().Nodes {
		if itemTags[c.DataAtom] {
			out = append(out, c)
		}
	}
	return out
}

// itemTags are the elements that are items of a list container.
var itemTags = map[atom.Atom]bool{
	atom.Li: true, atom.Div: true, atom.P: true, atom.Dd: true, atom.Dt: true, atom.Span: true, atom.Tr: true, atom.A: true,
}

// itemLink reads the article link of one list item.
func (r resolver) itemLink(item *html.Node) (schema.Link, bool) {
	var best *html.Node
	bestLen := 0
	isLink := func(n *html.Node) bool { return n.DataAtom == atom.A && r.resolve(attr(n, "href")) != "" }
	// The item's links, but not a link inside a link; the item may be a
	// link itself.
	cands := []*html.Node{item}
	if !isLink(item) {
		cands = outside(selection(item).FindMatcher(linkSel), item, isLink)
	}
	for _, n := range cands {
		if isLink(n) {
			if l := utf8.RuneCountInString(strings.TrimSpace(renderText(n))); l > bestLen || best == nil {
				best, bestLen = n, l
			}
		}
	}
	if best == nil {
		return schema.Link{}, false
	}
	text := strings.Join(strings.Fields(renderText(best)), " ")
	title := text
	// Lists cut long titles ("…" or "...") and keep the whole in title=.
	if t := strings.TrimSpace(attr(best, "title")); utf8.RuneCountInString(t) > utf8.RuneCountInString(strings.TrimRight(text, ".…")) {
		title = t
	}
	// The item's date: beside the link, else at the end of the link text
	// (some lists put it in a <span> inside the <a>). A date inside the
	// title (关于2024年8月29日停电的通知) is not the item's.
	date := ""
	if d, ok := findDate(strings.Replace(renderText(item), text, "", 1)); ok {
		date = d.format("2006-01-02")
	} else if ds := dateRe.FindAllStringIndex(text, -1); len(ds) > 0 {
		last := ds[len(ds)-1]
		if strings.TrimSpace(strings.Trim(text[last[1]:], "[]()（）【】")) == "" {
			if d, ok := findDate(text[last[0]:]); ok {
				date = d.format("2006-01-02")
				if title == text {
					title = strings.TrimSpace(strings.TrimRight(text[:last[0]], " [(（【"))
				}
			}
		}
	}
	if utf8.RuneCountInString(title) < minTitle {
		return schema.Link{}, false
	}
	return schema.Link{URL: r.resolve(attr(best, "href")), Title: title, Date: date}, true
}

// findList returns the article links of the page and its next pages.
// undated says the links come from a block of undated links, taken only
// because the page has no dated one.
func (r resolver) findList(gq *goquery.Document) (links []schema.Link, next []string, undated bool) {
	doc := gq.Get(0)
	var conts []listContainer
	notHere := func(n *html.Node) bool { return n.DataAtom == atom.Head || isSiteChrome(n) }
	cands := gq.FindMatcher(listContainerSel)
	for _, n := range outside(cands, doc, notHere) {
		if notHere(n) {
			continue
		}
		items := itemNodes(n)
		if len(items) < minListItems {
			continue
		}
		c := listContainer{order: len(conts), node: n}
		for _, it := range items {
			if l, ok := r.itemLink(it); ok {
				c.items = append(c.items, l)
				if l.Date != "" {
					c.dated++
				}
			}
		}
		if len(c.items) >= minListItems {
			conts = append(conts, c)
		}
	}
	// A list is a repeated block of dated links: a footer's directory of
	// county sites, a 专题 block or a menu is not one, however many links
	// it holds. Only a page without any dated block falls back on the
	// undated ones (a bare index of links).
	var dated []listContainer
	for _, c := range conts {
		if c.dated >= minListItems && c.dated*2 >= len(c.items) {
			c.order = len(dated)
			dated = append(dated, c)
		}
	}
	if len(dated) > 0 {
		conts = dated
	} else {
		undated = len(conts) > 0
	}
	if len(conts) > 0 {
		best := 0
		for i, c := range conts {
			if c.score() > conts[best].score() {
				best = i
			}
		}
		var chosen []listContainer
		for i, c := range conts {
			if i == best || near(c.node, conts[best].node) {
				chosen = append(chosen, c)
			}
		}
		// Of nested containers keep the better one (a <div> around a <ul>
		// sees the same links).
		sort.SliceStable(chosen, func(i, j int) bool { return chosen[i].score() > chosen[j].score() })
		var kept []listContainer
		for _, c := range chosen {
			ok := true
			for _, k := range kept {
				if contains(k.node, c.node) || contains(c.node, k.node) {
					ok = false
					break
				}
			}
			if ok {
				kept = append(kept, c)
			}
		}
		sort.SliceStable(kept, func(i, j int) bool { return kept[i].order < kept[j].order })
		seen := map[string]bool{}
		for _, c := range kept {
			for _, l := range c.items {
				if !seen[l.URL] {
					seen[l.URL] = true
					links = append(links, l)
				}
			}
		}
	}
	return links, r.nextPages(doc), undated
}

// near reports whether two containers are parts of one list: siblings or
// cousins, or one inside the other (a sidebar's dated list is neither).
func near(a, b *html.Node) bool {
	if contains(a, b) || contains(b, a) {
		return true
	}
	pa, pb := a.Parent, b.Parent
	if pa == nil || pb == nil {
		return false
	}
	return pa == pb || (pa.Parent != nil && pa.Parent == pb.Parent)
}

// contains reports whether a is a proper ancestor of b.
func contains(a, b *html.Node) bool {
	for p := b.Parent; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

var (
	// indexPageRe matches TRS list page names: index.html, index_3.html.
	indexPageRe = regexp.MustCompile(`(?i)(?:^|/)([a-z]+)(?:_(\d+))?\.(s?html?|jsp|aspx?|php)$`)
	// createPageRe matches the TRS pager call, createPageHTML(5, 0, "index", "html")
	// or createPageHTML('page_div', 5, 0, 'index', 'html', 100).
	createPageRe = regexp.MustCompile(`createPageHTML\s*\(([^)]*)\)`)
	// jsVarRe matches "var countPage = 5" (the pager's arguments are often
	// variables).
	jsVarRe = regexp.MustCompile(`(?:var|let|const)?\s*([A-Za-z_$][\w$]*)\s*=\s*(\d+)\s*[;,\n/]`)
	// nextClassRe matches the class of a next-page link (<a class="next">›</a>).
	nextClassRe = regexp.MustCompile(`(?i)(?:^|[-_\s])(?:next|nextpage|next-page|page-next)(?:$|[-_\s])`)
	// nextTextRe matches the label of a next-page link.
	nextTextRe = regexp.MustCompile(`^(下一页|下页|后页|下一頁)\s*[>»›]*$`)
)

// pageNumber returns the number of a TRS-style list page (index.html → 0,
// index_3.html → 3) and its stem, or -1.
func pageNumber(u string) (stem string, n int) {
	p, err := url.Parse(u)
	if err != nil {
		return "", -1
	}
	m := indexPageRe.FindStringSubmatch(p.Path)
	if m == nil {
		return "", -1
	}
	if m[2] == "" {
		return m[1], 0
	}
	k, err := strconv.Atoi(m[2])
	if err != nil {
		return "", -1
	}
	return m[1], k
}

// nextPages finds the further pages of a list.
func (r resolver) nextPages(doc *html.Node) []string {
	self := r.base.String()
	stem, cur := pageNumber(self)
	type page struct {
		url string
		n   int
	}
	var pages []page
	seen := map[string]bool{self: true}
	add := func(u string, n int) {
		if u != "" && !seen[u] {
			seen[u] = true
			pages = append(pages, page{u, n})
		}
	}
	var scripts strings.Builder
	// Scripts and links, but not what is inside either.
	cands := selection(doc).FindMatcher(scriptOrLinkSel)
	inner := func(n *html.Node) bool { return n.DataAtom == atom.Script || n.DataAtom == atom.A }
	for _, n := range outside(cands, doc, inner) {
		switch n.DataAtom {
		case atom.Script:
			if n.FirstChild != nil {
				scripts.WriteString(n.FirstChild.Data)
				scripts.WriteString("\n")
			}
		case atom.A:
			abs := r.resolve(attr(n, "href"))
			if abs == "" {
				continue
			}
			text := strings.TrimSpace(strings.Join(strings.Fields(renderText(n)), ""))
			s, k := pageNumber(abs)
			switch {
			case nextTextRe.MatchString(text), nextClassRe.MatchString(classID(n)) && text != "":
				add(abs, k)
			case cur >= 0 && s == stem && k > cur && sameDir(abs, self):
				add(abs, k)
			}
		}
	}
	if js := scripts.String(); js != "" {
		for _, u := range r.createPageHTML(js, cur) {
			_, k := pageNumber(u)
			add(u, k)
		}
	}
	sort.SliceStable(pages, func(i, j int) bool {
		if pages[i].n < 0 || pages[j].n < 0 {
			return false
		}
		return pages[i].n < pages[j].n
	})
	var out []string
	for _, p := range pages {
		out = append(out, p.url)
	}
	return out
}

// sameDir reports whether two URLs are in the same folder of the same host.
func sameDir(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	if err1 != nil || err2 != nil {
		return false
	}
	return ua.Host == ub.Host && path.Dir(ua.Path) == path.Dir(ub.Path)
}

// maxPagerPages bounds the pages a pager call may announce.
const maxPagerPages = 2000

// createPageHTML evaluates TRS pager calls: createPageHTML(n, cur, prefix,
// ext) lists pages prefix.ext, prefix_1.ext … prefix_{n-1}.ext; the pages
// after cur are returned. Arguments may be variables set in the scripts.
func (r resolver) createPageHTML(js string, curFromURL int) []string {
	vars := map[string]int{}
	for _, m := range jsVarRe.FindAllStringSubmatch(js, -1) {
		if v, err := strconv.Atoi(m[2]); err == nil {
			vars[m[1]] = v
		}
	}
	var out []string
	for _, m := range createPageRe.FindAllStringSubmatch(js, -1) {
		var ints []int
		var strs []string
		for _, a := range strings.Split(m[1], ",") {
			a = strings.TrimSpace(a)
			if a == "" {
				continue
			}
			if a[0] == '"' || a[0] == '\'' {
				strs = append(strs, strings.Trim(a, `"'`))
				continue
			}
			if v, err := strconv.Atoi(a); err == nil {
				ints = append(ints, v)
			} else if v, ok := vars[a]; ok {
				ints = append(ints, v)
			}
		}
		if len(ints) < 2 {
			continue
		}
		n, cur := ints[0], ints[1]
		if curFromURL >= 0 && cur != curFromURL && cur < 0 {
			cur = curFromURL
		}
		prefix, ext := "index", "html"
		// The newer signature starts with the pager's element id: keep the
		// last two strings.
		if len(strs) >= 2 {
			prefix, ext = strs[len(strs)-2], strs[len(strs)-1]
		}
		if n > maxPagerPages {
			n = maxPagerPages
		}
		for k := cur + 1; k < n; k++ {
			name := prefix + "." + ext
			if k > 0 {
				name = prefix + "_" + strconv.Itoa(k) + "." + ext
			}
			if u := r.resolve(name); u != "" {
				out = append(out, u)
			}
		}
	}
	return out
}
