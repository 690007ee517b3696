package workbook

import (
	"fmt"
	"math"
	"net/url"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// maxCellChars is Excel's limit on the characters (UTF-16 units) of a cell.
const maxCellChars = excelize.TotalCellChars

// truncMarker ends a text that was cut to fit in a cell.
const truncMarker = "…[截断]"

// maxLinkChars is Excel's limit on the length of a hyperlink address.
const maxLinkChars = 2079

// cleanText makes scraped text safe for a cell: invalid UTF-8 becomes U+FFFD,
// characters XML 1.0 cannot carry are dropped, and text longer than Excel's
// limit is cut with a visible marker. It reports whether it cut.
func cleanText(s string) (string, bool) {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.IndexFunc(s, badXMLRune) >= 0 {
		s = strings.Map(func(r rune) rune {
			if badXMLRune(r) {
				return -1
			}
			return r
		}, s)
	}
	// A UTF-16 unit takes at least one byte of UTF-8, so a short string fits.
	if len(s) <= maxCellChars || utf16Len(s) <= maxCellChars {
		return s, false
	}
	budget := maxCellChars - utf16Len(truncMarker)
	n := 0
	for i, r := range s {
		w := utf16.RuneLen(r)
		if w < 1 {
			w = 1
		}
		if n+w > budget {
			return s[:i] + truncMarker, true
		}
		n += w
	}
	return s, false
}

// badXMLRune reports characters that may not appear in an XML 1.0 document.
func badXMLRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20:
		return true
	case r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
		return true
	}
	return false
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// linkURL returns the URL when it may become a hyperlink: an absolute http or
// https URL with a host, within Excel's length limit.
func linkURL(raw string) (string, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" || !utf8.ValidString(raw) || len(raw) > maxLinkChars || strings.ContainsAny(raw, " \t\r\n\"<>") {
		return "", false
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return "", false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return raw, true
	}
	return "", false
}

// excelEpoch is day 0 of Excel's 1900 date system (as Excel counts from 1900-03-01 on).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// dateLayouts are the forms a stored date may take.
var dateLayouts = []string{time.RFC3339Nano, "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02", "2006/01/02 15:04:05", "2006/01/02"}

// parseTime reads a stored date; the wall clock of its own offset is kept
// (a page published at 16:16 +08:00 stays 16:16).
func parseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// excelSerial converts a wall-clock time to an Excel serial number; withTime
// false keeps only the date.
func excelSerial(t time.Time, withTime bool) (float64, bool) {
	y, m, d := t.Date()
	if y < 1900 || y > 9999 {
		return 0, false
	}
	wall := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if withTime {
		h, mi, s := t.Clock()
		wall = time.Date(y, m, d, h, mi, s, 0, time.UTC)
	}
	if wall.Before(time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC)) {
		return 0, false // Excel's fictitious 1900-02-29 makes earlier serials off by one
	}
	return wall.Sub(excelEpoch).Hours() / 24, true
}

// styles holds the style IDs the sheets use.
type styles struct {
	header   int
	title    int
	bold     int
	wrap     int
	date     int
	dateTime int
	integer  int // #,##0
	money2   int // #,##0.00
	percent  int // 0.00"%" — the value is already in percent (96.34 shows 96.34%)
	year     int // 0
	link     int
}

func newStyles(f *excelize.File) (*styles, error) {
	var s styles
	dateFmt, dateTimeFmt, pctFmt := "yyyy-mm-dd", "yyyy-mm-dd hh:mm", `0.00"%"`
	defs := []struct {
		id    *int
		style excelize.Style
	}{
		{&s.header, excelize.Style{
			Font:      &excelize.Font{Bold: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"},
			Border:    []excelize.Border{{Type: "bottom", Color: "7F7F7F", Style: 1}},
		}},
		{&s.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&s.bold, excelize.Style{Font: &excelize.Font{Bold: true}}},
		{&s.wrap, excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&s.date, excelize.Style{CustomNumFmt: &dateFmt}},
		{&s.dateTime, excelize.Style{CustomNumFmt: &dateTimeFmt}},
		{&s.integer, excelize.Style{NumFmt: 3}},
		{&s.money2, excelize.Style{NumFmt: 4}},
		{&s.percent, excelize.Style{CustomNumFmt: &pctFmt}},
		{&s.year, excelize.Style{NumFmt: 1}},
		{&s.link, excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.style)
		if err != nil {
			return nil, fmt.Errorf("new style: %w", err)
		}
		*d.id = id
	}
	return &s, nil
}

// number returns a numeric cell for v with a style fit for it, or nil when v
// is not a finite number (NaN and ±Inf have no place in a sheet).
//
// percent (base unit %): 0.00"%"; money: #,##0 or #,##0.00; any other
// integral value: #,##0; any other fraction: General, so 0.4175 keeps its digits.
func (s *styles) number(v float64, percent, money bool) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	integral := v == math.Trunc(v) && math.Abs(v) < 1e15
	switch {
	case percent:
		return excelize.Cell{StyleID: s.percent, Value: v}
	case integral:
		return excelize.Cell{StyleID: s.integer, Value: v}
	case money:
		return excelize.Cell{StyleID: s.money2, Value: v}
	}
	return v
}

// date returns a date cell for a stored date: an Excel date when it parses,
// the text itself when it does not, nil when empty.
func (s *styles) dateCell(raw string, withTime bool) any {
	t, ok := parseTime(raw)
	if !ok {
		if strings.TrimSpace(raw) == "" {
			return nil
		}
		txt, _ := cleanText(raw)
		return txt
	}
	v, ok := excelSerial(t, withTime)
	if !ok {
		txt, _ := cleanText(raw)
		return txt
	}
	if withTime {
		return excelize.Cell{StyleID: s.dateTime, Value: v}
	}
	return excelize.Cell{StyleID: s.date, Value: v}
}
