// Package segment puts gse behind a small interface: sentence and clause
// splitting with rune offsets, and word tokens with part of speech from an
// embedded dictionary plus govfig's domain words.
//
// The dictionary is gse's simplified-Chinese dictionary embedded in the
// binary (LoadDictEmbed("zh_s")); it is loaded once per process, on first
// use of Default. Domain words are added on top with AddToken — loading a
// user dictionary file with gse's LoadDict would replace the whole
// dictionary, and LoadDict() without arguments reads the Go module cache at
// run time, which breaks a copied binary.
//
// Sentences and Clauses need no dictionary: they split on punctuation,
// full-width and half-width alike, and return rune spans.
package segment

import (
	"runtime/debug"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// Span is a half-open rune span [Start, End) of a text.
type Span struct {
	Start, End int
}

// Token is one word of a text with its rune span and part of speech.
// Text is the word exactly as written (gse lowercases Latin letters; Token
// does not).
type Token struct {
	Text       string
	Pos        string
	Start, End int
}

// Segmenter cuts text into words. It is safe for concurrent use.
type Segmenter struct {
	gse gse.Segmenter
}

// domainWords are words of education reports the general dictionary cuts
// apart; each gets a high frequency so gse keeps it whole. POS "n" (noun)
// marks them as label material.
var domainWords = []string{
	"毛入园率", "普惠性幼儿园", "普惠性民办园", "公办园", "民办园", "在园幼儿",
	"骨干教师", "差异系数", "差异指数", "生均公用经费", "一般公共预算", "专任教师",
	"生师比", "班额", "入园率", "巩固率", "覆盖率", "毛入学率", "升学率", "合格率", "达标率",
	"优质均衡", "教育经费", "在校生", "教学分校", "中心小学", "责任督学", "课后服务",
	"校外培训机构", "义务教育", "学前教育", "特殊教育", "职业教育", "继续教育", "教职工",
	"正高级教师", "思政课", "人均", "占比", "增长率", "同比", "环比", "百分点", "支出预算",
	"教育支出", "公用经费", "生均", "在园", "入学率", "完成率", "参与率", "满意度", "校舍",
	"行政村",
}

var (
	defaultOnce sync.Once
	defaultSeg  *Segmenter
)

// Default returns the process-wide segmenter, loading the embedded dictionary
// on first use (about a second).
func Default() *Segmenter {
	defaultOnce.Do(func() { defaultSeg = load() })
	return defaultSeg
}

// gcDuringLoad is the GC target while the dictionary loads: gse allocates
// about 400 MB in 2.7 million small objects to build a 200 MB dictionary, and
// with the default target the collector runs over the growing trie again and
// again.
const gcDuringLoad = 400

// minTokenFreq leaves out of gse's dictionary the words rarer than this
// (gse's own default is 2). Of its 350,000 words the rare ones cost most of
// the load: the whole dictionary allocates 409 MB in 2.7 million objects
// and takes 1.2–1.4 s, which was 93–96% of inspect's time; from 200 up it
// allocates 47 MB in 0.5 million. Measured over the tuned gold,
// fixtures/heldout, fixtures/heldout-web and every golden snapshot of
// extract/testdata, no figure and no label moves at 200 (nor at 1000); the
// one rule test that failed, on 行政村 (gse frequency under 75), is now a
// domain word (issue 12). The domain words go in with frequency 100000.
const minTokenFreq = 200

// load builds a segmenter from the domain words and the embedded dictionary.
// The domain words go in first: gse keeps the first entry of a word, and
// every dictionary load ends in gse's CalcToken pass over all words, the
// costliest part of loading, so this order runs it once over the big
// dictionary instead of twice.
func load() *Segmenter {
	defer debug.SetGCPercent(debug.SetGCPercent(gcDuringLoad))
	s := &Segmenter{}
	s.gse.SkipLog = true
	s.gse.MinTokenFreq = minTokenFreq
	var b strings.Builder
	for _, w := range domainWords {
		b.WriteString(w + " 100000 n\n")
	}
	// Neither call can fail: both parse strings in memory.
	_ = s.gse.LoadDictStr(b.String())
	_ = s.gse.LoadDictEmbed("zh_s")
	return s
}

// Tokens cuts text into words with rune offsets and part of speech.
func (s *Segmenter) Tokens(text string) []Token {
	if text == "" {
		return nil
	}
	segs := s.gse.Segment([]byte(text))
	out := make([]Token, 0, len(segs))
	runePos, bytePos := 0, 0
	for _, sg := range segs {
		start, end := sg.Start(), sg.End()
		if start < bytePos || end > len(text) || start > end {
			break // defensive: gse offsets out of step with text
		}
		runePos += utf8.RuneCountInString(text[bytePos:start])
		w := text[start:end]
		n := utf8.RuneCountInString(w)
		pos := ""
		if tk := sg.Token(); tk != nil {
			pos = tk.Pos()
		}
		out = append(out, Token{Text: w, Pos: pos, Start: runePos, End: runePos + n})
		runePos += n
		bytePos = end
	}
	return out
}

// Cut is gse's plain Cut (with HMM) over text, kept for comparison
// benchmarks; govfig itself uses Tokens on short windows only.
func (s *Segmenter) Cut(text string) []string { return s.gse.Cut(text, true) }

// Sentences splits text at sentence ends (。！？!?；; … and line breaks).
// The end mark belongs to its sentence; leading and trailing blanks are
// left out; blank sentences are dropped.
func Sentences(text string) []Span { return SentencesOf([]rune(text)) }

// SentencesOf is Sentences over text already decoded to runes, for a caller
// that holds them (the figure rules decode a document once).
func SentencesOf(rs []rune) []Span { return split(rs, isSentenceEnd) }

// Clauses splits text at clause boundaries (，,、：:; and sentence ends).
// A comma or colon between digits (1,234 or 13.5:1 or 16:16) is no boundary.
func Clauses(text string) []Span { return ClausesOf([]rune(text)) }

// ClausesOf is Clauses over text already decoded to runes.
func ClausesOf(rs []rune) []Span { return split(rs, isClauseEnd) }

// SpansAt is SentencesOf(rs) and ClausesOf(rs) from one list of the places
// a sentence or clause may end: at must hold, in ascending order, every
// index i of rs where rs[i] is one of their marks (。！？!?；;…、，,：: and
// line breaks); it may hold other indexes too. A caller that has such a list
// from its own pass over the text (the figure rules find it while decoding)
// splits both without reading every rune again.
func SpansAt(rs []rune, at []int32) (sentences, clauses []Span) {
	sentences, clauses = AppendSpansAt(nil, nil, rs, at)
	if len(sentences) == 0 {
		sentences = nil // as SentencesOf
	}
	if len(clauses) == 0 {
		clauses = nil
	}
	return sentences, clauses
}

// AppendSpansAt is SpansAt appending the sentences and clauses to the given
// slices (emptied first), for a caller that keeps buffers from one text to
// the next.
func AppendSpansAt(sentences, clauses []Span, rs []rune, at []int32) ([]Span, []Span) {
	marks := 0 // each mark ends at most one span
	for _, p := range at {
		if maybeBoundary(rs[p]) {
			marks++
		}
	}
	return splitAt(sentences, rs, at, isSentenceEnd, marks+1), splitAt(clauses, rs, at, isClauseEnd, marks+1)
}

func isClauseEnd(rs []rune, i int) bool {
	r := rs[i]
	switch r {
	case '，', '、', '：':
		return true
	case ',', ':':
		return !(i > 0 && i+1 < len(rs) && isDigit(rs[i-1]) && isDigit(rs[i+1]))
	}
	return isSentenceEnd(rs, i)
}

// IsSentenceEnd reports whether r ends a sentence.
func IsSentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?', '；', ';', '…', '\n':
		return true
	}
	return false
}

func isSentenceEnd(rs []rune, i int) bool { return IsSentenceEnd(rs[i]) }

func split(rs []rune, isEnd func(rs []rune, i int) bool) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		a, b := start, end
		for a < b && isBlank(rs[a]) {
			a++
		}
		for b > a && isBlank(rs[b-1]) {
			b--
		}
		if b > a {
			out = append(out, Span{a, b})
		}
	}
	for i := 0; i < len(rs); i++ {
		if !maybeBoundary(rs[i]) || !isEnd(rs, i) {
			continue
		}
		end := i + 1
		// Keep runs of closing marks with their sentence: 。” or ……
		for end < len(rs) && (rs[end] == '”' || rs[end] == '’' || rs[end] == '）' || rs[end] == ')' || rs[end] == '…' || rs[end] == '」') {
			end++
		}
		if rs[i] == '\n' {
			end = i // a line break is no part of the sentence
		}
		emit(end)
		start = end
		if rs[i] == '\n' {
			start = i + 1
		}
		i = start - 1
	}
	emit(len(rs))
	return out
}

// splitAt is split into out (emptied first, and made at least size long)
// visiting only the indexes of at (ascending, holding
// every index where maybeBoundary holds): the others are passed over by
// split without a call, and an index split jumps over (the closing marks
// kept with a sentence) is one before start.
func splitAt(out []Span, rs []rune, at []int32, isEnd func(rs []rune, i int) bool, size int) []Span {
	if cap(out) < size {
		out = make([]Span, 0, size)
	}
	out = out[:0]
	start := 0
	for _, p := range at {
		i := int(p)
		if i < start || !maybeBoundary(rs[i]) || !isEnd(rs, i) {
			continue
		}
		end := i + 1
		for end < len(rs) && (rs[end] == '”' || rs[end] == '’' || rs[end] == '）' || rs[end] == ')' || rs[end] == '…' || rs[end] == '」') {
			end++
		}
		if rs[i] == '\n' {
			end = i
		}
		out = appendTrimmed(out, rs, start, end)
		start = end
		if rs[i] == '\n' {
			start = i + 1
		}
	}
	return appendTrimmed(out, rs, start, len(rs))
}

// appendTrimmed is split's emit: the span [a, b) without its blanks at
// either end, unless nothing is left.
func appendTrimmed(out []Span, rs []rune, a, b int) []Span {
	for a < b && isBlank(rs[a]) {
		a++
	}
	for b > a && isBlank(rs[b-1]) {
		b--
	}
	if b > a {
		out = append(out, Span{a, b})
	}
	return out
}

// maybeBoundary reports whether r is one of the runes a sentence or clause
// may end at (IsSentenceEnd's and Clauses' marks): most runes of a text are
// none, and are passed over without calling the split function.
func maybeBoundary(r rune) bool {
	if r < 0x80 {
		return r == '\n' || r == '!' || r == '?' || r == ';' || r == ',' || r == ':'
	}
	return r == '…' || r == '。' || r == '、' || r >= '！' && r <= '？' && (r == '！' || r == '？' || r == '；' || r == '，' || r == '：')
}

func isBlank(r rune) bool {
	return r == ' ' || r == '\t' || r == '\r' || r == '\n' || r == '\u3000' || r == '\u00a0'
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }
