package eval_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govfig/govfig/extract"
)

// pageExpect is the hand-written expectation of one held-out page
// (pages/NAME.expect.json): metadata compared exactly where given, phrases
// the body must and must not hold, and for a list page its entries.
type pageExpect struct {
	URL         string   `json:"url"`
	Title       string   `json:"title"`
	Publisher   string   `json:"publisher"`
	Published   string   `json:"published"`
	Region      string   `json:"region"`
	PageType    string   `json:"page_type"`
	BodyMust    []string `json:"body_must"`
	BodyMustNot []string `json:"body_must_not"`
	Entries     []struct {
		Title string `json:"title"`
		URL   string `json:"url"`
		Date  string `json:"date"`
	} `json:"entries"`
}

// checkHeldOutPages reads every pages/*.expect.json under dir and checks
// what extract.Read makes of its page. It returns how many pages it checked
// and how many failed, reporting each miss.
func checkHeldOutPages(t *testing.T, dir string) (pages, failed int) {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "pages", "*.expect.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var e pageExpect
		dec := json.NewDecoder(strings.NewReader(string(raw)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		html := strings.TrimSuffix(name, ".expect.json") + ".html"
		body, err := os.ReadFile(html)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := extract.Read(e.URL, body, "text/html")
		if err != nil {
			t.Fatalf("%s: %v", html, err)
		}
		pages++
		var misses []string
		for _, f := range []struct{ name, got, want string }{
			{"title", doc.Title, e.Title}, {"publisher", doc.Publisher, e.Publisher},
			{"published", doc.Published, e.Published}, {"region", doc.Region, e.Region},
			{"page_type", doc.PageType, e.PageType},
		} {
			if f.want != "" && f.got != f.want {
				misses = append(misses, f.name+" = "+quote(f.got)+", want "+quote(f.want))
			}
		}
		for _, p := range e.BodyMust {
			if !strings.Contains(doc.Text, p) {
				misses = append(misses, "body lacks "+quote(p))
			}
		}
		for _, p := range e.BodyMustNot {
			if strings.Contains(doc.Text, p) {
				misses = append(misses, "body holds "+quote(p))
			}
		}
		for _, want := range e.Entries {
			found := false
			if doc.List != nil {
				for _, l := range doc.List.Articles {
					found = found || l.URL == want.URL && l.Title == want.Title && (want.Date == "" || l.Date == want.Date)
				}
			}
			if !found {
				misses = append(misses, "list lacks "+quote(want.Title+" "+want.URL+" "+want.Date))
			}
		}
		if len(misses) > 0 {
			failed++
			t.Errorf("%s:\n  %s", filepath.Base(html), strings.Join(misses, "\n  "))
		}
	}
	return pages, failed
}

func quote(s string) string { b, _ := json.Marshal(s); return string(b) }
