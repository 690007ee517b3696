package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestArgumentErrorsFirst: a command-line mistake is a usage error saying
// what it is, before anything starts (no sample site, no crawl).
func TestArgumentErrorsFirst(t *testing.T) {
	dir := t.TempDir()
	oneSite := filepath.Join(dir, "one.txt")
	os.WriteFile(oneSite, []byte("天津市静海区 http://127.0.0.1:1/zwgk/gsgg/index.html\n"), 0o644)
	png := filepath.Join(dir, "sites.png")
	os.WriteFile(png, append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 0x10, 0xff, 0x7f, 0x1b}, 700)...), 0o644)
	out := filepath.Join(dir, "out")
	for _, c := range []struct {
		args []string
		want string // phrase of the printed error
	}{
		{[]string{"search", "-n", "-1", "--db", "x.db", "经费"}, "-n -1: must not be negative"},
		{[]string{"crawl", "--delay", "-1s", "--sites", oneSite, "--archive", out}, "-delay -1s: must not be negative"},
		{[]string{"run", "--delay", "-1s", "--out", out}, "-delay -1s: must not be negative"},
		{[]string{"run", "--shard", "4/3", "--out", out}, `bad --shard "4/3"`},
		{[]string{"run", "--sites", oneSite, "--shard", "3/3", "--out", out}, "--shard 3/3 is empty: shard 3 holds sites 3, 6, 9… of the sites file, which has only 1 site(s)"},
		{[]string{"crawl", "--sites", png, "--archive", out}, "not a text file"},
		{[]string{"run", "--sites", png, "--out", out}, "not a text file"},
	} {
		_, stderr, err := runCmd(t, c.args...)
		var msg bytes.Buffer
		code := exitCode(err, &msg)
		if code != 2 || !strings.Contains(msg.String(), c.want) || msg.Len() > 400 {
			t.Errorf("%q: exit %d, %q; want a usage error saying %q", c.args, code, msg.String(), c.want)
		}
		if strings.Contains(stderr, "serving") || strings.Contains(stderr, "== crawl") {
			t.Errorf("%q: the error came after %q", c.args, stderr)
		}
	}
}

// TestCrawlEveryFetchFailed: a crawl that fetched nothing (the only host
// refuses connections) ends with status 1 and says so.
func TestCrawlEveryFetchFailed(t *testing.T) {
	dir := t.TempDir()
	sites := filepath.Join(dir, "sites.txt")
	os.WriteFile(sites, []byte("天津市静海区 http://127.0.0.1:1/zwgk/gsgg/index.html\n"), 0o644)
	for _, args := range [][]string{
		{"crawl", "--sites", sites, "--archive", filepath.Join(dir, "a"), "--retries", "0", "--delay", "0s"},
		{"run", "-q", "--sites", sites, "--out", filepath.Join(dir, "out"), "--delay", "0s"},
	} {
		if args[0] == "run" && testing.Short() {
			continue // run retries with back-off: 14 s
		}
		_, _, err := runCmd(t, args...)
		var msg bytes.Buffer
		if code := exitCode(err, &msg); code != 1 || !strings.Contains(msg.String(), "every fetch failed") {
			t.Errorf("%s: exit %d, %q; want 1 and \"every fetch failed\"", args[0], code, msg.String())
		}
	}
}

// TestReadOnlyDirectory: a database in a directory that refuses new files is
// reported as such, not as "no such file or directory" (SQLite's words).
func TestReadOnlyDirectory(t *testing.T) {
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro")
	os.Mkdir(ro, 0o555)
	t.Cleanup(func() { os.Chmod(ro, 0o755) })
	if f, err := os.CreateTemp(ro, "x"); err == nil {
		// Root writes anywhere; sysfs refuses new files even to root.
		f.Close()
		ro = "/sys"
		if f, err := os.CreateTemp(ro, "x"); err == nil || !errors.Is(err, os.ErrPermission) {
			if f != nil {
				f.Close()
				os.Remove(f.Name())
			}
			t.Skip("no directory here refuses new files")
		}
	}
	_, _, err := runCmd(t, "extract", "-q", "--db", filepath.Join(ro, "govfig.db"), "../../fixtures/docs")
	if err == nil || strings.Contains(err.Error(), "no such file") || !strings.Contains(err.Error(), "cannot create files in directory "+ro) {
		t.Errorf("extract into %s: %v, want it to say the directory refuses new files", ro, err)
	}
}
