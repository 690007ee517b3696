package schema

import (
	"context"
	"database/sql"
	"fmt"
)

// Bulk loads: an extract into a database that holds no figures yet drops the
// secondary indexes of figures first and builds them once at the end (one
// sorted pass instead of four B-tree insertions per figure, which grow
// slower as the database grows). A load into a database that already holds
// figures (a newer extractor over the same archive, another site's pages)
// keeps them until it has written enough rows for their upkeep to cost a
// rebuild, then drops them the same way (DropIndexes; ingest decides when).
// Open builds any that are missing, so a run killed halfway leaves a
// database that is whole again at its next opening.

// figureIndexes are the secondary indexes of figures as the migrations
// create them (TestFigureIndexesMatchMigrations keeps the two in step),
// except figures_section, which stays: a load that stores a document twice
// (two crawls of one site) deletes its sections, and SQLite looks the
// figures referring to each up in it.
var figureIndexes = []struct{ name, columns string }{
	{"figures_kind", "kind, label"},
	{"figures_label", "label"},
	{"figures_year", "year"},
	{"figures_indicator", "indicator"},
}

// DeferIndexes drops the secondary indexes of figures when the table is
// empty (a bulk load is starting) and reports whether it did; BuildIndexes
// puts them back.
func (s *Store) DeferIndexes(ctx context.Context) (bool, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("defer indexes: %w", err)
	}
	defer tx.Rollback()
	var any int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT 1 FROM figures LIMIT 1)").Scan(&any); err != nil {
		return false, fmt.Errorf("defer indexes: %w", err)
	}
	if any > 0 {
		return false, nil
	}
	if err := dropIndexes(ctx, tx); err != nil {
		return false, fmt.Errorf("defer indexes: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("defer indexes: %w", err)
	}
	return true, nil
}

// DropIndexes drops the secondary indexes of figures whatever the table
// holds, for a load that has written enough rows to make building them
// again at its end cheaper than keeping them up; BuildIndexes puts them
// back. Queries stay right without them, only slower.
func (s *Store) DropIndexes(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("drop indexes: %w", err)
	}
	defer tx.Rollback()
	if err := dropIndexes(ctx, tx); err != nil {
		return fmt.Errorf("drop indexes: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("drop indexes: %w", err)
	}
	return nil
}

func dropIndexes(ctx context.Context, tx *sql.Tx) error {
	for _, ix := range figureIndexes {
		if _, err := tx.ExecContext(ctx, "DROP INDEX IF EXISTS "+ix.name); err != nil {
			return err
		}
	}
	return nil
}

// FigureCount is the number of figure rows stored.
func (s *Store) FigureCount(ctx context.Context) (int64, error) {
	var n int64
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM figures").Scan(&n); err != nil {
		return 0, fmt.Errorf("count figures: %w", err)
	}
	return n, nil
}

// BuildIndexes creates the secondary indexes of figures that are missing.
func (s *Store) BuildIndexes(ctx context.Context) error {
	return buildIndexes(ctx, s.db)
}

// execer is *sql.DB or *sql.Tx.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// buildIndexes creates the missing secondary indexes of figures, writing
// nothing when none is missing.
func buildIndexes(ctx context.Context, db execer) error {
	for _, ix := range figureIndexes {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?", ix.name).Scan(&n); err != nil {
			return fmt.Errorf("build index %s: %w", ix.name, err)
		}
		if n > 0 {
			continue
		}
		if _, err := db.ExecContext(ctx, "CREATE INDEX IF NOT EXISTS "+ix.name+" ON figures ("+ix.columns+")"); err != nil {
			return fmt.Errorf("build index %s: %w", ix.name, err)
		}
	}
	return nil
}

// HasDocuments reports whether the database holds any document.
func (s *Store) HasDocuments(ctx context.Context) (bool, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM documents)").Scan(&n); err != nil {
		return false, fmt.Errorf("read documents: %w", err)
	}
	return n == 1, nil
}
