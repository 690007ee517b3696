package schema

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
)

// Reader reads a database's documents, figures, run summary and problems;
// *Store reads each query at the moment it runs, a snapshot (see View) reads
// them all at one moment.
type Reader interface {
	EachDocument(ctx context.Context, fn func(*DocRow) error) error
	EachFigure(ctx context.Context, fn func(*FigureRow) error) error
	Info(ctx context.Context) (RunInfo, error)
	Problems(ctx context.Context) ([]Problem, error)
	Indicators(ctx context.Context) ([]IndicatorRow, error)
}

var (
	_ Reader = (*Store)(nil)
	_ Reader = (*snapshot)(nil)
)

// snapshot is one read transaction on one connection.
type snapshot struct{ conn *sql.Conn }

func (s *snapshot) Indicators(ctx context.Context) ([]IndicatorRow, error) {
	return indicatorRows(ctx, s.conn)
}

func (s *snapshot) EachDocument(ctx context.Context, fn func(*DocRow) error) error {
	return eachDocument(ctx, s.conn, fn)
}

func (s *snapshot) EachFigure(ctx context.Context, fn func(*FigureRow) error) error {
	return eachFigure(ctx, s.conn, fn)
}

func (s *snapshot) Info(ctx context.Context) (RunInfo, error) { return readInfo(ctx, s.conn) }

func (s *snapshot) Problems(ctx context.Context) ([]Problem, error) { return problems(ctx, s.conn) }

// View calls fn with a Reader whose queries all see the database as it was
// at one moment: one connection, one deferred read transaction (BEGIN …
// ROLLBACK), so a writer committing meanwhile (an extract running) changes
// nothing fn reads and never waits for it (WAL). Export reads through View
// so that its sheets agree with each other.
func (s *Store) View(ctx context.Context, fn func(Reader) error) error {
	return s.view(ctx, func(conn *sql.Conn) error { return fn(&snapshot{conn: conn}) })
}

// view runs fn on one connection inside one deferred read transaction.
func (s *Store) view(ctx context.Context, fn func(*sql.Conn) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("read snapshot: %w", err)
	}
	defer conn.Close()
	// A plain BEGIN, not the store's BEGIN IMMEDIATE: a reader must not take
	// the write lock.
	if _, err := conn.ExecContext(ctx, "BEGIN DEFERRED"); err != nil {
		return fmt.Errorf("read snapshot: %w", err)
	}
	defer func() {
		if _, err := conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
			// Never hand a connection still inside a transaction back to
			// the pool.
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	// The snapshot starts at the first read; take it now.
	var n int
	if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
		return fmt.Errorf("read snapshot: %w", err)
	}
	return fn(conn)
}
