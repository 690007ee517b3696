package eval

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/govfig/govfig/schema"
)

// WriteTable writes the scores as a readable table: one row per kind and the
// overall row, then the attribute accuracies and the count of non-figure hits.
func (r *Report) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "%d document(s), %d gold figures, %d non-figures, %d predicted figures\n\n",
		r.Documents, r.Overall.Gold, r.GoldNot, r.Overall.Predicted)
	row := func(name string, s Score) {
		fmt.Fprintf(tw, "%-10s\t%d\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", name, s.Gold, s.Predicted, s.TP, s.FP, s.FN,
			s.Precision, s.Recall, s.F1)
	}
	fmt.Fprintf(tw, "%-10s\tgold\tpred\tTP\tFP\tFN\tprecision\trecall\tF1\t\n", "kind")
	for _, s := range r.Kinds {
		row(string(s.Kind), s)
	}
	row("all", r.Overall)
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(r.PerDoc) > 1 {
		fmt.Fprintln(w)
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "document\tgold\tpred\tTP\tFP\tFN\tF1")
		for _, s := range r.PerDoc {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%.3f\n", s.Doc, s.Gold, s.Predicted, s.TP, s.FP, s.FN, s.F1)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "\naccuracy over %d matched figures:\n", r.Overall.TP)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, a := range r.Attributes {
		note := ""
		switch a.Name {
		case AttrLabel:
			note = " (label found; gold label non-empty)"
		case AttrDirection:
			if a.Total == 0 {
				continue // no gold line of these documents gives a direction
			}
			note = " (changes whose gold gives one)"
		}
		fmt.Fprintf(tw, "%-10s\t%d/%d\t%.1f%%\t%s\n", a.Name, a.Correct, a.Total, 100*a.Accuracy, note)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\nnon-figures hit: %d\n", len(r.NotHits))
	return err
}

// WriteDetails lists, with rune spans [start,end) into the document text, every false negative, false positive (non-figure hits
// marked) and matched figure with wrong attributes, with its sentence.
func (r *Report) WriteDetails(w io.Writer) error {
	section := func(title string, n int) {
		fmt.Fprintf(w, "\n%s (%d):\n", title, n)
	}
	section("false negatives — gold figures not found", len(r.FalseNegatives))
	for _, it := range r.FalseNegatives {
		writeItem(w, "FN", it)
	}
	section("false positives — predicted figures not in the gold", len(r.FalsePositives))
	for _, it := range r.FalsePositives {
		writeItem(w, "FP", it)
	}
	section("matched figures with wrong attributes", len(r.Mismatches))
	for _, m := range r.Mismatches {
		fmt.Fprintf(w, "  ~  %s [%d,…) gold line %d %q: %s\n       %s\n", m.Doc, m.Start, m.GoldLine, m.Text,
			strings.Join(m.Fields, "; "), m.Snippet)
	}
	return nil
}

func writeItem(w io.Writer, tag string, it Item) {
	where := fmt.Sprintf("%s [%d,%d)", it.Doc, it.Start, it.End)
	if it.GoldLine > 0 {
		where += fmt.Sprintf(" gold line %d", it.GoldLine)
	}
	fmt.Fprintf(w, "  %s %s %s %q value=%v unit=%q qual=%q role=%q label=%q\n", tag, where, it.Kind, it.Text,
		it.Value, it.Unit, it.Qualifier, it.Role, it.Label)
	if it.Note != "" {
		fmt.Fprintf(w, "       note: %s\n", it.Note)
	}
	fmt.Fprintf(w, "       %s\n", it.Snippet)
}

// WriteJSON writes the whole report as one indented JSON object.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// FloorError says which floors a report fails.
type FloorError struct {
	Failures []string
}

func (e *FloorError) Error() string {
	return "below the floor: " + strings.Join(e.Failures, "; ")
}

// CheckFloors returns a *FloorError when the overall typed F1, or the F1 of
// any kind that has gold figures, is below minF1, or when the label-found
// accuracy is below minLabel; nil otherwise.
func (r *Report) CheckFloors(minF1, minLabel float64) error {
	var fails []string
	if r.Overall.F1 < minF1 {
		fails = append(fails, fmt.Sprintf("overall F1 %.3f < %.3f (P %.3f, R %.3f, %d FP, %d FN)",
			r.Overall.F1, minF1, r.Overall.Precision, r.Overall.Recall, r.Overall.FP, r.Overall.FN))
	}
	for _, s := range r.Kinds {
		if s.Gold > 0 && s.F1 < minF1 {
			fails = append(fails, fmt.Sprintf("%s F1 %.3f < %.3f (P %.3f, R %.3f, %d FP, %d FN)",
				s.Kind, s.F1, minF1, s.Precision, s.Recall, s.FP, s.FN))
		}
	}
	if a := r.Attribute(AttrLabel); a.Accuracy < minLabel {
		fails = append(fails, fmt.Sprintf("label found %.3f < %.3f (%d/%d)", a.Accuracy, minLabel, a.Correct, a.Total))
	}
	if len(fails) > 0 {
		return &FloorError{Failures: fails}
	}
	return nil
}

// Errors returns the false negatives and false positives of one kind, for a
// report on why a kind fails its floor.
func (r *Report) Errors(k schema.Kind) (fn, fp []Item) {
	for _, it := range r.FalseNegatives {
		if it.Kind == k {
			fn = append(fn, it)
		}
	}
	for _, it := range r.FalsePositives {
		if it.Kind == k {
			fp = append(fp, it)
		}
	}
	return fn, fp
}

// IsFloorError reports whether err is (or wraps) a *FloorError.
func IsFloorError(err error) bool {
	var fe *FloorError
	return errors.As(err, &fe)
}
