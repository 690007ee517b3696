package textdoc

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// A scraped .txt often starts with a header of "key: value" lines above the
// body (标题:, 发布时间:, 发布机构:, 原文链接:), and a page's info line holds
// several pairs (文章来源: 天津市静海区人民政府 更新时间:2024/08/29 16:16:38).
// readHeader reads those pairs from the top lines; the text keeps them, so
// offsets are unchanged.

// headerKeys name the metadata a header line can give, longest first where
// one key ends another (文章来源 before 来源).
var headerKeys = []struct{ key, field string }{
	{"文章标题", "title"}, {"信息标题", "title"}, {"标题", "title"}, {"题目", "title"},
	{"发布机构", "issuer"}, {"发布单位", "issuer"}, {"发文机关", "issuer"}, {"发文单位", "issuer"}, {"发布部门", "issuer"},
	{"文章来源", "source"}, {"信息来源", "source"}, {"稿件来源", "source"}, {"来源", "source"},
	{"原文链接", "url"}, {"原文地址", "url"}, {"原文网址", "url"}, {"来源网址", "url"}, {"链接", "url"}, {"网址", "url"}, {"URL", "url"},
	{"发布时间", "date"}, {"发布日期", "date"}, {"成文日期", "date2"}, {"更新时间", "date3"},
	// keys scraping scripts write
	{"title", "title"}, {"publisher", "issuer"}, {"source", "source"}, {"url", "url"}, {"link", "url"},
	{"publish_time", "date"}, {"pubdate", "date"}, {"date", "date"},
	// Known keys whose values govfig does not keep; they end the value before them.
	{"抓取时间", ""}, {"采集时间", ""}, {"浏览次数", ""}, {"点击数", ""}, {"阅读量", ""}, {"作者", ""}, {"责任编辑", ""},
	{"编辑", ""}, {"索引号", ""}, {"主题分类", ""}, {"字号", ""}, {"分享", ""},
}

// headerKeyRe finds "key:" or "key：" at a line start or after white space.
var headerKeyRe = func() *regexp.Regexp {
	var alt []string
	for _, k := range headerKeys {
		alt = append(alt, regexp.QuoteMeta(k.key))
	}
	return regexp.MustCompile(`(?i)(?:^|[\s\x{3000}])(?:(` + strings.Join(alt, "|") + `)\s*[:：]|【(` + strings.Join(alt, "|") + `)】)\s*`)
}()

// headerLines is how many lines from the top may hold header pairs.
const headerLines = 25

// header is what the top lines say about the document.
type header struct {
	title, issuer, source, url string
	date                       [3]string // 发布时间, 成文日期, 更新时间: the first that parses wins
}

// selfSource are sources that mean "this site" (来源：本站).
var selfSource = map[string]bool{"本站": true, "本网": true, "本网站": true, "原创": true, "网站": true, "本站原创": true}

// publisher is the publishing body, else the declared source (the source
// of a reprint yields to the body that published it).
func (h header) publisher() string {
	if h.issuer != "" {
		return h.issuer
	}
	return h.source
}

// readHeader reads the key: value pairs of the top lines. A line counts only
// when it starts with a known key.
func readHeader(text string) header {
	var h header
	for i, line := range strings.SplitN(text, "\n", headerLines+1) {
		if i >= headerLines {
			break
		}
		line = strings.TrimSpace(strings.Trim(line, "\u3000"))
		locs := headerKeyRe.FindAllStringSubmatchIndex(line, -1)
		if len(locs) == 0 || locs[0][0] != 0 {
			continue
		}
		for j, loc := range locs {
			end := len(line)
			if j+1 < len(locs) {
				end = locs[j+1][0]
			}
			key := ""
			if loc[2] >= 0 {
				key = line[loc[2]:loc[3]]
			} else {
				key = line[loc[4]:loc[5]]
			}
			val := strings.TrimSpace(strings.Trim(line[loc[1]:end], " \u3000\t"))
			if val == "" {
				continue
			}
			for _, k := range headerKeys {
				if !strings.EqualFold(k.key, key) {
					continue
				}
				switch k.field {
				case "title":
					if h.title == "" && utf8.RuneCountInString(val) <= 120 {
						h.title = val
					}
				case "issuer":
					if h.issuer == "" && !selfSource[val] {
						h.issuer = firstField(val)
					}
				case "source":
					if h.source == "" && !selfSource[val] {
						h.source = firstField(val)
					}
				case "date", "date2", "date3":
					n := map[string]int{"date": 0, "date2": 1, "date3": 2}[k.field]
					if h.date[n] == "" {
						h.date[n] = val
					}
				case "url":
					if h.url == "" && (strings.HasPrefix(val, "http://") || strings.HasPrefix(val, "https://")) {
						h.url = firstField(val)
					}
				}
			}
		}
	}
	return h
}

// published is the header's date as RFC 3339 at +08:00, "" when none parses.
func (h header) published() string {
	for _, d := range h.date {
		if m := headerDateRe.FindStringSubmatch(d); m != nil {
			if p := stamp(m[1], m[2], m[3], m[4], m[5], m[6]); p != "" {
				return p
			}
		}
	}
	return ""
}

// headerDateRe reads a date with an optional time: 2024-03-15 09:30,
// 2024/08/29 16:16:38, 2024年3月15日.
var headerDateRe = regexp.MustCompile(`^((?:19|20)\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?`)

// firstField is s up to its first white space.
func firstField(s string) string {
	if i := strings.IndexFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\u3000' }); i > 0 {
		return s[:i]
	}
	return s
}
