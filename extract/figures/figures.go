// Package figures finds, normalizes and labels every figure of a document's
// body text and tables, following ../shared/docs/figures.md.
package figures

import (
	"github.com/govfig/govfig/schema"
	"github.com/govfig/govfig/segment"
)

// Version identifies the rules' behaviour; bump it whenever output may change.
const Version = "figures/0"

// Extractor applies the rule tables. It is safe for concurrent use.
type Extractor struct {
	seg *segment.Segmenter
}

// New returns an extractor that labels figures with seg's tokens.
func New(seg *segment.Segmenter) *Extractor { return &Extractor{seg: seg} }

// Default returns an extractor over segment.Default().
func Default() *Extractor { return New(segment.Default()) }

// Extract returns the figures of doc's Text and Tables in text order (STUB).
func (e *Extractor) Extract(doc *schema.Document) []schema.Figure { return nil }
