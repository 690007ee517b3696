package eval

import (
	"bytes"
	"errors"
	"io/fs"
	"math"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/govfig/govfig/schema"
)

// tinyText is the hand-made document of the harness tests.
const tinyText = "全区有学校10所,教师200名,占比50%。今天是2023年。"

// tinyGold annotates tinyText: three figures and one non-figure.
const tinyGold = `{"anchor": "全区有学校⟦10所⟧", "kind": "schools", "value": 10, "unit": "所", "normalized": 10, "base_unit": "所", "qualifier": "", "role": "level", "label": "学校", "subject": "学校", "year": 2023}
{"anchor": "教师⟦200名⟧", "kind": "headcount", "value": 200, "unit": "名", "normalized": 200, "base_unit": "人", "qualifier": "", "role": "level", "label": "教师", "subject": "教师", "year": 2023}

{"anchor": "占比⟦50%⟧", "kind": "percent", "value": 50, "unit": "%", "normalized": 50, "base_unit": "%", "qualifier": "", "role": "level", "label": "占比", "subject": "", "year": 2023}
{"anchor": "今天是⟦2023年⟧", "not": true}
`

// fig builds a predicted figure at the rune span of marked in tinyText.
func fig(t *testing.T, text, marked string, kind schema.Kind, norm float64, label string) schema.Figure {
	t.Helper()
	g := GoldLine{Anchor: marked, Line: 1}
	spans, err := Resolve("test", text, []GoldLine{g})
	if err != nil {
		t.Fatal(err)
	}
	s := spans[0]
	return schema.Figure{Kind: kind, Value: norm, Normalized: norm, Text: s.Text, Start: s.Start, End: s.End,
		Label: label, Role: schema.RoleLevel, Year: 2023}
}

func fake(figs ...schema.Figure) Extractor {
	return func(name string, body []byte) (*schema.Document, error) {
		return &schema.Document{URL: name, Text: string(body), Figures: figs}, nil
	}
}

func tinyCases(t *testing.T) []Case {
	t.Helper()
	lines, err := ParseGold("gold/tiny.jsonl", strings.NewReader(tinyGold))
	if err != nil {
		t.Fatal(err)
	}
	return []Case{{Name: "docs/tiny.txt", GoldPath: "gold/tiny.jsonl", Body: []byte(tinyText), Gold: lines}}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// Three gold figures; the fake finds 10所 at the same span, 200名 with a wider
// overlapping span (same value), misses 50% and takes the year 2023 for a
// figure: 2 TP, 1 FP, 1 FN → P = R = F1 = 2/3.
func TestEvaluateCounts(t *testing.T) {
	u := fig(t, tinyText, "学校⟦10所⟧", schema.KindSchools, 10, "全区学校")
	u.Unit = "所"
	h := fig(t, tinyText, "⟦教师200名⟧", schema.KindHeadcount, 200, "师")
	h.Unit = "名"
	y := fig(t, tinyText, "今天是⟦2023⟧", schema.KindCount, 2023, "")
	r, err := Evaluate(tinyCases(t), fake(u, h, y))
	if err != nil {
		t.Fatal(err)
	}
	o := r.Overall
	if o.TP != 2 || o.FP != 1 || o.FN != 1 || o.Gold != 3 || o.Predicted != 3 {
		t.Fatalf("overall = %+v, want TP 2, FP 1, FN 1", o)
	}
	if !near(o.Precision, 2.0/3) || !near(o.Recall, 2.0/3) || !near(o.F1, 2.0/3) {
		t.Errorf("P/R/F1 = %v/%v/%v, want 2/3 each", o.Precision, o.Recall, o.F1)
	}
	for _, c := range []struct {
		kind       schema.Kind
		tp, fp, fn int
		p, rec, f1 float64
	}{
		{schema.KindSchools, 1, 0, 0, 1, 1, 1},
		{schema.KindHeadcount, 1, 0, 0, 1, 1, 1},
		{schema.KindPercent, 0, 0, 1, 1, 0, 0},
		{schema.KindCount, 0, 1, 0, 0, 1, 0},
	} {
		s := r.Kind(c.kind)
		if s.TP != c.tp || s.FP != c.fp || s.FN != c.fn || !near(s.Precision, c.p) || !near(s.Recall, c.rec) || !near(s.F1, c.f1) {
			t.Errorf("%s = %+v, want TP %d FP %d FN %d P %v R %v F1 %v", c.kind, s, c.tp, c.fp, c.fn, c.p, c.rec, c.f1)
		}
	}
	if len(r.NotHits) != 1 || r.NotHits[0].Text != "2023" {
		t.Errorf("not hits = %+v, want the year 2023", r.NotHits)
	}
	if len(r.FalseNegatives) != 1 || r.FalseNegatives[0].Text != "50%" || r.FalseNegatives[0].GoldLine != 4 {
		t.Errorf("false negatives = %+v, want 50%% from gold line 4", r.FalseNegatives)
	}
	if got := r.FalseNegatives[0].Snippet; got != "全区有学校10所,教师200名,占比⟦50%⟧。" {
		t.Errorf("snippet = %q", got)
	}
	// Labels: "全区学校" contains "学校" (found); "师" is one rune (not found).
	if a := r.Attribute(AttrLabel); a.Correct != 1 || a.Total != 2 {
		t.Errorf("label = %+v, want 1/2", a)
	}
	if a := r.Attribute(AttrYear); a.Correct != 2 || a.Total != 2 {
		t.Errorf("year = %+v, want 2/2", a)
	}
	// Qualifier "" matches; units 所 and 名 match.
	if a := r.Attribute(AttrUnit); a.Correct != 2 {
		t.Errorf("unit = %+v, want 2/2", a)
	}
	if len(r.PerDoc) != 1 || r.PerDoc[0].Doc != "docs/tiny.txt" || r.PerDoc[0].TP != 2 {
		t.Errorf("per doc = %+v", r.PerDoc)
	}
	if err := r.CheckFloors(0.95, 0.9); !IsFloorError(err) {
		t.Errorf("CheckFloors = %v, want a floor error", err)
	} else {
		for _, want := range []string{"overall F1 0.667", "percent F1 0.000", "label found 0.500"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("floor error %q lacks %q", err, want)
			}
		}
		if strings.Contains(err.Error(), "count F1") {
			t.Errorf("floor error %q names count, which has no gold", err)
		}
	}
	if err := r.CheckFloors(0, 0); err != nil {
		t.Errorf("CheckFloors(0, 0) = %v", err)
	}
	fn, fp := r.Errors(schema.KindPercent)
	if len(fn) != 1 || len(fp) != 0 {
		t.Errorf("Errors(percent) = %v, %v", fn, fp)
	}
}

// A prediction at the right span with the wrong kind is a false positive and
// leaves the gold figure a false negative; a wider span with another value
// does not match either.
func TestEvaluateTyped(t *testing.T) {
	wrongKind := fig(t, tinyText, "学校⟦10所⟧", schema.KindCount, 10, "")
	wrongValue := fig(t, tinyText, "⟦教师200名⟧", schema.KindHeadcount, 20, "")
	exact := fig(t, tinyText, "占比⟦50%⟧", schema.KindPercent, 50, "占比")
	r, err := Evaluate(tinyCases(t), fake(wrongKind, wrongValue, exact))
	if err != nil {
		t.Fatal(err)
	}
	if o := r.Overall; o.TP != 1 || o.FP != 2 || o.FN != 2 {
		t.Fatalf("overall = %+v, want TP 1, FP 2, FN 2", o)
	}
	if len(r.NotHits) != 0 {
		t.Errorf("not hits = %v", r.NotHits)
	}
	var note string
	for _, it := range r.FalseNegatives {
		if it.Text == "10所" {
			note = it.Note
		}
	}
	if !strings.Contains(note, "as count") {
		t.Errorf("FN note for 10所 = %q, want the overlapping count", note)
	}
	// The matched 50% has a role, unit and year to compare: unit is "" in the
	// prediction against "%" in the gold.
	if len(r.Mismatches) != 1 || !strings.Contains(strings.Join(r.Mismatches[0].Fields, ";"), "unit: gold %") {
		t.Errorf("mismatches = %+v", r.Mismatches)
	}
}

// Two predictions over one gold figure: only one matches.
func TestEvaluateMatchesOnce(t *testing.T) {
	a := fig(t, tinyText, "学校⟦10所⟧", schema.KindSchools, 10, "")
	b := fig(t, tinyText, "学校⟦10⟧所", schema.KindSchools, 10, "")
	r, err := Evaluate(tinyCases(t), fake(a, b))
	if err != nil {
		t.Fatal(err)
	}
	if s := r.Kind(schema.KindSchools); s.TP != 1 || s.FP != 1 {
		t.Errorf("schools = %+v, want TP 1 FP 1", s)
	}
}

func TestEvaluateErrors(t *testing.T) {
	boom := errors.New("boom")
	_, err := Evaluate(tinyCases(t), func(string, []byte) (*schema.Document, error) { return nil, boom })
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "docs/tiny.txt") {
		t.Errorf("extractor error = %v, want boom naming the input", err)
	}
	// The extractor's text lacks an anchor: the gold cannot be placed.
	_, err = Evaluate(tinyCases(t), func(name string, _ []byte) (*schema.Document, error) {
		return &schema.Document{Text: "全区有学校10所。"}, nil
	})
	var le *LineError
	if !errors.As(err, &le) || le.Line != 2 || le.File != "gold/tiny.jsonl" {
		t.Errorf("resolve error = %v, want gold/tiny.jsonl line 2", err)
	}
}

func TestLabelFound(t *testing.T) {
	for _, c := range []struct {
		gold, pred string
		want       bool
	}{
		{"学前三年毛入园率", "学前三年毛入园率", true},
		{"学前三年毛入园率", "毛入园率", true},
		{"占比", "公办园在园幼儿占比", true},
		{"教师", "师", false},
		{"师", "教师", false},
		{"学前三年毛入园率", "", false},
		{"", "", false},
		{"", "学校", false},
		{"普惠性幼儿园覆盖率", "学前三年毛入园率", false},
	} {
		if got := LabelFound(c.gold, c.pred); got != c.want {
			t.Errorf("LabelFound(%q, %q) = %v, want %v", c.gold, c.pred, got, c.want)
		}
	}
}

func TestResolve(t *testing.T) {
	text := "增加3所,增加3所,又增加3所。"
	lines := []GoldLine{
		{Anchor: "增加⟦3所⟧", Line: 1},
		{Anchor: "增加⟦3所⟧", Line: 2},
		{Anchor: "⟦3所⟧。", Line: 3},
	}
	spans, err := Resolve("g", text, lines)
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(text)
	for i, want := range []int{2, 7, 13} {
		s := spans[i]
		if s.Start != want || s.End != want+2 || string(runes[s.Start:s.End]) != "3所" {
			t.Errorf("line %d at [%d,%d), want [%d,%d)", i+1, s.Start, s.End, want, want+2)
		}
	}
	for _, c := range []struct {
		lines []GoldLine
		want  string
	}{
		{[]GoldLine{{Anchor: "减少⟦3所⟧", Line: 1}}, "not found"},
		{[]GoldLine{{Anchor: "又增加⟦3所⟧", Line: 1}, {Anchor: "增加⟦3所⟧,增加", Line: 2}}, "out of text order"},
		{[]GoldLine{{Anchor: "增加3所", Line: 1}}, "no ⟦"},
	} {
		_, err := Resolve("g", text, c.lines)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Resolve(%v) = %v, want %q", c.lines, err, c.want)
		}
	}
}

func TestParseGoldErrors(t *testing.T) {
	for _, c := range []struct {
		line, want string
	}{
		{`{"anchor": "⟦3所⟧", "kind": "school", "base_unit": "所", "role": "level"}`, `unknown kind "school"`},
		{`{"anchor": "⟦3所⟧", "kind": "schools", "base_unit": "个", "role": "level"}`, "does not fit kind"},
		{`{"anchor": "⟦3所⟧", "kind": "schools", "base_unit": "所", "role": "lvl"}`, `unknown role "lvl"`},
		{`{"anchor": "⟦3所⟧", "kind": "schools", "base_unit": "所", "role": "level", "qualifier": "about"}`, "unknown qualifier"},
		{`{"anchor": "⟦3所⟧", "kind": "schools", "base_unit": "所", "role": "level", "year": 23}`, "implausible year"},
		{`{"anchor": "⟦3万元⟧", "kind": "money", "value": 3, "unit": "万元", "normalized": 3000, "base_unit": "元", "role": "level"}`, "normalized 3000"},
		{`{"anchor": "⟦3万美元⟧", "kind": "money", "value": 3, "unit": "万美元", "normalized": 30000, "base_unit": "元", "role": "level"}`, "unknown money unit"},
		{`{"anchor": "⟦3万美元⟧", "kind": "money", "value": 3, "unit": "万美元", "normalized": 3000, "base_unit": "美元", "role": "level"}`, "normalized 3000"},
		{`{"anchor": "⟦3万个⟧", "kind": "money", "value": 3, "unit": "万个", "normalized": 30000, "base_unit": "个", "role": "level"}`, "does not fit kind"},
		{`{"anchor": "⟦3个⟧", "kind": "count", "value": 3, "role": "level"}`, "count needs a unit"},
		{`{"anchor": "3所", "kind": "schools", "base_unit": "所", "role": "level"}`, "no ⟦"},
		{`{"anchor": "⟦3⟧所⟦4⟧", "not": true}`, "exactly one"},
		{`{"anchor": "⟦⟧", "not": true}`, "empty span"},
		{`{"anchor": "⟦2023⟧", "not": true, "kind": "count"}`, "only its anchor"},
		{`{"anchor": "⟦3所⟧", "knid": "schools"}`, "unknown field"},
		{`{"anchor": `, "decode"},
	} {
		_, err := ParseGold("gold/x.jsonl", strings.NewReader("\n"+c.line+"\n"))
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "gold/x.jsonl:2:") {
			t.Errorf("ParseGold(%s) = %v, want %q at gold/x.jsonl:2", c.line, err, c.want)
		}
	}
	good := `{"anchor": "⟦3万元⟧", "kind": "money", "value": 3, "unit": "万元", "normalized": 30000, "base_unit": "元", "qualifier": "", "role": "level", "label": "", "subject": "", "year": 2023}`
	// Foreign money keeps its own currency as its base unit (figures.md).
	foreign := `{"anchor": "⟦2,860万美元⟧", "kind": "money", "value": 2860, "unit": "万美元", "normalized": 28600000, "base_unit": "美元", "role": "level"}`
	for _, g := range []string{good, foreign} {
		if _, err := ParseGold("g", strings.NewReader(g)); err != nil {
			t.Errorf("ParseGold(%s) = %v", g, err)
		}
	}
}

func TestLoad(t *testing.T) {
	line := []byte(`{"anchor": "⟦2023⟧", "not": true}` + "\n")
	fsys := fstest.MapFS{
		"docs/a.txt":        {Data: []byte("2023")},
		"gold/a.jsonl":      {Data: line},
		"pages/b.html":      {Data: []byte("<p>2023</p>")},
		"gold/b.jsonl":      {Data: line},
		"gold/orphan.jsonl": {Data: line},
		"gold/README.md":    {Data: []byte("# not gold")},
		"docs/nogold.txt":   {Data: []byte("1所")},
	}
	cases, skipped, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 2 || cases[0].Name != "docs/a.txt" || cases[1].Name != "pages/b.html" || len(cases[1].Gold) != 1 {
		t.Errorf("cases = %+v", cases)
	}
	if len(skipped) != 1 || skipped[0] != "gold/orphan.jsonl" {
		t.Errorf("skipped = %v", skipped)
	}
	fsys["gold/a.jsonl"] = &fstest.MapFile{Data: []byte(`{"anchor": "x"}`)}
	if _, _, err := Load(fsys); err == nil || !strings.Contains(err.Error(), "gold/a.jsonl:1:") {
		t.Errorf("Load(bad gold) = %v, want an error naming gold/a.jsonl:1", err)
	}
	if _, _, err := Load(fstest.MapFS{"docs/a.txt": {Data: []byte("x")}}); err == nil {
		t.Error("Load(no gold) succeeded")
	}
	// A folder that cannot be read says so, not "no gold files found".
	good := fstest.MapFS{"docs/a.txt": {Data: []byte("2023")}, "gold/a.jsonl": {Data: line}}
	for _, dir := range []string{"gold", "."} {
		_, _, err := Load(unreadable{good, dir})
		if !errors.Is(err, fs.ErrPermission) || strings.Contains(err.Error(), "no gold files") {
			t.Errorf("Load(%s unreadable) = %v, want a permission error", dir, err)
		}
	}
}

// unreadable is an fs.FS whose directory dir cannot be read (as a folder
// without read permission, which the tests cannot make when run as root).
type unreadable struct {
	m   fstest.MapFS // a field, not embedded: fs.Glob must go through ReadDir
	dir string
}

func (u unreadable) Open(name string) (fs.File, error) {
	if name == u.dir || u.dir == "." {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return u.m.Open(name)
}

func (u unreadable) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == u.dir || u.dir == "." {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return u.m.ReadDir(name)
}

func TestWriters(t *testing.T) {
	y := fig(t, tinyText, "今天是⟦2023⟧", schema.KindCount, 2023, "")
	r, err := Evaluate(tinyCases(t), fake(y))
	if err != nil {
		t.Fatal(err)
	}
	var table, details, js bytes.Buffer
	if err := r.WriteTable(&table); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteDetails(&details); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"percent", "all", "non-figures hit: 1", "label"} {
		if !strings.Contains(table.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, table.String())
		}
	}
	for _, want := range []string{"FN docs/tiny.txt [5,8) gold line 1", "⟦10所⟧", "FP docs/tiny.txt [25,29)", "hits non-figure \"2023年\""} {
		if !strings.Contains(details.String(), want) {
			t.Errorf("details lack %q:\n%s", want, details.String())
		}
	}
	if !strings.Contains(js.String(), `"not_hits"`) || !utf8.Valid(js.Bytes()) {
		t.Errorf("json = %s", js.String())
	}
}

func TestSnippetClamps(t *testing.T) {
	text := []rune("一句。二句")
	for _, c := range []struct {
		start, end int
		want       string
	}{
		{3, 5, "⟦二句⟧"},
		{0, 2, "⟦一句⟧。"},
		{-4, 1, "⟦一⟧句。"},
		{4, 99, "二⟦句⟧"},
		{9, 3, "二句⟦⟧"},
		{0, 0, "⟦⟧一句。"},
	} {
		if got := snippet(text, c.start, c.end); got != c.want {
			t.Errorf("snippet(%d,%d) = %q, want %q", c.start, c.end, got, c.want)
		}
	}
	// A line break ends a sentence and is not shown; a long sentence is cut
	// 40 runes either side of the span, marked with an ellipsis.
	if got := snippet([]rune("一句\n二句"), 0, 2); got != "⟦一句⟧" {
		t.Errorf("snippet before a line break = %q", got)
	}
	long := strings.Repeat("字", 45) + "5所" + strings.Repeat("字", 45)
	want := "…" + strings.Repeat("字", 40) + "⟦5所⟧" + strings.Repeat("字", 40) + "…"
	if got := snippet([]rune(long), 45, 47); got != want {
		t.Errorf("snippet of a long sentence = %q", got)
	}
}
