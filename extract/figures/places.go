package figures

import (
	"math"
	"sync"
	"unicode/utf8"

	"github.com/govfig/govfig/extract/number"
	"github.com/govfig/govfig/segment"
)

// The passes over a whole document (sentences, clauses, periods, quotations,
// addresses, enclosing marks, share words and bare magnitudes) each look for
// a few runes that Chinese text seldom holds, and most runes are Han
// characters that none of them wants. decodeInto lists, while it decodes,
// every index whose rune any of them may want (places); each pass then reads
// only those. The passes that read every rune are kept in places_test.go,
// which holds each to its pass over the places.

// placed reports whether the rune r goes in the list of places: every rune
// outside U+4000–U+9FFF but the ASCII digits, and the Han characters the
// passes look for (对對半 of shareWordCands, 百千万亿 of
// bareMagnitudeCands). TestPlacedHoldsEveryWantedRune holds it to each
// pass's own test.
func placed(r rune) bool {
	if r >= 0x4000 && r <= 0x9fff {
		return placedHan(r)
	}
	return r < '0' || r > '9'
}

func placedHan(r rune) bool {
	i := uint32(r) - 0x4000
	return i < 0x6000 && placedHanBits[i>>6]&(1<<(i&63)) != 0
}

// placedHanBits has a bit for each of 对對半百千万亿 in U+4000–U+9FFF.
var placedHanBits = func() (b [0x6000 / 64]uint64) {
	for _, r := range "对對半百千万亿" {
		i := uint32(r) - 0x4000
		b[i>>6] |= 1 << (i & 63)
	}
	return b
}()

// textBuf holds what one extraction needs buffers for (the text's runes,
// offsets and places, numerals, spans and candidates), kept between
// documents in textBufs: Run takes one and gives it back reset, and nothing
// it returns refers to one.
type textBuf struct {
	rs      []rune
	off     []int32
	at      []int32
	matches []number.Match // the numerals of the text (prose)
	// sentences, clauses and periods of the text
	sentences, clauses, periods []segment.Span
	cands                       [][]cand // chunks newCand hands out candidates from
	used                        int      // candidates handed out for this text
	// prose's lists of candidates and figures, and the spans of its figures
	candPtrs, figs []*cand
	pending        []span
}

// candChunk is how many candidates a chunk of textBuf.cands holds, and
// maxPooledChunks how many chunks are kept.
const (
	candChunk       = 64
	maxPooledChunks = 64
)

// newCand returns a zero candidate from b's chunks: a text's candidates
// live as long as its extraction (the figures are copied out of them), and
// one allocation a chunk replaces one a candidate.
func (b *textBuf) newCand() *cand {
	k, i := b.used/candChunk, b.used%candChunk
	if k == len(b.cands) {
		b.cands = append(b.cands, make([]cand, candChunk))
	}
	b.used++
	return &b.cands[k][i] // zero: new, or cleared by reset
}

// maxPooledSpans is the most sentences, clauses, periods, candidates or
// figures whose buffer is kept.
const maxPooledSpans = 1 << 14

// reset readies b for the next text, dropping chunks past maxPooledChunks
// and span buffers past maxPooledSpans.
func (b *textBuf) reset() {
	// Clear the candidates handed out, so that no figure of this text is
	// kept alive by the pool (nor its sentence, a slice of the text).
	for k := 0; k*candChunk < b.used; k++ {
		clear(b.cands[k][:min(candChunk, b.used-k*candChunk)])
	}
	b.used = 0
	for _, l := range []*[]*cand{&b.candPtrs, &b.figs} {
		clear(*l)
		if *l = (*l)[:0]; cap(*l) > maxPooledSpans {
			*l = nil
		}
	}
	if b.pending = b.pending[:0]; cap(b.pending) > maxPooledSpans {
		b.pending = nil
	}
	for _, s := range []*[]segment.Span{&b.sentences, &b.clauses, &b.periods} {
		if cap(*s) > maxPooledSpans {
			*s = nil
		}
	}
	if len(b.cands) > maxPooledChunks {
		b.cands = b.cands[:maxPooledChunks:maxPooledChunks]
	}
}

// maxPooledText is the longest text (in bytes) whose buffers are kept for
// the next document: a rune buffer holds len(text) runes, four times the
// text, so that no rune count is needed first.
const maxPooledText = 1 << 20

// maxPooledMatches is the most numerals whose buffer is kept.
const maxPooledMatches = 1 << 14

var textBufs = sync.Pool{New: func() any { return new(textBuf) }}

// decodeInto is decodeText(s) in b's buffers, with the places of s (the
// indexes of its runes for which placed holds, ascending). b keeps the
// buffers when s is at most maxPooledText bytes long.
func decodeInto(s string, b *textBuf) (rs []rune, off []int32, at []int32) {
	if len(s) > math.MaxInt32 {
		rs, off = decodeText(s)
		for i, r := range rs {
			if placed(r) {
				at = append(at, int32(i))
			}
		}
		return rs, off, at
	}
	if len(s) <= maxPooledText {
		if cap(b.rs) < len(s) {
			b.rs = make([]rune, len(s))
			b.off = make([]int32, len(s)+1)
		}
		rs, off = b.rs[:len(s)], b.off[:len(s)+1]
	} else {
		n := utf8.RuneCountInString(s)
		rs, off = make([]rune, n), make([]int32, n+1)
	}
	at = b.at[:0]
	valid := true
	k := 0
	for i := 0; i < len(s); k++ {
		c := s[i]
		r, w := rune(c), 1
		switch {
		case c < utf8.RuneSelf:
			if c < '0' || c > '9' {
				at = append(at, int32(k))
			}
		case (c >= 0xe1 && c <= 0xec || c == 0xee || c == 0xef) && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80:
			// Three bytes whose lead allows any continuation bytes (see
			// decodeText); a lead from 0xe4 to 0xe9 is a rune from U+4000
			// to U+9FFF.
			r, w = rune(c&0x0f)<<12|rune(s[i+1]&0x3f)<<6|rune(s[i+2]&0x3f), 3
			if c < 0xe4 || c > 0xe9 || placedHan(r) {
				at = append(at, int32(k))
			}
		default:
			r, w = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && w == 1 {
				valid = false
			}
			if placed(r) {
				at = append(at, int32(k))
			}
		}
		rs[k] = r
		off[k] = int32(i)
		i += w
	}
	rs, off = rs[:k], off[:k+1]
	off[k] = int32(len(s))
	if len(s) <= maxPooledText {
		b.at = at
	}
	if !valid {
		off = nil
	}
	return rs, off, at
}

// periodSpansAt splits text into sentences at 。！？ and line breaks only,
// reading the places at; years and plans are read in this wider context (a
// ； does not end the year a sentence speaks of).
func periodSpansAt(rs []rune, at []int32) []segment.Span {
	out := appendPeriodSpansAt(nil, rs, at)
	if len(out) == 0 {
		return nil
	}
	return out
}

// appendPeriodSpansAt is periodSpansAt appending to out[:0].
func appendPeriodSpansAt(out []segment.Span, rs []rune, at []int32) []segment.Span {
	out = out[:0]
	start := 0
	for _, p := range at {
		i := int(p)
		if r := rs[i]; r == '。' || r == '！' || r == '？' || r == '!' || r == '?' || r == '\n' {
			if i+1 > start {
				out = append(out, segment.Span{Start: start, End: i + 1})
			}
			start = i + 1
		}
	}
	if start < len(rs) {
		out = append(out, segment.Span{Start: start, End: len(rs)})
	}
	return out
}

// quotedSpansAt finds short quotations “…” / "…" / 「…」 on one line.
func quotedSpansAt(rs []rune, at []int32) []span {
	var out []span
	for _, p := range at {
		i := int(p)
		var close rune
		switch rs[i] {
		case '“':
			close = '”'
		case '「':
			close = '」'
		case '"':
			close = '"'
		default:
			continue
		}
		for j := i + 1; j < len(rs) && j <= i+shortQuote+1; j++ {
			if rs[j] == '\n' {
				break
			}
			if rs[j] == close {
				out = append(out, span{i + 1, j})
				break
			}
		}
	}
	return out
}

// urlSpansAt finds web addresses (http://…, www.…): their digits are codes
// (…?q=30%25%2020%).
func urlSpansAt(rs []rune, at []int32) []span {
	var out []span
	next := 0 // urlSpans goes on after an address's end
	for _, p := range at {
		i := int(p)
		if i < next {
			continue
		}
		if r := rs[i]; r != 'h' && r != 'w' {
			continue
		}
		if !(hasAt(rs, i, "http://") || hasAt(rs, i, "https://") || hasAt(rs, i, "www.")) {
			continue
		}
		j := i
		for j < len(rs) && rs[j] > ' ' && rs[j] < 0x2000 {
			j++
		}
		out = append(out, span{i, j})
		next = j + 1
	}
	return out
}

// marksAt says which of the opening marks enclosed looks for rs holds.
func marksAt(rs []rune, at []int32) encloseMarks {
	m := encloseMarks{at: at}
	for _, p := range at {
		switch rs[p] {
		case '《':
			m.title = true
		case '〔':
			m.docNumber = true
		}
	}
	return m
}
