package schema

import (
	"context"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// ftsTextRunes is FTSText as it was first written, over decoded runes, and
// the index layout before schema 8: every occurrence of every term.
func ftsTextRunes(s string) string {
	var b strings.Builder
	runs(s, func(kind int, run []rune) {
		if kind == 1 {
			b.WriteString(string(run))
			b.WriteByte(' ')
			return
		}
		for i := 0; i+1 < len(run); i++ {
			b.WriteRune(run[i])
			b.WriteRune(run[i+1])
			b.WriteByte(' ')
		}
		b.WriteRune(run[len(run)-1])
		b.WriteByte(' ')
	})
	return b.String()
}

// ftsTextOnce is ftsTextRunes with each term kept only where it first
// occurs (ASCII words compared lower-cased, as the tokenizer does): the
// reference the byte-level FTSText must match.
func ftsTextOnce(s string) string {
	var b strings.Builder
	seen := map[string]bool{}
	for _, term := range strings.Fields(ftsTextRunes(s)) {
		if k := strings.ToLower(term); !seen[k] {
			seen[k] = true
			b.WriteString(term)
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// FTSText works on bytes; it must give what the rune version gives on
// every text, broken UTF-8, separators and mixed scripts included.
func TestFTSTextMatchesRunes(t *testing.T) {
	pieces := []string{"教", "育", "经费", "3286", "GDP", "gdp", "x", "X", " ", "，", "。", "-", "\t", "\n", "é", "Ω", "①", "２",
		"\xff", "\xe6\x95", "\xe6", "\x80", "\uFFFD", "😀", "\x00", "a1b2", "·", "％"}
	rng := rand.New(rand.NewSource(1))
	cases := []string{"", "教", "教育", "GDP", "\xff", "教\xff育", "a教b", "教育2023年", "全年教育经费3286万元"}
	for i := 0; i < 20000; i++ {
		var sb strings.Builder
		for n := rng.Intn(12); n >= 0; n-- {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		cases = append(cases, sb.String())
	}
	for _, c := range cases {
		if got, want := FTSText(c), ftsTextOnce(c); got != want {
			t.Fatalf("FTSText(%q) = %q, want %q", c, got, want)
		}
	}
}

// runKind's shortcut for the CJK Unified Ideographs block gives what
// unicode does.
func TestRunKindCJK(t *testing.T) {
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			t.Fatalf("%U is neither a letter nor a number", r)
		}
	}
	for _, r := range []rune{0x4DFF, 0xA000, 'a', '1', ' ', '，'} {
		want := 0
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			want = 1
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsNumber(r)):
			want = 2
		}
		if got := runKind(r); got != want {
			t.Errorf("runKind(%U) = %d, want %d", r, got, want)
		}
	}
}

// A word of three or more characters is found only where its characters
// are adjacent, although the index holds each bigram once a text and the
// query asks for the bigrams apart; the same in a database indexed before
// schema 8 (every occurrence of every bigram).
func TestSearchWordNotBigramsApart(t *testing.T) {
	s := openTemp(t)
	docs := []*Document{
		{URL: "http://a/word", Title: "报告", Text: "全年教育经费投入3286万元。"},
		// 教育, 育经 and 经费 each occur, never 教育经费.
		{URL: "http://a/apart", Title: "通知", Text: "教育局：体育经验交流，经费自理。"},
		{URL: "http://a/split", Title: "教育育经", Text: "经费。"},
		// The bigrams occur apart first and together later.
		{URL: "http://a/later", Title: "简报", Text: "教育局和经费。后来教育经费充足。"},
		{URL: "http://a/title", Title: "教育经费公告", Text: "见附件。"},
	}
	put(t, s, docs...)
	check := func(layout string) {
		t.Helper()
		for q, want := range map[string][]string{
			"教育经费":    {"http://a/later", "http://a/title", "http://a/word"},
			"育经费":     {"http://a/later", "http://a/title", "http://a/word"},
			"体育经验":    {"http://a/apart"},
			"育经":      {"http://a/apart", "http://a/later", "http://a/split", "http://a/title", "http://a/word"},
			"教育经费 自理": nil,
			"教育育经":    {"http://a/split"},
			"育经费 后来":  {"http://a/later"},
		} {
			got := searchURLs(t, s, q)
			sortStrings(got)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s layout: Search(%q) = %v, want %v", layout, q, got, want)
			}
		}
	}
	check("schema 8")
	// The same documents indexed as before schema 8.
	ctx := context.Background()
	for _, d := range docs {
		if _, err := s.db.ExecContext(ctx, `UPDATE documents_fts SET title = ?, body = ?
			WHERE docid = (SELECT id FROM documents WHERE url = ?)`, ftsTextRunes(d.Title), ftsTextRunes(d.Text), d.URL); err != nil {
			t.Fatal(err)
		}
	}
	check("pre-8")
}

// A word whose bigrams are all in the indexed part of a long text but which
// itself occurs only past MaxIndexedText is not found, as before.
func TestSearchWordPastIndexedPart(t *testing.T) {
	s := openTemp(t)
	filler := strings.Repeat("全区各项工作有序推进", MaxIndexedText/30+1)
	put(t, s, &Document{URL: "http://a/long", Title: "长文", Text: "养老，老床，床位。" + filler + "养老床位。"},
		&Document{URL: "http://a/short", Title: "短文", Text: "养老床位。"})
	if got := searchURLs(t, s, "养老床位"); !reflect.DeepEqual(got, []string{"http://a/short"}) {
		t.Errorf("Search(养老床位) = %v, want only the short text", got)
	}
}

func sortStrings(x []string) {
	for i := 1; i < len(x); i++ {
		for j := i; j > 0 && x[j] < x[j-1]; j-- {
			x[j], x[j-1] = x[j-1], x[j]
		}
	}
}

// One ftsTerms cuts text after text, as a Batch does: a set that grows past
// its first size, a short text after a long one, and its generation counter
// wrapping around must each leave every text's terms as FTSText gives them.
func TestFTSTermsReused(t *testing.T) {
	var long strings.Builder
	for r := rune(0x4E00); r < 0x4E00+3000; r++ { // 3,000 distinct bigrams
		long.WriteRune(r)
		if r%97 == 0 {
			long.WriteString("，GDP ")
		}
	}
	long.WriteString(long.String()) // and each again
	texts := []string{long.String(), "教育经费，经费", "", "全年教育经费3286万元", long.String(), "Gdp gdp 校"}
	var terms ftsTerms
	for round := 0; round < 2; round++ {
		for _, s := range texts {
			if got, want := terms.text(s), ftsTextOnce(s); got != want {
				t.Fatalf("round %d: text of %d bytes: got %d bytes, want %d", round, len(s), len(got), len(want))
			}
		}
		terms.grams.cur = ^uint32(0) - 2 // the second round wraps around
	}
	var fresh ftsTerms
	fresh.text("教育经费")
	fresh.grams.cur = ^uint32(0) // the next text's generation wraps to where the first's was
	if got, want := fresh.text("教育经费"), "教育 育经 经费 费 "; got != want {
		t.Errorf("after wrapping around: %q, want %q", got, want)
	}
}
