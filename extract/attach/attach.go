// Package attach reads the files that reports are published as — the
// attachments of an article (附件: .xlsx, .xls, .docx, .doc, .pdf, .wps, .et)
// — into a Document of their own: one body text with its sections and
// tables, every table cell at offsets of that text, so that the figure rules
// of extract/figures run on it as on a page.
//
// The model is the page's: paragraphs become lines of Text, a table's rows
// become lines with cells separated by "\t", merged cells are expanded (a
// cell spanning two columns appears in both, with the same offsets). A
// spreadsheet's title and unit lines (单位：万元) above a table become lines
// of Text and the table's Caption, where the table rules find the unit of
// its cells; each sheet is a section.
//
// Files:
//
//	attach.go  Detect (the format of an input), Read, Limits and the problems
//	build.go   the text builder and the table of a grid of cells (header rows
//	           and columns, codes)
//	xlsx.go    .xlsx with excelize: every sheet, merged cells, numbers as stored
//	docx.go    .docx with archive/zip and encoding/xml: paragraphs, headings,
//	           tables with gridSpan/vMerge
//	pdf.go     .pdf: a scan (no text layer) is told apart; text is not read yet
//	office.go  .doc/.wps/.xls/.et through LibreOffice (soffice --headless)
//	zip.go     the bounds on a zip container (a zip bomb is a problem)
//
// A file that cannot be read is never an empty success: Read returns a
// Document with an empty Text and a Problem saying why (scanned: no text
// layer; a PDF whose fonts map no Unicode; needs LibreOffice to read .doc; a
// zip bomb; a malformed file; a file with no text at all), read in bounded
// time and memory.
package attach

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/govfig/govfig/extract/region"
	"github.com/govfig/govfig/schema"
)

// Version is the attachment readers' version, part of extract.Version.
const Version = "attach/3"

// Formats govfig reads as attachments.
const (
	XLSX = "xlsx"
	XLS  = "xls"
	DOCX = "docx"
	DOC  = "doc"
	PDF  = "pdf"
	WPS  = "wps"
	ET   = "et"
)

// Limits bound what one attachment may cost.
type Limits struct {
	// MaxUnzipped is the most bytes the parts of a .xlsx/.docx may hold
	// uncompressed (by their headers, which archive/zip enforces while
	// reading); more is a problem (a zip bomb). Default 64 MiB.
	MaxUnzipped int64
	// MaxCells is the most non-empty cells read from a workbook or
	// document; more cuts it, saying so in the problem. Default 200,000.
	MaxCells int
	// MaxPages is the most pages of a PDF looked at. Default 2,000.
	MaxPages int
}

func (l Limits) withDefaults() Limits {
	if l.MaxUnzipped <= 0 {
		l.MaxUnzipped = 64 << 20
	}
	if l.MaxCells <= 0 {
		l.MaxCells = 200000
	}
	if l.MaxPages <= 0 {
		l.MaxPages = 2000
	}
	return l
}

// Problems of attachments (the start of Document.Problem).
const (
	ProblemScanned     = "scanned: no text layer"
	ProblemLibreOffice = "needs LibreOffice to read"
	ProblemZipBomb     = "zip bomb"
	ProblemMalformed   = "malformed"
	ProblemCut         = "cut"
	ProblemUndecodable = "pdf text layer not decodable: its fonts map no Unicode (no ToUnicode)"
	ProblemEmpty       = "empty: no text in the file"
)

// contentTypes maps the media types servers send for attachments.
var contentTypes = map[string]string{
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":       XLSX,
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document": DOCX,
	"application/vnd.ms-excel": XLS,
	"application/msword":       DOC,
	"application/pdf":          PDF,
	"application/kswps":        WPS,
	"application/kset":         ET,
	"application/vnd.ms-works": WPS,
}

// Detect returns the attachment format of an input — by its bytes first
// (%PDF, a ZIP holding xl/ or word/, an OLE2 compound file), then by the
// extension of name and the contentType — or "" when it is no attachment
// govfig reads (a page, a text, an image).
func Detect(name string, body []byte, contentType string) string {
	ext := strings.TrimPrefix(strings.ToLower(path.Ext(pathOf(name))), ".")
	mt := strings.ToLower(strings.TrimSpace(strings.SplitN(contentType, ";", 2)[0]))
	switch {
	case pageExts[ext] || strings.HasPrefix(mt, "text/") || mt == "application/xhtml+xml":
		// What is named or served as a page is read as one (and refused
		// when its bytes are a binary file's).
		return ""
	case bytes.HasPrefix(body, []byte("%PDF-")):
		return PDF
	case (ext == XLS || ext == ET || ext == DOC || ext == WPS) && isHTML(body):
		return HTML // an HTML table saved under an Office name
	case bytes.HasPrefix(body, []byte("PK\x03\x04")):
		switch {
		case bytes.Contains(body, []byte("xl/workbook.xml")) || ext == XLSX:
			return XLSX
		case bytes.Contains(body, []byte("word/document.xml")) || ext == DOCX:
			return DOCX
		}
		return ""
	case bytes.HasPrefix(body, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		switch ext {
		case XLS, ET, DOC, WPS:
			return ext
		}
		if f := contentTypes[mt]; f == XLS || f == DOC || f == WPS || f == ET {
			return f
		}
		if bytes.Contains(body, []byte("W\x00o\x00r\x00k\x00b\x00o\x00o\x00k")) {
			return XLS
		}
		return DOC
	}
	return ""
}

// pageExts are the extensions of pages and texts.
var pageExts = map[string]bool{"html": true, "htm": true, "shtml": true, "txt": true, "xhtml": true}

// pathOf returns the path of a URL, or name itself for a file path.
func pathOf(name string) string {
	if u, err := url.Parse(name); err == nil && u.Scheme != "" && u.Host != "" {
		return u.Path
	}
	return name
}

// Read reads an attachment of the given format (Detect) into a Document
// without figures. Unreadable content is a Document with a Problem, not an
// error; the error is kept for an unknown format.
func Read(name string, body []byte, format string, lim Limits) *schema.Document {
	lim = lim.withDefaults()
	b, problem := read(name, body, format, lim)
	if b == nil {
		b = newBuilder()
	}
	doc := b.document()
	doc.URL = name
	doc.PageType = schema.PageAttachment
	doc.Format = format
	doc.Problem = problem
	if problem == "" && strings.TrimSpace(doc.Text) == "" {
		doc.Problem = ProblemEmpty // never an empty success
	}
	if doc.Title == "" {
		doc.Title = baseTitle(name)
	}
	doc.Region = region.Of(doc.Title)
	return doc
}

// read dispatches on the format; a panic of a reader (a library meeting a
// file it did not expect) is the problem of a malformed file.
func read(name string, body []byte, format string, lim Limits) (b *builder, problem string) {
	defer func() {
		if p := recover(); p != nil {
			b, problem = nil, fmt.Sprintf("%s %s: %v", ProblemMalformed, format, p)
		}
	}()
	switch format {
	case XLSX:
		b, problem = readXLSX(body, lim)
	case DOCX:
		b, problem = readDOCX(body, lim)
	case PDF:
		b, problem = readPDF(body, lim)
	case HTML:
		b, problem = readHTML(body, lim)
	case XLS, ET:
		b, problem = readXLS(name, body, format, lim)
	case DOC, WPS:
		b, problem = readOffice(name, body, format, lim)
	default:
		problem = ProblemMalformed + ": not an attachment format govfig reads"
	}
	return b, problem
}

// baseTitle is the file name without its extension, URL-decoded.
func baseTitle(name string) string {
	p := pathOf(name)
	if s, err := url.PathUnescape(p); err == nil {
		p = s
	}
	b := path.Base(strings.ReplaceAll(p, "\\", "/"))
	return strings.TrimSuffix(b, path.Ext(b))
}
