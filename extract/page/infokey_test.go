package page

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// infoKeyOracle is the regular expression infoKeyMatches reads without the
// regexp engine.
var infoKeyOracle = regexp.MustCompile(`(` + strings.Join(infoKeys, "|") + `)\s*(?:[:：]|\t)`)

func oracleInfoKeys(line string) [][4]int {
	var out [][4]int
	for _, m := range infoKeyOracle.FindAllStringSubmatchIndex(line, -1) {
		out = append(out, [4]int{m[0], m[1], m[2], m[3]})
	}
	return out
}

func TestInfoKeyMatches(t *testing.T) {
	for _, line := range []string{
		"发布时间：2024-03-20 来源：柳溪区教育局 【打印】",
		"发布时间:2024-03-20\t来源\t柳溪区教育局",
		"文章来源：区政府办", // the longer key, listed first, wins over 来源
		"文章来源于区政府办 来源 ：区教育局",
		"来源 \t 柳溪区",     // no colon: the match ends at the last tab
		"来源 \t\t：柳溪区",   // a colon after the tabs: it ends there
		"来源 \t x\t来源\t", // two keys, each ending at its tab
		"日期时间：2024年",    // 日期 is not followed by a colon; 时间 is
		"索引号：11120116/2024-00012 主题分类：教育 发文字号：津柳教〔2024〕3号",
		"责任编辑：李华 编辑：王明 浏览次数：1024",
		"来源\v：柳溪区", // a vertical tab is no \s
		"字号：大 中 小",
		"没有键的一行",
		"来源",
		"来源 ",
		"\xff来源：\xfe",
		"",
	} {
		if got, want := infoKeyMatches(line), oracleInfoKeys(line); !reflect.DeepEqual(got, want) {
			t.Errorf("infoKeyMatches(%q) = %v, the regexp gives %v", line, got, want)
		}
	}
}

func FuzzInfoKeyMatches(f *testing.F) {
	for _, s := range []string{"发布时间：2024-03-20 来源：柳溪区", "来源 \t x\t来源\t", "文章来源于 来源 ：", "日期时间\t", "\xe6\x9d来源:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if got, want := infoKeyMatches(line), oracleInfoKeys(line); !reflect.DeepEqual(got, want) {
			t.Errorf("infoKeyMatches(%q) = %v, the regexp gives %v", line, got, want)
		}
	})
}
