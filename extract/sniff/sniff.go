// Package sniff decides whether the bytes of an input are text or a binary
// file, for the page and text readers.
//
// One stray NUL byte does not make a page binary: saved pages and scraped
// texts carry a few (a CMS pads a field, a copy-paste from a word processor),
// and refusing the whole page loses every figure on it. The decision is made
// in two steps:
//
//  1. a magic number at the start names a binary format (PNG, JPEG, GIF, PDF,
//     ZIP and the OOXML formats inside it, gzip, OLE2 .doc/.xls, …): binary;
//  2. otherwise the share of control bytes (C0 controls other than tab, line
//     feed, form feed, vertical tab and carriage return, and DEL) decides:
//     more than MaxControlShare of the input is binary, fewer is text whose
//     NUL bytes are removed (Clean) and reported as a problem of the document.
//
// Text in UTF-16 is half NUL bytes: readers decode a UTF-16 input (known by
// its byte-order mark) before they sniff it.
package sniff

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxControlShare is the share of control bytes above which an input without
// a known magic number is binary: 1 in 100.
const MaxControlShare = 0.01

// magic is one binary format known by the bytes it starts with.
type magic struct {
	prefix string
	name   string
}

// magics are the binary formats refused at once, in the order tried; each
// is the signature its specification gives.
var magics = []magic{
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
	{"%PDF-", "a PDF document"},
	{"PK\x03\x04", "a ZIP archive (or an OOXML .docx/.xlsx)"},
	{"PK\x05\x06", "a ZIP archive (empty)"},
	{"PK\x07\x08", "a ZIP archive (spanned)"},
	{"\x1f\x8b", "gzip-compressed data"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 document (.doc/.xls/.ppt)"},
	{"BM", ""}, // checked in Binary: "BM" also starts plain words
	{"Rar!\x1a\x07", "a RAR archive"},
	{"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"},
	{"BZh", ""}, // likewise
	{"\xfd7zXZ\x00", "xz-compressed data"},
	{"\x28\xb5\x2f\xfd", "zstd-compressed data"},
	{"\x7fELF", "an ELF executable"},
	{"MZ", ""}, // likewise
	{"RIFF", ""},
	{"\x00\x00\x01\x00", "an icon"},
	{"wOFF", "a web font"},
	{"wOF2", "a web font"},
	{"\x00\x01\x00\x00\x00", "a font"},
	{"OggS", "Ogg media"},
	{"ID3", "an MP3 audio file"},
	{"\x1aE\xdf\xa3", "WebM/Matroska media"},
	{"SQLite format 3\x00", "an SQLite database"},
}

// Magic names the binary format b starts with, or returns "".
func Magic(b []byte) string {
	for _, m := range magics {
		if !bytes.HasPrefix(b, []byte(m.prefix)) {
			continue
		}
		if m.name != "" {
			return m.name
		}
		// Two- and three-letter signatures that also start words: they
		// count only when a control byte follows within the header.
		if len(b) >= 16 && controls(b[:16]) >= 2 {
			switch m.prefix {
			case "BM":
				return "a BMP image"
			case "BZh":
				return "bzip2-compressed data"
			case "MZ":
				return "a Windows executable"
			case "RIFF":
				return "RIFF media (WebP, WAV, AVI)"
			}
		}
	}
	if len(b) >= 12 && string(b[4:8]) == "ftyp" {
		return "MP4/QuickTime media"
	}
	return ""
}

// isControl reports a byte that plain text does not hold: a C0 control other
// than \t \n \v \f \r, or DEL. ESC counts: it starts terminal escapes.
func isControl(c byte) bool {
	return c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' || c == 0x7f
}

func controls(b []byte) int {
	n := 0
	for _, c := range b {
		if isControl(c) {
			n++
		}
	}
	return n
}

// Binary returns a non-nil error naming why b is not text: a magic number,
// or more control bytes than MaxControlShare. A few NUL bytes in text are no
// reason (see Clean).
func Binary(b []byte) error {
	if name := Magic(b); name != "" {
		return fmt.Errorf("content looks like %s", name)
	}
	n := controls(b)
	if n > 0 && float64(n) > MaxControlShare*float64(len(b)) {
		return fmt.Errorf("binary bytes (%d control bytes in %d, more than 1 in %d)", n, len(b), int(1/MaxControlShare))
	}
	return nil
}

// Clean removes the NUL bytes of b (a text Binary accepted) and returns the
// cleaned bytes, the number removed and, when some were, a problem to record
// on the document. b itself is not modified.
func Clean(b []byte) ([]byte, int, string) {
	first := bytes.IndexByte(b, 0)
	if first < 0 {
		return b, 0, ""
	}
	out := make([]byte, 0, len(b))
	n := 0
	for _, c := range b {
		if c == 0 {
			n++
			continue
		}
		out = append(out, c)
	}
	return out, n, fmt.Sprintf("%d NUL bytes removed (first at byte offset %d)", n, first)
}

// CleanString is Clean for decoded text (a UTF-16 input's U+0000).
func CleanString(s string) (string, int, string) {
	b, n, p := Clean([]byte(s))
	if n == 0 {
		return s, 0, ""
	}
	return string(b), n, p
}

// ControlRune reports a control character that is not white space: C0
// (NUL, ESC, BEL…), DEL and C1. Scraped text never carries them on: ESC
// starts terminal escapes, and the workbook's XML cannot hold them.
func ControlRune(r rune) bool {
	return r < 0x20 && !(r >= '\t' && r <= '\r') || r == 0x7f || r >= 0x80 && r <= 0x9f && r != 0x85
}

// DropControls returns s without its terminal escape sequences (whole, up
// to MaxEscape bytes) and its other ControlRune characters.
func DropControls(s string) string {
	dirty := false
	for _, r := range s {
		if ControlRune(r) {
			dirty = true
			break
		}
	}
	if !dirty {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == 0x1b {
			i += EscapeLen(s[i:], MaxEscape)
			continue
		}
		if !ControlRune(r) {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// MaxEscape is the longest escape sequence text readers remove whole; an
// ESC starting a longer or unterminated one loses only itself and the
// character after it, so a stray ESC never swallows a paragraph.
const MaxEscape = 512

// EscapeLen is the length of the escape sequence at the start of s (which
// starts with ESC): CSI ESC[… up to a final byte, OSC ESC]… (and DCS, APC,
// PM, SOS) up to BEL or ST (ESC\), else ESC and one character. With max > 0
// a sequence not ended within max bytes counts as two bytes; with max <= 0
// it runs to the end of s (what a terminal would swallow).
func EscapeLen(s string, max int) int {
	if len(s) < 2 {
		return len(s)
	}
	limit := len(s)
	if max > 0 && max < limit {
		limit = max
	}
	unended := len(s)
	if max > 0 {
		_, n := utf8.DecodeRuneInString(s[1:])
		unended = 1 + n
	}
	switch s[1] {
	case '[': // CSI: parameters and intermediates, then a final byte @–~.
		for i := 2; i < limit; i++ {
			if s[i] >= 0x40 && s[i] <= 0x7e {
				return i + 1
			}
		}
		return unended
	case ']', 'P', '_', '^', 'X': // OSC, DCS, APC, PM, SOS: up to BEL or ST (ESC\).
		for i := 2; i < limit; i++ {
			if s[i] == 0x07 {
				return i + 1
			}
			if s[i] == 0x1b {
				if i+1 < len(s) && s[i+1] == '\\' {
					return i + 2
				}
				return i
			}
		}
		return unended
	}
	_, n := utf8.DecodeRuneInString(s[1:])
	return 1 + n // ESC and one character (ESC c resets the terminal)
}
