package page

import (
	"fmt"
	"github.com/govfig/govfig/extract/region"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/govfig/govfig/extract/outline"
	"github.com/govfig/govfig/schema"
)

// Version identifies the page reader's behaviour; it is part of the extractor
// version stored with each document. page/3: a region read from the title
// or the opening of the body (and of a .txt) when the metadata names none.
const Version = "page/3"

// MaxBytes is the largest page Read accepts; government pages are well under
// 1 MB, a bigger input is an error page or an attack.
const MaxBytes = 32 << 20

// Read parses one HTML page. url is the page's address (or file path), used
// to resolve links; contentType is the HTTP Content-Type header when known,
// else "".
//
// Read returns an error for input that is not a page at all (empty, binary,
// too large, not parseable, nested deeper than x/net/html allows). A page
// whose body cannot be found, or whose bytes had to be repaired, is returned
// with Document.Problem saying why.
func Read(body []byte, url, contentType string) (*schema.Document, error) {
	return readAs(body, url, contentType, false)
}

// ReadAsList reads a page as a list page, whatever the page-type decision
// says: its best block of dated article links and its next pages, no body.
// A page the user named as a list (a sites-file URL, and the next pages the
// crawler walked from it) is read with it; a list with no entry is returned
// empty, for the caller to report.
func ReadAsList(body []byte, url, contentType string) (*schema.Document, error) {
	return readAs(body, url, contentType, true)
}

// ReadList is ReadAsList's list: what the crawler follows.
func ReadList(body []byte, url, contentType string) (*schema.ListPage, error) {
	doc, err := ReadAsList(body, url, contentType)
	if err != nil {
		return nil, err
	}
	return doc.List, nil
}

func readAs(body []byte, url, contentType string, asList bool) (*schema.Document, error) {
	if len(body) > MaxBytes {
		return nil, fmt.Errorf("page of %d bytes is over the %d MB limit", len(body), MaxBytes>>20)
	}
	dec, err := decode(body, contentType)
	if err != nil {
		return nil, err
	}
	root, err := html.ParseWithOptions(strings.NewReader(dec.text), html.ParseOptionEnableScripting(false))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	// Wrap the tree parsed with scripting off: goquery's own reader would
	// parse with scripting on and hide <noscript> content from the queries.
	return read(goquery.NewDocumentFromNode(root), url, dec, asList), nil
}

// selection wraps n, a node of the parsed tree, for goquery queries of its
// subtree; nothing is copied or parsed again.
func selection(n *html.Node) *goquery.Selection { return goquery.NewDocumentFromNode(n).Selection }

// css compiles a CSS selector once, when the package is initialised, for
// goquery's FindMatcher, NotMatcher and FilterMatcher: Find(string) and its
// kin compile their selector again on every call, which cost a tenth of
// page.Read's time when a page asks some thirty of them. A selector that
// does not compile panics at initialisation, so every test catches it.
func css(sel string) goquery.Matcher { return cascadia.MustCompile(sel) }

func read(gq *goquery.Document, pageURL string, dec decoded, asList bool) *schema.Document {
	root := gq.Get(0)
	m := readMeta(gq)
	if pageURL == "" {
		pageURL = m.tag("url")
	}
	res := newResolver(pageURL, root)
	doc := &schema.Document{
		URL:         pageURL,
		Charset:     dec.charset,
		Problem:     dec.problem,
		Sections:    []schema.Section{},
		Tables:      []schema.Table{},
		Attachments: []schema.Attachment{},
	}
	doc.Title = m.title()
	doc.Site = m.site()
	doc.Publisher = m.publisher()
	doc.Published = m.published(pageURL)
	doc.Region = m.region(doc.Publisher)
	if doc.Region == "" {
		doc.Region = region.Of(doc.Title)
	}

	links, next, undated := res.findList(gq)
	if asList {
		return asListPage(doc, m, links, next)
	}
	chrome := chromeCache{}
	bodyNode, specific := findBody(gq, chrome)
	plain := 0
	if bodyNode != nil {
		plain, _ = textStats(bodyNode, chrome.skipper(bodyNode))
		if plain <= maxChromeBody && looksLikeChrome(renderBody(bodyNode, chrome, doc.Title)) {
			plain = 0 // a footer taken for the body is no competitor of the list
		}
	}
	// Undated links make a list only on a page without a body.
	// An article address, or a CMS's own article container, asks more of a
	// list: a dated sidebar beside a short article is no list page.
	articleish := articleURLRe.MatchString(pageURL) || specific
	list := isList(links, next, plain, articleish) && (!undated || plain < minBodyRunes)
	if list {
		return asListPage(doc, m, links, next)
	}
	doc.Column = m.column(doc.Title, false)
	doc.PageType = schema.PageArticle
	if bodyNode == nil {
		doc.Problem = join(doc.Problem, ProblemNoBody+" found")
		return doc
	}
	b := builder{skip: bodySkipper(chrome.skipper(bodyNode), bodyNode, doc.Title), wantMeta: true}
	b.walk(bodyNode, 0)
	doc.Text = strings.TrimRight(b.String(), "\n")
	if doc.Region == "" {
		doc.Region = region.InText(doc.Text) // a body-only page: 在红桥区第十八届人民代表大会…
	}
	doc.Text, b.tables, b.headings = dropChromeLines(doc.Text, b.tables, b.headings)
	if b.tables != nil {
		doc.Tables = b.tables
	}
	doc.Sections = mergeSections(doc.Text, outline.Sections(doc.Text), b.headings)
	switch {
	case strings.TrimSpace(doc.Text) == "":
		doc.Problem = join(doc.Problem, ProblemNoBody+": the body is empty")
	case looksLikeChrome(doc.Text):
		// The footer or a menu taken for the body (a saved page whose
		// article is loaded by script): no body rather than a wrong one.
		doc.Problem = join(doc.Problem, ProblemNoBody+": body looks like site chrome")
		doc.Text = ""
		doc.Tables = []schema.Table{}
		doc.Sections = []schema.Section{}
		return doc
	}
	if atts := res.attachments(articleArea(bodyNode)); atts != nil {
		doc.Attachments = atts
	}
	return doc
}

// asListPage makes doc the list page of links and next.
func asListPage(doc *schema.Document, m metaInfo, links []schema.Link, next []string) *schema.Document {
	doc.Column = m.column(doc.Title, true)
	doc.PageType = schema.PageList
	if links == nil {
		links = []schema.Link{}
	}
	if next == nil {
		next = []string{}
	}
	doc.List = &schema.ListPage{Articles: links, Next: next}
	return doc
}

// renderBody is the plain text of a body container, chrome left out.
func renderBody(n *html.Node, chrome chromeCache, title string) string {
	b := builder{skip: bodySkipper(chrome.skipper(n), n, title)}
	b.walk(n, 0)
	return strings.TrimRight(b.String(), "\n")
}

// ProblemNoBody starts Document.Problem for an article page without an
// article body: "no article body found" (no container), "no article body:
// the body is empty", "no article body: body looks like site chrome".
const ProblemNoBody = "no article body"

// maxChromeBody is the longest body text that looksLikeChrome may refuse:
// a footer is short, an article may well name a phone number.
const maxChromeBody = 600

// looksLikeChrome reports a short body text made mostly (by runes) of
// footer lines (主办单位, 网站标识码, ICP备, 联系电话…) and chrome lines.
func looksLikeChrome(text string) bool {
	total := utf8.RuneCountInString(text)
	if total > maxChromeBody {
		return false
	}
	chrome := 0
	for _, l := range strings.Split(text, "\n") {
		if isFooterLine(l) || isChromeLine(l) || isChromeText(l) {
			chrome += utf8.RuneCountInString(l)
		}
	}
	return chrome*2 >= total
}

// isList decides between a list page and an article: enough article links,
// and more list text than body text (or pagination with a short body). An
// address shaped like an article's (TRS t20240829_123.html), or a body in a
// CMS's own article container, needs a list three times the body, or
// pagination.
func isList(links []schema.Link, next []string, plain int, articleURL bool) bool {
	if len(links) < minListItems {
		return false
	}
	titles := 0
	for _, l := range links {
		titles += utf8.RuneCountInString(l.Title)
	}
	if articleURL && len(next) == 0 {
		return titles > 3*plain
	}
	return titles > plain || (len(next) > 0 && 3*titles > plain)
}

// articleURLRe matches article addresses of the common CMSs: TRS
// t20240829_6712345.html, Hanweb art_123_456.html, …/content_789.html,
// …/detail/…, and the legacy ASP/JSP ones: ShowArticle.asp?ArticleID=3417,
// show.aspx?id=…, …?newsid=….
var articleURLRe = regexp.MustCompile(`(?i)/t20\d{6}_\d+\.s?html?$|/art_\d+_\d+\.html$|/content_\d+\.s?html?$|/detail[/_.]|/art/20\d\d/|/show(?:article|news|info)?\.(?:asp|aspx|jsp|php)\?|[?&](?:article|news|info)id=\d+`)

// bodySkipper leaves out the chrome of the body and the article's title
// when the body repeats it.
func bodySkipper(chrome func(*html.Node) bool, root *html.Node, title string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		if chrome(n) {
			return true
		}
		if n != root && (n.DataAtom == atom.H1 || blockTags[n.DataAtom]) && title != "" {
			if t, ok := shortText(n, utf8.RuneCountInString(title)+4); ok && clean(t) == title {
				return true
			}
		}
		return false
	}
}

// articleArea widens the body container to the part of the page around it
// where attachments are listed: up to three levels, never the whole <body>.
func articleArea(n *html.Node) *html.Node {
	for i := 0; i < 3 && n.Parent != nil && n.Parent.Type == html.ElementNode &&
		n.Parent.DataAtom != atom.Body && n.Parent.DataAtom != atom.Html; i++ {
		n = n.Parent
	}
	return n
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// mergeSections merges the outline's numbered headings with the body's
// <h2>–<h4> headings (levels 1–3; an outline heading on the same line wins)
// and recomputes every path and end.
func mergeSections(text string, fromText []schema.Section, heads []heading) []schema.Section {
	all := append([]schema.Section(nil), fromText...)
	starts := map[int]bool{}
	for _, s := range fromText {
		starts[s.Start] = true
	}
	for _, h := range heads {
		if !starts[h.start] {
			all = append(all, schema.Section{Title: h.title, Level: h.level, Start: h.start, End: h.end})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Start < all[j].Start })
	total := utf8.RuneCountInString(text)
	var stack []int // indexes of open ancestors
	for i := range all {
		for len(stack) > 0 && all[stack[len(stack)-1]].Level >= all[i].Level {
			stack = stack[:len(stack)-1]
		}
		var path []string
		for _, k := range stack {
			path = append(path, all[k].Title)
		}
		all[i].Path = strings.Join(append(path, all[i].Title), " > ")
		all[i].End = total
		for j := i + 1; j < len(all); j++ {
			if all[j].Level <= all[i].Level {
				all[i].End = all[j].Start
				break
			}
		}
		stack = append(stack, i)
	}
	if all == nil {
		all = []schema.Section{}
	}
	return all
}

// dropChromeLines removes the lines of the body text that are chrome as a
// whole (责任编辑：…, 图文来源：…, 打印 | 关闭 written as bare text in a
// cell, where no element holds them) and moves the offsets of the tables and
// headings after them. Lines inside a table are kept.
func dropChromeLines(text string, tables []schema.Table, heads []heading) (string, []schema.Table, []heading) {
	type cut struct{ start, end int } // rune offsets of a removed line with its "\n"
	var cuts []cut
	inTable := func(pos int) bool {
		for _, t := range tables {
			if pos >= t.Start && pos < t.End {
				return true
			}
		}
		return false
	}
	pos := 0
	lines := strings.SplitAfter(text, "\n")
	var sb strings.Builder
	for _, l := range lines {
		n := utf8.RuneCountInString(l)
		if isChromeLine(strings.TrimSuffix(l, "\n")) && !inTable(pos) {
			cuts = append(cuts, cut{pos, pos + n})
		} else {
			sb.WriteString(l)
		}
		pos += n
	}
	if cuts == nil {
		return text, tables, heads
	}
	// shift maps an offset of the old text to the new one: minus the
	// runes cut before it (a binary search over the cuts, in text order).
	removed := make([]int, len(cuts)+1) // removed[i]: runes in cuts[:i]
	for i, c := range cuts {
		removed[i+1] = removed[i] + c.end - c.start
	}
	shift := func(o int) int {
		i := sort.Search(len(cuts), func(i int) bool { return cuts[i].end > o })
		d := removed[i]
		if i < len(cuts) && o > cuts[i].start {
			d += o - cuts[i].start
		}
		return o - d
	}
	inCut := func(o int) bool {
		i := sort.Search(len(cuts), func(i int) bool { return cuts[i].end > o })
		return i < len(cuts) && o >= cuts[i].start
	}
	for i := range tables {
		t := &tables[i]
		t.Start, t.End = shift(t.Start), shift(t.End)
		for _, row := range t.Rows {
			for j := range row {
				row[j].Start, row[j].End = shift(row[j].Start), shift(row[j].End)
			}
		}
	}
	var kept []heading
	for _, h := range heads {
		if !inCut(h.start) {
			h.start, h.end = shift(h.start), shift(h.end)
			kept = append(kept, h)
		}
	}
	return strings.TrimRight(sb.String(), "\n"), tables, kept
}

// Selectors used across the package, compiled once (css).
var (
	linkSel          = css("a[href]")
	baseSel          = css("base")
	bodyBaseSel      = css("body base")
	tableSel         = css("table")
	listContainerSel = css("ul, ol, dl, div, table, tbody, section, td")
	scriptOrLinkSel  = css("script, a")
)
