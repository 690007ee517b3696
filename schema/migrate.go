package schema

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// migrationFiles holds the versioned schema: migrations/NNNN_name.sql,
// applied in order, each in its own transaction, the version recorded in
// PRAGMA user_version.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one schema step: its SQL and, when SQL alone cannot do it, a Go
// step run in the same transaction after the SQL.
type migration struct {
	version int
	name    string
	sql     string
	after   func(ctx context.Context, tx *sql.Tx) error
}

// migrationSteps are the Go parts of migrations, by version.
var migrationSteps = map[int]func(ctx context.Context, tx *sql.Tx) error{
	2: backfillFTS, // the FTS rows of documents stored under schema 1
}

// migrations returns the embedded migrations in version order.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, name := range names {
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a version number and _", base)
		}
		b, err := migrationFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b), after: migrationSteps[v]})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	// Versions increase; a gap is allowed, so that two branches can each
	// add a numbered migration (0005 and 0006) and merge in either order of
	// arrival. Each migration must then stand on the ones below the gap.
	for i, m := range ms {
		if i > 0 && m.version == ms[i-1].version {
			return nil, fmt.Errorf("migration %s: version %d twice", m.name, m.version)
		}
	}
	return ms, nil
}

// SchemaVersion is the schema version this build creates and expects: the
// highest migration's.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// migrate applies the migrations newer than the database's user_version, each
// in one immediate transaction (so two processes opening the same file do not
// both apply it). upTo limits the version reached (0 = all); tests use it to
// build old databases.
func migrate(ctx context.Context, db *sql.DB, upTo int) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	for _, m := range ms {
		if upTo > 0 && m.version > upTo {
			break
		}
		if err := applyMigration(ctx, db, m); err != nil {
			return fmt.Errorf("migrate to %s: %w", m.name, err)
		}
	}
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if top := ms[len(ms)-1].version; v > top {
		return fmt.Errorf("database schema version %d is newer than this govfig (%d)", v, top)
	}
	return nil
}

func applyMigration(ctx context.Context, db *sql.DB, m migration) error {
	tx, err := db.BeginTx(ctx, nil) // BEGIN IMMEDIATE (see the DSN in Open)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if v >= m.version {
		return nil // already applied, perhaps by another process
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if m.after != nil {
		if err := m.after(ctx, tx); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return err
	}
	return tx.Commit()
}

// backfillFTS indexes the documents that were stored before the FTS table
// existed, a page of rows at a time.
func backfillFTS(ctx context.Context, tx *sql.Tx) error {
	type row struct {
		id          int64
		title, body string
	}
	last := int64(0)
	var terms ftsTerms
	for {
		rows, err := tx.QueryContext(ctx, "SELECT id, title, body FROM documents WHERE id > ? ORDER BY id LIMIT 200", last)
		if err != nil {
			return err
		}
		var page []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.id, &r.title, &r.body); err != nil {
				rows.Close()
				return err
			}
			page = append(page, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(page) == 0 {
			return nil
		}
		for _, r := range page {
			if _, err := tx.ExecContext(ctx, "INSERT INTO documents_fts (docid, title, body) VALUES (?, ?, ?)",
				r.id, terms.text(r.title), terms.text(indexedPart(r.body))); err != nil {
				return err
			}
			last = r.id
		}
	}
}
