// Package page reads a district-government HTML page (any charset) into a
// clean schema.Document: metadata, body text without site chrome, heading
// tree, tables, attachments — or, for a list (column) page, its links.
package page

import (
	"errors"

	"github.com/govfig/govfig/schema"
)

// Version identifies the page reader's behaviour; it is part of the extractor
// version stored with each document.
const Version = "page/0"

// Read parses one HTML page. url is the page's address (or file path);
// contentType is the HTTP Content-Type header when known, else "" (STUB).
func Read(body []byte, url, contentType string) (*schema.Document, error) {
	return nil, errors.New("html pages are not supported yet")
}
