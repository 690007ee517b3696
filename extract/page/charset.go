package page

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/govfig/govfig/extract/sniff"
)

// Charset decisions, in order (see decode):
//
//  1. a byte-order mark (UTF-8, UTF-16LE/BE) wins;
//  2. the charset parameter of the HTTP Content-Type header;
//  3. the first <meta charset> or <meta http-equiv="Content-Type"> anywhere in
//     <head> (not only in the first 1024 bytes: old county sites put theirs
//     after long scripts);
//  4. sniffing: valid UTF-8 is UTF-8, otherwise GB18030.
//
// GB2312, GBK and x-gbk labels are decoded as GB18030, a superset, and
// reported under their WHATWG name "gbk"; a page sniffed or corrected to the
// Chinese national charset reports "gb18030". Declarations are checked
// against the bytes:
//
//   - declared UTF-8 (or undeclared) but not valid UTF-8: when the bytes are
//     clean GB18030 and the invalid sequences are not a few stray bytes in a
//     UTF-8 page, the page is decoded as GB18030 and reported "gb18030";
//     otherwise it is decoded as UTF-8 with U+FFFD for the bad bytes and
//     Document.Problem says how many were replaced;
//   - declared any other charset but the bytes are valid UTF-8 with
//     multi-byte text: the page is UTF-8 and reported "utf-8".

// maxHeadScan bounds how far the meta prescan reads when <head> never ends.
const maxHeadScan = 256 << 10

// errEmpty is the cause of an empty (or blank) page.
var errEmpty = errors.New("empty page")

// decoded is the result of decode.
type decoded struct {
	text    string
	charset string // lowercase WHATWG name of the encoding used
	problem string // set when bytes had to be replaced
}

// decode turns the page bytes into UTF-8 text. A page that is not binary
// (package sniff) but holds NUL bytes loses them, and Problem says so.
func decode(body []byte, contentType string) (decoded, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return decoded{}, errEmpty
	}
	body, nuls, err := sniffBinary(body)
	if err != nil {
		return decoded{}, err
	}
	d, err := decodeCharset(body, contentType)
	if err != nil {
		return d, err
	}
	// A UTF-16 page's U+0000.
	var more string
	d.text, _, more = sniff.CleanString(d.text)
	if nuls == "" {
		nuls = more
	}
	if nuls != "" {
		d.problem = join(nuls, d.problem)
	}
	return d, nil
}

// decodeCharset decodes body by the rules above.
func decodeCharset(body []byte, contentType string) (decoded, error) {
	// 1. byte-order marks.
	switch {
	case bytes.HasPrefix(body, []byte("\xef\xbb\xbf")):
		return decodeUTF8(body[3:], "")
	case bytes.HasPrefix(body, []byte("\xff\xfe")):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), body, "utf-16le")
	case bytes.HasPrefix(body, []byte("\xfe\xff")):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), body, "utf-16be")
	}
	// 2. and 3. declarations.
	label := headerCharset(contentType)
	if label == "" {
		label = metaCharset(body)
	}
	if label != "" {
		enc, name := lookup(label)
		if enc != nil {
			if name == "utf-8" {
				return decodeUTF8(body, "declared utf-8")
			}
			if name != "utf-16le" && name != "utf-16be" && looksUTF8(body) {
				// Declared a legacy charset, written in UTF-8.
				return decoded{text: string(body), charset: "utf-8"}, nil
			}
			return decodeWith(enc, body, name)
		}
	}
	// 4. sniffing.
	return decodeUTF8(body, "")
}

// lookup maps a charset label to the encoding used for it and its reported
// name; GBK-family labels decode as GB18030.
func lookup(label string) (encoding.Encoding, string) {
	label = strings.ToLower(strings.Trim(strings.TrimSpace(label), `"'`))
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, ""
	}
	name, err := htmlindex.Name(enc)
	if err != nil {
		return nil, ""
	}
	switch name {
	case "gbk", "gb18030":
		return simplifiedchinese.GB18030, name
	case "utf-16le", "utf-16be":
		// A page that reached here has no BOM and is ASCII-compatible (a
		// real UTF-16 page has NUL bytes and was refused as binary):
		// HTML's rule is to treat the declaration as UTF-8.
		return encoding.Nop, "utf-8"
	}
	return enc, name
}

// decodeUTF8 reads body as UTF-8, falling back to GB18030 when the bytes are
// not UTF-8 but are clean GB18030. why names the declaration, for Problem.
func decodeUTF8(body []byte, why string) (decoded, error) {
	if utf8.Valid(body) {
		return decoded{text: string(body), charset: "utf-8"}, nil
	}
	multi, bad := utf8Stats(body)
	// A UTF-8 page with a few damaged bytes keeps its UTF-8: GB18030 would
	// turn all of its Chinese into mojibake.
	if multi <= 4*bad {
		if d, err := decodeWith(simplifiedchinese.GB18030, body, "gb18030"); err == nil && d.problem == "" {
			return d, nil
		}
	}
	text := strings.ToValidUTF8(string(body), "\uFFFD")
	if why == "" {
		why = "undeclared charset"
	}
	return decoded{text: text, charset: "utf-8",
		problem: fmt.Sprintf("%s but %d invalid utf-8 sequences (not gb18030 either); replaced with U+FFFD", why, bad)}, nil
}

// decodeWith decodes body with enc, counting replacement characters that
// the decoder introduced.
func decodeWith(enc encoding.Encoding, body []byte, name string) (decoded, error) {
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return decoded{}, fmt.Errorf("decode %s: %w", name, err)
	}
	d := decoded{text: string(out), charset: name}
	if n := bytes.Count(out, []byte("\uFFFD")) - bytes.Count(body, []byte("\uFFFD")); n > 0 {
		d.problem = fmt.Sprintf("%d byte sequences invalid in %s replaced with U+FFFD", n, name)
	}
	return d, nil
}

// utf8Stats counts valid multi-byte runes and invalid bytes.
func utf8Stats(b []byte) (multi, bad int) {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && n <= 1:
			bad++
		case n > 1:
			multi++
		}
		b = b[n:]
	}
	return multi, bad
}

// looksUTF8 reports whether b is valid UTF-8 with enough multi-byte text that
// it cannot be a legacy charset by chance.
func looksUTF8(b []byte) bool {
	if !utf8.Valid(b) {
		return false
	}
	multi, _ := utf8Stats(b)
	return multi >= 8
}

// headerCharset returns the charset parameter of a Content-Type header.
func headerCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		// Tolerate sloppy headers like "text/html;charset=gbk;".
		low := strings.ToLower(contentType)
		if i := strings.Index(low, "charset="); i >= 0 {
			v := low[i+len("charset="):]
			if j := strings.IndexAny(v, "; "); j >= 0 {
				v = v[:j]
			}
			return v
		}
		return ""
	}
	return params["charset"]
}

// metaCharset finds the first charset declaration in <head>, however far
// into the head it is.
func metaCharset(body []byte) string {
	if len(body) > maxHeadScan {
		body = body[:maxHeadScan]
	}
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
				var charset, httpEquiv, content string
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					switch strings.ToLower(string(k)) {
					case "charset":
						charset = string(v)
					case "http-equiv":
						httpEquiv = string(v)
					case "content":
						content = string(v)
					}
				}
				if charset != "" {
					return charset
				}
				if strings.EqualFold(httpEquiv, "content-type") {
					if c := headerCharset(content); c != "" {
						return c
					}
				}
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "head" {
				return ""
			}
		}
	}
}

// sniffBinary refuses bytes that are plainly not a text page: a binary
// format's magic number, a share of control bytes above sniff's limit, or
// what http.DetectContentType does not take for text. A text page's few
// NUL bytes are removed; problem then says how many.
func sniffBinary(body []byte) (clean []byte, problem string, err error) {
	if bytes.HasPrefix(body, []byte("\xff\xfe")) || bytes.HasPrefix(body, []byte("\xfe\xff")) {
		// UTF-16 with a BOM: half its bytes are NUL; decoded first.
		return body, "", nil
	}
	if err := sniff.Binary(body); err != nil {
		return nil, "", fmt.Errorf("not an html page: %w", err)
	}
	body, _, problem = sniff.Clean(body)
	ct := http.DetectContentType(body)
	if !strings.HasPrefix(ct, "text/") {
		return nil, "", fmt.Errorf("not an html page: content looks like %s", strings.SplitN(ct, ";", 2)[0])
	}
	return body, problem, nil
}
