// Package eval scores a figure extractor against hand-written gold
// annotations (fixtures/gold/README.md gives their format).
//
// The model: a corpus is a folder (or fs.FS) with docs/NAME.txt and
// pages/NAME.html inputs and gold/NAME.jsonl annotations. Load pairs each gold
// file with its input; Evaluate runs an Extractor over every input, resolves
// the gold anchors against the text the extractor returned, matches predicted
// figures to gold figures and scores them per kind (precision, recall, F1) and
// per attribute (value, unit, qualifier, role, year, label) over the matches.
//
// A predicted figure matches a gold figure when both have the same kind and
// either the same span, or overlapping spans and the same normalized value.
// Each figure matches at most once. A `not` line of the gold is a span where no
// figure may be; a predicted figure overlapping it is a false positive like any
// unmatched one, and is listed as a non-figure hit. Scores are typed: a figure
// found at the right span with the wrong kind is one false positive and one
// false negative. A label is found when the gold label is non-empty and the
// predicted one equals it, or one contains the other and the shorter has at
// least 2 runes (LabelFound).
package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/govfig/govfig/schema"
)

// Markers delimit the figure's text inside an anchor.
const (
	OpenMark  = "⟦"
	CloseMark = "⟧"
)

// GoldLine is one line of a gold file: a figure, or a non-figure when Not is set.
type GoldLine struct {
	Anchor     string           `json:"anchor"`
	Not        bool             `json:"not,omitempty"`
	Kind       schema.Kind      `json:"kind,omitempty"`
	Value      float64          `json:"value,omitempty"`
	Unit       string           `json:"unit,omitempty"`
	Normalized float64          `json:"normalized,omitempty"`
	BaseUnit   string           `json:"base_unit,omitempty"`
	Qualifier  schema.Qualifier `json:"qualifier,omitempty"`
	Role       schema.Role      `json:"role,omitempty"`
	Label      string           `json:"label,omitempty"`
	Subject    string           `json:"subject,omitempty"`
	Year       int              `json:"year,omitempty"`
	// Direction of a change (up, down); optional, scored when given.
	Direction schema.Direction `json:"direction,omitempty"`
	// Note is the annotator's comment on a decision; it is not scored.
	Note string `json:"note,omitempty"`

	// Line is the 1-based line number in the gold file.
	Line int `json:"-"`
}

// Parts splits the anchor into the text before the figure, the figure's text
// and the text after it.
func (g GoldLine) Parts() (before, text, after string, err error) {
	before, rest, ok := strings.Cut(g.Anchor, OpenMark)
	if !ok {
		return "", "", "", fmt.Errorf("anchor %q has no %s", g.Anchor, OpenMark)
	}
	text, after, ok = strings.Cut(rest, CloseMark)
	if !ok {
		return "", "", "", fmt.Errorf("anchor %q has no %s", g.Anchor, CloseMark)
	}
	if strings.Contains(before, CloseMark) || strings.Contains(after, OpenMark) || strings.Contains(after, CloseMark) {
		return "", "", "", fmt.Errorf("anchor %q must hold exactly one %s…%s pair", g.Anchor, OpenMark, CloseMark)
	}
	if text == "" {
		return "", "", "", fmt.Errorf("anchor %q marks an empty span", g.Anchor)
	}
	return before, text, after, nil
}

// LineError is a problem with one line of a gold file.
type LineError struct {
	File string
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// ParseGold reads a gold file: one JSON object per line, blank lines allowed.
// Every line is checked for form (Check); name is used in errors.
func ParseGold(name string, r io.Reader) ([]GoldLine, error) {
	var (
		lines []GoldLine
		errs  []error
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		raw := bytes.TrimSpace(sc.Bytes())
		if len(raw) == 0 {
			continue
		}
		var g GoldLine
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&g); err != nil {
			errs = append(errs, &LineError{name, n, fmt.Errorf("decode: %w", err)})
			continue
		}
		g.Line = n
		if err := Check(g); err != nil {
			errs = append(errs, &LineError{name, n, err})
			continue
		}
		lines = append(lines, g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read gold %s: %w", name, err)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return lines, nil
}

// baseUnits lists the base units each kind admits (figures.md, "Kinds and base
// units"); count takes its measure word, so it is checked apart.
var baseUnits = map[schema.Kind][]string{
	schema.KindPercent:   {"%"},
	schema.KindMoney:     {"元"}, // or a foreign currency, see foreignMoney
	schema.KindHeadcount: {"人", "人次"},
	schema.KindSchools:   {"所"},
	schema.KindIndex:     {""},
	schema.KindMeasure:   {"平方米", "亩", "米", "平方公里", "吨", "立方米", "千瓦", "千瓦时", "吨标准煤", "微克/立方米", "毫克/升", "吨公里", "人公里"},
}

// moneyScale is the factor from each money unit to 元.
var moneyScale = map[string]float64{"元": 1, "千元": 1e3, "万元": 1e4, "亿元": 1e8, "万亿元": 1e12}

// foreignMoney are the currencies a money figure may keep as its base unit
// (figures.md: foreign money keeps its own currency, no exchange rates).
var foreignMoney = map[string]bool{"美元": true, "欧元": true, "日元": true, "英镑": true, "港元": true,
	"港币": true, "澳元": true, "韩元": true, "卢布": true, "新加坡元": true, "加元": true}

// magnitudes are the factors of the words written before a currency.
var magnitudes = map[string]float64{"": 1, "千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12}

// Check reports whether a gold line is well formed: a valid anchor; for a
// figure a known kind, qualifier and role, a base unit that fits the kind, a
// plausible year, and a normalized money value consistent with its unit.
func Check(g GoldLine) error {
	if _, _, _, err := g.Parts(); err != nil {
		return err
	}
	if g.Not {
		if g.Kind != "" || g.Value != 0 || g.Label != "" {
			return errors.New("a not line carries only its anchor")
		}
		return nil
	}
	units, ok := baseUnits[g.Kind]
	switch {
	case g.Kind == schema.KindCount:
		if g.Unit == "" || g.BaseUnit == "" {
			return fmt.Errorf("count needs a unit and a base unit (the measure word)")
		}
	case !ok:
		return fmt.Errorf("unknown kind %q", g.Kind)
	default:
		found := g.Kind == schema.KindMoney && foreignMoney[g.BaseUnit]
		for _, u := range units {
			found = found || u == g.BaseUnit
		}
		if !found {
			return fmt.Errorf("base unit %q does not fit kind %s (want one of %q)", g.BaseUnit, g.Kind, units)
		}
	}
	switch g.Qualifier {
	case schema.QualExact, schema.QualApprox, schema.QualGT, schema.QualGE, schema.QualLT, schema.QualLE:
	default:
		return fmt.Errorf("unknown qualifier %q", g.Qualifier)
	}
	switch {
	case g.Direction != schema.DirNone && g.Direction != schema.DirUp && g.Direction != schema.DirDown:
		return fmt.Errorf("unknown direction %q", g.Direction)
	case g.Direction != schema.DirNone && g.Role != schema.RoleChange:
		return fmt.Errorf("direction %q on a %s figure (only changes have one)", g.Direction, g.Role)
	}
	switch g.Role {
	case schema.RoleLevel, schema.RoleChange, schema.RolePrevious, schema.RoleTarget, schema.RoleThreshold:
	default:
		return fmt.Errorf("unknown role %q", g.Role)
	}
	if g.Year != 0 && (g.Year < 1900 || g.Year > 2100) {
		return fmt.Errorf("implausible year %d", g.Year)
	}
	if math.IsNaN(g.Value) || math.IsInf(g.Value, 0) || math.IsNaN(g.Normalized) || math.IsInf(g.Normalized, 0) {
		return errors.New("value and normalized must be finite numbers")
	}
	if g.Kind == schema.KindMoney {
		scale, ok := moneyScale[g.Unit]
		if foreignMoney[g.BaseUnit] && strings.HasSuffix(g.Unit, g.BaseUnit) {
			scale, ok = magnitudes[strings.TrimSuffix(g.Unit, g.BaseUnit)]
		}
		if !ok {
			return fmt.Errorf("unknown money unit %q", g.Unit)
		}
		if !sameNumber(g.Value*scale, g.Normalized) {
			return fmt.Errorf("normalized %v is not %v %s in %s", g.Normalized, g.Value, g.Unit, g.BaseUnit)
		}
	}
	return nil
}

// Span is a resolved gold line: its rune offsets in the document text.
type Span struct {
	GoldLine
	Text       string `json:"text"`
	Start, End int
}

// Resolve places every gold line in text (rune offsets). Each anchor, brackets
// removed, is looked for at its first occurrence whose marked span starts at or
// after the end of the previous line's span. name is used in errors.
func Resolve(name, text string, lines []GoldLine) ([]Span, error) {
	spans := make([]Span, 0, len(lines))
	cursor := 0 // byte offset in text where the previous span ended
	for _, g := range lines {
		before, fig, after, err := g.Parts()
		if err != nil {
			return nil, &LineError{name, g.Line, err}
		}
		plain := before + fig + after
		at := -1
		for from := max(0, cursor-len(before)); from <= len(text); {
			i := strings.Index(text[from:], plain)
			if i < 0 {
				break
			}
			if from+i+len(before) >= cursor {
				at = from + i
				break
			}
			_, size := utf8.DecodeRuneInString(text[from+i:])
			from += i + size
		}
		if at < 0 {
			if strings.Contains(text, plain) {
				return nil, &LineError{name, g.Line, fmt.Errorf("anchor %q occurs only before the previous line's figure (lines out of text order?)", g.Anchor)}
			}
			return nil, &LineError{name, g.Line, fmt.Errorf("anchor %q not found in the text", g.Anchor)}
		}
		startByte := at + len(before)
		endByte := startByte + len(fig)
		start := utf8.RuneCountInString(text[:startByte])
		spans = append(spans, Span{GoldLine: g, Text: fig, Start: start, End: start + utf8.RuneCountInString(fig)})
		cursor = endByte
	}
	return spans, nil
}

// sameNumber compares two values with a relative tolerance that absorbs
// floating-point noise from unit scaling (190274×1e4).
func sameNumber(a, b float64) bool {
	if a == b {
		return true
	}
	scale := math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
	return math.Abs(a-b) <= 1e-9*scale
}
