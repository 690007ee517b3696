package main

import (
	"fmt"
	"github.com/govfig/govfig/extract/sniff"
	"io"
	"strings"
	"unicode/utf8"
)

// Terminal output: titles, URLs, snippets and problem messages come from
// scraped pages, and a page can hold terminal escapes (ESC]8;; hyperlinks,
// ESC[2J that clears the screen, a bell). Everything govfig prints for a
// person goes through termSafe (by termWriter, which run wraps around stdout
// and stderr); error lines are also cut to maxErrorRunes, so a 20,000-word
// query echoed back by an error is a line, not 140 KB.

// maxErrorRunes bounds one printed error message.
const maxErrorRunes = 600

// termSafe removes what a terminal would act on rather than show: escape
// sequences whole (CSI ESC[…final, OSC ESC]…BEL or ESC\, and two-byte
// escapes), the other C0 controls but tab and line feed, DEL, the C1
// controls U+0080–U+009F and the bidirectional overrides that reorder what
// is shown (U+202A–U+202E, U+2066–U+2069). Invalid UTF-8 becomes U+FFFD.
func termSafe(s string) string {
	clean := utf8.ValidString(s)
	for _, r := range s {
		if unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == 0x1b {
			i += sniff.EscapeLen(s[i:], 0)
			continue
		}
		i += n
		switch {
		case r == utf8.RuneError && n <= 1:
			b.WriteRune(utf8.RuneError)
		case !unsafeRune(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unsafeRune reports a rune termSafe removes.
func unsafeRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// termLine is termSafe for one field of a line: line breaks and tabs become
// spaces and the text is cut to max runes.
func termLine(s string, max int) string {
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return ' '
		}
		return r
	}, termSafe(s))
	return clip(s, max)
}

// clip cuts s to max runes, saying how much was left out.
func clip(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	i, n := 0, 0
	for i = range s {
		if n == max {
			break
		}
		n++
	}
	return fmt.Sprintf("%s… (%d more bytes)", s[:i], len(s)-i)
}

// termWriter passes what is written through termSafe.
type termWriter struct{ w io.Writer }

func (t termWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(t.w, termSafe(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// rawTerm returns the writer under a termWriter, for govfig's own progress
// lines (carriage returns, clear-line sequences); other writers as they are.
func rawTerm(w io.Writer) io.Writer {
	if t, ok := w.(termWriter); ok {
		return t.w
	}
	return w
}
