package archive

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/govfig/govfig/internal/patho"
)

// writeBombWARC writes patho.BombWARC(expanded) to path and returns the
// bomb's member offset.
func writeBombWARC(t *testing.T, path string, expanded int64) int64 {
	t.Helper()
	b, offset := patho.BombWARC(expanded)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return offset
}

// wchar is the number of bytes this process has passed to write(2), from
// /proc/self/io; -1 where there is no such file.
func wchar() int64 {
	b, err := os.ReadFile("/proc/self/io")
	if err != nil {
		return -1
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "wchar: "); ok {
			n, _ := strconv.ParseInt(v, 10, 64)
			return n
		}
	}
	return -1
}

// TestGzipBombRecord: a record declaring 64 MiB in a few kilobytes of gzip is
// refused from its header — a problem naming the file and the record's
// offset — without spilling it to a temporary file or holding it in memory,
// and the records around it are read.
func TestGzipBombRecord(t *testing.T) {
	const limit = 1 << 20 // Options.MaxBody
	const expanded = 64 << 20
	dir := t.TempDir()
	path := filepath.Join(dir, "bomb.warc.gz")
	offset := writeBombWARC(t, path, expanded)
	if info, _ := os.Stat(path); info.Size() > 256<<10 {
		t.Fatalf("fixture: %d bytes compressed, want a small bomb", info.Size())
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	w0 := wchar()
	c := walk(t, Options{MaxBody: limit}, path)
	w1 := wchar()
	runtime.ReadMemStats(&after)

	if got := strings.Join(c.keys(), " "); got != "http://a.gov.cn/before.html http://a.gov.cn/after.html" {
		t.Errorf("items %s, want the records before and after the bomb", got)
	}
	if len(c.problems) != 1 {
		t.Fatalf("problems %v, want one", c.problems)
	}
	p := c.problems[0]
	want := fmt.Sprintf("record at offset %d: record too large: Content-Length %d is more than the limit", offset, expanded)
	if !strings.Contains(p.Message, want) || !strings.Contains(p.Message, "bomb.warc.gz") || p.URL != "http://a.gov.cn/bomb.html" {
		t.Errorf("problem %+v, want the file, the URL and %q", p, want)
	}
	t.Logf("bomb of %d bytes (%d compressed): walk allocated %d bytes, wrote %d bytes", expanded, fileSize(path), after.TotalAlloc-before.TotalAlloc, w1-w0)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
		t.Errorf("the walk allocated %d bytes, want it bounded well below the bomb's %d", alloc, expanded)
	}
	if w0 >= 0 && w1-w0 > limit {
		t.Errorf("the walk wrote %d bytes, want at most the limit %d", w1-w0, limit)
	}
	if ents, _ := os.ReadDir(tmp); len(ents) != 0 {
		t.Errorf("temporary files left: %v", ents)
	}
}

// TestEmptyWARC: a 0-byte .warc.gz (a crawl killed before its first record)
// is a problem naming the file, not silently nothing.
func TestEmptyWARC(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.warc.gz")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	c := walk(t, Options{}, path)
	if len(c.problems) != 1 || c.problems[0].Path != filepath.ToSlash(path) || !strings.Contains(c.problems[0].Message, "empty file") || len(c.done) != 0 {
		t.Errorf("problems %v, done %v: want one problem naming the empty file", c.problems, c.done)
	}
}

func fileSize(path string) int64 {
	info, err := os.Stat(path)
	if err != nil {
		return -1
	}
	return info.Size()
}
