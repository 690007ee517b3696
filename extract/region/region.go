// Package region reads the administrative region a Chinese publisher, site
// or title names at its start: 天津市静海区人民政府 → 天津市静海区,
// 静海区教育局 → 静海区. Both readers (extract/page for HTML, extract/textdoc
// for .txt) set Document.Region with it, so a page and its scraped text get
// the same region.
package region

import (
	"regexp"
	"strings"
)

// linkRe reads one link of the administrative chain at the start of a name:
// a few characters and a level word (天津市, 静海区, 鄂尔多斯市, 准格尔旗, 沛县).
var linkRe = regexp.MustCompile(`^\p{Han}{1,10}?(自治区|自治州|自治县|自治旗|特别行政区|省|市|地区|盟|州|区|县|旗)`)

// notPlaces are links that look like places but are not (天津市城市管理委员会,
// 静海区园区办), or that name a place only by pointing at it (全区, 我市).
var notPlaces = map[string]bool{
	"城市": true, "都市": true, "超市": true, "门市": true, "城区": true, "市区": true, "辖区": true,
	"园区": true, "片区": true, "景区": true, "校区": true, "社区": true, "矿区": true, "老区": true,
	"全区": true, "全市": true, "全县": true, "全省": true, "本区": true, "本市": true, "本县": true,
	"我区": true, "我市": true, "我县": true,
}

// levelRank orders level words from the top; the chain must go down (a
// county holds no city: 静海区城市管理委员会 is in 静海区).
var levelRank = map[string]int{
	"省": 1, "自治区": 1, "特别行政区": 1,
	"市": 2, "地区": 2, "盟": 2, "州": 2, "自治州": 2,
	"区": 3, "县": 3, "旗": 3, "自治县": 3, "自治旗": 3,
}

// Of returns the region name starts with, down to the county level, or ""
// when it starts with none (市政府教育督导室, 新华社). A title's leading 关于
// ("about") is passed over: 关于西青区2023年预算执行情况的报告 → 西青区.
func Of(name string) string {
	rest := strings.TrimPrefix(strings.TrimSpace(name), "关于")
	region, rank := "", 0
	for {
		m := linkRe.FindStringSubmatch(rest)
		if m == nil {
			break
		}
		link, level := m[0], m[1]
		r := levelRank[level]
		// A county-level city sits under a prefecture city (苏州市昆山市).
		if r == 2 && rank == 2 && level == "市" {
			r = 3
		}
		if notPlaces[link] || r <= rank || strings.Contains(link, "人民") || strings.Contains(link, "政府") {
			break
		}
		region, rank = region+link, r
		rest = rest[len(link):]
		if rank == 3 {
			break
		}
	}
	return region
}

// congressRe finds the congress a government work report is delivered to:
// ——2023年1月10日在红桥区第十八届人民代表大会第二次会议上.
var congressRe = regexp.MustCompile(`在(\p{Han}{2,16}?)第[一二三四五六七八九十\d]{1,4}届人民代表大会`)

// organRe is a header line that starts with an organ of a region: 红桥区人民政府区长
// 李明远, 滨河区统计局, 来源：天津市河西区财政局.
var organRe = regexp.MustCompile(`^(?:来源|发布机构|发文机关|发布单位|作者)?[:：]?\s*(\p{Han}{2,20}?)(?:人民政府|人民代表大会|政府|统计局|财政局|教育局|教育体育局|民政局|人力资源和社会保障局|卫生健康委员会|发展和改革委员会|人大常委会)`)

// headLines and headRunes bound InText to the opening of a text.
const (
	headLines = 15
	headRunes = 60
)

// InText returns the region the opening lines of a text name, for a
// document whose metadata and title name none: the congress a report is
// delivered to (在红桥区第十八届人民代表大会…) or a short header line that
// starts with an organ (红桥区人民政府区长 李明远). Body sentences are not
// read (全区, 我区 and neighbours named in passing would mislead).
func InText(text string) string {
	lines := 0
	for len(text) > 0 && lines < headLines {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		lines++
		if m := congressRe.FindStringSubmatch(line); m != nil {
			if r := Of(m[1]); r != "" {
				return r
			}
		}
		if len([]rune(line)) > headRunes {
			continue
		}
		// The words before the organ must be a region and nothing else
		// (今年我区与东丽区人民政府… is a sentence, not a header).
		if m := organRe.FindStringSubmatch(line); m != nil {
			if r := Of(m[1]); r != "" && r == m[1] {
				return r
			}
		}
	}
	return ""
}
