// Package page reads a district-government HTML page (any charset) into a
// clean schema.Document: metadata, body text without site chrome, heading
// tree, tables, attachments — or, for a list (column) page, its links.
//
// The model: bytes are decoded to UTF-8 (charset.go: header, BOM, a <meta>
// anywhere in <head>, then sniffing; GBK read as GB18030), parsed by
// x/net/html, and read in passes over the tree, none of which changes it:
//
//	meta.go     title, publisher, publish date, region, site, column — from
//	            meta tags, the info line, the title block, <title>
//	list.go     list (column) pages: article links, next pages (下一页,
//	            index_N.html, createPageHTML)
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
// <td>12</td><td>3</td> into "123": the builder in text.go puts separators at
// block and cell boundaries itself.
//
// To teach it a new CMS: add its body container to bodySelectors (body.go),
// its furniture's class names to bodyChromeRe or its phrases to
// chromeTextRe (chrome.go), and a fixture page with its golden file to
// fixtures/pages.
package page
