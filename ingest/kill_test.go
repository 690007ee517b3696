package ingest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/govfig/govfig/internal/synth"
	"github.com/govfig/govfig/schema"
)

// The test binary doubles as the extracting child process of TestSIGKILL.
func TestMain(m *testing.M) {
	if os.Getenv("GOVFIG_INGEST_CHILD") == "1" {
		os.Exit(childMain(os.Getenv("GOVFIG_CHILD_DB"), os.Getenv("GOVFIG_CHILD_IN")))
	}
	os.Exit(m.Run())
}

// killOptions are the options of every run of TestSIGKILL: small batches so
// a kill lands between and inside many transactions.
var killOptions = Options{Read: testRead, ExtractorVersion: "t1", BatchSize: 50, FlushEvery: 200 * time.Millisecond, Version: "killtest"}

func childMain(db, in string) int {
	s, err := schema.Open(db)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer s.Close()
	if _, err := Run(context.Background(), s, []string{in}, killOptions); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	return 0
}

// TestSIGKILL extracts a 5,000-page synthetic archive in a child process,
// kills it with SIGKILL at random moments three times, then runs to the end:
// the database must equal that of an uninterrupted run (every table but runs,
// problems without their run_id) and pass PRAGMA integrity_check.
func TestSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("the SIGKILL test extracts 5,000 pages several times")
	}
	const pages = 5000
	dir := t.TempDir()
	g, err := synth.New(synth.Options{Pages: pages, Seed: 42, PerFile: 500})
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "archive")
	if _, err := g.WriteWARC(in); err != nil {
		t.Fatal(err)
	}

	ref := openStore(t, filepath.Join(dir, "ref.db"))
	began := time.Now()
	st := run(t, ref, killOptions, in)
	full := time.Since(began)
	if st.New != pages {
		t.Fatalf("uninterrupted run: %+v", st)
	}
	t.Logf("uninterrupted run: %v, %d figures", full, st.Figures)

	seed := uint64(time.Now().UnixNano())
	r := rand.New(rand.NewPCG(seed, 0))
	killedDB := filepath.Join(dir, "killed.db")
	midway := 0
	for i := range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "GOVFIG_INGEST_CHILD=1", "GOVFIG_CHILD_DB="+killedDB, "GOVFIG_CHILD_IN="+in)
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(float64(full) * (0.05 + 0.3*r.Float64()))
		time.Sleep(delay)
		if err := cmd.Process.Kill(); err != nil { // SIGKILL
			t.Fatal(err)
		}
		cmd.Wait()
		n := countFile(t, killedDB, "SELECT count(*) FROM documents")
		t.Logf("kill %d after %v (seed %d): %d documents stored", i+1, delay, seed, n)
		if n > 0 && n < pages {
			midway++
		}
	}
	if midway == 0 {
		t.Errorf("no kill landed in the middle of a run (seed %d); the test proved nothing", seed)
	}

	killed := openStore(t, killedDB)
	last := run(t, killed, killOptions, in)
	if last.New+last.Unchanged != pages || last.Problems != 0 {
		t.Errorf("completing run: %+v", last)
	}
	var check string
	if err := killed.DB().QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check = %q, %v", check, err)
	}
	if n := count(t, killed.DB(), "SELECT count(*) FROM runs WHERE finished_at IS NULL"); n == 0 {
		t.Error("no interrupted run recorded")
	}
	skip, skipCols := map[string]bool{"runs": true}, map[string]bool{"run_id": true}
	want, got := dump(t, ref.DB(), skip, skipCols), dump(t, killed.DB(), skip, skipCols)
	if got != want {
		t.Errorf("killed-and-resumed database differs from the uninterrupted one (seed %d): %s", seed, firstDiff(want, got))
	}
	// The search index is whole too.
	for _, q := range []string{"教育经费", "教师"} {
		a, _ := ref.Search(context.Background(), q, 1000)
		b, _ := killed.Search(context.Background(), q, 1000)
		if len(a) != len(b) || len(a) == 0 {
			t.Errorf("search %q: %d hits uninterrupted, %d resumed", q, len(a), len(b))
		}
	}
}

// countFile counts with a fresh connection (the file may be mid-recovery).
func countFile(t *testing.T, path, q string) int {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		return 0
	}
	s, err := schema.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return count(t, s.DB(), q)
}
