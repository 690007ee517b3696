package figures

import (
	"strings"
	"unicode/utf8"
)

// runeIn is strings.ContainsRune(set, r) for a set that is valid UTF-8
// without U+FFFD (every set the rules write): it compares runes instead of
// encoding r and searching set for it, which the rules did for most runes of
// the text.
func runeIn(set string, r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return strings.IndexByte(set, byte(r)) >= 0
	}
	// Compare r's encoding with set's bytes: its lead byte can only match at
	// the start of a rune of set (set is valid UTF-8); an invalid r encodes
	// as U+FFFD, which no set holds.
	var b [utf8.UTFMax]byte
	n := utf8.EncodeRune(b[:], r)
	for i := 0; i+n <= len(set); i++ {
		if set[i] == b[0] && set[i+1] == b[1] && (n == 2 || set[i+2] == b[2] && (n == 3 || set[i+3] == b[3])) {
			return true
		}
	}
	return false
}

// containsAnyRune is strings.ContainsAny(s, chars) for chars valid UTF-8
// without U+FFFD: one substring search per rune of chars instead of a set
// lookup per rune of s. The two agree on any s, valid or not: a rune's
// encoding found anywhere in s is decoded as that rune, since no decoding
// step swallows the lead byte that starts it.
func containsAnyRune(s, chars string) bool {
	for i := 0; i < len(chars); {
		_, n := utf8.DecodeRuneInString(chars[i:])
		if strings.Contains(s, chars[i:i+n]) {
			return true
		}
		i += n
	}
	return false
}

// lastRunes is the last n runes of s: string([]rune(s)[len-n:]) (all of s
// when shorter) without converting s, for s valid UTF-8 (every window the
// rules cut from the text is).
func lastRunes(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, w := utf8.DecodeLastRuneInString(s[:i])
		i -= w
	}
	return s[i:]
}

// wordsByRune indexes words by their first or last rune, each list in the
// words' own order, so that a loop over the list of the rune at hand finds
// the same first match as a loop over all the words.
func wordsByRune(ws []string, last bool) map[rune][]string {
	m := map[rune][]string{}
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if last {
			r, _ = utf8.DecodeLastRuneInString(w)
		}
		m[r] = append(m[r], w)
	}
	return m
}

// trimSet is strings.Trim(s, set) for a set that is valid UTF-8 without
// U+FFFD, testing runes with runeIn instead of encoding each one.
func trimSet(s, set string) string {
	for s != "" {
		r, n := rune(s[0]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s)
		}
		if !runeIn(set, r) {
			break
		}
		s = s[n:]
	}
	for s != "" {
		r, n := rune(s[len(s)-1]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeLastRuneInString(s)
		}
		if !runeIn(set, r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// runesIn is containsAnyRune(c.sub(a, b), string(set)) read from the
// runes: the text of c.sub(a, b) decodes to c.rs[a:b] (for text that is not
// valid UTF-8, c.sub encodes the runes themselves).
func (c *docCtx) runesIn(a, b int, set []rune) bool {
	a, b = max(a, 0), min(b, len(c.rs))
	if a >= b {
		return false
	}
	for _, r := range c.rs[a:b] {
		if containsRune(set, r) {
			return true
		}
	}
	return false
}

// The rune sets runesIn is asked about.
var (
	infixQualRunes = []rune("余多")   // 60余亿元
	qualVerbRunes  = []rune("至少最不") // 至少配备, 不少于
)

// wordSet answers containsAny(s, words) for a fixed list of words by one
// pass over s: a bit per pair of bytes that starts a word marks where one
// may start, and only there are the words compared. A word list scanned
// with strings.Contains once per word finds the lead byte of its Han
// characters at most runes of a Chinese text; the pairs of bytes rule out
// nearly all of them. Exact on any s, valid UTF-8 or not.
type wordSet struct {
	words  []string
	keys   []uint16 // the first two bytes of each word of two bytes or more
	pairs  [1 << 16 / 64]uint64
	single string // the words of one byte
	empty  bool   // an empty word: every s holds it
	// noSkip: a word starts with a UTF-8 continuation byte, so in may not
	// step over the continuation bytes of a three-byte rune.
	noSkip bool
}

func newWordSet(words []string) *wordSet {
	ws := &wordSet{}
	for _, w := range words {
		switch len(w) {
		case 0:
			ws.empty = true
		case 1:
			ws.single += w
		default:
			k := uint16(w[0])<<8 | uint16(w[1])
			if w[0]&0xc0 == 0x80 {
				ws.noSkip = true
			}
			ws.words = append(ws.words, w)
			ws.keys = append(ws.keys, k)
			ws.pairs[k>>6] |= 1 << (k & 63)
		}
	}
	return ws
}

// in reports whether s holds one of the words: containsAny(s, words).
func (ws *wordSet) in(s string) bool {
	if ws.empty {
		return true
	}
	for i := 0; i+1 < len(s); {
		b := s[i]
		k := uint16(b)<<8 | uint16(s[i+1])
		if ws.pairs[k>>6]&(1<<(k&63)) != 0 {
			for j, w := range ws.words {
				if ws.keys[j] == k && strings.HasPrefix(s[i:], w) {
					return true
				}
			}
		}
		// The two continuation bytes of a three-byte rune (a Han
		// character) start no word: step over them.
		if b&0xf0 == 0xe0 && !ws.noSkip && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
			i += 3
		} else {
			i++
		}
	}
	for i := 0; i < len(ws.single); i++ {
		if strings.IndexByte(s, ws.single[i]) >= 0 {
			return true
		}
	}
	return false
}
