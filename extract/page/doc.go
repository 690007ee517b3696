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
//	chrome.go   what inside it is the site's, not the article's; its
//	            phrases and line patterns are data in chrome.tsv
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
// by U+FFFD and Document.Problem says how many; the page is still read. A
// page with a few NUL bytes loses them and Problem says how many.
//
// Errors and problems: Read returns an error for what is not a page (empty,
// binary by package sniff's rules — a magic number or more than 1% control
// bytes —, over MaxBytes, nested deeper than x/net/html's 512 elements). An
// article page gets a body that is the article, or an empty Text and a
// Problem starting "no article body" (ProblemNoBody): "… found" when no
// container holds text, ": the body is empty", or ": body looks like site
// chrome" when what was found is mostly footer and chrome lines (主办单位,
// 网站标识码, ICP备, 联系电话… — a saved page whose article is loaded by
// script). ingest counts such pages as problems.
//
// Body: the CMS selectors are tried in order, but a container that is
// itself chrome (an info line classed article-content) is passed over, and
// a selector's choice holding under 200 runes yields to the densest region
// when that holds three times more. A generic container (.content, main,
// the densest region) holding the article twice (desktop and mobile
// copies, a print copy) is narrowed to the first copy: two children, each
// with 30% or more of the text, whose lines of ten or more runes are 80%
// the same. A CMS's own container (.TRS_Editor, #zoom…) is not looked into.
//
// Chrome: besides class names and short chrome blocks, whole lines of the
// body text are dropped when they are chrome (责任编辑：…, 图文来源：…,
// 打印 | 关闭, 您的位置：…, 分享：…, the 今天是…星期三 banner), for legacy
// cells that hold them as bare text between <br>s; tables and headings
// keep their offsets. A 相关附件>> or 相关链接>> label and the blocks of
// links after it are chrome (the attachments are still collected).
//
// Inline elements separated only by white space stay separated, even by a
// source line break between Chinese characters: <span>来源:南屏区教育局</span>
// <span>阅读量:</span> is two fields.
//
// Metadata: the publisher is the publishing body (发布机构, 发文机关,
// 发布单位) when the page names one, else the declared source (ContentSource,
// 文章来源, 来源 — where a reprint comes from), else the site. A value that
// is itself an info key (a column header 发布日期) is never a value; an info
// table whose keys form a header row (索引号 | 发布机构 | 发布日期) is read
// column by column. A <title> with the site first (某某市人民政府门户网站-标题)
// is split like one with the site last; a <title> that is only a site's name
// is the site.
//
// Page type: a page is a list when its best list of article links (titles
// of six or more characters) holds more text than the body candidate, or
// has pagination and a short body; an article address (TRS t2024…_N.html,
// ShowArticle.asp?ArticleID=N) or a body in a CMS's own article container
// asks three times the body (a dated sidebar beside a short article is no
// list). A list is a repeated block of dated
// links: containers count when most of their items, and at least three,
// are dated, so a footer's directory of county sites or a 专题 block is no
// list however many links it holds, and three dated entries are one. Only
// a page with no dated block and no body falls back on undated links (a
// bare index). ReadList reads any page as a list, for the crawler: a URL of
// the sites file is a list page by the user's word.
//
// Dates: Published is the first of the PubDate meta tag, the info line's
// 发布时间/发布日期, its 更新时间, and the TRS file name (t20240829_…); the
// banner's 今天是… and the signature date are never read, having no info key.
//
// To teach it a new CMS: add its body container to bodySelectors (body.go),
// its furniture's class names to bodyChromeRe (chrome.go) or its phrases
// and lines to chrome.tsv, and a fixture page with its golden file to
// fixtures/pages.
package page
