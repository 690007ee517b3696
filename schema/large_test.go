package schema

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestSectionIndexAgreesWithSectionOf: the indexed lookup putParts uses
// gives sectionOf's answer, for ordered and overlapping sections alike.
func TestSectionIndexAgreesWithSectionOf(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 3))
	for round := 0; round < 300; round++ {
		var secs []Section
		pos := 0
		for i := 0; i < rng.IntN(10); i++ {
			if rng.IntN(4) > 0 {
				pos += rng.IntN(5)
			} else {
				pos = rng.IntN(40) // overlap
			}
			end := pos + rng.IntN(8)
			secs = append(secs, Section{Path: fmt.Sprintf("p%d", rng.IntN(3)), Start: pos, End: end})
			pos = end
		}
		x := newSectionIndex(secs)
		for _, path := range []string{"p0", "p1", "p2", "none"} {
			for p := -1; p < 60; p++ {
				if got, want := x.of(path, p), sectionOf(secs, path, p); got != want {
					t.Fatalf("round %d %s@%d: index %d, sectionOf %d (%v)", round, path, p, got, want, secs)
				}
			}
		}
	}
}

// TestEachFigureAgreesWithView: EachFigure cuts sentences out of the body in
// Go (the view's substr read the whole body per figure); its rows are the
// view's, for several documents, multi-byte text, and sentences stored as
// text or as offsets.
func TestEachFigureAgreesWithView(t *testing.T) {
	s := openTemp(t)
	var docs []*Document
	for d := 0; d < 3; d++ {
		var b strings.Builder
		var figs []Figure
		for i := 0; i < 20; i++ {
			sent := fmt.Sprintf("第%d项：全区新增学位%d个，增长%d.5%%。", i, 100+i, i)
			start := len([]rune(b.String()))
			b.WriteString(sent)
			num := fmt.Sprintf("%d个", 100+i)
			off := len([]rune(sent[:strings.Index(sent, num)]))
			f := Figure{Kind: KindCount, Value: float64(100 + i), Unit: "个", Normalized: float64(100 + i), BaseUnit: "个",
				Text: num, Start: start + off, End: start + off + len([]rune(num)), Sentence: sent}
			if i%7 == 3 {
				f.Sentence = "不在正文里的句子"
			}
			if i%5 == 4 {
				f.Sentence = ""
			}
			figs = append(figs, f)
		}
		docs = append(docs, &Document{URL: fmt.Sprintf("http://x/%d", d), Title: "报告", PageType: PageArticle, Text: b.String(), Figures: figs})
	}
	put(t, s, docs...)
	var got []string
	if err := s.EachFigure(context.Background(), func(r *FigureRow) error {
		got = append(got, fmt.Sprintf("%d/%d %s %q", r.DocumentID, r.Seq, r.Text, r.Sentence))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	rows, err := s.DB().Query(`SELECT document_id, seq, text, sentence FROM figure_view ORDER BY document_id, seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var want []string
	for rows.Next() {
		var id int64
		var seq int
		var text, sent string
		if err := rows.Scan(&id, &seq, &text, &sent); err != nil {
			t.Fatal(err)
		}
		want = append(want, fmt.Sprintf("%d/%d %s %q", id, seq, text, sent))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") || len(want) != 60 {
		t.Errorf("EachFigure:\n%s\nfigure_view:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
