package schema

import (
	"context"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// figureIndexSQL lists the indexes on figures as "name(columns)".
func figureIndexSQL(t *testing.T, s *Store) []string {
	t.Helper()
	rows, err := s.DB().Query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'figures' AND sql IS NOT NULL")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name, sql string
		if err := rows.Scan(&name, &sql); err != nil {
			t.Fatal(err)
		}
		cols := sql[strings.LastIndex(sql, "(")+1 : strings.LastIndex(sql, ")")]
		out = append(out, name+"("+cols+")")
	}
	sort.Strings(out)
	return out
}

func TestFigureIndexesMatchMigrations(t *testing.T) {
	s := openTemp(t)
	want := []string{"figures_section(section_id)"} // kept during loads
	for _, ix := range figureIndexes {
		want = append(want, ix.name+"("+ix.columns+")")
	}
	sort.Strings(want)
	if got := figureIndexSQL(t, s); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("migrations make %v, figureIndexes says %v", got, want)
	}
}

// An empty figures table loses its indexes for the load; Open (or
// BuildIndexes) brings them back; a table with figures keeps them.
func TestDeferIndexes(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	all := len(figureIndexSQL(t, s))
	if ok, err := s.DeferIndexes(ctx); err != nil || !ok {
		t.Fatalf("empty database: deferred %v, %v", ok, err)
	}
	s = droppedThenOpened(t, s, path, all, "during the load")
	defer s.Close()
	text, fs, fe := mark("入园率达到⟦96.34%⟧。")
	put(t, s, &Document{URL: "http://x/1", Text: text, PageType: PageArticle,
		Figures: []Figure{{Kind: KindPercent, Value: 96.34, Unit: "%", Normalized: 96.34, BaseUnit: "%", Text: "96.34%", Start: fs, End: fe}}})
	if ok, err := s.DeferIndexes(ctx); err != nil || ok {
		t.Fatalf("database with figures: deferred %v, %v", ok, err)
	}
	if n := len(figureIndexSQL(t, s)); n != all {
		t.Fatalf("%d indexes of %d kept", n, all)
	}
}

// A full remap rebuilds the index on indicator inside its transaction.
func TestFullRemapKeepsIndexes(t *testing.T) {
	s := openTemp(t)
	all := len(figureIndexSQL(t, s))
	text, fs, fe := mark("入园率达到⟦96.34%⟧。")
	put(t, s, &Document{URL: "http://x/1", Text: text, PageType: PageArticle,
		Figures: []Figure{{Kind: KindPercent, Value: 96.34, Unit: "%", Normalized: 96.34, BaseUnit: "%", Text: "96.34%", Start: fs, End: fe}}})
	rs, err := s.Remap(context.Background(), kindMapper{}, true)
	if err != nil || !rs.Full || rs.Figures != 1 {
		t.Fatalf("%+v, %v", rs, err)
	}
	if n := len(figureIndexSQL(t, s)); n != all {
		t.Fatalf("%d indexes of %d after a full remap", n, all)
	}
}

// DropIndexes drops the indexes of figures whatever the table holds (but
// figures_section); Open brings them back. A batch counts the figure rows it
// inserts and deletes, and FigureCount the rows stored.
func TestDropIndexesAndFigureRows(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	all := len(figureIndexSQL(t, s))
	text, fs, fe := mark("入园率达到⟦96.34%⟧，巩固率达到⟦98.5%⟧。")
	pct := func(v float64, s, e int) Figure {
		return Figure{Kind: KindPercent, Value: v, Unit: "%", Normalized: v, BaseUnit: "%", Text: "x", Start: s, End: e}
	}
	doc := &Document{URL: "http://x/1", Text: text, PageType: PageArticle, Figures: []Figure{pct(96.34, fs, fe)}}
	b, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.Put(doc, doc.URL, DocMeta{SHA256: "a", ExtractorVersion: "v1"}); err != nil {
		t.Fatal(err)
	}
	if n := b.FigureRows(); n != 1 {
		t.Errorf("a new document of one figure: %d figure rows, want 1", n)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, err = s.Begin(ctx); err != nil {
		t.Fatal(err)
	}
	doc.Figures = append(doc.Figures, pct(98.5, fe+4, fe+9))
	if _, _, err := b.Put(doc, doc.URL, DocMeta{SHA256: "b", ExtractorVersion: "v2"}); err != nil {
		t.Fatal(err)
	}
	if n := b.FigureRows(); n != 3 {
		t.Errorf("the document replaced with two figures: %d figure rows, want 3 (1 deleted, 2 inserted)", n)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if n, err := s.FigureCount(ctx); err != nil || n != 2 {
		t.Errorf("FigureCount %d, %v; want 2", n, err)
	}
	if err := s.DropIndexes(ctx); err != nil {
		t.Fatal(err)
	}
	s = droppedThenOpened(t, s, path, all, "after DropIndexes")
	s.Close()
}

// droppedThenOpened checks that s (at path) holds no index of figures but
// figures_section, closes it, and opens path again, which must build the
// all indexes back; it returns the store opened.
func droppedThenOpened(t *testing.T, s *Store, path string, all int, when string) *Store {
	t.Helper()
	if got := figureIndexSQL(t, s); strings.Join(got, " ") != "figures_section(section_id)" {
		t.Fatalf("indexes left %s: %v, want figures_section only", when, got)
	}
	s.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(figureIndexSQL(t, s)); n != all {
		s.Close()
		t.Fatalf("Open rebuilt %d indexes of %d", n, all)
	}
	return s
}
