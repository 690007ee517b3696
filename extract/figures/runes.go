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
	for _, c := range set {
		if c == r {
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
