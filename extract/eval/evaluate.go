package eval

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/govfig/govfig/schema"
)

// Extractor reads one input into a Document with its figures; the real one is
// extract.Read(name, body, "").
type Extractor func(name string, body []byte) (*schema.Document, error)

// Score is the tally of one kind, one document or the whole corpus.
// Precision is 1 when nothing was predicted, recall 1 when nothing was to be
// found; F1 is their harmonic mean (0 when both are 0).
type Score struct {
	Kind      schema.Kind `json:"kind,omitempty"`
	Doc       string      `json:"doc,omitempty"`
	Gold      int         `json:"gold"`
	Predicted int         `json:"predicted"`
	TP        int         `json:"tp"`
	FP        int         `json:"fp"`
	FN        int         `json:"fn"`
	Precision float64     `json:"precision"`
	Recall    float64     `json:"recall"`
	F1        float64     `json:"f1"`
}

func (s *Score) finish() {
	s.Gold = s.TP + s.FN
	s.Predicted = s.TP + s.FP
	s.Precision, s.Recall = 1, 1
	if s.Predicted > 0 {
		s.Precision = float64(s.TP) / float64(s.Predicted)
	}
	if s.Gold > 0 {
		s.Recall = float64(s.TP) / float64(s.Gold)
	}
	s.F1 = 0
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// Attribute is the accuracy of one field over matched figures.
type Attribute struct {
	Name     string  `json:"name"`
	Correct  int     `json:"correct"`
	Total    int     `json:"total"`
	Accuracy float64 `json:"accuracy"` // 1 when Total is 0
}

// Attribute names, in report order. "label" counts only matches whose gold
// label is non-empty (see LabelFound).
const (
	AttrValue     = "value"
	AttrUnit      = "unit"
	AttrQualifier = "qualifier"
	AttrRole      = "role"
	AttrYear      = "year"
	AttrLabel     = "label"
	// AttrDirection counts only changes whose gold line gives a direction.
	AttrDirection = "direction"
)

var attrNames = []string{AttrValue, AttrUnit, AttrQualifier, AttrRole, AttrYear, AttrLabel, AttrDirection}

// Item is one figure in a list of errors: a false positive (predicted, not in
// the gold), a false negative (gold, not predicted) or a non-figure hit.
type Item struct {
	Doc       string           `json:"doc"`
	GoldLine  int              `json:"gold_line,omitempty"` // line in the gold file, for gold items
	Kind      schema.Kind      `json:"kind,omitempty"`
	Text      string           `json:"text"`
	Start     int              `json:"start"`
	End       int              `json:"end"`
	Value     float64          `json:"value,omitempty"`
	Unit      string           `json:"unit,omitempty"`
	Qualifier schema.Qualifier `json:"qualifier,omitempty"`
	Role      schema.Role      `json:"role,omitempty"`
	Label     string           `json:"label,omitempty"`
	Note      string           `json:"note,omitempty"` // e.g. "same span predicted as count"
	Snippet   string           `json:"snippet"`        // the sentence around it, the span marked ⟦…⟧
}

// Mismatch is a matched figure with attributes that differ from the gold.
type Mismatch struct {
	Doc      string   `json:"doc"`
	GoldLine int      `json:"gold_line"`
	Text     string   `json:"text"`
	Start    int      `json:"start"`
	Fields   []string `json:"fields"` // "role: gold level, got change"
	Snippet  string   `json:"snippet"`
}

// Report is the outcome of an evaluation.
type Report struct {
	Documents      int         `json:"documents"`
	GoldNot        int         `json:"gold_not"` // non-figure lines
	Overall        Score       `json:"overall"`
	Kinds          []Score     `json:"kinds"`   // every kind with gold or predictions, schema.Kinds order
	PerDoc         []Score     `json:"per_doc"` // one per document, Doc set, Kind empty
	Attributes     []Attribute `json:"attributes"`
	FalsePositives []Item      `json:"false_positives"`
	FalseNegatives []Item      `json:"false_negatives"`
	NotHits        []Item      `json:"not_hits"` // predicted figures overlapping a `not` line
	Mismatches     []Mismatch  `json:"mismatches"`
}

// Kind returns the score of one kind (zero Score when absent).
func (r *Report) Kind(k schema.Kind) Score {
	for _, s := range r.Kinds {
		if s.Kind == k {
			return s
		}
	}
	return Score{Kind: k, Precision: 1, Recall: 1, F1: 1}
}

// Attribute returns the accuracy of one attribute by name.
func (r *Report) Attribute(name string) Attribute {
	for _, a := range r.Attributes {
		if a.Name == name {
			return a
		}
	}
	return Attribute{Name: name, Accuracy: 1}
}

// LabelFound reports whether a predicted label finds the gold one: the gold
// label is non-empty and the predicted label equals it, or one contains the
// other and the shorter has at least 2 runes.
func LabelFound(gold, pred string) bool {
	if gold == "" || pred == "" {
		return false
	}
	if gold == pred {
		return true
	}
	short := min(utf8.RuneCountInString(gold), utf8.RuneCountInString(pred))
	return short >= 2 && (strings.Contains(gold, pred) || strings.Contains(pred, gold))
}

// Evaluate runs ex over every case, matches its figures to the gold and
// scores them. An extractor error or a gold anchor that does not resolve in
// the extracted text fails the evaluation: scores would be meaningless.
func Evaluate(cases []Case, ex Extractor) (*Report, error) {
	r := &Report{}
	kinds := map[schema.Kind]*Score{}
	kindOf := func(k schema.Kind) *Score {
		if kinds[k] == nil {
			kinds[k] = &Score{Kind: k}
		}
		return kinds[k]
	}
	attrs := map[string]*Attribute{}
	for _, n := range attrNames {
		attrs[n] = &Attribute{Name: n}
	}
	for _, c := range cases {
		doc, err := ex(c.Name, c.Body)
		if err != nil {
			return nil, fmt.Errorf("extract %s: %w", c.Name, err)
		}
		if doc == nil {
			return nil, fmt.Errorf("extract %s: no document returned", c.Name)
		}
		spans, err := Resolve(c.GoldPath, doc.Text, c.Gold)
		if err != nil {
			return nil, fmt.Errorf("resolve gold against the text extracted from %s: %w", c.Name, err)
		}
		ds := scoreDoc(r, c, doc, spans, kindOf, attrs)
		ds.Doc = c.Name
		ds.finish()
		r.Documents++
		r.PerDoc = append(r.PerDoc, ds)
	}
	for _, k := range schema.Kinds {
		if s := kinds[k]; s != nil {
			s.finish()
			r.Kinds = append(r.Kinds, *s)
			delete(kinds, k)
		}
	}
	// Kinds outside schema.Kinds (a typo in the extractor) still count.
	var rest []schema.Kind
	for k := range kinds {
		rest = append(rest, k)
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i] < rest[j] })
	for _, k := range rest {
		kinds[k].finish()
		r.Kinds = append(r.Kinds, *kinds[k])
	}
	for _, s := range r.Kinds {
		r.Overall.TP += s.TP
		r.Overall.FP += s.FP
		r.Overall.FN += s.FN
	}
	r.Overall.finish()
	for _, n := range attrNames {
		a := attrs[n]
		a.Accuracy = 1
		if a.Total > 0 {
			a.Accuracy = float64(a.Correct) / float64(a.Total)
		}
		r.Attributes = append(r.Attributes, *a)
	}
	return r, nil
}

// scoreDoc matches one document's figures to its gold and adds the outcome to
// r, the kind tallies and the attribute tallies; it returns the document's own
// tally.
func scoreDoc(r *Report, c Case, doc *schema.Document, spans []Span, kindOf func(schema.Kind) *Score, attrs map[string]*Attribute) Score {
	var gold, nots []Span
	for _, s := range spans {
		if s.Not {
			nots = append(nots, s)
		} else {
			gold = append(gold, s)
		}
	}
	r.GoldNot += len(nots)
	pred := doc.Figures
	text := []rune(doc.Text)
	predOf := make([]int, len(gold)) // index into pred, -1 when unmatched
	goldOf := make([]int, len(pred))
	for i := range predOf {
		predOf[i] = -1
	}
	for j := range goldOf {
		goldOf[j] = -1
	}
	// Pass 1: same kind, same span. Pass 2: same kind, overlapping span, same
	// normalized value.
	for pass := 1; pass <= 2; pass++ {
		for i, g := range gold {
			if predOf[i] >= 0 {
				continue
			}
			for j, p := range pred {
				if goldOf[j] >= 0 || p.Kind != g.Kind {
					continue
				}
				ok := p.Start == g.Start && p.End == g.End
				if pass == 2 {
					ok = p.Start < g.End && g.Start < p.End && sameNumber(p.Normalized, g.Normalized)
				}
				if ok {
					predOf[i], goldOf[j] = j, i
					break
				}
			}
		}
	}
	var ds Score
	for i, g := range gold {
		ks := kindOf(g.Kind)
		if predOf[i] < 0 {
			ks.FN++
			ds.FN++
			it := Item{Doc: c.Name, GoldLine: g.Line, Kind: g.Kind, Text: g.Text, Start: g.Start, End: g.End,
				Value: g.Value, Unit: g.Unit, Qualifier: g.Qualifier, Role: g.Role, Label: g.Label,
				Snippet: snippet(text, g.Start, g.End)}
			for j, p := range pred {
				if goldOf[j] < 0 && p.Start < g.End && g.Start < p.End {
					it.Note = fmt.Sprintf("overlapping prediction %q as %s %v", p.Text, p.Kind, p.Normalized)
					break
				}
			}
			r.FalseNegatives = append(r.FalseNegatives, it)
			continue
		}
		ks.TP++
		ds.TP++
		p := pred[predOf[i]]
		var diffs []string
		check := func(name string, ok bool, goldV, predV any) {
			a := attrs[name]
			a.Total++
			if ok {
				a.Correct++
				return
			}
			diffs = append(diffs, fmt.Sprintf("%s: gold %v, got %v", name, quoteEmpty(goldV), quoteEmpty(predV)))
		}
		check(AttrValue, sameNumber(p.Value, g.Value) && sameNumber(p.Normalized, g.Normalized),
			fmt.Sprintf("%v (%v)", g.Value, g.Normalized), fmt.Sprintf("%v (%v)", p.Value, p.Normalized))
		check(AttrUnit, p.Unit == g.Unit, g.Unit, p.Unit)
		check(AttrQualifier, p.Qualifier == g.Qualifier, g.Qualifier, p.Qualifier)
		check(AttrRole, p.Role == g.Role, g.Role, p.Role)
		check(AttrYear, p.Year == g.Year, g.Year, p.Year)
		if g.Label != "" {
			check(AttrLabel, LabelFound(g.Label, p.Label), g.Label, p.Label)
		}
		if g.Direction != schema.DirNone {
			check(AttrDirection, p.Direction == g.Direction, g.Direction, p.Direction)
		}
		if len(diffs) > 0 {
			r.Mismatches = append(r.Mismatches, Mismatch{Doc: c.Name, GoldLine: g.Line, Text: g.Text, Start: g.Start,
				Fields: diffs, Snippet: snippet(text, g.Start, g.End)})
		}
	}
	for j, p := range pred {
		if goldOf[j] >= 0 {
			continue
		}
		kindOf(p.Kind).FP++
		ds.FP++
		it := Item{Doc: c.Name, Kind: p.Kind, Text: p.Text, Start: p.Start, End: p.End, Value: p.Value,
			Unit: p.Unit, Qualifier: p.Qualifier, Role: p.Role, Label: p.Label, Snippet: snippet(text, p.Start, p.End)}
		for _, g := range gold {
			if p.Start < g.End && g.Start < p.End {
				it.Note = fmt.Sprintf("overlaps gold %q (%s %v, line %d)", g.Text, g.Kind, g.Normalized, g.Line)
				break
			}
		}
		for _, n := range nots {
			if p.Start < n.End && n.Start < p.End {
				it.Note = fmt.Sprintf("hits non-figure %q (gold line %d)", n.Text, n.Line)
				it.GoldLine = n.Line
				r.NotHits = append(r.NotHits, it)
				break
			}
		}
		r.FalsePositives = append(r.FalsePositives, it)
	}
	return ds
}

func quoteEmpty(v any) any {
	if s := fmt.Sprint(v); s == "" {
		return `""`
	}
	return v
}

// snippet returns the sentence around runes [start,end) of text with the span
// marked ⟦…⟧, cut to at most 40 runes on either side. Out-of-range spans are
// clamped, so a bad prediction still prints.
func snippet(text []rune, start, end int) string {
	start = max(0, min(start, len(text)))
	end = max(start, min(end, len(text)))
	const reach = 40
	isStop := func(r rune) bool { return strings.ContainsRune("。!?;!?;\n", r) }
	from := start
	for from > 0 && start-from < reach && !isStop(text[from-1]) {
		from--
	}
	to := end
	for to < len(text) && to-end < reach && !isStop(text[to]) {
		to++
	}
	cut := to < len(text) && !isStop(text[to])
	if to < len(text) && isStop(text[to]) && text[to] != '\n' {
		to++
	}
	var b strings.Builder
	if from > 0 && !isStop(text[from-1]) {
		b.WriteString("…")
	}
	b.WriteString(string(text[from:start]))
	b.WriteString(OpenMark)
	b.WriteString(string(text[start:end]))
	b.WriteString(CloseMark)
	b.WriteString(string(text[end:to]))
	if cut {
		b.WriteString("…")
	}
	return b.String()
}
