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
var bodyChromeRe = regexp.MustCompile(`(?i)(?:^|[-_\s])(?:share|bdshare|bdsharebuttonbox|fenxiang|print|dayin|close|guanbi|fontsize|zihao|qrcode|ewm|erweima|prev|next|prevnext|pre-next|sxp|sxy|related|relate|xgwz|xglj|xgxx|breadcrumb|crumb|crumbs|position|location|dqwz|weizhi|tools|toolbar|info|article-info|arcinfo|xxgk-info|xxgk_table|pages|pagination)(?:$|[-_\s\d])`)

// chromeTextRe matches the text of a short block that is chrome: the banner
// date, breadcrumbs, the info line, font-size and print/close controls,
// share prompts, QR prompts, previous/next links, the footer's
// registration numbers.
var chromeTextRe = regexp.MustCompile(`今天是|您[现当]?[在所]+的?位置|当前位置|【\s*字[体号]|字[体号]\s*[:：]\s*[\[【]?\s*大|打印本页|打印此页|【\s*打印\s*】|关闭窗口|【\s*关闭\s*】|分享到|扫一扫|手机扫码|扫码|上一篇|下一篇|上一条|下一条|网站标识码|ICP备|公网安备|版权所有|主办单位|承办单位|(?:发布时间|发布日期|更新时间|文章来源|信息来源|浏览次数|阅读次数|点击次数|索引号)\s*[:：]`)

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

// chromeSkipper returns the skip function for the body's text walk: root
// itself is never skipped.
func chromeSkipper(root *html.Node) func(*html.Node) bool {
	return func(n *html.Node) bool {
		if n == root || n.Type != html.ElementNode {
			return false
		}
		if isSiteChrome(n) || n.DataAtom == atom.Form && hasFormControls(n) {
			return true
		}
		if bodyChromeRe.MatchString(classID(n)) {
			return true
		}
		// A short block (or a lone link) whose text is chrome.
		if blockTags[n.DataAtom] || n.DataAtom == atom.A || n.DataAtom == atom.Span {
			if t, ok := shortText(n, maxChromeRunes); ok && chromeTextRe.MatchString(t) {
				return true
			}
		}
		return false
	}
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
