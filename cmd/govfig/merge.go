package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/govfig/govfig/schema"
)

// runMerge is `govfig merge --db OUT IN...`: merge the databases of shards
// (one `govfig run --shard i/N` each) into one, deduplicating documents by
// URL and content. The inputs are opened read-only and checked before the
// output is opened; an output this run created is removed when the merge
// fails before any document was written to it.
func runMerge(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("merge", "govfig merge --db OUT.db SHARD.db...",
		"Copies the documents, figures and problems of each shard database into OUT.db. A URL held\n"+
			"twice is kept once: the same content is skipped, else the copy fetched later wins.", stderr)
	dbPath := fs.String("db", "", "output database `file` (created when missing; may already hold documents; an existing file that is not a govfig database is refused)")
	file := indicatorsFlag(fs)
	ins, help, err := fs.parse(args)
	if help || err != nil {
		return err
	}
	if *dbPath == "" || len(ins) == 0 {
		return withHint(errors.New("merge needs --db and at least one shard database"), "govfig merge --db all.db shard1/govfig.db shard2/govfig.db")
	}
	cat, err := loadCatalogue("merge", *file)
	if err != nil {
		return err
	}
	// Every input must be a govfig database of this schema version, checked
	// before the output is touched.
	for _, in := range ins {
		ro, err := schema.OpenReadOnly(in)
		if err != nil {
			return fmt.Errorf("merge: %w", err)
		}
		ro.Close()
	}
	_, statErr := os.Stat(*dbPath)
	created := errors.Is(statErr, os.ErrNotExist)
	st, err := schema.Open(*dbPath) // refuses an existing file that is not a govfig database
	if err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	merged := false
	defer func() {
		// A failed merge leaves no empty output behind; an output that
		// received documents stays, and running the merge again completes it.
		empty := false
		if created && !merged {
			var n int
			empty = st.DB().QueryRow("SELECT count(*) FROM documents").Scan(&n) == nil && n == 0
		}
		st.Close()
		if empty {
			removeDatabase(*dbPath)
		}
	}()
	for _, in := range ins {
		ms, err := st.Merge(ctx, in, govfigBuildVersion())
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: %d documents: %d new, %d replaced, %d same, %d kept; %d figures, %d problems\n",
			in, ms.Documents, ms.New, ms.Replaced, ms.Same, ms.Kept, ms.Figures, ms.Problems)
	}
	if err := remapStore(ctx, st, cat, false, stdout); err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	merged = true
	return nil
}

// removeDatabase removes the database file path made by this run, with its
// WAL and shared-memory files.
func removeDatabase(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		_ = os.Remove(path + suffix)
	}
}
