// Package segment puts gse behind a small interface: sentence and clause
// splitting with rune offsets, and word tokens with part of speech from an
// embedded dictionary plus govfig's domain words.
package segment

// Span is a half-open rune span [Start, End) of a text.
type Span struct {
	Start, End int
}

// Token is one word of a text with its rune span and part of speech.
type Token struct {
	Text       string
	Pos        string
	Start, End int
}

// Segmenter cuts text into words. It is safe for concurrent use.
type Segmenter struct{}

// Default returns the process-wide segmenter, loading the embedded dictionary
// on first use.
func Default() *Segmenter { return &Segmenter{} }

// Tokens cuts text into words (STUB: to be built).
func (s *Segmenter) Tokens(text string) []Token { return nil }

// Sentences splits text at sentence ends (。！？；… and line breaks) (STUB).
func Sentences(text string) []Span { return nil }

// Clauses splits text at clause boundaries (，、：; and sentence ends) (STUB).
func Clauses(text string) []Span { return nil }
