package schema

import (
	"context"
	"database/sql"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// put stores docs in one batch.
func put(t *testing.T, s *Store, docs ...*Document) []int64 {
	t.Helper()
	b, err := s.Begin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer b.Rollback()
	var ids []int64
	for _, d := range docs {
		id, _, err := b.Put(d, d.URL, DocMeta{SHA256: "x", ExtractorVersion: "v1"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	return ids
}

// figureAt builds a figure whose Text is marked ⟦…⟧ inside text, returning the
// unmarked text too.
func mark(s string) (text string, start, end int) {
	r := []rune(s)
	for i, c := range r {
		switch c {
		case '⟦':
			start = i
		case '⟧':
			end = i - 1
		}
	}
	text = strings.NewReplacer("⟦", "", "⟧", "").Replace(s)
	return
}

func TestFTSText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"全年教育经费3286万元", "全年 年教 教育 育经 经费 费 3286 万元 元 "},
		{"校", "校 "},
		{"GDP增长, 经费。", "GDP 增长 长 经费 费 "},
		{"", ""},
		// Each term once a text, where it first occurs; GDP and gdp are
		// one word to the index.
		{"全年教育经费3286万元，教育经费3286", "全年 年教 教育 育经 经费 费 3286 万元 元 "},
		{"GDP gdp Gdp 经费经费", "GDP 经费 费经 费 "},
	} {
		if got := FTSText(c.in); got != c.want {
			t.Errorf("FTSText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"经费", `"经费"`},
		{"教育经费 GDP", `"教育" "育经" "经费" "gdp"`},
		{"年年年", `"年年"`},
		{"校", `校*`},
		{"学前2023", `"学前" "2023"`},
	} {
		got, err := FTSQuery(c.in)
		if err != nil || got != c.want {
			t.Errorf("FTSQuery(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	if _, err := FTSQuery(" ,。 "); err == nil {
		t.Error("FTSQuery of punctuation only: want an error")
	}
}

func TestSearchTwoCharacterWords(t *testing.T) {
	s := openTemp(t)
	put(t, s,
		&Document{URL: "http://a/money", Title: "关于经费的报告", Text: "全年教育经费投入3286万元。"},
		&Document{URL: "http://a/teachers", Title: "师资情况", Text: "全区招聘教师618名,开展培训。"},
		// Both characters of each word occur, but never next to each other.
		&Document{URL: "http://a/decoy", Title: "其他", Text: "经过收费站;教育师资队伍建设。"},
		&Document{URL: "http://a/english", Title: "GDP report", Text: "The GDP grew."},
	)
	ctx := context.Background()
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"经费", []string{"http://a/money"}},
		{"教师", []string{"http://a/teachers"}},
		{"教师 培训", []string{"http://a/teachers"}},
		{"教师 经费", nil},
		{"育经费", []string{"http://a/money"}},
		{"收费站", []string{"http://a/decoy"}},
		{"站", []string{"http://a/decoy"}},
		{"gdp", []string{"http://a/english"}},
		{"资金", nil},
		{"教育师资", []string{"http://a/decoy"}},
	} {
		hits, err := s.Search(ctx, c.query, 10)
		if err != nil {
			t.Fatalf("Search(%q): %v", c.query, err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.URL)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Search(%q) = %v, want %v", c.query, got, c.want)
		}
	}
	hits, _ := s.Search(ctx, "教师", 10)
	if len(hits) != 1 || !strings.Contains(hits[0].Snippet, "招聘教师618名") {
		t.Errorf("snippet = %+v", hits)
	}
}

func TestPutAndReadBack(t *testing.T) {
	s := openTemp(t)
	text, fs, fe := mark("一、成效\n全区学前三年毛入园率达到⟦96.34%⟧。另有表格。\n二、问题\n经费不足。")
	doc := &Document{
		URL: "http://x/1", Title: "自评报告", Region: "天津市静海区", Published: "2024-08-29T16:16:00+08:00",
		PageType: PageArticle, Text: text,
		Sections: []Section{
			{Path: "一、成效", Title: "一、成效", Level: 1, Start: 0, End: 26},
			{Path: "二、问题", Title: "二、问题", Level: 1, Start: 26, End: len([]rune(text))},
		},
		Tables:      []Table{{Caption: "表1", Rows: [][]Cell{{{Text: "a", Header: true, Start: 1, End: 2}}}, HeaderRows: 1}},
		Attachments: []Attachment{{Name: "附件.pdf", URL: "http://x/a.pdf"}},
		Figures: []Figure{
			{Kind: KindPercent, Value: 96.34, Unit: "%", Normalized: 96.34, BaseUnit: "%", Role: RoleLevel,
				Label: "学前三年毛入园率", Year: 2023, Text: "96.34%", Start: fs, End: fe,
				Sentence: "全区学前三年毛入园率达到96.34%。", Section: "一、成效"},
			// A sentence and a section that are not in the text are kept as written.
			{Kind: KindCount, Value: 3, Unit: "个", Normalized: 3, BaseUnit: "个", Qualifier: QualApprox, Role: RoleChange,
				Direction: DirDown, Text: "3个", Start: 1, End: 2, Sentence: "不在正文里的句子", Section: "三、不存在",
				Cell: &CellRef{Table: 0, Row: 1, Col: 2}},
			{Kind: KindIndex, Value: 0.45, Normalized: 0.45, Role: RoleThreshold, Text: "0.45", Start: 3, End: 4},
		},
	}
	ids := put(t, s, doc)
	ctx := context.Background()
	var got []Figure
	err := s.EachFigure(ctx, func(r *FigureRow) error {
		if r.DocumentID != ids[0] || r.Region != "天津市静海区" || r.DocTitle != "自评报告" || r.DocURL != "http://x/1" ||
			r.Published != "2024-08-29T16:16:00+08:00" {
			t.Errorf("row document fields = %+v", r)
		}
		got = append(got, r.Figure)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, doc.Figures) {
		t.Errorf("figures read back:\n got %+v\nwant %+v", got, doc.Figures)
	}
	// The found sentence and section are stored as references, not copies.
	var sentText, sectionText sql.NullString
	var sectionID sql.NullInt64
	if err := s.DB().QueryRow("SELECT sentence_text, section_id, section_text FROM figures WHERE seq = 0").
		Scan(&sentText, &sectionID, &sectionText); err != nil {
		t.Fatal(err)
	}
	if sentText.Valid || !sectionID.Valid || sectionText.Valid {
		t.Errorf("figure 0 stored sentence_text=%v section_id=%v section_text=%v; want references", sentText, sectionID, sectionText)
	}

	// Putting the document again replaces its parts and keeps its id.
	doc2 := *doc
	doc2.Figures = doc.Figures[:1]
	doc2.Title = "自评报告(修订)"
	if again := put(t, s, &doc2); again[0] != ids[0] {
		t.Errorf("id changed on replace: %d → %d", ids[0], again[0])
	}
	counts := map[string]int{}
	for _, table := range []string{"documents", "figures", "sections", "doc_tables", "attachments", "documents_fts"} {
		var n int
		if err := s.DB().QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		counts[table] = n
	}
	want := map[string]int{"documents": 1, "figures": 1, "sections": 2, "doc_tables": 1, "attachments": 1, "documents_fts": 1}
	if !reflect.DeepEqual(counts, want) {
		t.Errorf("row counts after replace = %v, want %v", counts, want)
	}
	if hits, _ := s.Search(ctx, "修订", 5); len(hits) != 1 {
		t.Errorf("search after replace found %d, want 1", len(hits))
	}
	var docs []DocRow
	s.EachDocument(ctx, func(r *DocRow) error { docs = append(docs, *r); return nil })
	if len(docs) != 1 || docs[0].FigureCount != 1 || docs[0].Title != "自评报告(修订)" || docs[0].ExtractorVersion != "v1" {
		t.Errorf("documents = %+v", docs)
	}
}

func TestPutRejectsNonFiniteValue(t *testing.T) {
	s := openTemp(t)
	b, err := s.Begin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer b.Rollback()
	doc := &Document{URL: "u", Text: "x", Figures: []Figure{{Kind: KindMoney, Value: math.Inf(1), Text: "x"}}}
	if _, _, err := b.Put(doc, "u", DocMeta{}); err == nil || !strings.Contains(err.Error(), "not a finite number") {
		t.Errorf("Put with +Inf value: err = %v", err)
	}
}

func TestProblemsAndInfo(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	b, _ := s.Begin(ctx)
	run, err := b.StartRun(RunRecord{Command: "extract", Version: "dev", ExtractorVersion: "v1", Inputs: []string{"a.warc.gz"}})
	if err != nil {
		t.Fatal(err)
	}
	b.Put(&Document{URL: "http://x/1", Site: "静海区", Text: "经费"}, "http://x/1", DocMeta{SHA256: "s", ExtractorVersion: "v1"})
	b.SetProblem(run, Problem{Path: "a.warc.gz", URL: "http://x/2", Stage: "read", Message: "bad gzip"})
	b.SetProblem(run, Problem{Path: "b.txt", Stage: "parse", Message: "binary"})
	b.SetProblem(run, Problem{Path: "b.txt", Stage: "parse", Message: "binary file"}) // replaces
	b.FinishRun(run, run0(), RunCounts{New: 1, Problems: 2})
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	ps, _ := s.Problems(ctx)
	want := []Problem{{"a.warc.gz", "http://x/2", "read", "bad gzip"}, {"b.txt", "", "parse", "binary file"}}
	if !reflect.DeepEqual(ps, want) {
		t.Errorf("problems = %v, want %v", ps, want)
	}
	b, _ = s.Begin(ctx)
	b.ClearProblem("b.txt", "")
	b.Commit()
	info, err := s.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.Version != "dev" || info.ExtractorVersion != "v1" || info.Documents != 1 || info.Problems != 1 ||
		!reflect.DeepEqual(info.Sites, []string{"静海区"}) || info.LastRun.IsZero() {
		t.Errorf("info = %+v", info)
	}
	st, ok, err := s.Lookup(ctx, "http://x/1")
	if err != nil || !ok || st.SHA256 != "s" || st.ExtractorVersion != "v1" {
		t.Errorf("Lookup = %+v %v %v", st, ok, err)
	}
	if _, ok, _ := s.Lookup(ctx, "http://x/none"); ok {
		t.Error("Lookup of a missing URL: ok")
	}
}

// TestMigrateFromVersion1 builds a database with migration 0001 alone, stores
// a document the way schema 1 did, and checks that Open migrates it in place.
func TestMigrateFromVersion1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	ctx := context.Background()
	old, err := open(ctx, path, 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.DB().Exec(`INSERT INTO documents (url, title, body, content_sha256, extractor_version)
		VALUES ('http://x/old', '旧文档', '全区教师队伍建设', 'abc', 'v0')`); err != nil {
		t.Fatal(err)
	}
	var v int
	old.DB().QueryRow("PRAGMA user_version").Scan(&v)
	if v != 1 {
		t.Fatalf("old database at version %d, want 1", v)
	}
	var n int
	old.DB().QueryRow("SELECT count(*) FROM sqlite_master WHERE name = 'documents_fts'").Scan(&n)
	if n != 0 {
		t.Fatal("schema 1 already has the FTS table")
	}
	old.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.DB().QueryRow("PRAGMA user_version").Scan(&v)
	if v != SchemaVersion() || v < 2 {
		t.Errorf("migrated to version %d, want %d", v, SchemaVersion())
	}
	st, ok, err := s.Lookup(ctx, "http://x/old")
	if err != nil || !ok || st.ID != 1 || st.SHA256 != "abc" {
		t.Errorf("old row after migration: %+v %v %v", st, ok, err)
	}
	hits, err := s.Search(ctx, "教师", 5)
	if err != nil || len(hits) != 1 || hits[0].URL != "http://x/old" {
		t.Errorf("search in migrated database: %+v %v", hits, err)
	}
	// Migration 0003 gives figures and figure_view a direction, '' by default.
	if _, err := s.DB().Exec(`INSERT INTO figures (document_id, seq, kind, value, unit, normalized, base_unit,
		qualifier, role, label, subject, text, start, "end") VALUES (1, 0, 'percent', 2.4, '%', 2.4, '%', '', 'change', '', '', '2.4%', 0, 1)`); err != nil {
		t.Fatal(err)
	}
	var dir string
	if err := s.DB().QueryRow("SELECT direction FROM figure_view WHERE document_id = 1").Scan(&dir); err != nil || dir != "" {
		t.Errorf("direction in migrated database: %q %v", dir, err)
	}
	// Opening again applies nothing.
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s2.Close()
}

func TestOpenRejectsNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.DB().Exec("PRAGMA user_version = 99")
	s.Close()
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("Open of a version-99 database: %v", err)
	}
}

// TestQueriesDoc runs every SQL block of QUERIES.md against a small database
// and checks each returns the rows it is meant to find.
func TestQueriesDoc(t *testing.T) {
	md, err := os.ReadFile("QUERIES.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```sql\n(.*?)```").FindAllStringSubmatch(string(md), -1)
	if len(blocks) != 9 {
		t.Fatalf("QUERIES.md has %d sql blocks, want 9", len(blocks))
	}
	s := openTemp(t)
	text1, s1, e1 := mark("2023年全区学前三年毛入园率达到⟦96.34%⟧。")
	text2, s2, e2 := mark("全年教育经费投入⟦3286万元⟧,教师培训全覆盖。")
	text3, s3, e3 := mark("城镇登记失业率比上年下降⟦0.4%⟧。")
	text4, s4, e4 := mark("一般公共预算收入⟦38.7亿元⟧，力争增长6.1%。")
	_, s5, e5 := mark("一般公共预算收入38.7亿元，力争增长⟦6.1%⟧。")
	put(t, s,
		&Document{URL: "http://a/1", Region: "静海区", Title: "报告一", Text: text1, Figures: []Figure{
			{Kind: KindPercent, Value: 96.34, Unit: "%", Normalized: 96.34, Role: RoleLevel, Label: "学前三年毛入园率",
				Year: 2023, Text: "96.34%", Start: s1, End: e1}}},
		&Document{URL: "http://a/2", Region: "静海区", Title: "报告二", Text: text2, Figures: []Figure{
			{Kind: KindMoney, Value: 3286, Unit: "万元", Normalized: 32860000, BaseUnit: "元", Role: RoleLevel,
				Label: "教育经费", Year: 2023, Text: "3286万元", Start: s2, End: e2}}},
		&Document{URL: "http://a/3", Region: "静海区", Title: "报告三", Text: text3, Figures: []Figure{
			{Kind: KindPercent, Value: 0.4, Unit: "%", Normalized: 0.4, BaseUnit: "%", Role: RoleChange, Direction: DirDown,
				Label: "城镇登记失业率", Year: 2023, Text: "0.4%", Start: s3, End: e3}}},
		&Document{URL: "http://a/4", Region: "静海区", Title: "报告四", Text: text4, Figures: []Figure{
			{Kind: KindMoney, Value: 38.7, Unit: "亿元", Normalized: 3.87e9, BaseUnit: "元", Role: RoleLevel,
				Label: "一般公共预算收入", Year: 2023, Text: "38.7亿元", Start: s4, End: e4},
			{Kind: KindPercent, Value: 6.1, Unit: "%", Normalized: 6.1, BaseUnit: "%", Role: RoleTarget,
				Label: "一般公共预算收入", Year: 2023, Text: "6.1%", Start: s5, End: e5}}},
		&Document{URL: "http://a/4.xlsx", Title: "预算表", PageType: PageAttachment, Format: "xlsx", Parent: "http://a/2", Text: "教育支出\t186420",
			Tables: []Table{{Rows: [][]Cell{{{Text: "教育支出", Start: 0, End: 4}, {Text: "186420", Start: 5, End: 11}}}, HeaderCols: 1}},
			Figures: []Figure{{Kind: KindMoney, Value: 186420, Unit: "万元", Normalized: 1864200000, BaseUnit: "元", Role: RoleTarget,
				Label: "教育支出 预算数", Year: 2024, Text: "186420", Start: 5, End: 11, Cell: &CellRef{Table: 0, Row: 0, Col: 1}}}},
	)
	if _, err := s.Remap(context.Background(), kindMapper{
		"学前三年毛入园率/percent": "edu.pre.ger3", "城镇登记失业率/percent": "emp.registered_unemployment",
		"一般公共预算收入/money": "fin.rev.general", "一般公共预算收入/percent": "fin.rev.general_growth",
		"教育支出 预算数/money": "fin.exp.education"}, false); err != nil {
		t.Fatal(err)
	}
	want := []string{"静海区|2023|96.34|%|报告一", "静海区|3870000000|6.1", "教育经费|1",
		"静海区|2023|96.34|%|报告一|http://a/1", "静海区|2023|1|32860000", "静海区|2023|城镇登记失业率|-0.4|%|0.4%", "静海区|报告二|http://a/2|1", "静海区|报告二|http://a/2",
		"静海区|教育支出 预算数|2024|186420|万元|1864200000|xlsx|预算表|报告二|http://a/2"}
	for i, b := range blocks {
		rows, err := s.DB().Query(b[1])
		if err != nil {
			t.Fatalf("query %d: %v\n%s", i+1, err, b[1])
		}
		cols, _ := rows.Columns()
		var got []string
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for j := range vals {
				ptrs[j] = &vals[j]
			}
			rows.Scan(ptrs...)
			var parts []string
			for _, v := range vals {
				parts = append(parts, fmtAny(v))
			}
			got = append(got, strings.Join(parts, "|"))
		}
		rows.Close()
		if len(got) != 1 || got[0] != want[i] {
			t.Errorf("query %d returned %q, want [%q]", i+1, got, want[i])
		}
	}
}

// TestOriginalURL: a loose file stored under its path keeps the http(s)
// address it names for itself (a scraped .txt's 原文链接) as original_url,
// read back by EachDocument and LoadDocument (so merge keeps it); any other
// address, or one equal to the key, is not stored.
func TestOriginalURL(t *testing.T) {
	s := openTemp(t)
	b, err := s.Begin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer b.Rollback()
	for _, c := range []struct{ key, url string }{
		{"docs/a.txt", "https://www.jh.gov.cn/zwgk/t20240829_1.html"},
		{"docs/b.txt", "javascript:alert(1)"},
		{"http://x/c", "http://x/c"},
		{"docs/d.txt", ""},
	} {
		doc := &Document{URL: c.url, Title: c.key, PageType: PageText, Text: "正文"}
		if _, _, err := b.Put(doc, c.key, DocMeta{SHA256: c.key, ExtractorVersion: "v1"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"docs/a.txt": "https://www.jh.gov.cn/zwgk/t20240829_1.html", "docs/b.txt": "", "http://x/c": "", "docs/d.txt": ""}
	ctx := context.Background()
	err = s.EachDocument(ctx, func(r *DocRow) error {
		if r.OriginalURL != want[r.URL] {
			t.Errorf("%s: original URL %q, want %q", r.URL, r.OriginalURL, want[r.URL])
		}
		doc, key, _, err := s.LoadDocument(ctx, r.ID)
		if err != nil {
			return err
		}
		if w := want[key]; w != "" && doc.URL != w || w == "" && doc.URL != key {
			t.Errorf("LoadDocument %s: URL %q", key, doc.URL)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestIndexedPartIsBounded: the full-text index holds the first
// MaxIndexedText bytes of a long document (cut at a character); the text
// is stored whole.
func TestIndexedPartIsBounded(t *testing.T) {
	s := openTemp(t)
	filler := strings.Repeat("全区各项工作有序推进", MaxIndexedText/30+1) // 3 bytes a rune, past the bound
	text := "开头写到义务教育。" + filler + "结尾写到养老床位。"
	put(t, s, &Document{URL: "http://a/long", Title: "长文", Text: text})
	ctx := context.Background()
	for q, want := range map[string]int{"义务教育": 1, "养老床位": 0} {
		hits, err := s.Search(ctx, q, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != want {
			t.Errorf("Search(%q): %d hits, want %d", q, len(hits), want)
		}
	}
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT length(body) FROM documents WHERE url = ?", "http://a/long").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != utf8.RuneCountInString(text) {
		t.Errorf("stored body of %d characters, want the whole %d", n, utf8.RuneCountInString(text))
	}
	if p := indexedPart("ab" + strings.Repeat("经", MaxIndexedText)); len(p) > MaxIndexedText || !utf8.ValidString(p) {
		t.Errorf("indexedPart: %d bytes, valid %v", len(p), utf8.ValidString(p))
	}
}

// kindMapper maps a figure by its label and kind ("label/kind" → code).
type kindMapper map[string]string

func (m kindMapper) Hash() string { return "kind" }
func (m kindMapper) Rows() []IndicatorRow {
	var out []IndicatorRow
	for _, c := range m {
		out = append(out, IndicatorRow{Code: c, Name: c, Kind: "percent", Unit: "%", Domain: "统计"})
	}
	return out
}
func (m kindMapper) MapFigure(f *Figure) (string, float64) {
	if c := m[f.Label+"/"+string(f.Kind)]; c != "" {
		return c, 1
	}
	return "", 0
}
