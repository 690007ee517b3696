package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode"

	"github.com/govfig/govfig/extract/page"
	"github.com/govfig/govfig/internal/patho"
	"github.com/govfig/govfig/schema"
)

// Budgets of one input (issue 11): on two cores, at most 10 s — 20 s of CPU
// time — and 1 GiB of memory. CPU time and peak RSS are read from the child
// process's rusage, not from a clock, so a busy machine does not fail them.
const (
	badMaxRSS = 1 << 30
	badMaxCPU = 20 * time.Second
)

// badCase is one line of fixtures/bad/expect.tsv, or a generated input.
type badCase struct {
	file       string // path
	outcome    string // error, ok, problem
	message    string
	minFigures int
}

func readBadExpect(t *testing.T) []badCase {
	t.Helper()
	f, err := os.Open("../../fixtures/bad/expect.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []badCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 4 {
			t.Fatalf("expect.tsv line %d: %d columns, want 4", n, len(c))
		}
		min, err := strconv.Atoi(c[3])
		if err != nil || (c[1] != "error" && c[1] != "ok" && c[1] != "problem") {
			t.Fatalf("expect.tsv line %d: bad outcome %q or min_figures %q", n, c[1], c[3])
		}
		out = append(out, badCase{file: filepath.Join("../../fixtures/bad", c[0]), outcome: c[1], message: c[2], minFigures: min})
	}
	if len(out) == 0 {
		t.Fatal("expect.tsv: no cases")
	}
	// Every committed input has its line.
	ents, _ := os.ReadDir("../../fixtures/bad")
	listed := map[string]bool{}
	for _, c := range out {
		listed[filepath.Base(c.file)] = true
	}
	for _, e := range ents {
		if n := e.Name(); n != "README.md" && n != "expect.tsv" && !listed[n] {
			t.Errorf("fixtures/bad/%s has no line in expect.tsv", n)
		}
	}
	return out
}

// generatedBad writes the large bad inputs into dir.
func generatedBad(t *testing.T, dir string) []badCase {
	t.Helper()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	bomb, _ := patho.BombWARC(256 << 20)
	over := patho.Page(patho.Report, page.MaxBytes+4096)
	return []badCase{
		{write("deep-nesting.html", []byte(strings.Repeat("<div>", 200_000)+"全区共有学校63所")), "error", "parse html", 0},
		{write("over-limit.html", over[:page.MaxBytes+1]), "error", "over the 32 MB limit", 0},
		{write("report-32mb.html", patho.Page(patho.Report, page.MaxBytes)), "ok", "too many figures in one page", 1000},
		{write("figures-32mb.html", patho.Page(patho.Figures, page.MaxBytes)), "ok", "too many figures in one sentence", 100},
		{write("bare-32mb.html", patho.Page(patho.Bare, page.MaxBytes)), "ok", "too many figures in one page", 0},
		{write("bomb.warc.gz", bomb), "problem", "record too large", 0},
	}
}

// child runs the real govfig in a child process and returns its stdout,
// stderr, exit code and resource use.
func child(t *testing.T, args ...string) (stdout, stderr []byte, code int, cpu time.Duration, rss int64) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "GOVFIG_TEST_MAIN=1")
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatalf("run %v: %v", args, err)
		}
	}
	st := cmd.ProcessState
	ru := st.SysUsage().(*syscall.Rusage)
	return o.Bytes(), e.Bytes(), st.ExitCode(), st.UserTime() + st.SystemTime(), ru.Maxrss << 10
}

// TestBadInputs (issue 11, "Also"): every input of fixtures/bad and the
// generated large ones gives its expected outcome — a clear error naming the
// file and the cause, or a document with a problem — within the budget.
func TestBadInputs(t *testing.T) {
	cases := readBadExpect(t)
	if !testing.Short() {
		cases = append(cases, generatedBad(t, t.TempDir())...)
	}
	for _, c := range cases {
		name := filepath.Base(c.file)
		t.Run(name, func(t *testing.T) {
			var stdout, stderr []byte
			var code int
			var cpu time.Duration
			var rss int64
			if c.outcome == "problem" {
				db := filepath.Join(t.TempDir(), "g.db")
				stdout, stderr, code, cpu, rss = child(t, "extract", "--db", db, c.file)
				all := string(stdout) + string(stderr)
				if code != 1 || !strings.Contains(all, name) || !strings.Contains(all, c.message) {
					t.Errorf("extract %s: exit %d, output %q; want exit 1 and a problem naming the file with %q", name, code, all, c.message)
				}
			} else {
				stdout, stderr, code, cpu, rss = child(t, "inspect", c.file)
				switch c.outcome {
				case "error":
					if code != 2 || !strings.Contains(string(stderr), name) || !strings.Contains(string(stderr), c.message) {
						t.Errorf("inspect %s: exit %d, stderr %q; want exit 2 naming the file and %q", name, code, stderr, c.message)
					}
				case "ok":
					var doc schema.Document
					if code != 0 {
						t.Fatalf("inspect %s: exit %d, stderr %q", name, code, stderr)
					}
					if err := json.Unmarshal(stdout, &doc); err != nil {
						t.Fatalf("inspect %s: %v", name, err)
					}
					if !strings.Contains(doc.Problem, c.message) || len(doc.Figures) < c.minFigures {
						t.Errorf("inspect %s: problem %q and %d figures; want %q and at least %d figures",
							name, doc.Problem, len(doc.Figures), c.message, c.minFigures)
					}
					for _, s := range []string{doc.Title, doc.Publisher, doc.Text} {
						if i := strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }); i >= 0 {
							t.Errorf("inspect %s: control character %q kept in %.60q", name, s[i:i+1], s)
						}
					}
				}
			}
			t.Logf("%s: exit %d, %v CPU, %d MB peak", name, code, cpu.Round(10*time.Millisecond), rss>>20)
			if cpu > badMaxCPU || rss > badMaxRSS {
				t.Errorf("%s: %v CPU and %d MB peak memory; the budget is %v and %d MB", name, cpu, rss>>20, badMaxCPU, badMaxRSS>>20)
			}
		})
	}
}

// TestBadInputsBatch: one extract run over a good page and every bad input
// goes on past each, records a problem naming each one that is a problem,
// keeps the good document, and leaves a database doctor accepts; running it
// again changes nothing.
func TestBadInputsBatch(t *testing.T) {
	cases := readBadExpect(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.html")
	seed, err := os.ReadFile("../../fixtures/pages/nanping-2024-canteen-dup.html")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, seed, 0o644); err != nil {
		t.Fatal(err)
	}
	bomb, _ := patho.BombWARC(64 << 20)
	bombPath := filepath.Join(dir, "bomb.warc.gz")
	if err := os.WriteFile(bombPath, bomb, 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"extract", "--db", filepath.Join(dir, "g.db"), good, bombPath}
	for _, c := range cases {
		args = append(args, c.file)
	}
	out, errOut, code, _, _ := child(t, args...)
	if code != 1 {
		t.Fatalf("extract: exit %d, want 1 (some inputs failed)\n%s%s", code, out, errOut)
	}
	st, err := schema.OpenReadOnly(filepath.Join(dir, "g.db"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	problems, err := st.Problems(ctx)
	if err != nil {
		t.Fatal(err)
	}
	named := func(file, msg string) bool {
		for _, p := range problems {
			if strings.Contains(p.Path+" "+p.URL, file) && strings.Contains(p.Message, msg) {
				return true
			}
		}
		return false
	}
	for _, c := range cases {
		switch {
		case c.outcome != "ok":
			if !named(filepath.Base(c.file), c.message) {
				t.Errorf("no problem naming %s with %q", filepath.Base(c.file), c.message)
			}
		default: // stored, with the problem on the document (文档 问题)
			var problem string
			if err := st.DB().QueryRowContext(ctx, "SELECT problem FROM documents WHERE url = ?", c.file).Scan(&problem); err != nil {
				t.Errorf("%s: not stored (%v)", filepath.Base(c.file), err)
			} else if !strings.Contains(problem, c.message) {
				t.Errorf("%s: stored with problem %q, want %q", filepath.Base(c.file), problem, c.message)
			}
		}
	}
	if !named("bomb.warc.gz", "record too large") {
		t.Errorf("no problem for the WARC bomb")
	}
	if _, ok, err := st.Lookup(ctx, good); err != nil || !ok {
		t.Errorf("the good page is not stored (%v)", err)
	}
	st.Close()
	var buf bytes.Buffer
	if err := run(ctx, []string{"doctor", "--db", filepath.Join(dir, "g.db")}, &buf, &buf); err != nil {
		t.Errorf("doctor: %v\n%s", err, buf.String())
	}
	out, _, _, _, _ = child(t, args...)
	if !strings.Contains(string(out), "0 new, 0 changed") {
		t.Errorf("second run: %q, want nothing new or changed", out)
	}
}
