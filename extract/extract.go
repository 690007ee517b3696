package extract

import (
	"fmt"
	"path"
	"strings"

	"github.com/govfig/govfig/extract/attach"
	"github.com/govfig/govfig/extract/figures"
	"github.com/govfig/govfig/extract/page"
	"github.com/govfig/govfig/extract/textdoc"
	"github.com/govfig/govfig/schema"
)

// Version is the extractor version stored with each document: a document
// extracted under another version is extracted again.
const Version = figures.Version + "+" + page.Version + "+" + attach.Version

// Read reads one input into a Document and extracts its figures. name is the
// URL or file path (its extension picks text or HTML when contentType does not
// say); contentType is the HTTP Content-Type when known.
func Read(name string, body []byte, contentType string) (*schema.Document, error) {
	var (
		doc *schema.Document
		err error
	)
	if format := attach.Detect(name, body, contentType); format != "" {
		// An attachment (.xlsx, .docx, .pdf, .xls, .doc…): a document of its
		// own; one it cannot read carries a problem, never an empty success.
		doc = attach.Read(name, body, format, attach.Limits{})
	} else if IsText(name, contentType) {
		doc, err = textdoc.Read(name, body)
	} else {
		doc, err = page.Read(body, name, contentType)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if doc.PageType != schema.PageList {
		r := figures.Default().Run(doc)
		doc.Figures = r.Figures
		if r.Capped > 0 {
			doc.Problem = joinProblem(doc.Problem, fmt.Sprintf("%s: %d figures past %d in one sentence dropped",
				TooManyFigures, r.Capped, figures.MaxPerSentence))
		}
	}
	return doc, nil
}

// TooManyFigures starts the Problem of a document one of whose sentences
// held more than figures.MaxPerSentence figures; the document is stored
// with the figures kept, and extract records the problem.
const TooManyFigures = "too many figures in one sentence"

func joinProblem(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// ReadList reads a page its crawler fetched as a list page — a column URL
// the user named in the sites file, or a next page walked from one — as a
// list, whatever the page-type decision says (the user's word wins), so that
// a short column page is never stored as an article with figures.
func ReadList(name string, body []byte, contentType string) (*schema.Document, error) {
	doc, err := page.ReadAsList(body, name, contentType)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return doc, nil
}

// IsText reports whether an input is a plain-text document rather than HTML.
func IsText(name, contentType string) bool {
	if contentType != "" {
		return strings.HasPrefix(strings.ToLower(contentType), "text/plain")
	}
	return strings.EqualFold(path.Ext(name), ".txt")
}
