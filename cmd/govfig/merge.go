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
// URL and content.
func runMerge(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("merge", "govfig merge --db OUT.db SHARD.db...",
		"Copies the documents, figures and problems of each shard database into OUT.db. A URL held\n"+
			"twice is kept once: the same content is skipped, else the copy fetched later wins.", stderr)
	dbPath := fs.String("db", "", "output database `file` (created when missing; may already hold documents)")
	ins, help, err := fs.parse(args)
	if help || err != nil {
		return err
	}
	if *dbPath == "" || len(ins) == 0 {
		return withHint(errors.New("merge needs --db and at least one shard database"), "govfig merge --db all.db shard1/govfig.db shard2/govfig.db")
	}
	for _, in := range ins {
		if _, err := os.Stat(in); err != nil {
			return withHint(fmt.Errorf("merge: %w", err), "govfig merge --db all.db shard1/govfig.db shard2/govfig.db")
		}
	}
	st, err := schema.Open(*dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, in := range ins {
		ms, err := st.Merge(ctx, in, govfigBuildVersion())
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: %d documents: %d new, %d replaced, %d same, %d kept; %d figures, %d problems\n",
			in, ms.Documents, ms.New, ms.Replaced, ms.Same, ms.Kept, ms.Figures, ms.Problems)
	}
	return nil
}
