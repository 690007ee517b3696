// Package page reads a district-government HTML page (any charset) into a
// clean schema.Document: metadata, body text without site chrome, heading
// tree, tables, attachments — or, for a list (column) page, its links.
//
// The model: bytes are decoded to UTF-8, parsed once by x/net/html with
// scripting off (so <noscript> fallbacks — pager links, a page's content
// for script-less readers — are parsed as markup, not as raw text), and the
// tree is wrapped with goquery.NewDocumentFromNode; goquery's own
// NewDocumentFromReader would parse with scripting on. The passes query the
// tree with goquery selections — meta tags, <title>, title blocks, <base>,
// the CMS body containers, list containers and items, links, pager scripts,
// attachments — and none of them changes it:
//
//	charset.go  bytes → UTF-8: BOM, HTTP header, a <meta> anywhere in
//	            <head> (not only the first 1024 bytes), then sniffing
//	meta.go     title, publisher, publish date, region, site, column — from
//	            meta tags, the info line, the title block, <title>
//	list.go     list (column) pages: article links, next pages (下一页,
//	            index_N.html, createPageHTML, <noscript> fallbacks)
//	body.go     the body container: CMS selectors, then text density
//	chrome.go   what inside it is the site's, not the article's
//	text.go     the one canonical text: blocks → "\n", whitespace collapsed
//	table.go    data tables: cells → "\t", rows → "\n", spans expanded,
//	            header rows and columns
//	links.go    absolute URLs and attachments
//	date.go     dates in their written forms → RFC 3339 at +08:00
//	page.go     Read, the page type decision, sections
//
// Text is never taken from goquery's Selection.Text, which glues
// <td>12</td><td>3</td> into "123" and keeps the text of hidden and chrome
// elements: the builder in text.go walks the nodes itself, puts separators
// at block and cell boundaries, leaves out what is invisible or chrome, and
// counts runes as it writes, so that tables and the <h2>–<h4> headings it
// meets get their offsets into the text. The chrome and density tests
// (chrome.go, body.go densest) and the table grid (table.go) stay walks
// over nodes too: they judge one element at a time by its subtree's text
// and structure, where a selector compiled per call would cost more than
// the walk.
//
// # Decisions
//
// Charset: Document.Charset is the lowercase WHATWG name of what the page
// was decoded as. GB2312, GBK and x-gbk labels are decoded as GB18030 (a
// superset; GB2312 decoding loses characters such as 堃) and reported "gbk";
// a page whose charset was sniffed, or that declared UTF-8 but is GBK, is
// reported "gb18030". Bytes valid in neither UTF-8 nor GB18030 are replaced
// by U+FFFD and Document.Problem says how many; the page is still read.
//
// Errors and problems: Read returns an error for what is not a page (empty,
// binary, over MaxBytes, nested deeper than x/net/html's 512 elements); a
// page without a findable body is a Document with an empty Text and a
// Problem.
//
// Page type: a page is a list when its best list of article links (titles
// of six or more characters, usually dated) holds more text than the body
// candidate, or has pagination and a short body.
//
// Dates: Published is the first of the PubDate meta tag, the info line's
// 发布时间/发布日期, its 更新时间, and the TRS file name (t20240829_…); the
// banner's 今天是… and the signature date are never read, having no info key.
//
// To teach it a new CMS: add its body container to bodySelectors (body.go),
// its furniture's class names to bodyChromeRe or its phrases to
// chromePhrases (chrome.go), and a fixture page with its golden file to
// fixtures/pages.
package page
