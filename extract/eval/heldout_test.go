package eval_test

import (
	"os"
	"strings"
	"testing"

	"github.com/govfig/govfig/extract/eval"
)

// Floors over the held-out set (fixtures/heldout): documents composed and
// annotated after the rules were tuned, and never used to tune them. They
// measure how the rules generalize; the floors sit a little below what was
// measured when the set was first scored, so a change that makes govfig
// worse on unseen text fails here even when the tuned gold still passes.
const (
	heldoutF1    = 0.93
	heldoutLabel = 0.88
)

func TestHeldOut(t *testing.T) {
	scoreHeldOut(t, "../../fixtures/heldout", 2, heldoutF1, heldoutLabel)
}

// scoreHeldOut scores the held-out set in dir (at least minDocs documents)
// and fails below the floors f1 and label.
func scoreHeldOut(t *testing.T, dir string, minDocs int, f1, label float64) {
	t.Helper()
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("held-out set missing: %v", err)
	}
	cases, skipped, err := eval.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if len(skipped) > 0 || len(cases) < minDocs {
		t.Fatalf("held-out set %s: %d documents, skipped gold %v", dir, len(cases), skipped)
	}
	r, err := eval.Evaluate(cases, realExtractor)
	if err != nil {
		t.Fatal(err)
	}
	var table strings.Builder
	if err := r.WriteTable(&table); err != nil {
		t.Fatal(err)
	}
	t.Logf("held-out scores (%s):\n%s", dir, table.String())
	if r.Overall.F1 < f1 {
		t.Errorf("%s: held-out typed F1 %.3f < %.2f", dir, r.Overall.F1, f1)
	}
	if a := r.Attribute(eval.AttrLabel); a.Accuracy < label {
		t.Errorf("%s: held-out label found %.3f < %.2f (%d/%d)", dir, a.Accuracy, label, a.Correct, a.Total)
	}
}

// The real-web held-out set (fixtures/heldout-web): pages and a scraped text
// in the structures of issue 10 (legacy table layouts, doubled copies, chrome
// in the body, big link directories, flattened tables), composed and
// annotated by hand while the rules were being fixed, by an annotator who saw
// neither the rules nor the fixes, and scored only after. Its floors are the
// issue's acceptance: F1 0.95, labels 0.90; every page's hand-written
// expectation (metadata, body must / must not, list entries) must hold.
const (
	heldoutWebF1    = 0.95
	heldoutWebLabel = 0.90
)

func TestHeldOutWeb(t *testing.T) {
	const dir = "../../fixtures/heldout-web"
	scoreHeldOut(t, dir, 3, heldoutWebF1, heldoutWebLabel)
	if pages, failed := checkHeldOutPages(t, dir); pages < 3 {
		t.Errorf("%d held-out pages with expectations, want 3 or more", pages)
	} else {
		t.Logf("%d held-out pages checked, %d failed", pages, failed)
	}
}
