package page

import (
	"bytes"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/govfig/govfig/schema"
)

// resolver makes the links of one page absolute.
type resolver struct{ base *url.URL }

func newResolver(pageURL string, doc *html.Node) resolver {
	base, err := url.Parse(strings.TrimSpace(pageURL))
	if err != nil {
		base = &url.URL{}
	}
	// Every <base> outside the body counts, each resolved against the one before.
	selection(doc).FindMatcher(baseSel).NotMatcher(bodyBaseSel).Each(func(_ int, s *goquery.Selection) {
		href := s.AttrOr("href", "")
		if u, err := base.Parse(strings.TrimSpace(href)); err == nil && href != "" {
			base = u
		}
	})
	return resolver{base: base}
}

// resolve returns href made absolute, or "" for links that lead nowhere
// (javascript:, mailto:, fragments of this page, empty).
func (r resolver) resolve(href string) string {
	href = strings.TrimSpace(href)
	low := strings.ToLower(href)
	if href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(low, "javascript:") ||
		strings.HasPrefix(low, "mailto:") || strings.HasPrefix(low, "tel:") || strings.HasPrefix(low, "data:") {
		return ""
	}
	u, err := r.base.Parse(href)
	if err != nil {
		return ""
	}
	// Only web links; a page read from a file (no scheme) keeps relative ones.
	if s := strings.ToLower(u.Scheme); s != "http" && s != "https" && !(s == "" && r.base.Scheme == "") {
		return ""
	}
	u.Fragment = ""
	return u.String()
}

// attachmentExts are the file types kept as attachments.
var attachmentExts = map[string]bool{
	".pdf": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".wps": true, ".ofd": true,
	".zip": true, ".rar": true, ".et": true, ".csv": true, ".ppt": true, ".pptx": true, ".7z": true,
}

// downfileRe matches download-script links of CMSs (downfile.jsp, download.do?id=…).
var downfileRe = regexp.MustCompile(`(?i)down(load)?file|/download[./?]|attachment`)

// attachmentMarks are what an attachment link's URL holds somewhere: one of
// attachmentExts or a downfileRe word, in lower case.
var attachmentMarks = func() [][]byte {
	out := [][]byte{[]byte("download"), []byte("downfile"), []byte("attachment")}
	for ext := range attachmentExts {
		out = append(out, []byte(ext))
	}
	return out
}()

// MayLinkAttachment reports whether an HTML page may link an attachment: a
// byte scan for the extensions and download words attachmentOf looks for,
// so that a crawler need not parse the many articles that link none. It
// says true whenever it cannot tell (a NUL byte: UTF-16).
func MayLinkAttachment(body []byte) bool {
	if bytes.IndexByte(body, 0) >= 0 {
		return true
	}
	lower := asciiLower(body)
	if bytes.Contains(body, []byte("\u0130")) || bytes.Contains(body, []byte("\u212a")) {
		// İ and the Kelvin sign lower-case to ASCII i and k, as attachmentOf's
		// strings.ToLower does: the whole Unicode mapping then.
		lower = bytes.ToLower(body)
	}
	for _, m := range attachmentMarks {
		if bytes.Contains(lower, m) {
			return true
		}
	}
	return false
}

// asciiLower is body with A–Z lower-cased and every other byte kept:
// bytes.ToLower decodes and maps every rune of a Chinese page, a tenth of
// a crawl's CPU for this one test.
func asciiLower(body []byte) []byte {
	out := make([]byte, len(body))
	for i, b := range body {
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		out[i] = b
	}
	return out
}

// attachmentOf returns the attachment an <a> links to, if it is one.
func (r resolver) attachmentOf(a *html.Node) (schema.Attachment, bool) {
	abs := r.resolve(attr(a, "href"))
	if abs == "" {
		return schema.Attachment{}, false
	}
	u, err := url.Parse(abs)
	if err != nil {
		return schema.Attachment{}, false
	}
	ext := strings.ToLower(path.Ext(u.Path))
	if !attachmentExts[ext] && !downfileRe.MatchString(u.Path+"?"+u.RawQuery) {
		return schema.Attachment{}, false
	}
	name := strings.TrimSpace(strings.Join(strings.Fields(renderText(a)), " "))
	if name == "" {
		name = strings.TrimSpace(attr(a, "title"))
	}
	if name == "" {
		name = path.Base(u.Path)
	}
	return schema.Attachment{Name: name, URL: abs}, true
}

// attachments collects the attachments linked from the article area: the
// body and what surrounds it, but not the site's header, navigation and
// footer, nor a link inside another link.
func (r resolver) attachments(area *html.Node) []schema.Attachment {
	var out []schema.Attachment
	seen := map[string]bool{}
	s := selection(area)
	notHere := func(n *html.Node) bool { return n.DataAtom == atom.Head || isSiteChrome(n) }
	links := outside(s.FindMatcher(linkSel), area, func(n *html.Node) bool { return n.DataAtom == atom.A || notHere(n) })
	for _, n := range append(s.FilterMatcher(linkSel).Nodes, links...) {
		if !notHere(n) {
			if at, ok := r.attachmentOf(n); ok && !seen[at.URL] {
				seen[at.URL] = true
				out = append(out, at)
			}
		}
	}
	return out
}

// outside returns the elements of s that a walk down from top would reach
// if it entered no element that stop marks: no ancestor of theirs, up to top
// included, is marked. stop is asked once per element. It returns nodes,
// not a Selection: goquery's FilterFunction and Each make a Selection per
// node.
func outside(s *goquery.Selection, top *html.Node, stop func(*html.Node) bool) []*html.Node {
	memo := map[*html.Node]bool{}
	var blocked func(n *html.Node) bool
	blocked = func(n *html.Node) bool {
		if n == nil {
			return false
		}
		v, ok := memo[n]
		if !ok {
			v = n.Type == html.ElementNode && stop(n) || n != top && blocked(n.Parent)
			memo[n] = v
		}
		return v
	}
	var out []*html.Node
	for _, n := range s.Nodes {
		if !blocked(n.Parent) {
			out = append(out, n)
		}
	}
	return out
}
