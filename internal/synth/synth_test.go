package synth

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govfig/govfig/archive"
	"github.com/govfig/govfig/schema"
)

func TestDeterministicAndVaried(t *testing.T) {
	g, err := New(Options{Pages: 10, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	a, b := g.Page(3), g.Page(3)
	if !bytes.Equal(a.Body, b.Body) || a.URL != b.URL {
		t.Error("same page differs between calls")
	}
	if bytes.Equal(g.Page(3).Body, g.Page(4).Body) {
		t.Error("pages 3 and 4 are identical")
	}
	g2, _ := New(Options{Pages: 10, Seed: 8})
	if bytes.Equal(g.Page(3).Body, g2.Page(3).Body) {
		t.Error("seeds 7 and 8 give the same page")
	}
	if !strings.Contains(string(a.Body), "区") || !strings.HasPrefix(a.URL, "http://www.") {
		t.Errorf("page = %s %q", a.URL, a.Body[:80])
	}
}

func TestWARCReadsBack(t *testing.T) {
	for _, html := range []bool{false, true} {
		g, _ := New(Options{Pages: 25, Seed: 1, PerFile: 10, HTML: html})
		dir := t.TempDir()
		files, err := g.WriteWARC(dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(files) != 3 {
			t.Fatalf("%d files, want 3", len(files))
		}
		var got []archive.Item
		err = archive.Walk(context.Background(), []string{dir}, archive.Visitor{
			Item:    func(it archive.Item) error { got = append(got, it); return nil },
			Problem: func(p schema.Problem) { t.Errorf("problem: %+v", p) },
		}, archive.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 25 {
			t.Fatalf("read back %d pages, want 25", len(got))
		}
		for i, it := range got {
			p := g.Page(i)
			if it.URL != p.URL || !bytes.Equal(it.Body, p.Body) || it.ContentType != p.ContentType {
				t.Errorf("page %d read back as %s %q", i, it.URL, it.ContentType)
			}
		}
		dir2 := t.TempDir()
		if err := g.WriteDir(dir2); err != nil {
			t.Fatal(err)
		}
		n := 0
		archive.Walk(context.Background(), []string{dir2}, archive.Visitor{Item: func(it archive.Item) error {
			n++
			if !strings.HasPrefix(it.Source, filepath.ToSlash(dir2)) {
				t.Errorf("source %s", it.Source)
			}
			return nil
		}}, archive.Options{})
		if n != 25 {
			t.Errorf("folder holds %d pages, want 25", n)
		}
	}
}
