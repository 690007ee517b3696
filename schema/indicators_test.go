package schema

import (
	"context"
	"testing"
)

// labelMapper maps a figure by its label alone; hash names the catalogue.
type labelMapper struct {
	hash  string
	codes map[string]string
}

func (m labelMapper) Hash() string { return m.hash }
func (m labelMapper) Rows() []IndicatorRow {
	var out []IndicatorRow
	for _, c := range m.codes {
		out = append(out, IndicatorRow{Code: c, Name: c, Kind: "percent", Unit: "%", Domain: "教育"})
	}
	return out
}
func (m labelMapper) MapFigure(f *Figure) (string, float64) {
	if c := m.codes[f.Label]; c != "" {
		return c, 1
	}
	return "", 0
}

func docWith(url string, labels ...string) *Document {
	d := &Document{URL: url, Title: "t", Region: "天津市静海区", PageType: PageArticle, Text: "率96.34%。"}
	for _, l := range labels {
		d.Figures = append(d.Figures, Figure{Kind: KindPercent, Value: 96.34, Unit: "%", Normalized: 96.34, BaseUnit: "%",
			Role: RoleLevel, Label: l, Text: "96.34%", Start: 1, End: 7, Year: 2023})
	}
	return d
}

// TestRemap: new figures are mapped incrementally; a catalogue of another
// hash maps every figure again and replaces the indicators table;
// indicator_view holds the mapped level figures with their region.
func TestRemap(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	put(t, s, docWith("a", "学前三年毛入园率", "服务"))
	m1 := labelMapper{"h1", map[string]string{"学前三年毛入园率": "edu.pre.ger3"}}
	rs, err := s.Remap(ctx, m1, false)
	if err != nil || !rs.Full || rs.Figures != 2 || rs.Mapped != 1 {
		t.Fatalf("first remap %+v %v", rs, err)
	}
	put(t, s, docWith("b", "学前三年毛入园率"))
	if rs, err = s.Remap(ctx, m1, false); err != nil || rs.Full || rs.Figures != 1 || rs.Mapped != 1 {
		t.Fatalf("incremental remap %+v %v, want only the new figure", rs, err)
	}
	if rs, err = s.Remap(ctx, m1, false); err != nil || rs.Figures != 0 {
		t.Fatalf("remap with nothing new %+v %v", rs, err)
	}
	var n int
	s.DB().QueryRow(`SELECT count(*) FROM indicator_view WHERE indicator = 'edu.pre.ger3' AND region = '天津市静海区' AND value = 96.34`).Scan(&n)
	if n != 2 {
		t.Errorf("indicator_view holds %d rows, want 2", n)
	}
	m2 := labelMapper{"h2", map[string]string{"服务": "x.service"}}
	if rs, err = s.Remap(ctx, m2, false); err != nil || !rs.Full || rs.Figures != 3 || rs.Changed != 3 {
		t.Fatalf("remap after a catalogue change %+v %v", rs, err)
	}
	if h, _ := s.CatalogueHash(ctx); h != "h2" {
		t.Errorf("stored hash %q", h)
	}
	rows, err := s.Indicators(ctx)
	if err != nil || len(rows) != 1 || rows[0].Code != "x.service" {
		t.Errorf("indicators %+v %v", rows, err)
	}
	s.DB().QueryRow(`SELECT count(*) FROM figures WHERE indicator = ''`).Scan(&n)
	if n != 2 {
		t.Errorf("%d figures mapped to none, want 2", n)
	}
	var fr []FigureRow
	s.EachFigure(ctx, func(r *FigureRow) error { fr = append(fr, *r); return nil })
	if len(fr) != 3 || fr[1].Indicator != "x.service" || fr[1].IndicatorConfidence != 1 {
		t.Errorf("EachFigure indicator: %+v", fr)
	}
}

// TestFillRegions: a crawled document without a region takes its site's;
// one that names its region keeps it; other hosts are left alone.
func TestFillRegions(t *testing.T) {
	s := openTemp(t)
	a := docWith("http://www.tjhx.gov.cn/zwgk/1.html")
	a.Region = ""
	b := docWith("https://www.tjhx.gov.cn/zwgk/2.html")
	b.Region = "天津市和平区"
	c := docWith("http://www.tjhp.gov.cn/zwgk/3.html")
	c.Region = ""
	put(t, s, a, b, c)
	n, err := s.FillRegions(context.Background(), map[string]string{"www.tjhx.gov.cn": "天津市河西区"})
	if err != nil || n != 1 {
		t.Fatalf("FillRegions: %d, %v", n, err)
	}
	got := map[string]string{}
	s.EachDocument(context.Background(), func(d *DocRow) error { got[d.URL] = d.Region; return nil })
	if got[a.URL] != "天津市河西区" || got[b.URL] != "天津市和平区" || got[c.URL] != "" {
		t.Errorf("regions %v", got)
	}
}
