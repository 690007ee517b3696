package page

import (
	"github.com/govfig/govfig/extract/sniff"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/govfig/govfig/extract/region"
)

// Metadata comes from, most reliable first: the government-site meta tags
// (ArticleTitle, PubDate, ContentSource, SiteName, ColumnName…, written by
// the CMS from its own fields), the info line under the title (发布时间 …
// 来源 …), the title block (<h1> and the CMSs' title classes), and the
// <title> with its "_栏目_站点" tail removed. The banner's 今天是… date and
// the signature date at the end of the body are never the publish date:
// neither is labelled by an info key.

// metaInfo is what was found, before choosing.
type metaInfo struct {
	tags       map[string]string // lowercased meta name → content
	fields     map[string]string // info-line key → value (first seen)
	titleTag   string            // <title>, whole
	heads      []string          // title-block candidates, document order
	breadcrumb []string          // the breadcrumb's items
	logo       string            // the alt text of the first image naming a site (江州市柳溪区人民政府)
}

// metaNames are the meta tags read (lowercased).
var metaNames = map[string]bool{
	"articletitle": true, "pubdate": true, "contentsource": true, "sitename": true, "columnname": true,
	"keywords": true, "author": true, "description": true, "url": true, "firstpublishedtime": true,
	"publishdate": true, "columntype": true, "sitedomain": true,
}

// infoKeys are the keys of the info line and of the 政府信息公开 metadata
// table. Longer keys come first so 发布时间 is not read as 时间.
var infoKeys = []string{
	"发布时间", "发布日期", "更新时间", "发文日期", "成文日期", "生成日期", "文章来源", "信息来源", "稿件来源",
	"发布机构", "发文机关", "发布单位", "来源", "作者", "撰稿人", "撰稿", "责任编辑", "编辑", "浏览次数", "阅读次数",
	"点击次数", "点击数", "访问量", "字号", "字体", "索引号", "主题分类", "体裁分类", "发文字号", "文号", "有效性",
	"关键词", "阅读量", "浏览量", "日期", "时间",
}

// isInfoKey reports a value that is itself a key: a column header
// (发布机构\t发布日期) read as the value of the key before it.
func isInfoKey(v string) bool {
	v = strings.TrimRight(v, ":：")
	for _, k := range infoKeys {
		if v == k {
			return true
		}
	}
	return false
}

// infoKeyMatches finds the keys of an info line, each followed by a colon
// or a cell boundary: the matches, left to right and not overlapping, of
// the regular expression (key1|key2|…)\s*(?:[:：]|\t) over infoKeys in their
// order, as regexp's FindAllStringSubmatchIndex gives them ([0], [1]: the
// match; [2], [3]: the key), read without the regexp engine, which cost a
// twentieth of page.Read on a line of keys (TestInfoKeyMatches and
// FuzzInfoKeyMatches hold it to the regexp).
func infoKeyMatches(line string) [][4]int {
	var out [][4]int
	for i := 0; i < len(line); {
		if m, ok := infoKeyAt(line, i); ok {
			out = append(out, m)
			i = m[1]
			continue
		}
		_, size := utf8.DecodeRuneInString(line[i:])
		i += size
	}
	return out
}

// infoKeyAt is the match of infoKeyMatches starting at i: the first key in
// infoKeys' order that stands at i and is followed, after white space, by a
// colon, or ends its white space with a tab (the regexp's \s* gives back
// what follows the last tab when no colon comes).
func infoKeyAt(line string, i int) ([4]int, bool) {
	for _, k := range infoKeys {
		if !strings.HasPrefix(line[i:], k) {
			continue
		}
		j := i + len(k)
		e, tab := j, -1
		for e < len(line) && isASCIISpace(line[e]) {
			if line[e] == '\t' {
				tab = e
			}
			e++
		}
		switch {
		case strings.HasPrefix(line[e:], ":"):
			return [4]int{i, e + 1, i, j}, true
		case strings.HasPrefix(line[e:], "："):
			return [4]int{i, e + len("："), i, j}, true
		case tab >= 0:
			return [4]int{i, tab + 1, i, j}, true
		}
	}
	return [4]int{}, false
}

// isASCIISpace is regexp's \s: tab, line feed, form feed, carriage return
// and space (not the vertical tab).
func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// mayHoldInfo is a quick test before infoKeyMatches: some key stands right
// before a colon or a tab.
func mayHoldInfo(line string) bool {
	for i, r := range line {
		if r != ':' && r != '：' && r != '\t' {
			continue
		}
		before := strings.TrimRight(line[:i], " ")
		for _, k := range infoKeys {
			if strings.HasSuffix(before, k) {
				return true
			}
		}
	}
	return false
}

// lineDate is the field of a date on an info line without a key of its own.
const lineDate = "(date)"

// maxInfoLine is the longest line read as an info line.
const maxInfoLine = 300

// breadcrumbRe matches a breadcrumb line and captures its items.
var breadcrumbRe = regexp.MustCompile(`(?:您[现当]?[在所]*的?位置|当前位置|所在位置)\s*[:：]?\s*(.*)`)

// breadcrumbSepRe separates breadcrumb items.
var breadcrumbSepRe = regexp.MustCompile(`\s*(?:>>|>|»|›|＞|→|/|\\)\s*`)

// titleClassRe marks title blocks of the CMS templates.
var titleClassRe = regexp.MustCompile(`(?i)(?:^|[-_\s])(?:title|article-title|arttitle|art_title|detail-title|news_title|newstitle|con-title|bt|tit|biaoti|wzbt|sp_title)(?:$|[-_\s])`)

// metaSkip marks the elements the metadata is never read from: those inside
// a <noscript> (the scripted page's fallback), inside an <h1> (a title
// block is read whole), or inside an element whose content is not markup.
const metaSkip = "meta *, title *, script *, style *, noscript *, h1 *"

// The selectors of readMeta, compiled once (css).
var (
	metaSkipSel = css(metaSkip)
	metaTagSel  = css("meta[name], meta[property]")
	imgAltSel   = css("img[alt]")
	titleSel    = css("title")
	headSel     = css("h1, [class], [id]")
	headSkipSel = css(metaSkip + ", meta, title, script, style, noscript, body, html")
	trSel       = css("tr")
)

// readMeta gathers the raw metadata of a page.
func readMeta(doc *goquery.Document) metaInfo {
	m := metaInfo{tags: map[string]string{}, fields: map[string]string{}}
	doc.FindMatcher(metaTagSel).NotMatcher(metaSkipSel).Each(func(_ int, s *goquery.Selection) {
		name := strings.ToLower(strings.TrimSpace(s.AttrOr("name", "")))
		if name == "" {
			name = strings.ToLower(strings.TrimSpace(s.AttrOr("property", "")))
		}
		v := clean(s.AttrOr("content", ""))
		if metaNames[name] && v != "" && !strings.EqualFold(v, "null") && m.tags[name] == "" {
			m.tags[name] = v
		}
	})
	// A header logo often names the site in full where <title> does not
	// (<title>柳溪区人民政府-…</title>, <img alt="江州市柳溪区人民政府">).
	doc.FindMatcher(imgAltSel).NotMatcher(metaSkipSel).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if alt := clean(s.AttrOr("alt", "")); siteOnlyRe.MatchString(alt) {
			m.logo = alt
		}
		return m.logo == ""
	})
	doc.FindMatcher(titleSel).NotMatcher(metaSkipSel).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		m.titleTag = clean(renderTextRaw(s.Get(0)))
		return m.titleTag == ""
	})
	// Title blocks: every <h1>, and the elements of a title class, in
	// document order.
	heads := doc.FindMatcher(headSel).NotMatcher(headSkipSel)
	for _, n := range heads.Nodes {
		if n.DataAtom == atom.H1 {
			if t, ok := shortText(n, 200); ok {
				if t = clean(t); t != "" {
					m.heads = append(m.heads, t)
				}
			}
			continue
		}
		if titleClassRe.MatchString(classID(n)) {
			if t, ok := shortText(n, 200); ok {
				if t = clean(t); t != "" && !strings.Contains(t, "\n") {
					m.heads = append(m.heads, t)
				}
			}
		}
	}
	m.readHeaderTables(doc)
	root := doc.Get(0)
	lines := builder{maxLine: maxInfoLine}
	lines.walk(root, 0)
	for _, line := range strings.Split(lines.String(), "\n") {
		if strings.IndexByte(line, 0) >= 0 || utf8.RuneCountInString(line) > maxInfoLine {
			continue // a long line, cut by the builder
		}
		// Every breadcrumb names its 位置; the regexp runs only then.
		if bc := matchIfContains(breadcrumbRe, line, "位置"); bc != nil && m.breadcrumb == nil {
			for _, it := range breadcrumbSepRe.Split(bc[1], -1) {
				if it = clean(it); it != "" {
					m.breadcrumb = append(m.breadcrumb, it)
				}
			}
			continue
		}
		if strings.Contains(line, "今天是") || !mayHoldInfo(line) {
			continue
		}
		keys := infoKeyMatches(line)
		// An info line may show its date without a key:
		// <span>2024-08-29</span><span>来源：…</span>.
		if d, ok := findDate(line); ok && len(keys) > 0 && m.fields[lineDate] == "" {
			m.fields[lineDate] = d.text
		}
		for i, k := range keys {
			end := len(line)
			if i+1 < len(keys) {
				end = keys[i+1][0]
			}
			key := line[k[2]:k[3]]
			v := line[k[1]:end]
			// A value ends at a bracketed control (【打印】) and, but for
			// dates with a time, at white space.
			if j := strings.IndexAny(v, "【[|丨｜"); j >= 0 {
				v = v[:j]
			}
			v = strings.TrimSpace(v)
			if !strings.Contains(key, "时间") && !strings.Contains(key, "日期") {
				if j := strings.IndexFunc(v, isSpace); j >= 0 {
					v = v[:j]
				}
			}
			v = strings.Trim(v, " \t/()（）")
			if _, ok := m.fields[key]; !ok && v != "" && !isInfoKey(v) {
				m.fields[key] = v
			}
		}
	}
	return m
}

// matchIfContains is re.FindStringSubmatch(s) when s contains lit, which
// every match of re does.
func matchIfContains(re *regexp.Regexp, s, lit string) []string {
	if !strings.Contains(s, lit) {
		return nil
	}
	return re.FindStringSubmatch(s)
}

// readHeaderTables reads the 信息公开 tables whose keys are column headers:
// a row of bare keys (索引号 | 发布机构 | 发布日期) over a row of values.
func (m metaInfo) readHeaderTables(doc *goquery.Document) {
	for _, tr := range doc.FindMatcher(trSel).NotMatcher(metaSkipSel).Nodes {
		first := tr.FirstChild
		for first != nil && first.Type != html.ElementNode {
			first = first.NextSibling
		}
		if first == nil {
			continue
		}
		if t, ok := shortText(first, 10); !ok || !isInfoKey(strings.TrimRight(clean(t), ":： ")) {
			continue // a row of keys starts with one
		}
		keys := rowTexts(tr)
		if len(keys) < 2 {
			continue
		}
		all := true
		for i, k := range keys {
			keys[i] = strings.TrimRight(k, ":： ")
			if !isInfoKey(keys[i]) {
				all = false
				break
			}
		}
		if !all {
			continue
		}
		next := tr.NextSibling
		for next != nil && next.Type != html.ElementNode {
			next = next.NextSibling
		}
		if next == nil || next.DataAtom != atom.Tr {
			continue
		}
		vals := rowTexts(next)
		for i, k := range keys {
			if i < len(vals) && vals[i] != "" && !isInfoKey(vals[i]) {
				if _, ok := m.fields[k]; !ok {
					m.fields[k] = vals[i]
				}
			}
		}
	}
}

// rowTexts returns the short texts of a table row's cells ("" for a long one).
func rowTexts(tr *html.Node) []string {
	var out []string
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
			t, _ := shortText(c, 60)
			out = append(out, clean(t))
		}
	}
	return out
}

// renderTextRaw is the text of an element whose content is raw text (<title>).
func renderTextRaw(n *html.Node) string {
	var sb strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			sb.WriteString(c.Data)
		}
	}
	return sb.String()
}

// clean collapses white space and trims.
func clean(s string) string {
	return strings.Join(strings.FieldsFunc(sniff.DropControls(s), isSpace), " ")
}

func (m metaInfo) tag(names ...string) string {
	for _, n := range names {
		if v := m.tags[n]; v != "" {
			return v
		}
	}
	return ""
}

func (m metaInfo) field(keys ...string) string {
	for _, k := range keys {
		if v := m.fields[k]; v != "" {
			return v
		}
	}
	return ""
}

// titleSeps split a <title> into title, column and site.
var titleSeps = []string{"_", "|", "｜", " - ", " — ", " – ", "-", "—"}

// siteNameRe recognises the site part of a <title>.
var siteNameRe = regexp.MustCompile(`政府|网$|门户|网站|人民政府|教育局|委员会|[区县市旗]$`)

// splitTitle splits "标题_栏目_站点" into its parts; parts is nil when the
// <title> has no such tail.
func splitTitle(t string) []string {
	for _, sep := range titleSeps {
		if !strings.Contains(t, sep) {
			continue
		}
		parts := strings.Split(t, sep)
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		if last := parts[len(parts)-1]; parts[0] != "" && siteNameRe.MatchString(last) {
			return parts
		}
		// The site first: 南屏区人民政府门户网站-标题 (or 站点-栏目-标题).
		if first, last := parts[0], parts[len(parts)-1]; siteOnlyRe.MatchString(first) && last != "" {
			for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
				parts[i], parts[j] = parts[j], parts[i]
			}
			return parts
		}
	}
	return nil
}

// title chooses the article title.
func (m metaInfo) title() string {
	if t := m.tag("articletitle"); t != "" {
		return t
	}
	fromTag := m.titleTag
	if parts := splitTitle(fromTag); parts != nil {
		fromTag = parts[0]
	}
	site := m.site()
	var heads []string
	for _, h := range m.heads {
		if h != site && utf8.RuneCountInString(h) >= 4 {
			heads = append(heads, h)
		}
	}
	// A title block that agrees with <title> (which may be cut short).
	for _, h := range heads {
		if fromTag != "" && (strings.HasPrefix(h, strings.TrimRight(fromTag, ".…")) || strings.HasPrefix(fromTag, h)) {
			return h
		}
	}
	// A <title> that is only the site's name says nothing of the article.
	if fromTag != "" && fromTag != site && !siteOnlyRe.MatchString(fromTag) {
		return fromTag
	}
	// Else the longest title block: menus and column headings are short.
	best := ""
	for _, h := range heads {
		if utf8.RuneCountInString(h) > utf8.RuneCountInString(best) {
			best = h
		}
	}
	if best == "" {
		return fromTag
	}
	return best
}

// siteOnlyRe matches a <title> that is a site's name alone.
var siteOnlyRe = regexp.MustCompile(`^\p{Han}{2,24}(?:人民政府|政府|政府网|人民政府网|门户网站|政府网站|人民政府网站|政务网)$`)

// site chooses the site name.
func (m metaInfo) site() string {
	if s := m.tag("sitename"); s != "" {
		return s
	}
	if parts := splitTitle(m.titleTag); len(parts) > 1 {
		return parts[len(parts)-1]
	}
	if siteOnlyRe.MatchString(m.titleTag) {
		return m.titleTag // <title>河阳县人民政府</title>
	}
	return ""
}

// column chooses the column (栏目) name. An article's breadcrumb may end in
// its own title, which is no column; a list page's title is its column.
func (m metaInfo) column(title string, list bool) string {
	if c := m.tag("columnname"); c != "" {
		return c
	}
	for i := len(m.breadcrumb) - 1; i >= 0; i-- {
		if it := m.breadcrumb[i]; (list || it != title) && it != "正文" && it != "首页" {
			return it
		}
	}
	if parts := splitTitle(m.titleTag); len(parts) > 2 {
		return parts[len(parts)-2]
	}
	return ""
}

// publisher chooses the publisher: the publishing body the 信息公开 table
// names (发布机构), else the declared source (来源 is where a reprint comes
// from, so it yields to the publishing body), else the site.
func (m metaInfo) publisher() string {
	if p := m.field("发布机构", "发文机关", "发布单位"); p != "" && !selfSource[p] {
		return p
	}
	if p := m.tag("contentsource"); p != "" && !selfSource[p] {
		return p
	}
	if p := m.field("文章来源", "信息来源", "稿件来源", "来源"); p != "" && !selfSource[p] {
		return p
	}
	return m.site()
}

// selfSource are sources that mean "this site" (来源：本站).
var selfSource = map[string]bool{"本站": true, "本网": true, "本网站": true, "原创": true, "网站": true, "本站原创": true}

// urlDateRe matches the date TRS puts in article file names: t20240829_123.html.
var urlDateRe = regexp.MustCompile(`/t(20\d{2})(\d{2})(\d{2})_\d+\.s?html?`)

// published chooses the publish date, RFC 3339 at +08:00.
func (m metaInfo) published(pageURL string) string {
	candidates := []string{
		m.tag("pubdate", "firstpublishedtime", "publishdate"),
		m.field("发布时间", "发布日期", "发文日期"),
		m.field("更新时间", "生成日期"),
		m.field("日期", "时间"),
		m.field(lineDate),
		m.field("成文日期"),
	}
	if u := urlDateRe.FindStringSubmatch(pageURL); u != nil {
		candidates = append(candidates, u[1]+"-"+u[2]+"-"+u[3])
	}
	for _, c := range candidates {
		if d, ok := findDate(c); ok {
			return d.rfc3339()
		}
	}
	return ""
}

// region chooses the region: from the publisher, made complete by the site
// name when the site's region ends with it (静海区 → 天津市静海区).
func (m metaInfo) region(publisher string) string {
	p := region.Of(publisher)
	for _, name := range []string{m.site(), m.logo} {
		s := region.Of(name)
		switch {
		case p == "":
			p = s
		case len(s) > len(p) && strings.HasSuffix(s, p):
			p = s // 柳溪区 made complete: 江州市柳溪区
		}
	}
	return p
}
