// Package indicator holds govfig's indicator catalogue and maps figures onto
// it, so that the same measure written under different names in different
// reports (学前三年毛入园率, 学前教育三年毛入园率, 学前三年入园率) lands on one
// code and can be compared across districts and years.
//
// The model: the catalogue (catalogue.tsv, embedded; a user file in the same
// format adds or overrides rows) lists indicators, each with a stable code,
// its canonical Chinese name, the kinds and base units its figures take, and
// the names reports give it (patterns, some with '…' for words between) and
// the words that make a look-alike (not). Map reads one figure — its label,
// kind, base unit and role — and returns the code and a confidence, or
// nothing: a wrong indicator is worse than none. A percent change of a level
// indicator (地区生产总值增长5.2%) maps to that level's growth indicator.
//
// Mapping only reads stored figure fields, so a catalogue change re-maps a
// database without extracting again (Catalogue.Hash tells when).
package indicator

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/govfig/govfig/schema"
)

//go:embed catalogue.tsv
var builtin []byte

// Indicator is one row of the catalogue.
type Indicator struct {
	Code     string        // stable key, e.g. edu.pre.ger3
	Name     string        // canonical Chinese name (学前三年毛入园率)
	En       string        // English name
	Kinds    []schema.Kind // kinds its figures take; Kinds[0] is the main one
	Units    []string      // base units its level figures take; Units[0] is shown; empty for an index
	Domain   string        // 教育, 财政, 统计, 卫生, 民政, 就业, 环境, 政务
	GrowthOf string        // code of the level this is the growth rate of, or ""
	ShareOf  string        // code of the level this is the share of its whole of, or ""
	Patterns []string      // other names; '…' lets up to six characters stand between
	Not      []string      // words that make a label a look-alike
	Example  string        // a label that maps here
	Note     string        // definition or decision
	Line     int           // line of its file
	Source   string        // file it was read from ("" for the built-in catalogue)
}

// Unit is the base unit shown with the indicator's values.
func (in *Indicator) Unit() string {
	if len(in.Units) == 0 {
		return ""
	}
	return in.Units[0]
}

// ParseError is a catalogue line that cannot be read; it names the file
// and line.
type ParseError struct {
	File string
	Line int
	Err  error
}

func (e *ParseError) Error() string {
	name := e.File
	if name == "" {
		name = "catalogue.tsv"
	}
	return fmt.Sprintf("%s:%d: %v", name, e.Line, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// columns of the catalogue format, in order.
var columns = []string{"code", "name", "en", "kind", "unit", "domain", "of", "patterns", "not", "example", "note"}

// gapWidth is how many characters '…' lets stand between two parts.
const gapWidth = 6

var codeRe = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$`)

var validKinds = map[schema.Kind]bool{}

func init() {
	for _, k := range schema.Kinds {
		validKinds[k] = true
	}
}

// Read reads catalogue rows in the format of catalogue.tsv: '#' lines are
// comments, the first other line is the header. name labels errors.
func Read(r io.Reader, name string) ([]*Indicator, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var out []*Indicator
	line, header := 0, false
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		perr := func(format string, a ...any) error {
			return &ParseError{File: name, Line: line, Err: fmt.Errorf(format, a...)}
		}
		if !header {
			header = true
			if strings.Join(f, "\t") != strings.Join(columns, "\t") {
				return nil, perr("header must be the columns %s (tab-separated)", strings.Join(columns, ", "))
			}
			continue
		}
		if len(f) != len(columns) {
			return nil, perr("%d columns, want %d (tab-separated: %s)", len(f), len(columns), strings.Join(columns, ", "))
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		in := &Indicator{Code: f[0], Name: f[1], En: f[2], Domain: f[5],
			Example: f[9], Note: f[10], Line: line, Source: name}
		if f[6] != "" {
			rel, code, _ := strings.Cut(f[6], ":")
			switch rel {
			case "growth":
				in.GrowthOf = code
			case "share":
				in.ShareOf = code
			default:
				return nil, perr("%s: of %q: want growth:CODE or share:CODE", in.Code, f[6])
			}
		}
		if !codeRe.MatchString(in.Code) {
			return nil, perr("code %q: want lowercase dotted words such as edu.pre.ger3", in.Code)
		}
		if in.Name == "" {
			return nil, perr("%s: empty name", in.Code)
		}
		for _, k := range splitList(f[3], ",") {
			if !validKinds[schema.Kind(k)] {
				return nil, perr("%s: unknown kind %q (want one of %v)", in.Code, k, schema.Kinds)
			}
			in.Kinds = append(in.Kinds, schema.Kind(k))
		}
		if len(in.Kinds) == 0 {
			return nil, perr("%s: empty kind", in.Code)
		}
		in.Units = splitList(f[4], "|")
		in.Patterns = splitList(f[7], "|")
		in.Not = splitList(f[8], "|")
		for _, p := range append([]string{in.Name}, in.Patterns...) {
			if err := checkPattern(p); err != nil {
				return nil, perr("%s: pattern %q: %w", in.Code, p, err)
			}
		}
		out = append(out, in)
	}
	if err := sc.Err(); err != nil {
		return nil, &ParseError{File: name, Line: line + 1, Err: err}
	}
	if !header {
		return nil, &ParseError{File: name, Line: line, Err: errors.New("no header line")}
	}
	return out, nil
}

func splitList(s, sep string) []string {
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func checkPattern(p string) error {
	parts := strings.Split(normalize(p), "…")
	for _, part := range parts {
		if part == "" {
			return errors.New("'…' needs words on both sides")
		}
	}
	if _, err := regexp.Compile(gapRegexp(parts)); err != nil {
		return err
	}
	return nil
}

func gapRegexp(parts []string) string {
	q := make([]string, len(parts))
	for i, p := range parts {
		q[i] = regexp.QuoteMeta(p)
	}
	return "^" + strings.Join(q, fmt.Sprintf(".{0,%d}", gapWidth)) + "$"
}

// Catalogue is a checked set of indicators ready to map figures.
type Catalogue struct {
	list   []*Indicator
	byCode map[string]*Indicator
	exact  map[string]*Indicator // normalized name or pattern → indicator
	gaps   []gap
	growth map[string]*Indicator // level code → its growth indicator
	share  map[string]*Indicator // level code → its share indicator
	hash   string

	memoMu sync.Mutex
	memo   map[string]found // findMemo's answers by label
}

type gap struct {
	re *regexp.Regexp
	in *Indicator
}

// Default returns the built-in catalogue.
func Default() *Catalogue {
	c, err := Load(nil, "")
	if err != nil {
		panic(err) // the embedded file is checked by the tests
	}
	return c
}

// Load builds the built-in catalogue with the rows of an override file (same
// format) added or, for an existing code, put in place of the built-in row.
// extra may be nil; name labels its errors.
func Load(extra []byte, name string) (*Catalogue, error) {
	rows, err := Read(bytes.NewReader(builtin), "")
	if err != nil {
		return nil, err
	}
	if extra != nil {
		more, err := Read(bytes.NewReader(extra), name)
		if err != nil {
			return nil, err
		}
		at := map[string]int{}
		for i, in := range rows {
			at[in.Code] = i
		}
		seen := map[string]int{}
		for _, in := range more {
			if l, dup := seen[in.Code]; dup {
				return nil, &ParseError{File: name, Line: in.Line, Err: fmt.Errorf("code %s already on line %d", in.Code, l)}
			}
			seen[in.Code] = in.Line
			if i, ok := at[in.Code]; ok {
				rows[i] = in
			} else {
				rows = append(rows, in)
			}
		}
	}
	h := sha256.New()
	h.Write(builtin)
	h.Write([]byte{0})
	h.Write(extra)
	return build(rows, hex.EncodeToString(h.Sum(nil))[:16])
}

func build(rows []*Indicator, hash string) (*Catalogue, error) {
	c := &Catalogue{list: rows, byCode: map[string]*Indicator{}, exact: map[string]*Indicator{},
		growth: map[string]*Indicator{}, share: map[string]*Indicator{}, hash: hash}
	perr := func(in *Indicator, format string, a ...any) error {
		return &ParseError{File: in.Source, Line: in.Line, Err: fmt.Errorf(format, a...)}
	}
	for _, in := range rows {
		if other, dup := c.byCode[in.Code]; dup {
			return nil, perr(in, "code %s already on line %d", in.Code, other.Line)
		}
		c.byCode[in.Code] = in
	}
	for _, in := range rows {
		for _, p := range append([]string{in.Name}, in.Patterns...) {
			n := normalize(p)
			if strings.Contains(n, "…") {
				c.gaps = append(c.gaps, gap{regexp.MustCompile(gapRegexp(strings.Split(n, "…"))), in})
				continue
			}
			if other, dup := c.exact[n]; dup && other != in {
				return nil, perr(in, "%s: name %q is also a name of %s (line %d)", in.Code, p, other.Code, other.Line)
			}
			c.exact[n] = in
		}
		for _, rel := range []struct {
			name, of string
			m        map[string]*Indicator
		}{{"growth", in.GrowthOf, c.growth}, {"share", in.ShareOf, c.share}} {
			if rel.of == "" {
				continue
			}
			level, ok := c.byCode[rel.of]
			if !ok {
				return nil, perr(in, "%s: of %s:%s is no code of the catalogue", in.Code, rel.name, rel.of)
			}
			if other, dup := rel.m[level.Code]; dup {
				return nil, perr(in, "%s: %s already has the %s indicator %s", in.Code, level.Code, rel.name, other.Code)
			}
			if in.Kinds[0] != schema.KindPercent {
				return nil, perr(in, "%s: a %s indicator is a percent", in.Code, rel.name)
			}
			rel.m[level.Code] = in
		}
	}
	return c, nil
}

// Indicators returns the catalogue's rows in file order.
func (c *Catalogue) Indicators() []*Indicator { return c.list }

// ByCode returns the indicator of a code, or nil.
func (c *Catalogue) ByCode(code string) *Indicator { return c.byCode[code] }

// Hash identifies the catalogue's content; a database mapped under another
// hash is mapped again.
func (c *Catalogue) Hash() string { return c.hash }

// Domains returns the domains in catalogue order with their indicator counts.
func (c *Catalogue) Domains() (names []string, counts map[string]int) {
	counts = map[string]int{}
	for _, in := range c.list {
		if counts[in.Domain] == 0 {
			names = append(names, in.Domain)
		}
		counts[in.Domain]++
	}
	return names, counts
}

// sortedCodes is for messages.
func sortedCodes(ins []*Indicator) []string {
	var s []string
	for _, in := range ins {
		s = append(s, in.Code)
	}
	sort.Strings(s)
	return s
}

// MapFigure is Map for schema.Mapper: the code and confidence only.
func (c *Catalogue) MapFigure(f *schema.Figure) (string, float64) {
	m := c.Map(f)
	return m.Code, m.Confidence
}

// Rows lists the catalogue as rows of the database's indicators table.
func (c *Catalogue) Rows() []schema.IndicatorRow {
	out := make([]schema.IndicatorRow, 0, len(c.list))
	for _, in := range c.list {
		of := ""
		switch {
		case in.GrowthOf != "":
			of = "growth:" + in.GrowthOf
		case in.ShareOf != "":
			of = "share:" + in.ShareOf
		}
		out = append(out, schema.IndicatorRow{Code: in.Code, Name: in.Name, En: in.En, Kind: string(in.Kinds[0]),
			Unit: in.Unit(), Domain: in.Domain, Of: of, Patterns: strings.Join(in.Patterns, "|"), Note: in.Note})
	}
	return out
}

var _ schema.Mapper = (*Catalogue)(nil)
