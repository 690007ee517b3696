package page

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Chrome is everything on a page that is the site's, not the article's. It
// is recognised three ways, each an ordered table below: by tag, by class or
// id, and by the text of a short block.

// siteChromeTags and siteChromeRe mark the site's frame: header, menus,
// footer. List links and attachments are not looked for there.
var siteChromeTags = map[atom.Atom]bool{atom.Header: true, atom.Nav: true, atom.Footer: true}

var siteChromeRe = regexp.MustCompile(`(?i)(?:^|[-_\s])(?:header|head|top|topbar|banner|logo|nav|navbar|menu|mainnav|subnav|footer|foot|bottom|copyright|yqlj|friendlink|links|sitemap|search)(?:$|[-_\s\d])`)

// bodyChromeRe marks the article's own furniture inside the body area:
// sharing, printing, font size, QR codes, previous/next, related links,
// breadcrumbs.
var bodyChromeRe = regexp.MustCompile(`(?i)(?:^|[-_\s])(?:share|bdshare|bdsharebuttonbox|fenxiang|print|dayin|close|guanbi|fontsize|zihao|qrcode|ewm|erweima|prev|next|prevnext|pre-next|sxp|sxy|related|relate|xgwz|xglj|xgxx|breadcrumb|crumb|crumbs|position|location|dqwz|weizhi|tools|toolbar|info|article-info|arcinfo|xxgk-info|xxgk_table|pagination|pagebar|page-bar|fenye)(?:$|[-_\s\d])`)

//go:embed chrome.tsv
var chromeTSV string

// chromeRule is one line of chrome.tsv.
type chromeRule struct {
	kind, pattern, example, note string
	needs                        []string       // kind "line": one must occur for re to be tried
	needIDs                      []int          // needs in chromeLits
	re                           *regexp.Regexp // kind "line": anchored
}

// chromeRules, chromePhrases, chromeLines and footerPhrases are read from
// chrome.tsv at init; a bad line panics at once.
var (
	chromeRules   = loadChromeRules(chromeTSV)
	chromePhrases []string     // kind phrase: a short block containing one is chrome
	chromeLines   []chromeRule // kind line: a whole line (or short block) matching one is chrome
	footerPhrases []string     // kind footer: a line holding one is the footer's
)

func init() {
	for _, r := range chromeRules {
		switch r.kind {
		case "phrase":
			chromePhrases = append(chromePhrases, r.pattern)
		case "line":
			chromeLines = append(chromeLines, r)
		case "footer":
			footerPhrases = append(footerPhrases, r.pattern)
		}
	}
}

// loadChromeRules parses chrome.tsv: kind, pattern, needs, example, note;
// lines starting with # are comments.
func loadChromeRules(tsv string) []chromeRule {
	var out []chromeRule
	for i, line := range strings.Split(tsv, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			panic(fmt.Sprintf("chrome.tsv line %d: %d columns, want 5", i+1, len(f)))
		}
		r := chromeRule{kind: f[0], pattern: f[1], example: f[3], note: f[4]}
		switch r.kind {
		case "phrase", "footer":
		case "line":
			r.re = regexp.MustCompile(`^(?:` + r.pattern + `)$`)
			r.needs = strings.Split(f[2], ",")
		default:
			panic(fmt.Sprintf("chrome.tsv line %d: unknown kind %q", i+1, r.kind))
		}
		out = append(out, r)
	}
	return out
}

// isChromeLine reports a line of body text that is chrome as a whole.
func isChromeLine(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" || utf8.RuneCountInString(line) > maxChromeRunes {
		return false
	}
	return chromeLineIn(line, chromeLits.scan(line))
}

// chromeLineIn is isChromeLine once the literals of line are known.
func chromeLineIn(line string, has litSet) bool {
	for _, r := range chromeLines {
		for _, id := range r.needIDs {
			if has.has(id) {
				if r.re.MatchString(line) {
					return true
				}
				break
			}
		}
	}
	return false
}

// isFooterLine reports a line of the site footer.
func isFooterLine(line string) bool {
	for _, p := range footerPhrases {
		if strings.Contains(line, p) {
			return true
		}
	}
	return false
}

// chromePatterns are the chrome texts that vary; each runs only on blocks
// holding its required literal.
var chromePatterns = []struct {
	literal string // one of its runes must occur (for ":："), else the literal itself
	re      *regexp.Regexp
	ids     []int // in chromeLits
}{
	{"今天是", regexp.MustCompile(`今天是\s*[:：]?\s*(?:\d{4}|星期|$)`), nil},          // the banner's 今天是：2024年3月20日, not 今天是第40个教师节
	{"位置", regexp.MustCompile(`您[现当]?[在所]+的?位置`), nil},                        // 您所在的位置：首页 > 公告公示
	{"字", regexp.MustCompile(`【\s*字[体号]|字[体号]\s*[:：]\s*[\[【]?\s*[大中小]`), nil}, // 【字体：大 中 小】
	// The info line: 发布时间：… 来源：… 浏览次数：…
	{":：", regexp.MustCompile(`(?:发布时间|发布日期|更新时间|文章来源|信息来源|浏览次数|阅读次数|点击次数|索引号)\s*[:：]`), nil},
}

// isChromeText reports whether the text of a short block is chrome.
func isChromeText(t string) bool {
	// The text comes from the builder: white space is collapsed already,
	// but a short block may hold several lines. Every literal the rules
	// need is found in one pass over t.
	has := chromeLits.scan(t)
	if has.empty() {
		return false
	}
	if !strings.Contains(t, "\n") {
		if line := strings.TrimSpace(t); line != "" && utf8.RuneCountInString(line) <= maxChromeRunes && chromeLineIn(line, has) {
			return true
		}
	}
	for _, id := range chromePhraseIDs {
		if has.has(id) {
			return true
		}
	}
	for _, p := range chromePatterns {
		for _, id := range p.ids {
			if has.has(id) {
				if p.re.MatchString(t) {
					return true
				}
				break
			}
		}
	}
	return false
}

// litIndex finds, in one pass over a text, which of a fixed set of literals
// it contains: the literals are indexed by their first rune.
type litIndex struct {
	lits  []string
	ids   map[string]int
	first map[rune][]int
}

// litSet is a set of literal ids.
type litSet [4]uint64

func (s litSet) has(id int) bool { return s[id>>6]&(1<<(id&63)) != 0 }
func (s litSet) empty() bool     { return s == litSet{} }

// add indexes lit and returns its id.
func (x *litIndex) add(lit string) int {
	if id, ok := x.ids[lit]; ok {
		return id
	}
	if x.ids == nil {
		x.ids, x.first = map[string]int{}, map[rune][]int{}
	}
	id := len(x.lits)
	if id >= len(litSet{})*64 || lit == "" {
		panic(fmt.Sprintf("chrome literals: cannot index %q (%d literals)", lit, id))
	}
	x.lits = append(x.lits, lit)
	x.ids[lit] = id
	r, _ := utf8.DecodeRuneInString(lit)
	x.first[r] = append(x.first[r], id)
	return id
}

// scan returns the ids of the literals t contains.
func (x *litIndex) scan(t string) litSet {
	var out litSet
	for i, r := range t {
		for _, id := range x.first[r] {
			if strings.HasPrefix(t[i:], x.lits[id]) {
				out[id>>6] |= 1 << (id & 63)
			}
		}
	}
	return out
}

// chromeLits holds every literal of the chrome text rules; chromePhraseIDs
// are the ids of the phrases.
var (
	chromeLits      litIndex
	chromePhraseIDs []int
)

func init() {
	for i := range chromeLines {
		for _, n := range chromeLines[i].needs {
			chromeLines[i].needIDs = append(chromeLines[i].needIDs, chromeLits.add(n))
		}
	}
	for _, p := range chromePhrases {
		chromePhraseIDs = append(chromePhraseIDs, chromeLits.add(p))
	}
	for i := range chromePatterns {
		p := &chromePatterns[i]
		if p.literal == ":：" {
			p.ids = []int{chromeLits.add(":"), chromeLits.add("：")}
		} else {
			p.ids = []int{chromeLits.add(p.literal)}
		}
	}
}

// maxChromeRunes is the longest block that chromeTextRe may remove.
const maxChromeRunes = 120

// classID returns an element's class and id, for the patterns above.
func classID(n *html.Node) string {
	return attr(n, "class") + " " + attr(n, "id")
}

// isSiteChrome reports the site's frame.
func isSiteChrome(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if siteChromeTags[n.DataAtom] {
		return true
	}
	if n.DataAtom == atom.Body || n.DataAtom == atom.Html {
		return false
	}
	return siteChromeRe.MatchString(classID(n))
}

// chromeCache remembers, for one page, which elements are chrome.
type chromeCache map[*html.Node]bool

// skipper returns the skip function for a text walk of root's subtree:
// root itself is never skipped.
func (memo chromeCache) skipper(root *html.Node) func(*html.Node) bool {
	return func(n *html.Node) bool {
		if n == root || n.Type != html.ElementNode {
			return false
		}
		if v, ok := memo[n]; ok {
			return v
		}
		v := isChrome(n)
		memo[n] = v
		return v
	}
}

// isChrome reports chrome inside the body area.
func isChrome(n *html.Node) bool {
	if isSiteChrome(n) || n.DataAtom == atom.Form && hasFormControls(n) {
		return true
	}
	if bodyChromeRe.MatchString(classID(n)) {
		return true
	}
	// A list of links (related articles, a menu without a class name).
	if linkList(n) {
		return true
	}
	// The links under a 相关附件>> or 相关链接>> label.
	if afterRelatedLabel(n) {
		return true
	}
	// A short block (or a lone link) whose text is chrome.
	if blockTags[n.DataAtom] || n.DataAtom == atom.A || n.DataAtom == atom.Span {
		if t, ok := shortText(n, maxChromeRunes); ok && isChromeText(t) {
			return true
		}
	}
	return false
}

// linkListTags are the containers that linkList looks at.
var linkListTags = map[atom.Atom]bool{atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Div: true, atom.Table: true}

// linkList reports a container of at least three links whose text is
// mostly link text: 相关链接 lists, menus. An attachment list is one too;
// attachments are collected apart from the text.
func linkList(n *html.Node) bool {
	if !linkListTags[n.DataAtom] {
		return false
	}
	links := 0
	forEachElement(n, func(c *html.Node) bool {
		if c.DataAtom == atom.A && attr(c, "href") != "" {
			links++
			return false
		}
		return links < 3
	})
	if links < 3 {
		return false
	}
	plain, linked := textStats(n, nil)
	return linked*10 >= (plain+linked)*6
}

// hasFormControls tells a search or login form from an ASP.NET form that
// wraps the whole page.
func hasFormControls(n *html.Node) bool {
	controls := 0
	forEachElement(n, func(c *html.Node) bool {
		switch c.DataAtom {
		case atom.Input, atom.Select, atom.Textarea, atom.Button:
			if !strings.EqualFold(attr(c, "type"), "hidden") {
				controls++
			}
		}
		return true
	})
	if controls == 0 {
		return false
	}
	_, short := shortText(n, 200)
	return short
}

// relatedLabelRe matches the label of a related block: 相关附件>>,
// 相关链接：, 相关文章.
var relatedLabelRe = regexp.MustCompile(`^相关(?:附件|链接|文章|阅读|新闻|信息|文件)\s*(?:>>|》》|》|>|[:：])?$`)

// afterRelatedLabel reports a short block of links that follows a related
// block's label, directly or after other such blocks:
// <h4>相关链接>></h4><p><a>…</a></p><p><a>…</a></p>. The label is looked for
// first: most blocks have a paragraph before them and are rejected at once.
func afterRelatedLabel(n *html.Node) bool {
	if !blockTags[n.DataAtom] || !hasLink(n) {
		return false
	}
	k := 0
	for p := n.PrevSibling; p != nil && k < maxRelatedBlocks; p = p.PrevSibling {
		if p.Type != html.ElementNode {
			continue
		}
		k++
		t, short := shortText(p, maxRelatedRunes)
		if !short {
			return false
		}
		if relatedLabelRe.MatchString(clean(t)) {
			_, short := shortText(n, maxRelatedRunes)
			return short && mostlyLinks(n)
		}
		if !blockTags[p.DataAtom] || !mostlyLinks(p) {
			return false
		}
	}
	return false
}

// maxRelatedRunes is the longest block of links under a related label, and
// maxRelatedBlocks the most blocks looked back over for the label (the walk
// stays linear).
const (
	maxRelatedRunes  = 300
	maxRelatedBlocks = 12
)

// mostlyLinks reports an element whose text is mostly link text.
func mostlyLinks(n *html.Node) bool {
	plain, linked := textStats(n, nil)
	return linked > 0 && linked >= 2*plain
}

// hasLink reports an element holding a link.
func hasLink(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.A || hasLink(c)) {
			return true
		}
	}
	return false
}
