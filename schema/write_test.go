package schema

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

func searchURLs(t *testing.T, s *Store, query string) []string {
	t.Helper()
	hits, err := s.Search(context.Background(), query, 100)
	if err != nil {
		t.Fatalf("Search(%q): %v", query, err)
	}
	var urls []string
	for _, h := range hits {
		urls = append(urls, h.URL)
	}
	return urls
}

func count(t *testing.T, s *Store, query string) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// The search entries of a batch are written at Commit, together: one FTS
// segment for the batch however its other writes interleave (several-row
// INSERTs and the DELETEs of replaced documents open savepoints, at which
// FTS4 writes out what it holds), and none when the batch is rolled back.
func TestSearchEntriesWrittenAtCommit(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	var docs []*Document
	for i := 0; i < 30; i++ {
		text := fmt.Sprintf("第%d份报告。全年教育经费投入%d万元。", i, 1000+i)
		var figs []Figure
		for j := 0; j < 2*figureChunk+3; j++ { // figures in several INSERTs
			figs = append(figs, Figure{Kind: KindMoney, Value: float64(j), Normalized: float64(j), Text: "x", Start: 0, End: 1})
		}
		docs = append(docs, &Document{URL: fmt.Sprintf("http://a/%d", i), Title: "报告", Text: text, Figures: figs})
	}
	put(t, s, docs...)
	if n := count(t, s, "SELECT count(*) FROM documents_fts_segdir"); n != 1 {
		t.Errorf("%d FTS segments after one batch, want 1", n)
	}
	if got := searchURLs(t, s, "经费"); len(got) != 30 {
		t.Errorf("经费 finds %d documents, want 30", len(got))
	}
	if n := count(t, s, "SELECT count(*) FROM figures"); n != 30*(2*figureChunk+3) {
		t.Errorf("%d figures stored, want %d", n, 30*(2*figureChunk+3))
	}

	// Replacing them (their parts are deleted first) is one segment more.
	for _, d := range docs {
		d.Text = strings.Replace(d.Text, "教育经费", "卫生支出", 1)
	}
	put(t, s, docs...)
	if n := count(t, s, "SELECT count(*) FROM documents_fts_segdir"); n > 2 {
		t.Errorf("%d FTS segments after two batches, want at most 2", n)
	}
	if got := searchURLs(t, s, "经费"); got != nil {
		t.Errorf("经费 still finds %v after the replacement", got)
	}
	if got := searchURLs(t, s, "卫生支出"); len(got) != 30 {
		t.Errorf("卫生支出 finds %d documents, want 30", len(got))
	}

	// A rolled-back batch leaves no entry.
	b, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.Put(&Document{URL: "http://a/rolled", Title: "撤回", Text: "撤回的文件"}, "http://a/rolled", DocMeta{SHA256: "x"}); err != nil {
		t.Fatal(err)
	}
	if err := b.Rollback(); err != nil {
		t.Fatal(err)
	}
	if got := searchURLs(t, s, "撤回"); got != nil {
		t.Errorf("a rolled-back document is found: %v", got)
	}
	if err := s.DB().QueryRow("PRAGMA integrity_check").Scan(new(string)); err != nil {
		t.Fatal(err)
	}
	var ok string
	s.DB().QueryRow("PRAGMA integrity_check").Scan(&ok)
	if ok != "ok" {
		t.Errorf("integrity_check: %s", ok)
	}
}

// A key put twice in one batch, new or stored before, keeps one search
// entry: the last.
func TestPutTwiceInOneBatch(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	put(t, s, &Document{URL: "http://a/old", Title: "旧", Text: "原来的正文"})
	b, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Rollback()
	for _, key := range []string{"http://a/old", "http://a/new"} {
		for _, text := range []string{"第一稿正文", "第二稿正文"} {
			_, created, err := b.Put(&Document{URL: key, Title: "稿", Text: text}, key, DocMeta{SHA256: text})
			if err != nil {
				t.Fatal(err)
			}
			if want := key == "http://a/new" && text == "第一稿正文"; created != want {
				t.Errorf("Put(%s, %s): created %v, want %v", key, text, created, want)
			}
		}
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := searchURLs(t, s, "一稿"); got != nil {
		t.Errorf("the first text is still found: %v", got)
	}
	if got := searchURLs(t, s, "原来"); got != nil {
		t.Errorf("the stored text is still found: %v", got)
	}
	if got, want := searchURLs(t, s, "二稿"), []string{"http://a/new", "http://a/old"}; !reflect.DeepEqual(sorted(got), want) {
		t.Errorf("二稿 finds %v, want %v", got, want)
	}
	if n := count(t, s, "SELECT count(*) FROM documents_fts"); n != 2 {
		t.Errorf("%d search entries, want 2", n)
	}
}

func sorted(xs []string) []string {
	out := append([]string(nil), xs...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// Put after Lookup of the same key uses its answer; a Lookup of another key,
// or none, makes Put find out itself. Either way the result is the same.
func TestPutAfterLookup(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	ids := put(t, s, &Document{URL: "http://a/1", Title: "一", Text: "正文"})
	b, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Rollback()
	meta := DocMeta{SHA256: "y"}
	if _, ok, err := b.Lookup("http://a/1"); err != nil || !ok {
		t.Fatalf("Lookup: %v %v", ok, err)
	}
	if id, created, err := b.Put(&Document{Text: "新正文"}, "http://a/1", meta); err != nil || created || id != ids[0] {
		t.Errorf("Put after Lookup of the key: %d %v %v, want %d false", id, created, err, ids[0])
	}
	if _, _, err := b.Lookup("http://a/2"); err != nil {
		t.Fatal(err)
	}
	if id, created, err := b.Put(&Document{Text: "又一稿"}, "http://a/1", meta); err != nil || created || id != ids[0] {
		t.Errorf("Put after Lookup of another key: %d %v %v, want %d false", id, created, err, ids[0])
	}
	if _, created, err := b.Put(&Document{Text: "二"}, "http://a/2", meta); err != nil || !created {
		t.Errorf("Put of a new key: %v %v", created, err)
	}
	// Lookup said new, then the key was stored: the answer is stale.
	if _, ok, _ := b.Lookup("http://a/3"); ok {
		t.Fatal("http://a/3 exists")
	}
	if _, created, err := b.Put(&Document{Text: "三"}, "http://a/3", meta); err != nil || !created {
		t.Errorf("Put of a new key after its Lookup: %v %v", created, err)
	}
	if _, created, err := b.Put(&Document{Text: "三again"}, "http://a/3", meta); err != nil || created {
		t.Errorf("second Put of http://a/3: created %v, %v", created, err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, "SELECT count(*) FROM documents"); n != 3 {
		t.Errorf("%d documents, want 3", n)
	}
}

// A document stored again with the same title and text keeps its search
// entry as it is; with another text it gets a new one.
func TestPutAgainSameTextKeepsSearchEntry(t *testing.T) {
	s := openTemp(t)
	doc := &Document{URL: "http://a/1", Title: "教育报告", Text: "全年教育经费投入3286万元。"}
	// Another document, so that deleting the entry of the first would not
	// empty the index (FTS4 then drops every segment).
	put(t, s, doc, &Document{URL: "http://a/2", Title: "其他", Text: "无关的正文"})
	segments := count(t, s, "SELECT count(*) FROM documents_fts_segdir")
	again := *doc
	again.Figures = []Figure{{Kind: KindMoney, Value: 3286, Normalized: 3.286e7, Text: "3286万元", Start: 8, End: 14}}
	put(t, s, &again)
	if n := count(t, s, "SELECT count(*) FROM documents_fts_segdir"); n != segments {
		t.Errorf("the same text was indexed again: %d segments, had %d", n, segments)
	}
	if n := count(t, s, "SELECT count(*) FROM figures"); n != 1 {
		t.Errorf("%d figures, want 1", n)
	}
	if got := searchURLs(t, s, "经费"); len(got) != 1 {
		t.Errorf("经费 finds %v", got)
	}
	for _, c := range []struct{ title, text, found, gone string }{
		{"教育报告", "全年卫生支出1000万元。", "卫生", "经费"},
		{"财政报告", "全年卫生支出1000万元。", "财政", "教育"},
	} {
		changed := &Document{URL: "http://a/1", Title: c.title, Text: c.text}
		put(t, s, changed)
		if got := searchURLs(t, s, c.found); len(got) != 1 {
			t.Errorf("%s finds %v after the change", c.found, got)
		}
		if got := searchURLs(t, s, c.gone); got != nil {
			t.Errorf("%s still finds %v after the change", c.gone, got)
		}
	}
	var ok string
	if err := s.DB().QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check: %s %v", ok, err)
	}
}

// Past ftsQueueBytes of queued text, a batch writes its search entries
// before Commit; a document put again after that gets its entry replaced.
func TestSearchQueueBound(t *testing.T) {
	defer func(n int) { ftsQueueBytes = n }(ftsQueueBytes)
	ftsQueueBytes = 60 // two of these documents
	s := openTemp(t)
	ctx := context.Background()
	b, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Rollback()
	for i, text := range []string{"第一篇教育经费报告正文", "第二篇卫生支出报告正文", "第三篇教育经费报告正文", "第一篇改为民政救助正文"} {
		key := fmt.Sprintf("http://a/%d", i%3)
		if _, _, err := b.Put(&Document{Title: "报告", Text: text}, key, DocMeta{SHA256: text}); err != nil {
			t.Fatal(err)
		}
		if i == 1 {
			// The first two texts passed the bound: their entries are written.
			var n int
			if err := b.tx.QueryRow("SELECT count(*) FROM documents_fts").Scan(&n); err != nil || n != 2 {
				t.Errorf("%d entries written before Commit (%v), want 2", n, err)
			}
		}
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{"经费": {"http://a/2"}, "民政": {"http://a/0"}, "卫生": {"http://a/1"}} {
		if got := searchURLs(t, s, q); !reflect.DeepEqual(got, want) {
			t.Errorf("%s finds %v, want %v", q, got, want)
		}
	}
	if n := count(t, s, "SELECT count(*) FROM documents_fts"); n != 3 {
		t.Errorf("%d search entries, want 3", n)
	}
}

// Short statements run without the batch's cancellation, but cancelling
// its context still ends the batch: what follows fails and nothing of it
// is stored.
func TestCancelledBatch(t *testing.T) {
	s := openTemp(t)
	ctx, cancel := context.WithCancel(context.Background())
	b, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Rollback()
	doc := func(i int) *Document {
		return &Document{Title: "报告", Text: "教育经费", Sections: []Section{{Path: "一", Title: "一", Level: 1, Start: 0, End: 4}},
			Figures: []Figure{{Kind: KindMoney, Value: 1, Normalized: 1, Text: "x", Start: 0, End: 1, Section: "一"}}}
	}
	if _, _, err := b.Put(doc(0), "http://a/0", DocMeta{SHA256: "x"}); err != nil {
		t.Fatal(err)
	}
	cancel()
	// database/sql rolls the transaction back when it sees the cancellation;
	// give it the moment it takes.
	var putErr error
	for i := 1; i < 200 && putErr == nil; i++ {
		_, _, putErr = b.Put(doc(i), fmt.Sprintf("http://a/%d", i), DocMeta{SHA256: "x"})
		if putErr == nil {
			time.Sleep(time.Millisecond)
		}
	}
	if putErr == nil {
		t.Fatal("Put kept succeeding after the cancellation")
	}
	if err := b.Commit(); err == nil {
		t.Fatal("Commit succeeded after the cancellation")
	}
	if n := count(t, s, "SELECT count(*) FROM documents"); n != 0 {
		t.Errorf("%d documents stored by a cancelled batch", n)
	}
}

// Storing a document again deletes its parts; for each row deleted from a
// parent table SQLite looks for the rows of child tables that refer to it.
// Every such reference must have an index starting with its column, or that
// look-up scans the whole child table (figures.section_id did: extracting
// an archive again grew with the square of its size). runs are never
// deleted.
func TestForeignKeysIndexed(t *testing.T) {
	s := openTemp(t)
	tables, err := s.DB().Query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for tables.Next() {
		var n string
		tables.Scan(&n)
		names = append(names, n)
	}
	tables.Close()
	checked := 0
	for _, table := range names {
		rows, err := s.DB().Query("SELECT \"table\", \"from\" FROM pragma_foreign_key_list(?)", table)
		if err != nil {
			t.Fatal(err)
		}
		type fk struct{ parent, column string }
		var fks []fk
		for rows.Next() {
			var f fk
			rows.Scan(&f.parent, &f.column)
			fks = append(fks, f)
		}
		rows.Close()
		for _, f := range fks {
			if f.parent == "runs" {
				continue
			}
			checked++
			var n int
			if err := s.DB().QueryRow(`SELECT count(*) FROM pragma_index_list(?) l
				JOIN pragma_index_info(l.name) i ON i.seqno = 0 AND i.name = ?`, table, f.column).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n == 0 {
				t.Errorf("%s.%s refers to %s without an index starting with it", table, f.column, f.parent)
			}
		}
	}
	if checked < 5 {
		t.Errorf("only %d references checked", checked)
	}
}

// Figures stored in INSERTs of several rows (figureChunk and the rest, the
// document and the first seq bound once a statement) come back each with
// its document, seq and columns, whatever the chunk.
func TestFiguresInChunksReadBack(t *testing.T) {
	s := openTemp(t)
	var docs []*Document
	for d := 0; d < 3; d++ {
		var figs []Figure
		for j := 0; j < 2*figureChunk+d*5+1; j++ {
			f := Figure{Kind: KindMoney, Value: float64(100*d + j), Normalized: float64(j), Unit: "万元",
				Label: fmt.Sprintf("L%d-%d", d, j), Text: "x", Start: 0, End: 1}
			if j%3 == 0 {
				f.Year = 2000 + j
			}
			figs = append(figs, f)
		}
		docs = append(docs, &Document{URL: fmt.Sprintf("http://a/%d", d), Title: "t", Text: "x", Figures: figs})
	}
	ids := put(t, s, docs...)
	for d, doc := range docs {
		rows, err := s.DB().Query("SELECT seq, value, label, year FROM figures WHERE document_id = ? ORDER BY id", ids[d])
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for rows.Next() {
			var seq int
			var value float64
			var label string
			var year *int
			if err := rows.Scan(&seq, &value, &label, &year); err != nil {
				t.Fatal(err)
			}
			f := doc.Figures[n]
			if seq != n || value != f.Value || label != f.Label || (year == nil) != (f.Year == 0) || year != nil && *year != f.Year {
				t.Errorf("document %d, row %d: seq %d value %v label %q year %v; want figure %+v", d, n, seq, value, label, year, f)
			}
			n++
		}
		rows.Close()
		if n != len(doc.Figures) {
			t.Errorf("document %d: %d figures read back, want %d", d, n, len(doc.Figures))
		}
	}
}

// A figure INSERT writes the columns that are NULL in all its rows as NULL
// instead of binding them: every row must still come back with each of its
// own values and NULLs, whatever the other rows of its chunk hold (chunks
// all prose, all cells, mixed; sentences and sections found and not).
func TestFigureNullColumnsPerChunk(t *testing.T) {
	s := openTemp(t)
	text := "一、概况\n全年教育经费投入3286万元。其他内容。"
	sentence := "全年教育经费投入3286万元。" // runes 5..20 of text
	start := strings.Index(text, "3286")
	start = len([]rune(text[:start]))
	var figs []Figure
	var want []string
	for i := 0; i < 5*figureChunk+7; i++ {
		f := Figure{Kind: KindMoney, Value: float64(i), Unit: "万元", Normalized: float64(i), BaseUnit: "元",
			Label: fmt.Sprintf("L%d", i), Text: "3286万元", Start: start, End: start + 6}
		chunk := i / figureChunk
		bit := func(k int) bool { return (i*7+k*3+chunk)%(k+2) == 0 || chunk == 1 && k < 5 }
		if chunk == 2 { // a chunk of prose with neither sentence nor section nor year
			bit = func(int) bool { return false }
		}
		year, sentS, sentE, sentT, secID, secT, cell, ind, conf := "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL|NULL|NULL", "NULL", "NULL"
		if bit(0) {
			f.Year = 2000 + i
			year = fmt.Sprint(f.Year)
		}
		if bit(1) {
			f.Sentence = sentence
			sentS, sentE = "5", "20"
		} else if bit(2) {
			f.Sentence = "不在正文里的句子。"
			sentT = f.Sentence
		}
		if bit(3) {
			f.Section = "一、概况"
			secID = "SEC"
		} else if bit(4) {
			f.Section = "无此节"
			secT = f.Section
		}
		if bit(5) {
			f.Cell = &CellRef{Table: i % 3, Row: i, Col: i % 5}
			cell = fmt.Sprintf("%d|%d|%d", i%3, i, i%5)
		}
		if bit(6) {
			f.Mapped = true
			if i%2 == 0 {
				f.Indicator, f.IndicatorConfidence = "fin.exp.education", 0.5
				ind, conf = f.Indicator, "0.5"
			} else {
				ind = ""
			}
		}
		figs = append(figs, f)
		want = append(want, fmt.Sprintf("%d|%d|%s|%s|%s|%s|%s|%s|%s|%s|%s", i, i, year, sentS, sentE, sentT, secID, secT, cell, ind, conf))
	}
	doc := &Document{URL: "http://a/nulls", Title: "t", Text: text,
		Sections: []Section{{Path: "一、概况", Title: "一、概况", Level: 1, Start: 0, End: len([]rune(text))}}, Figures: figs}
	id := put(t, s, doc)[0]
	var secID int64
	if err := s.DB().QueryRow("SELECT id FROM sections WHERE document_id = ?", id).Scan(&secID); err != nil {
		t.Fatal(err)
	}
	rows, err := s.DB().Query(`SELECT seq, value, year, sentence_start, sentence_end, sentence_text, section_id, section_text,
		cell_table, cell_row, cell_col, indicator, indicator_confidence FROM figures WHERE document_id = ? ORDER BY seq`, id)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		vals := make([]any, 13)
		ptrs := make([]any, 13)
		for j := range vals {
			ptrs[j] = &vals[j]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		var parts []string
		for _, v := range vals {
			if v == nil {
				parts = append(parts, "NULL")
			} else {
				parts = append(parts, fmtAny(v))
			}
		}
		got := strings.Join(parts, "|")
		w := strings.Replace(want[n], "SEC", fmt.Sprint(secID), 1)
		if got != w {
			t.Errorf("figure %d: %s, want %s", n, got, w)
		}
		n++
	}
	if n != len(want) {
		t.Errorf("%d figures read back, want %d", n, len(want))
	}
}

// Replacing stored documents deletes their search entries at Commit, with
// the new entries, not at each Put: a batch of replaced documents then adds
// one FTS segment to the index, not one for each deletion (FTS4 writes out
// the terms it holds, deletions included, at every statement opening a
// savepoint, such as a figure INSERT of several rows, and merges the
// segments as they pile up).
func TestReplacedEntriesWrittenTogether(t *testing.T) {
	s := openTemp(t)
	han := []rune("教育经费投入全年完成学校教师学生比例增长百分点万元亿元区县政府工作报告卫生健康养老服务城乡居民收入")
	var docs []*Document
	for i := 0; i < 120; i++ {
		var b strings.Builder
		for j := 0; j < 1500; j++ {
			b.WriteRune(han[(i*7+j*j*13+j/3)%len(han)])
			if j%40 == 39 {
				b.WriteString("。")
			}
		}
		var figs []Figure
		for j := 0; j < 2*figureChunk+3; j++ { // figures in several INSERTs
			figs = append(figs, Figure{Kind: KindMoney, Value: float64(j), Normalized: float64(j), Text: "x", Start: 0, End: 1})
		}
		docs = append(docs, &Document{URL: fmt.Sprintf("http://a/%d", i), Title: "报告", Text: b.String(), Figures: figs})
	}
	const batch = 40
	for k := 0; k < len(docs); k += batch {
		put(t, s, docs[k:k+batch]...)
	}
	for k := 0; k < len(docs); k += batch {
		for _, d := range docs[k : k+batch] {
			d.Text += "另"
		}
		before := count(t, s, "SELECT count(*) FROM documents_fts_segdir")
		put(t, s, docs[k:k+batch]...)
		if n := count(t, s, "SELECT count(*) FROM documents_fts_segdir"); n > before+1 {
			t.Fatalf("replacing a batch of %d documents: %d FTS segments, had %d", batch, n, before)
		}
	}
	if hits, err := s.Search(context.Background(), "另", 1000); err != nil || len(hits) != len(docs) {
		t.Errorf("另 finds %d documents (%v), want %d", len(hits), err, len(docs))
	}
	var ok string
	if err := s.DB().QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check: %s, %v", ok, err)
	}
}
