package page

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/govfig/govfig/internal/synth"
)

// TestBodySelectorNeeds holds findBody's shortcut to cascadia: a body
// selector that matches anything in a page has all its names in the page
// (bodyNamesIn), on every fixture page, on synthetic pages and on pages
// made to stress the split of class names.
func TestBodySelectorNeeds(t *testing.T) {
	pages := map[string]string{
		"classes split at tab, CR, LF, FF":  "<div class=\"x\tTRS_Editor\">a</div><p class=\"a\rview\nb\fTRS_UEDITOR\">b</p>",
		"one class of a compound":           `<div class="view">a</div><div class="TRS_UEDITOR">b</div>`,
		"a name differing in case":          `<div id="ZOOM" class="trs_editor Content">a</div>`,
		"a name split by other white space": "<div class=\"TRS_Editor\u00a0x\">a</div><div class=\"content\vx\">b</div>",
		"tags, nested deep":                 strings.Repeat("<div>", 300) + "<main><article id=\"content\">a</article></main>",
		"no names":                          "<html><body><p>text</p></body></html>",
		"empty":                             "",
	}
	files := 0
	err := filepath.WalkDir("../../fixtures", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") && !strings.HasSuffix(path, ".htm") {
			return err
		}
		b, err := os.ReadFile(path)
		pages[path] = string(b)
		files++
		return err
	})
	if err != nil || files < 60 {
		t.Fatalf("read %d fixture pages: %v", files, err)
	}
	g, err := synth.New(synth.Options{Pages: 20, Seed: 1, HTML: true})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		p := g.Page(i)
		pages[p.URL] = string(p.Body)
	}
	matched := 0
	for name, src := range pages {
		root, err := html.Parse(strings.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		doc := goquery.NewDocumentFromNode(root)
		has := bodyNamesIn(root)
		for _, bs := range bodySelectors {
			if n := len(doc.FindMatcher(bs.m).Nodes); n > 0 {
				matched++
				if bs.needs&^has != 0 {
					t.Errorf("%s: %s matches %d elements, but bodyNamesIn says the page lacks a name of it", name, bs.sel, n)
				}
			}
		}
	}
	if matched < 30 {
		t.Errorf("only %d matches of a body selector in all pages: the test checks little", matched)
	}
}

// TestBodySelectorNames: each selector asks for each of its names.
func TestBodySelectorNames(t *testing.T) {
	want := map[string]uint64{
		".TRS_Editor":       bodyNames.class["TRS_Editor"],
		".view.TRS_UEDITOR": bodyNames.class["view"] | bodyNames.class["TRS_UEDITOR"],
		"#zoom":             bodyNames.id["zoom"],
		"#Zoom":             bodyNames.id["Zoom"],
		"#content":          bodyNames.id["content"],
		".content":          bodyNames.class["content"],
		"article":           bodyNames.tag["article"],
		"main":              bodyNames.tag["main"],
	}
	seen := 0
	for _, bs := range bodySelectors {
		w, ok := want[bs.sel]
		if !ok {
			continue
		}
		seen++
		if w == 0 || bs.needs != w {
			t.Errorf("%s needs %b, want %b", bs.sel, bs.needs, w)
		}
	}
	if seen != len(want) {
		t.Errorf("checked %d selectors, want %d", seen, len(want))
	}
}
