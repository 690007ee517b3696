package schema

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	_ "github.com/mattn/go-sqlite3" // the SQLite driver ("sqlite3")
)

// Store is govfig's SQLite database: the schema of migrations/, readers for
// the workbook and search, and the batched writer the extract pipeline uses.
//
// The file is opened in WAL mode with foreign keys on and a busy timeout, so
// readers never block the one writer and a killed process leaves the last
// committed transaction intact. A Store is safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
	// version is the schema version the database was opened at.
	version int
}

// dsn returns the go-sqlite3 connection string for path: WAL, foreign keys,
// a busy timeout, synchronous=NORMAL (durable across a process crash; WAL
// keeps the file consistent across a power loss) and BEGIN IMMEDIATE for
// transactions so a writer never has to upgrade a read lock. Each connection
// may cache up to 64 MiB of pages (SQLite's default is 2 MiB): the writer's
// B-trees stay in memory as the database grows, and a reader that touches few
// pages (the workers' look-ups) never fills its cache.
func dsn(path string) (string, error) {
	if strings.ContainsAny(path, "?#") {
		return "", fmt.Errorf("database path %q: must not contain ? or #", path)
	}
	return path + "?_journal_mode=WAL&_foreign_keys=on&_busy_timeout=10000&_synchronous=NORMAL&_txlock=immediate&_cache_size=-65536", nil
}

// Open creates or opens the database at path and brings its schema up to date.
// An existing file that is not a govfig database (not SQLite, or SQLite with
// tables of something else, such as the crawler's frontier) is refused with a
// *NotGovfigError before anything is written to it; an empty file or an
// SQLite database without tables becomes a new govfig database.
func Open(path string) (*Store, error) {
	return open(context.Background(), path, 0)
}

func open(ctx context.Context, path string, upTo int) (*Store, error) {
	if path == "" || path == ":memory:" {
		return nil, errors.New("open database: a file path is needed")
	}
	d, err := dsn(path)
	if err != nil {
		return nil, err
	}
	if err := checkExisting(ctx, path); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite3", d)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(16)
	db.SetConnMaxIdleTime(time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	var mode string
	if err := db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := migrate(ctx, db, upTo); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if upTo == 0 { // a bulk load killed halfway left its indexes unbuilt
		if err := buildIndexes(ctx, db); err != nil {
			db.Close()
			return nil, fmt.Errorf("open database %s: %w", path, err)
		}
	}
	return &Store{db: db, path: path, version: SchemaVersion()}, nil
}

// checkExisting refuses an existing file that is not a govfig database,
// looking at it read-only; a missing or empty file, or an SQLite database
// without tables, passes.
func checkExisting(ctx context.Context, path string) error {
	empty, err := checkFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return err
	case empty:
		return nil
	}
	db, err := sql.Open("sqlite3", "file:"+strings.ReplaceAll(path, "%", "%25")+"?mode=ro&_busy_timeout=10000")
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	defer db.Close()
	if err := db.PingContext(ctx); err != nil {
		return notSQLite(path, err)
	}
	_, err = govfigVersion(ctx, db, path)
	return err
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// DB returns the underlying handle (tests, merge).
func (s *Store) DB() *sql.DB { return s.db }

// Path is the database file.
func (s *Store) Path() string { return s.path }

// EachDocument calls fn for every document ordered by region, published date
// and id, streaming rows; it stops at the first error fn returns.
func (s *Store) EachDocument(ctx context.Context, fn func(*DocRow) error) error {
	return eachDocument(ctx, s.db, fn)
}

func eachDocument(ctx context.Context, q querier, fn func(*DocRow) error) error {
	rows, err := q.QueryContext(ctx, `
		SELECT d.id, d.url, d.site, d.region, d.title, d.publisher, d.published_at, d.fetched_at,
		       d.charset, d.page_type, d.content_sha256, d.extractor_version,
		       (SELECT count(*) FROM figures f WHERE f.document_id = d.id), d.problem, d.original_url,
		       d.parent_url, coalesce(p.title, ''), coalesce(nullif(p.region, ''), d.region), d.format
		FROM documents d LEFT JOIN documents p ON p.url = d.parent_url AND d.parent_url <> ''
		ORDER BY coalesce(nullif(p.region, ''), d.region), coalesce(p.published_at, d.published_at), coalesce(p.id, d.id), d.parent_url <> '', d.id`)
	if err != nil {
		return fmt.Errorf("read documents: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r DocRow
		if err := rows.Scan(&r.ID, &r.URL, &r.Site, &r.Region, &r.Title, &r.Publisher, &r.Published, &r.FetchedAt,
			&r.Charset, &r.PageType, &r.ContentSHA256, &r.ExtractorVersion, &r.FigureCount, &r.Problem, &r.OriginalURL,
			&r.ParentURL, &r.ParentTitle, &r.Region, &r.Format); err != nil {
			return fmt.Errorf("read documents: %w", err)
		}
		if err := fn(&r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read documents: %w", err)
	}
	return nil
}

// EachFigure calls fn for every figure (the rows of figure_view) ordered by
// document id and seq, streaming rows; it stops at the first error fn
// returns. It reads the tables under figure_view rather than the view:
// the view cuts each figure's sentence out of its document's body with
// substr, which reads the whole body for every figure and made the export
// of one large page quadratic (issue 11). Here each body is read once, with
// its document's first figure, and sentences are cut from it in Go.
func (s *Store) EachFigure(ctx context.Context, fn func(*FigureRow) error) error {
	return eachFigure(ctx, s.db, fn)
}

func eachFigure(ctx context.Context, q querier, fn func(*FigureRow) error) error {
	rows, err := q.QueryContext(ctx, `
		SELECT f.id, f.document_id, f.seq, coalesce(nullif(p.region, ''), d.region), d.title, d.url,
		       coalesce(nullif(d.published_at, ''), p.published_at, ''), d.parent_url, coalesce(p.title, ''),
		       f.kind, f.value, f.unit, f.normalized, f.base_unit, f.qualifier, f.role, f.label, f.subject, f.year,
		       f.text, f.start, f."end", f.sentence_text, f.sentence_start, f.sentence_end,
		       CASE WHEN f.seq = (SELECT min(g.seq) FROM figures g WHERE g.document_id = f.document_id)
		            THEN d.body END,
		       coalesce(s.path, f.section_text, ''), f.cell_table, f.cell_row, f.cell_col, f.direction,
		       coalesce(f.indicator, ''), coalesce(f.indicator_confidence, 0)
		FROM figures f
		JOIN documents d ON d.id = f.document_id
		LEFT JOIN documents p ON p.url = d.parent_url AND d.parent_url <> ''
		LEFT JOIN sections s ON s.id = f.section_id
		ORDER BY f.document_id, f.seq`)
	if err != nil {
		return fmt.Errorf("read figures: %w", err)
	}
	defer rows.Close()
	var body *runeSlicer
	bodyDoc := int64(-1)
	for rows.Next() {
		var r FigureRow
		var year, ct, cr, cc, ss, se sql.NullInt64
		var sentText, bodyText sql.NullString
		if err := rows.Scan(&r.ID, &r.DocumentID, &r.Seq, &r.Region, &r.DocTitle, &r.DocURL, &r.Published, &r.ParentURL, &r.ParentTitle,
			&r.Kind, &r.Value, &r.Unit, &r.Normalized, &r.BaseUnit, &r.Qualifier, &r.Role, &r.Label, &r.Subject, &year,
			&r.Text, &r.Start, &r.End, &sentText, &ss, &se, &bodyText, &r.Section, &ct, &cr, &cc, &r.Direction,
			&r.Indicator, &r.IndicatorConfidence); err != nil {
			return fmt.Errorf("read figures: %w", err)
		}
		r.Year = int(year.Int64)
		if ct.Valid {
			r.Cell = &CellRef{Table: int(ct.Int64), Row: int(cr.Int64), Col: int(cc.Int64)}
		}
		if bodyText.Valid {
			body, bodyDoc = newRuneSlicer(bodyText.String), r.DocumentID
		}
		switch {
		case sentText.Valid:
			r.Sentence = sentText.String
		case ss.Valid && se.Valid && bodyDoc == r.DocumentID:
			r.Sentence = body.slice(ss.Int64, se.Int64)
		}
		if err := fn(&r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read figures: %w", err)
	}
	return nil
}

// Info summarises the database: the last finished run and the counts.
func (s *Store) Info(ctx context.Context) (RunInfo, error) { return readInfo(ctx, s.db) }

func readInfo(ctx context.Context, q querier) (RunInfo, error) {
	var info RunInfo
	var finished sql.NullString
	err := q.QueryRowContext(ctx, `
		SELECT version, extractor_version, finished_at FROM runs
		WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1`).Scan(&info.Version, &info.ExtractorVersion, &finished)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return info, fmt.Errorf("read runs: %w", err)
	}
	if finished.Valid {
		info.LastRun, _ = time.Parse(time.RFC3339, finished.String)
	}
	err = q.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM figures),
		(SELECT count(*) FROM problems)`).Scan(&info.Documents, &info.Figures, &info.Problems)
	if err != nil {
		return info, fmt.Errorf("count rows: %w", err)
	}
	rows, err := q.QueryContext(ctx, `
		SELECT DISTINCT CASE WHEN site <> '' THEN site ELSE region END AS name
		FROM documents WHERE name <> '' ORDER BY name`)
	if err != nil {
		return info, fmt.Errorf("read sites: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return info, err
		}
		info.Sites = append(info.Sites, name)
	}
	return info, rows.Err()
}

// Problems returns the current problems ordered by path and URL.
func (s *Store) Problems(ctx context.Context) ([]Problem, error) { return problems(ctx, s.db) }

func problems(ctx context.Context, q querier) ([]Problem, error) {
	rows, err := q.QueryContext(ctx, "SELECT path, url, stage, message FROM problems ORDER BY path, url")
	if err != nil {
		return nil, fmt.Errorf("read problems: %w", err)
	}
	defer rows.Close()
	var ps []Problem
	for rows.Next() {
		var p Problem
		if err := rows.Scan(&p.Path, &p.URL, &p.Stage, &p.Message); err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return ps, rows.Err()
}

// runeSlicer cuts rune spans out of a text as SQLite's substr does.
type runeSlicer struct {
	text  string
	bytes []int32 // bytes[i] = byte offset of rune i; bytes[len] = len(text)
}

func newRuneSlicer(text string) *runeSlicer {
	x := &runeSlicer{text: text, bytes: make([]int32, 0, len(text)/2+1)}
	for i := range text {
		x.bytes = append(x.bytes, int32(i))
	}
	x.bytes = append(x.bytes, int32(len(text)))
	return x
}

// slice returns substr(text, start+1, end-start): the runes [start, end)
// clamped to the text, "" when the span is empty.
func (x *runeSlicer) slice(start, end int64) string {
	n := int64(len(x.bytes) - 1)
	start, end = max(start, 0), min(end, n)
	if start >= end {
		return ""
	}
	return x.text[x.bytes[start]:x.bytes[end]]
}
