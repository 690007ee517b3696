// Package outline finds the heading tree of a body text from its numbering
// patterns: 一、 / (一) / 1. / (1) / 一是.
package outline

import "github.com/govfig/govfig/schema"

// Sections returns the headings of text in document order (STUB: to be built).
func Sections(text string) []schema.Section { return nil }

// At returns the path of the innermost section containing rune offset pos, or "".
func At(sections []schema.Section, pos int) string {
	path, best := "", -1
	for _, s := range sections {
		if s.Start <= pos && pos < s.End && s.Level > best {
			path, best = s.Path, s.Level
		}
	}
	return path
}
