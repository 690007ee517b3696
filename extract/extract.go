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

// Warm loads what figure extraction needs (gse's dictionary, about a
// second): a command calls it in the background ahead of its first input,
// so the dictionary loads while the first page is parsed.
func Warm() { figures.Default() }

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
		if r.NumbersCut {
			doc.Problem = joinProblem(doc.Problem, fmt.Sprintf("%s: numbers past the first %d not read",
				TooManyFiguresInPage, figures.MaxNumbers))
		}
		if r.Overflow > 0 {
			doc.Problem = joinProblem(doc.Problem, fmt.Sprintf("%d numbers too large to hold (overflow) not read", r.Overflow))
		}
		if r.PageCapped {
			doc.Problem = joinProblem(doc.Problem, fmt.Sprintf("%s: only the first %d figures kept",
				TooManyFiguresInPage, figures.MaxPerDocument))
		}
	}
	return doc, nil
}

// TooManyFigures starts the Problem of a document one of whose sentences
// held more than figures.MaxPerSentence figures; the document is stored
// with the figures kept, and extract records the problem.
const TooManyFigures = "too many figures in one sentence"

// TooManyFiguresInPage starts the Problem of a document that met one of the
// per-document bounds (figures.MaxPerDocument figures, figures.MaxNumbers
// numerals): it is stored with what was read before the bound.
const TooManyFiguresInPage = "too many figures in one page"

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
