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
// ASCII word stays a word; each of these terms is written once a text, where
// it first occurs:
//
//	全年教育经费3286万元，教育经费 → 全年 年教 教育 育经 经费 费 3286 万元 元
//
// A query word of two characters is its bigram ("经费"); a longer one is
// every one of its bigrams ("教育经费" → "教育" "育经" "经费"), and Search
// keeps only the documents whose title or indexed text holds the word itself
// (the bigrams may occur apart); a single character is a prefix query
// (校 → 校*). No segmenter is needed and two-character words are found
// wherever they occur. Until schema 8 every occurrence of a term was
// written and a longer word was a phrase of its bigrams; Search finds the
// same documents in an index of either kind.

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
	var t ftsTerms
	return t.text(s)
}

// ftsTerms cuts texts into their search terms, each term once a text; its
// sets are kept from one text to the next (a Batch reuses one).
type ftsTerms struct {
	grams termSet             // bigrams and last characters seen: see gramKey
	words map[string]struct{} // ASCII words seen, as written and lower-cased
	buf   []byte
}

// gramKey identifies the bigram of runes a, b, or the character a alone
// when b < 0. It is never 0: a is not ASCII.
func gramKey(a, b rune) uint64 { return uint64(a)<<32 | uint64(b+1) }

// termSet is a set of gramKeys: open addressing, emptied by a new
// generation rather than by clearing (a text holds hundreds of terms, and a
// map costs several times as much a term).
type termSet struct {
	keys []uint64
	gen  []uint32 // keys[i] is in the set when gen[i] == cur
	cur  uint32
	n    int
}

// reset empties the set.
func (t *termSet) reset() {
	t.cur++
	t.n = 0
	if t.cur == 0 { // wrapped around: old generations would look current
		clear(t.gen)
		t.cur = 1
	}
	if t.keys == nil {
		t.keys, t.gen = make([]uint64, 1024), make([]uint32, 1024)
	}
}

// add adds k and reports whether it was new.
func (t *termSet) add(k uint64) bool {
	if 2*(t.n+1) > len(t.keys) {
		t.grow()
	}
	mask := uint64(len(t.keys) - 1)
	for i := (k * 0x9E3779B97F4A7C15) >> 32 & mask; ; i = (i + 1) & mask {
		if t.gen[i] != t.cur {
			t.keys[i], t.gen[i] = k, t.cur
			t.n++
			return true
		}
		if t.keys[i] == k {
			return false
		}
	}
}

// grow doubles the table, keeping the current generation's keys.
func (t *termSet) grow() {
	keys, gen, cur := t.keys, t.gen, t.cur
	t.keys, t.gen, t.cur, t.n = make([]uint64, 2*len(keys)), make([]uint32, 2*len(keys)), 1, 0
	for i, k := range keys {
		if gen[i] == cur {
			t.add(k)
		}
	}
}

// text is FTSText(s).
func (t *ftsTerms) text(s string) string {
	t.grams.reset()
	if t.words == nil {
		t.words = map[string]struct{}{}
	} else if len(t.words) > 0 {
		clear(t.words)
	}
	// A Chinese character (3 bytes) becomes a bigram and a space (7 bytes).
	b := t.buf[:0]
	if c := len(s)*7/3 + 8; cap(b) < c && c <= 1<<20 {
		b = make([]byte, 0, c)
	}
	kind, start := 0, 0 // the current run: its kind and first byte
	prev := -1          // in a run of kind 2: the first byte of its previous rune
	var prevRune rune
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		k := runKind(r)
		if k != kind {
			b = t.flush(b, s, kind, start, prev, prevRune, i)
			kind, start, prev = k, i, -1
		}
		if k == 2 {
			if prev >= 0 {
				b = t.add(b, gramKey(prevRune, r), s[prev:i+size])
			}
			prev, prevRune = i, r
		}
		i += size
	}
	b = t.flush(b, s, kind, start, prev, prevRune, len(s))
	out := string(b)
	if cap(b) <= 1<<20 {
		t.buf = b[:0]
	}
	return out
}

// add appends term (key k) and a space unless the text had it already.
func (t *ftsTerms) add(b []byte, k uint64, term string) []byte {
	if !t.grams.add(k) {
		return b
	}
	b = append(b, term...)
	return append(b, ' ')
}

// flush ends the run s[start:end] of kind: an ASCII word is written whole;
// a run of kind 2, whose bigrams are written already, adds its last
// character alone (the rune last, which starts at byte at). Each only the
// first time in the text: the index's tokenizer lower-cases ASCII, so GDP
// and gdp are one word.
func (t *ftsTerms) flush(b []byte, s string, kind, start, at int, last rune, end int) []byte {
	switch kind {
	case 1:
		w := s[start:end]
		if _, ok := t.words[w]; ok {
			return b
		}
		lw := asciiLower(w)
		if _, ok := t.words[lw]; ok {
			t.words[w] = struct{}{}
			return b
		}
		t.words[w], t.words[lw] = struct{}{}, struct{}{}
		b = append(b, w...)
		b = append(b, ' ')
	case 2:
		b = t.add(b, gramKey(last, -1), s[at:end])
	}
	return b
}

// asciiLower lower-cases the ASCII letters of w (a word of kind 1),
// allocating only when it has an upper-case one.
func asciiLower(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

// FTSQuery turns search words into an FTS4 MATCH expression: every word (and
// every run of one script inside a word) must occur; see the FTS model above.
// The expression finds a superset of the documents that contain a word of
// three or more Chinese characters; Search keeps those that contain it.
func FTSQuery(query string) (string, error) {
	match, _, err := ftsQuery(query)
	return match, err
}

// ftsQuery returns the MATCH expression of query and the runs of three or
// more characters a document must also contain as they are.
func ftsQuery(query string) (string, []string, error) {
	var parts, exact []string
	for _, word := range strings.Fields(query) {
		runs(word, func(kind int, run []rune) {
			switch {
			case kind == 1:
				parts = append(parts, `"`+strings.ToLower(string(run))+`"`)
			case len(run) == 1:
				parts = append(parts, string(run)+"*")
			default:
				seen := map[string]bool{}
				for i := 0; i+1 < len(run); i++ {
					if g := string(run[i : i+2]); !seen[g] {
						seen[g] = true
						parts = append(parts, `"`+g+`"`)
					}
				}
				if len(run) > 2 {
					exact = append(exact, string(run))
				}
			}
		})
	}
	if len(parts) == 0 {
		return "", nil, errors.New("search query has no words")
	}
	return strings.Join(parts, " "), exact, nil
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
	match, exact, err := ftsQuery(query)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 20
	}
	// A word of three or more characters must be in the title or in the
	// part of the body the index holds: its first MaxIndexedText bytes,
	// compared as bytes (indexedPart cuts at a character, and a word, whole
	// UTF-8 characters, cannot end in the cut-off rest of one).
	var where strings.Builder
	args := []any{match}
	for _, w := range exact {
		fmt.Fprintf(&where, ` AND (instr(d.title, ?) > 0 OR instr(substr(CAST(d.body AS BLOB), 1, %d), CAST(? AS BLOB)) > 0)`,
			MaxIndexedText)
		args = append(args, w, w)
	}
	args = append(args, limit)
	rows, err := s.db.QueryContext(ctx, `
		SELECT d.id, d.url, d.title, d.region, d.published_at, d.body
		FROM documents_fts JOIN documents d ON d.id = documents_fts.docid
		WHERE documents_fts MATCH ?`+where.String()+`
		ORDER BY d.published_at DESC, d.id
		LIMIT ?`, args...)
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
