package bench

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestTableHasEveryStage runs every stage once on a few pages and checks
// the table names each with a positive ratio against its baseline.
func TestTableHasEveryStage(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the dictionary")
	}
	res, err := Run(context.Background(), Options{Pages: []int{20, 40}, Runs: 1, Texts: 10, Crawl: true, Export: true, Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	res.Print(&buf)
	out := buf.String()
	for _, want := range []string{"cores", "extract 20 pages", "extract 40 pages", "SQLite writer", "text → figures",
		"export", "crawl", "ms/page"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	for _, s := range res.Stages {
		for i, v := range s.Values {
			if v <= 0 || s.BaseValues[i] <= 0 {
				t.Errorf("%s: run %d: %v against %v", s.Name, i, v, s.BaseValues[i])
			}
		}
	}
}
