// Package textdoc reads a plain-text document (.txt: UTF-8, GB18030, or
// UTF-16LE/BE with a byte-order mark) into a schema.Document whose Text is
// the file's text, line breaks kept.
//
// Offsets: Text is the decoded file (UTF-16 decoded to UTF-8) with a leading
// byte-order mark removed and every "\r\n" (or lone "\r") turned into "\n"; all rune offsets
// (sections, tables, figures) point into that normalized text, so a line of
// the file is a line of Text.
//
// Besides the text, Read finds what a text file can tell about itself:
//   - Header: the key: value lines a scraper puts on top (标题:, 发布时间:,
//     发布机构:, 原文链接:) and a page's info line (文章来源: … 更新时间: …)
//     give the title, publisher (the publishing body before the source),
//     region (from the publisher, else the title) and URL (the original link);
//   - Title: else the first line when the text starts with it (政府工作报告),
//     else the first line near the top that reads like a title (at least
//     eight runes, not page chrome such as 今天是…, 您所在的位置…, a
//     scraper's note 本文由…采集, or a heading 一、…);
//   - Published: a 更新时间/发布时间/发布日期 line, else the date line of a
//     speech (——2023年1月10日在…会议上), else a date line
//     (2024年1月16日) at the very end, as RFC 3339 at +08:00;
//   - Tables: blocks of two or more consecutive tab-separated lines, the
//     first row a header row and the first column a header column when they
//     hold no numbers; the line before a block is its caption (重点项目资金安排如下（单位：万元）：);
//     and tables flattened into space-separated cells (flat.go);
//   - Sections: the heading tree of package outline.
package textdoc

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/govfig/govfig/extract/outline"
	"github.com/govfig/govfig/extract/region"
	"github.com/govfig/govfig/extract/sniff"
	"github.com/govfig/govfig/schema"
)

// ErrEmpty is returned for an input with no text.
var ErrEmpty = errors.New("empty document")

// ErrBinary is returned for an input that is not text in a known charset.
var ErrBinary = errors.New("binary data, not text")

// Read turns the bytes of a text file into a Document.
func Read(name string, body []byte) (*schema.Document, error) {
	text, charset, problem, err := decode(body)
	if err != nil {
		return nil, fmt.Errorf("read text %s: %w", name, err)
	}
	text = sniff.DropControls(strings.ReplaceAll(text, "\r\n", "\n"))
	text = strings.ReplaceAll(text, "\r", "\n")
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("read text %s: %w", name, ErrEmpty)
	}
	doc := &schema.Document{
		URL:         name,
		PageType:    schema.PageText,
		Charset:     charset,
		Problem:     problem,
		Text:        text,
		Sections:    outline.Sections(text),
		Tables:      tables(text),
		Attachments: []schema.Attachment{},
		Figures:     []schema.Figure{},
	}
	h := readHeader(text)
	doc.Title = h.title
	if doc.Title == "" {
		doc.Title = title(text)
	}
	doc.Published = h.published()
	if doc.Published == "" {
		doc.Published = published(text)
	}
	doc.Publisher = h.publisher()
	doc.Region = region.Of(doc.Publisher)
	if doc.Region == "" {
		doc.Region = region.Of(doc.Title)
	}
	if doc.Region == "" {
		doc.Region = region.InText(text) // 在红桥区第十八届人民代表大会…
	}
	if h.url != "" {
		doc.URL = h.url
	}
	doc.Tables = append(doc.Tables, flatTables(text)...)
	sort.SliceStable(doc.Tables, func(i, j int) bool { return doc.Tables[i].Start < doc.Tables[j].Start })
	return doc, nil
}

// decode returns body as text: UTF-8 (a BOM is dropped) or, when that is
// invalid, GB18030. Data with a binary format's magic number or more than 1%
// control bytes is binary (package sniff); the few NUL bytes of a text are
// removed and problem says so.
func decode(body []byte) (text, charset, problem string, err error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return "", "", "", ErrEmpty
	}
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	if bytes.HasPrefix(body, []byte("\xff\xfe")) || bytes.HasPrefix(body, []byte("\xfe\xff")) {
		return decodeUTF16(body)
	}
	if err := sniff.Binary(body); err != nil {
		return "", "", "", fmt.Errorf("%w: %w", ErrBinary, err)
	}
	body, _, problem = sniff.Clean(body)
	if utf8.Valid(body) {
		return string(body), "utf-8", problem, nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(body)
	if err != nil || !utf8.Valid(out) || bytes.ContainsRune(out, utf8.RuneError) {
		return "", "", "", fmt.Errorf("%w: neither UTF-8 nor GB18030", ErrBinary)
	}
	return string(out), "gb18030", problem, nil
}

// decodeUTF16 decodes a text that starts with a UTF-16 byte-order mark
// (Windows Notepad's "Unicode"): the BOM is dropped and the decoded text is
// sniffed like any other, so offsets point into the decoded text. An odd
// length or unpaired surrogates make it binary.
func decodeUTF16(body []byte) (text, charset, problem string, err error) {
	order, charset := unicode.LittleEndian, "utf-16le"
	if body[0] == 0xfe {
		order, charset = unicode.BigEndian, "utf-16be"
	}
	if len(body)%2 != 0 {
		return "", "", "", fmt.Errorf("%w: %s with an odd number of bytes", ErrBinary, charset)
	}
	out, err := unicode.UTF16(order, unicode.ExpectBOM).NewDecoder().Bytes(body)
	if err != nil {
		return "", "", "", fmt.Errorf("%w: %s: %w", ErrBinary, charset, err)
	}
	fffd := [2]byte{0xfd, 0xff}
	if charset == "utf-16be" {
		fffd = [2]byte{0xff, 0xfd}
	}
	had := 0
	for i := 0; i+1 < len(body); i += 2 {
		if body[i] == fffd[0] && body[i+1] == fffd[1] {
			had++
		}
	}
	if n := bytes.Count(out, []byte("\uFFFD")) - had; n > 0 {
		return "", "", "", fmt.Errorf("%w: %d invalid %s sequences", ErrBinary, n, charset)
	}
	if err := sniff.Binary(out); err != nil {
		return "", "", "", fmt.Errorf("%w: %w", ErrBinary, err)
	}
	out, _, problem = sniff.Clean(out)
	return string(out), charset, problem, nil
}

// chrome are line starts of page furniture a scraper caught, never a title.
var chrome = []string{"今天是", "您所在的位置", "您的位置", "当前位置", "文章来源", "来源", "更新时间", "发布时间",
	"发布日期", "首页", "——", "索引号", "主题分类"}

var (
	// scraperNoteRe matches a line a scraper or archivist added (本文由…采集,
	// 【采集说明】…, 抓取时间:…): never the document's title.
	scraperNoteRe = regexp.MustCompile(`采集|抓取|爬取|爬虫|本文由|仅供|转载|原文排版|原网页|网页快照`)
	// bannerRe matches a date banner (今天是:2019年10月31日 星期三 农历十月初七).
	bannerRe = regexp.MustCompile(`星期[一二三四五六日天]|农历|今天是`)
	// ruleRe matches a separator line (=====, ------).
	ruleRe = regexp.MustCompile(`^[-=_*~—·.。…]{3,}$`)
	// headingRe matches an outline heading (一、…, (一)…, 1.…): a section of the
	// body, not the title.
	headingRe = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.．、])`)
	// genreRe ends a short title: 政府工作报告, 统计公报, 工作总结.
	genreRe = regexp.MustCompile(`(报告|总结|公报|方案|计划|规划|要点|意见|办法|通知|决定|通报|说明|纲要)$`)
)

// furniture reports a line that cannot be the title: page chrome, a scraper's
// note, a date banner, a separator, a header pair or an outline heading.
func furniture(l string) bool {
	for _, c := range chrome {
		if strings.HasPrefix(l, c) {
			return true
		}
	}
	return scraperNoteRe.MatchString(l) || bannerRe.MatchString(l) || ruleRe.MatchString(l) ||
		headingRe.MatchString(l) || strings.HasPrefix(l, "【") || headerKeyRe.MatchString(l)
}

// title returns the title among the first lines of text: the first line when
// the text starts with it (a body-only .txt: 政府工作报告), else the first
// title-like line (eight runes or more) that is no page furniture.
func title(text string) string {
	lines := strings.Split(text, "\n")
	first := true
	for i, l := range lines {
		if i > 15 {
			break
		}
		l = strings.TrimSpace(strings.Trim(l, "\u3000"))
		if l == "" {
			continue
		}
		n := utf8.RuneCountInString(l)
		plain := n <= 80 && !strings.Contains(l, "\t") && !strings.ContainsAny(l, ":：") && !strings.HasSuffix(l, "。") && !furniture(l)
		if first && plain && n >= 2 && (n >= 8 || genreRe.MatchString(l)) {
			if n < 8 {
				// A column named like a genre (政府工作报告) above the
				// document's own title (红桥区2023年政府工作报告).
				if next := nextLine(lines, i+1); next != "" && utf8.RuneCountInString(next) >= 8 && utf8.RuneCountInString(next) <= 80 &&
					(strings.Contains(next, l) || genreRe.MatchString(next)) && !strings.ContainsAny(next, ":：") && !furniture(next) {
					return next
				}
			}
			return l
		}
		first = false
		if plain && n >= 8 {
			return l
		}
	}
	return ""
}

// nextLine returns the first non-empty line of lines[from:], trimmed.
func nextLine(lines []string, from int) string {
	for _, l := range lines[min(from, len(lines)):] {
		if l = strings.TrimSpace(strings.Trim(l, "\u3000")); l != "" {
			return l
		}
	}
	return ""
}

var (
	// 更新时间:2024/08/29 16:16:38, 发布时间：2024-08-29
	metaDateRe = regexp.MustCompile(`(?:更新时间|发布时间|发布日期|日期)\s*[:：]\s*((?:19|20)\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?`)
	// a closing date line: 2024年1月16日
	endDateRe = regexp.MustCompile(`^\s*((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日\s*$`)
	// the date line under a speech's title: ——2023年1月10日在红桥区第十八届人民代表大会第二次会议上
	speechDateRe = regexp.MustCompile(`(?m)^\s*[—-]{1,2}\s*((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日在`)
)

// published finds the publication date of a text, "" when none.
func published(text string) string {
	if m := metaDateRe.FindStringSubmatch(text); m != nil {
		return stamp(m[1], m[2], m[3], m[4], m[5], m[6])
	}
	if m := speechDateRe.FindStringSubmatch(text); m != nil {
		return stamp(m[1], m[2], m[3], "", "", "")
	}
	lines := strings.Split(strings.TrimRight(text, "\n \t\u3000"), "\n")
	for i := len(lines) - 1; i >= 0 && i >= len(lines)-3; i-- {
		if m := endDateRe.FindStringSubmatch(lines[i]); m != nil {
			return stamp(m[1], m[2], m[3], "", "", "")
		}
	}
	return ""
}

// stamp is a date and time as RFC 3339 at +08:00, "" when out of range; a
// part not written ("") counts as 0 (no time: midnight).
func stamp(y, mo, d, h, mi, s string) string {
	var a [6]int
	for i, v := range []string{y, mo, d, h, mi, s} {
		fmt.Sscanf(v, "%d", &a[i])
	}
	if a[1] < 1 || a[1] > 12 || a[2] < 1 || a[2] > 31 || a[3] > 23 || a[4] > 59 || a[5] > 59 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:%02d+08:00", a[0], a[1], a[2], a[3], a[4], a[5])
}

// numberCell matches a cell that holds a number.
var numberCell = regexp.MustCompile(`^\s*[-+]?[0-9０-９][0-9０-９,.．%％]*\s*$`)

// tables finds blocks of tab-separated lines.
func tables(text string) []schema.Table {
	out := []schema.Table{}
	lines := strings.SplitAfter(text, "\n")
	pos := 0 // rune offset of the current line
	var block []int
	var starts []int
	flush := func() {
		if len(block) >= 2 {
			out = append(out, buildTable(lines, block, starts))
		}
		block, starts = nil, nil
	}
	for i, l := range lines {
		if strings.Contains(strings.TrimRight(l, "\n"), "\t") {
			block = append(block, i)
			starts = append(starts, pos)
		} else {
			flush()
		}
		pos += utf8.RuneCountInString(l)
	}
	flush()
	return out
}

func buildTable(lines []string, block, starts []int) schema.Table {
	t := schema.Table{Start: starts[0]}
	for k, li := range block {
		line := strings.TrimRight(lines[li], "\n")
		var row []schema.Cell
		p := starts[k]
		for _, c := range strings.Split(line, "\t") {
			n := utf8.RuneCountInString(c)
			row = append(row, schema.Cell{Text: c, Start: p, End: p + n})
			p += n + 1
		}
		t.Rows = append(t.Rows, row)
		t.End = starts[k] + utf8.RuneCountInString(line)
	}
	// Caption: the nearest non-empty line before the block.
	for li := block[0] - 1; li >= 0 && li >= block[0]-2; li-- {
		if s := strings.TrimSpace(lines[li]); s != "" {
			t.Caption = s
			break
		}
	}
	// Header row and column: those without numbers.
	if !rowHasNumber(t.Rows[0]) {
		t.HeaderRows = 1
		for i := range t.Rows[0] {
			t.Rows[0][i].Header = true
		}
	}
	colNum := false
	for _, r := range t.Rows[t.HeaderRows:] {
		if len(r) > 0 && numberCell.MatchString(r[0].Text) {
			colNum = true
		}
	}
	if !colNum {
		t.HeaderCols = 1
		for _, r := range t.Rows {
			if len(r) > 0 {
				r[0].Header = true
			}
		}
	}
	return t
}

func rowHasNumber(r []schema.Cell) bool {
	for _, c := range r {
		if numberCell.MatchString(c.Text) {
			return true
		}
	}
	return false
}
