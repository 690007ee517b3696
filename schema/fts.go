package schema

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FTS model: SQLite's FTS4 "simple" tokenizer splits on ASCII punctuation and
// spaces and keeps any run of non-ASCII characters as one token, so a Chinese
// sentence would be a single word. The store therefore indexes text that is
// already cut: every run of Chinese (non-ASCII letters or digits) becomes its
// overlapping character bigrams followed by its last character alone, and every
// ASCII word stays a word:
//
//	全年教育经费3286万元 → 全年 年教 教育 育经 经费 费 3286 万元 元
//
// A query word becomes a phrase of its bigrams ("经费" → "经费", "教育经费" →
// "教育 育经 经费"), which matches exactly where the characters are adjacent;
// a single character becomes a prefix query (校 → 校*). No segmenter is needed
// and two-character words are found wherever they occur.

// runKind classifies a rune for FTS tokenizing.
func runKind(r rune) int {
	switch {
	case r < utf8.RuneSelf && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'):
		return 1 // ASCII word
	case r >= 0x4E00 && r <= 0x9FFF: // CJK Unified Ideographs, all letters: most of a text
		return 2
	case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsNumber(r)):
		return 2 // Chinese and other non-ASCII letters
	default:
		return 0
	}
}

// runs cuts s into maximal runs of one kind (1 or 2), skipping separators.
func runs(s string, fn func(kind int, run []rune)) {
	var cur []rune
	kind := 0
	flush := func() {
		if len(cur) > 0 {
			fn(kind, cur)
		}
		cur = cur[:0]
	}
	for _, r := range s {
		k := runKind(r)
		if k != kind {
			flush()
			kind = k
		}
		if k != 0 {
			cur = append(cur, r)
		}
	}
	flush()
}

// MaxIndexedText is how much of a document's text the full-text index
// holds: the first 4 MB (cut at a character). The text is stored whole;
// only search misses words past it. District reports are far shorter; the
// bound keeps a 32 MB page's index from costing seconds and 100 MB.
const MaxIndexedText = 4 << 20

// indexedPart is the part of s the index holds.
func indexedPart(s string) string {
	if len(s) <= MaxIndexedText {
		return s
	}
	i := MaxIndexedText
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i]
}

// FTSText is the text the full-text index stores for s (see the FTS model
// above). Exported so tools that fill documents_fts themselves stay in step.
// It works on the bytes of s: a rune of a run is copied as it is written, so
// the output is the same as re-encoding the decoded runes (a byte that is not
// UTF-8 decodes to U+FFFD, a separator, and is dropped either way).
func FTSText(s string) string {
	// A Chinese character (3 bytes) becomes a bigram and a space (7 bytes).
	b := make([]byte, 0, len(s)*7/3+8)
	kind, start := 0, 0 // the current run: its kind and first byte
	prev := -1          // in a run of kind 2: the first byte of its previous rune
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		k := runKind(r)
		if k != kind {
			b = ftsFlush(b, s, kind, start, prev, i)
			kind, start, prev = k, i, -1
		}
		if k == 2 {
			if prev >= 0 {
				b = append(b, s[prev:i+size]...)
				b = append(b, ' ')
			}
			prev = i
		}
		i += size
	}
	b = ftsFlush(b, s, kind, start, prev, len(s))
	return string(b)
}

// ftsFlush ends the run s[start:end] of kind: an ASCII word is written
// whole; a run of kind 2, whose bigrams are written already, adds its last
// character alone (it starts at byte last).
func ftsFlush(b []byte, s string, kind, start, last, end int) []byte {
	switch kind {
	case 1:
		b = append(b, s[start:end]...)
		b = append(b, ' ')
	case 2:
		b = append(b, s[last:end]...)
		b = append(b, ' ')
	}
	return b
}

// FTSQuery turns search words into an FTS4 MATCH expression: every word (and
// every run of one script inside a word) must occur; see the FTS model above.
func FTSQuery(query string) (string, error) {
	var parts []string
	for _, word := range strings.Fields(query) {
		runs(word, func(kind int, run []rune) {
			switch {
			case kind == 1:
				parts = append(parts, `"`+strings.ToLower(string(run))+`"`)
			case len(run) == 1:
				parts = append(parts, string(run)+"*")
			default:
				grams := make([]string, 0, len(run)-1)
				for i := 0; i+1 < len(run); i++ {
					grams = append(grams, string(run[i:i+2]))
				}
				parts = append(parts, `"`+strings.Join(grams, " ")+`"`)
			}
		})
	}
	if len(parts) == 0 {
		return "", errors.New("search query has no words")
	}
	return strings.Join(parts, " "), nil
}

// Hit is one document found by Search.
type Hit struct {
	ID        int64
	URL       string
	Title     string
	Region    string
	Published string
	Snippet   string // the body around the first match, on one line
}

// Search returns the documents whose title or body contain every word of
// query, newest first, at most limit (0 = 20).
func (s *Store) Search(ctx context.Context, query string, limit int) ([]Hit, error) {
	match, err := FTSQuery(query)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 20
	}
	rows, err := s.db.QueryContext(ctx, `
		SELECT d.id, d.url, d.title, d.region, d.published_at, d.body
		FROM documents_fts JOIN documents d ON d.id = documents_fts.docid
		WHERE documents_fts MATCH ?
		ORDER BY d.published_at DESC, d.id
		LIMIT ?`, match, limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	defer rows.Close()
	words := strings.Fields(query)
	var hits []Hit
	for rows.Next() {
		var h Hit
		var body string
		if err := rows.Scan(&h.ID, &h.URL, &h.Title, &h.Region, &h.Published, &body); err != nil {
			return nil, err
		}
		h.Snippet = snippet(body, words, 30)
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// snippet returns about width characters either side of the first of words
// found in body, with line breaks flattened.
func snippet(body string, words []string, width int) string {
	at := -1
	for _, w := range words {
		if i := strings.Index(strings.ToLower(body), strings.ToLower(w)); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		at = 0
	}
	start := at
	for n := 0; n < width && start > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(body[:start])
		start -= size
	}
	end := at
	for n := 0; n < 2*width && end < len(body); n++ {
		_, size := utf8.DecodeRuneInString(body[end:])
		end += size
	}
	out := strings.Join(strings.Fields(body[start:end]), " ")
	if start > 0 {
		out = "…" + out
	}
	if end < len(body) {
		out += "…"
	}
	return out
}
