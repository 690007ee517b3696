package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/govfig/govfig/schema"
)

// TestLargePagesGoAlone: the pages in flight hold at most InflightBytes of
// input between them, so two large pages are never extracted at once (each
// such page costs far more memory than its size), while small pages still
// go beside them, a page larger than the bound goes alone, and every page is
// stored. The same run without the bound shows the large pages overlap.
func TestLargePagesGoAlone(t *testing.T) {
	dir := t.TempDir()
	page := func(name string, size int) {
		text := name + "\n" + strings.Repeat("全区学校增长5%。", size/len("全区学校增长5%。")+1)
		if err := os.WriteFile(filepath.Join(dir, name+".txt"), []byte(text[:size]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 6 {
		page(fmt.Sprintf("large%d", i), 1000)
		page(fmt.Sprintf("small%d", i), 100)
	}
	page("huge", 5000) // over the bound

	extract := func(bound int64) (most int64) {
		var now, peak atomic.Int64
		read := func(name string, body []byte, contentType string) (*schema.Document, error) {
			n := now.Add(int64(len(body)))
			for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
			}
			time.Sleep(20 * time.Millisecond) // a page that takes a while: room for others to start
			defer now.Add(-int64(len(body)))
			return testRead(name, body, contentType)
		}
		s := openStore(t, filepath.Join(t.TempDir(), "g.db"))
		st, err := Run(context.Background(), s, []string{dir}, Options{Read: read, ExtractorVersion: "t1",
			Workers: 4, InflightBytes: bound})
		if err != nil {
			t.Fatal(err)
		}
		if st.New != 13 {
			t.Errorf("bound %d: %d pages stored, want 13 (%+v)", bound, st.New, st)
		}
		return peak.Load()
	}
	if most := extract(1500); most > 5000 || most > 1500 && most != 5000 {
		t.Errorf("bound 1500: %d bytes of input extracted at once, want at most 1500 (or the huge page alone)", most)
	}
	if most := extract(1 << 30); most <= 2000 {
		t.Errorf("no bound: at most %d bytes extracted at once; the test cannot tell (want large pages overlapping)", most)
	}
}
