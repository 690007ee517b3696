// Package textdoc reads a plain-text document (.txt, UTF-8 or GB18030) into a
// schema.Document whose Text is the file's text, line breaks kept.
package textdoc

import (
	"github.com/govfig/govfig/extract/outline"
	"github.com/govfig/govfig/schema"
)

// Read turns the bytes of a text file into a Document (STUB: charset handling to come).
func Read(name string, body []byte) (*schema.Document, error) {
	text := string(body)
	return &schema.Document{URL: name, PageType: schema.PageText, Charset: "utf-8", Text: text,
		Sections: outline.Sections(text)}, nil
}
