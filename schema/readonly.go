package schema

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// NotGovfigError says a file given as a database is not one of govfig's: not
// an SQLite file at all, or an SQLite file without govfig's tables (the
// crawler's frontier, say). Nothing was written to it.
type NotGovfigError struct {
	Path   string
	Reason string
}

func (e *NotGovfigError) Error() string {
	return fmt.Sprintf("%s is not a govfig database: %s", e.Path, e.Reason)
}

// govfigTables are the tables every schema version has; a database without
// one of them is not govfig's.
var govfigTables = []string{"documents", "figures", "sections", "runs", "problems"}

// sqliteMagic starts every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// checkFile looks at an existing file before SQLite opens it: a directory or
// a file that is not SQLite is refused. empty reports a file of zero bytes
// (SQLite reads it as a database without tables). A missing file is returned
// as is (os.ErrNotExist).
func checkFile(path string) (empty bool, err error) {
	fi, err := os.Stat(path)
	if err != nil {
		return false, err
	}
	if fi.IsDir() {
		return false, &NotGovfigError{Path: path, Reason: "it is a directory"}
	}
	if fi.Size() == 0 {
		return true, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, []byte(sqliteMagic)) {
		return false, &NotGovfigError{Path: path, Reason: "not an SQLite file"}
	}
	return false, nil
}

// govfigVersion returns the schema version of the open database db, or a
// *NotGovfigError when it is an SQLite database of something else. An SQLite
// database without any table (a new file) has version 0.
func govfigVersion(ctx context.Context, q querier, path string) (int, error) {
	var v int
	if err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, notSQLite(path, err)
	}
	rows, err := q.QueryContext(ctx, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
	if err != nil {
		return 0, notSQLite(path, err)
	}
	defer rows.Close()
	have := map[string]bool{}
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return 0, err
		}
		have[name] = true
		names = append(names, name)
	}
	if err := rows.Err(); err != nil {
		return 0, notSQLite(path, err)
	}
	if len(names) == 0 && v == 0 {
		return 0, nil
	}
	for _, t := range govfigTables {
		if !have[t] {
			if len(names) > 5 {
				names = append(names[:5], "…")
			}
			return 0, &NotGovfigError{Path: path, Reason: fmt.Sprintf("an SQLite database without govfig's tables (it has %s)",
				quoteNames(names))}
		}
	}
	if v == 0 {
		return 0, &NotGovfigError{Path: path, Reason: "an SQLite database without a govfig schema version"}
	}
	return v, nil
}

func quoteNames(names []string) string {
	if len(names) == 0 {
		return "no tables"
	}
	q := make([]string, len(names))
	for i, n := range names {
		if n == "…" {
			q[i] = n
			continue
		}
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

// notSQLite turns SQLite's "file is not a database" into a NotGovfigError.
func notSQLite(path string, err error) error {
	if strings.Contains(err.Error(), "not a database") {
		return &NotGovfigError{Path: path, Reason: "not an SQLite file"}
	}
	return fmt.Errorf("open database %s: %w", path, err)
}

// querier is what the readers need of a *sql.DB, *sql.Conn or *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// MinReadVersion is the oldest schema version the readers (EachDocument,
// EachFigure, Info, Problems, Search, LoadDocument, Indicators) can read: 6
// added figures.indicator and the indicators table, the newest they select
// (5 added documents.parent_url). Raise it when a reader starts to need a
// newer migration's tables or columns.
const MinReadVersion = 6

// OpenReadOnly opens an existing govfig database for reading: SQLite's
// mode=ro, no migration, nothing written. It refuses a missing file, a file
// that is not a govfig database (*NotGovfigError, naming the file), a
// database of a newer schema than this govfig and one older than
// MinReadVersion (run `govfig extract` on it to migrate it). export, search
// and the inputs of merge open their databases this way.
func OpenReadOnly(path string) (*Store, error) {
	return openReadOnlyMin(context.Background(), path, MinReadVersion)
}

// openReadOnlyMin is OpenReadOnly accepting any schema version from min on.
func openReadOnlyMin(ctx context.Context, path string, min int) (*Store, error) {
	if path == "" || path == ":memory:" {
		return nil, errors.New("open database: a file path is needed")
	}
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("database path %q: must not contain ? or #", path)
	}
	empty, err := checkFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("database %s: %w", path, os.ErrNotExist)
		}
		return nil, err
	}
	if empty {
		return nil, &NotGovfigError{Path: path, Reason: "the file is empty"}
	}
	uri := "file:" + strings.ReplaceAll(path, "%", "%25") + "?mode=ro&_foreign_keys=on&_busy_timeout=10000"
	db, err := sql.Open("sqlite3", uri)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, notSQLite(path, err)
	}
	v, err := govfigVersion(ctx, db, path)
	if err == nil && v == 0 {
		err = &NotGovfigError{Path: path, Reason: "an SQLite database without tables"}
	}
	if err == nil {
		err = checkReadable(path, v, min)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return &Store{db: db, path: path, version: v}, nil
}

// checkReadable refuses schema versions a reader cannot read.
func checkReadable(path string, v, min int) error {
	cur := SchemaVersion()
	switch {
	case v > cur:
		return fmt.Errorf("database %s: schema version %d is newer than this govfig (%d); use a newer govfig", path, v, cur)
	case v < min:
		return fmt.Errorf("database %s: schema version %d is older than this govfig reads (%d); run `govfig extract --db %s ARCHIVE` to migrate it",
			path, v, min, path)
	}
	return nil
}
