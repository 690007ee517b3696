package page

import (
	"regexp"
	"strings"

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

// chromePhrases mark a short block as chrome when it contains one of them:
// the banner date, print/close controls, share and QR prompts,
// previous/next links, the footer's registration numbers.
var chromePhrases = []string{
	"当前位置",                         // 当前位置：首页 >> 政务公开
	"打印本页", "打印此页", "【打印】", "[打印]", // 【打印本页】
	"关闭窗口", "【关闭】", "[关闭]", // 【关闭窗口】
	"分享到", "扫一扫", "手机扫码", // 分享到：微信 微博；扫一扫在手机打开当前页
	"上一篇", "下一篇", "上一条", "下一条", // 上一篇：清平县召开2024年教育工作会议
	"网站标识码", "ICP备", "公网安备", "版权所有", // the footer
	// Not 主办单位/承办单位 (an event notice lists them in its body) nor a
	// bare 扫码 (扫码报名); the footer is dropped as site chrome anyway.
}

// chromePatterns are the chrome texts that vary; each runs only on blocks
// holding its required literal.
var chromePatterns = []struct {
	literal string
	re      *regexp.Regexp
}{
	{"今天是", regexp.MustCompile(`今天是\s*[:：]?\s*(?:\d{4}|星期|$)`)},          // the banner's 今天是：2024年3月20日, not 今天是第40个教师节
	{"位置", regexp.MustCompile(`您[现当]?[在所]+的?位置`)},                        // 您所在的位置：首页 > 公告公示
	{"字", regexp.MustCompile(`【\s*字[体号]|字[体号]\s*[:：]\s*[\[【]?\s*[大中小]`)}, // 【字体：大 中 小】
	// The info line: 发布时间：… 来源：… 浏览次数：…
	{"", regexp.MustCompile(`(?:发布时间|发布日期|更新时间|文章来源|信息来源|浏览次数|阅读次数|点击次数|索引号)\s*[:：]`)},
}

// isChromeText reports whether the text of a short block is chrome.
func isChromeText(t string) bool {
	for _, p := range chromePhrases {
		if strings.Contains(t, p) {
			return true
		}
	}
	for _, p := range chromePatterns {
		if p.literal == "" {
			if !strings.ContainsAny(t, ":：") {
				continue
			}
		} else if !strings.Contains(t, p.literal) {
			continue
		}
		if p.re.MatchString(t) {
			return true
		}
	}
	return false
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
