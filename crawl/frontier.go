package crawl

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	_ "github.com/mattn/go-sqlite3" // the frontier's SQLite driver
)

// FrontierFile is the name of the frontier database inside the archive dir.
const FrontierFile = "frontier.db"

// URL states in the frontier.
const (
	statePending    = "pending"
	stateDone       = "done"
	stateFailed     = "failed"
	stateDisallowed = "disallowed"
	stateOffSite    = "offsite"
	stateOld        = "old"
	stateDeferred   = "deferred" // a list page past MaxPages: the next generation continues there
)

// URL kinds.
const (
	kindList       = "list"
	kindArticle    = "article"
	kindAttachment = "attachment"
)

var frontierSchema = []string{
	`CREATE TABLE IF NOT EXISTS generations(
		id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT)`,
	`CREATE TABLE IF NOT EXISTS urls(
		url TEXT PRIMARY KEY,
		host TEXT NOT NULL,
		site TEXT NOT NULL,
		kind TEXT NOT NULL,
		state TEXT NOT NULL,
		gen INTEGER NOT NULL,
		seq INTEGER NOT NULL,
		stale INTEGER NOT NULL DEFAULT 0,
		hops INTEGER NOT NULL DEFAULT 0,
		chain TEXT NOT NULL DEFAULT '',
		list_date TEXT NOT NULL DEFAULT '',
		parent TEXT NOT NULL DEFAULT '',
		status INTEGER NOT NULL DEFAULT 0,
		etag TEXT NOT NULL DEFAULT '',
		last_modified TEXT NOT NULL DEFAULT '',
		payload_digest TEXT NOT NULL DEFAULT '',
		record_id TEXT NOT NULL DEFAULT '',
		fetched_at TEXT NOT NULL DEFAULT '',
		fetched_gen INTEGER NOT NULL DEFAULT 0,
		warc_file TEXT NOT NULL DEFAULT '',
		warc_offset INTEGER NOT NULL DEFAULT 0,
		warc_end INTEGER NOT NULL DEFAULT 0,
		attempts INTEGER NOT NULL DEFAULT 0,
		error TEXT NOT NULL DEFAULT '')`,
	`CREATE INDEX IF NOT EXISTS urls_state ON urls(state, seq)`,
	`CREATE INDEX IF NOT EXISTS urls_warc ON urls(warc_file, warc_end)`,
	`CREATE TABLE IF NOT EXISTS digests(
		digest TEXT PRIMARY KEY, url TEXT NOT NULL, date TEXT NOT NULL, record_id TEXT NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS faults(
		id INTEGER PRIMARY KEY, gen INTEGER NOT NULL, url TEXT NOT NULL, host TEXT NOT NULL,
		kind TEXT NOT NULL, detail TEXT NOT NULL, at TEXT NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS warc_files(
		name TEXT PRIMARY KEY, serial INTEGER NOT NULL, committed INTEGER NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS robots(
		host TEXT PRIMARY KEY, status INTEGER NOT NULL, body BLOB, fetched_at TEXT NOT NULL)`,
}

// frontier is the crawl's durable state.
type frontier struct {
	db *sql.DB
}

func openFrontier(dir string) (*frontier, error) {
	p := filepath.Join(dir, FrontierFile)
	db, err := sql.Open("sqlite3", "file:"+p+"?_journal_mode=WAL&_synchronous=NORMAL&_busy_timeout=10000&_foreign_keys=on&_stmt_cache_size=32")
	if err != nil {
		return nil, fmt.Errorf("open frontier %s: %w", p, err)
	}
	db.SetMaxOpenConns(1)
	for _, s := range frontierSchema {
		if _, err := db.Exec(s); err != nil {
			db.Close()
			return nil, fmt.Errorf("open frontier %s: %w", p, err)
		}
	}
	return &frontier{db: db}, nil
}

func (f *frontier) Close() error { return f.db.Close() }

const timeFormat = time.RFC3339Nano

// startGeneration resumes the last unfinished generation or starts a new one.
func (f *frontier) startGeneration(now time.Time) (gen int, resumed bool, err error) {
	var id int
	var fin sql.NullString
	err = f.db.QueryRow(`SELECT id, finished_at FROM generations ORDER BY id DESC LIMIT 1`).Scan(&id, &fin)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return 0, false, fmt.Errorf("frontier: %w", err)
	case !fin.Valid:
		_, err = f.db.Exec(`UPDATE urls SET gen=? WHERE state=?`, id, statePending)
		if err != nil {
			return 0, false, fmt.Errorf("frontier: %w", err)
		}
		return id, true, nil
	}
	res, err := f.db.Exec(`INSERT INTO generations(started_at) VALUES(?)`, now.UTC().Format(timeFormat))
	if err != nil {
		return 0, false, fmt.Errorf("frontier: %w", err)
	}
	id64, _ := res.LastInsertId()
	if _, err := f.db.Exec(`UPDATE urls SET gen=?, state=? WHERE state IN (?, ?)`, id64, statePending, statePending, stateDeferred); err != nil {
		return 0, false, fmt.Errorf("frontier: %w", err)
	}
	return int(id64), false, nil
}

func (f *frontier) finishGeneration(gen int, now time.Time) error {
	_, err := f.db.Exec(`UPDATE generations SET finished_at=? WHERE id=?`, now.UTC().Format(timeFormat), gen)
	return err
}

// item is one URL waiting to be fetched.
type item struct {
	url      string
	host     string
	site     string
	kind     string
	stale    int
	hops     int
	chain    string // newline-separated URLs that redirected here
	listDate string
	// validators from an earlier fetch, for conditional requests
	etag, lastModified string
	status             int
	attempts           int    // of this run's fetch
	parent             string // the article an attachment is linked from
}

func (f *frontier) maxSeq() (int64, error) {
	var n sql.NullInt64
	err := f.db.QueryRow(`SELECT MAX(seq) FROM urls`).Scan(&n)
	return n.Int64, err
}

func (f *frontier) pending() ([]*item, error) {
	// An attachment's parent is kept when it is an article (not the list
	// page that linked it).
	rows, err := f.db.Query(`SELECT url, host, site, kind, stale, hops, chain, list_date, etag, last_modified, status,
		CASE WHEN kind = ? AND (SELECT p.kind FROM urls p WHERE p.url = urls.parent) = ? THEN parent ELSE '' END
		FROM urls WHERE state=? ORDER BY seq`, kindAttachment, kindArticle, statePending)
	if err != nil {
		return nil, fmt.Errorf("frontier: %w", err)
	}
	defer rows.Close()
	var items []*item
	for rows.Next() {
		it := &item{}
		if err := rows.Scan(&it.url, &it.host, &it.site, &it.kind, &it.stale, &it.hops, &it.chain, &it.listDate,
			&it.etag, &it.lastModified, &it.status, &it.parent); err != nil {
			return nil, fmt.Errorf("frontier: %w", err)
		}
		items = append(items, it)
	}
	return items, rows.Err()
}

// listCounts counts each site's list pages of a generation.
func (f *frontier) listCounts(gen int) (map[string]int, error) {
	rows, err := f.db.Query(`SELECT site, COUNT(*) FROM urls WHERE kind=? AND gen=? AND state NOT IN (?, ?) GROUP BY site`,
		kindList, gen, stateOffSite, stateDisallowed)
	if err != nil {
		return nil, fmt.Errorf("frontier: %w", err)
	}
	defer rows.Close()
	m := map[string]int{}
	for rows.Next() {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			return nil, err
		}
		m[s] = n
	}
	return m, rows.Err()
}

func (f *frontier) countPending() (int, error) {
	var n int
	err := f.db.QueryRow(`SELECT COUNT(*) FROM urls WHERE state=?`, statePending).Scan(&n)
	return n, err
}

// robotsEntry is a cached robots.txt.
type robotsEntry struct {
	status  int
	body    []byte
	fetched time.Time
}

func (f *frontier) robots(host string) (*robotsEntry, error) {
	var e robotsEntry
	var at string
	err := f.db.QueryRow(`SELECT status, body, fetched_at FROM robots WHERE host=?`, host).Scan(&e.status, &e.body, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("frontier: %w", err)
	}
	e.fetched, _ = time.Parse(timeFormat, at)
	return &e, nil
}

// tx runs fn in one transaction.
func (f *frontier) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := f.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("frontier: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("frontier: commit: %w", err)
	}
	return nil
}

// URLState is one URL as the frontier remembers it (for reports and tests).
type URLState struct {
	URL, Site, Kind, State string
	Status                 int
	WARCFile               string
	Attempts               int
	Error                  string
}

// FaultRecord is one recorded fault.
type FaultRecord struct {
	Gen                     int
	URL, Host, Kind, Detail string
	At                      time.Time
}

// ReadFrontier returns every URL and fault recorded in an archive dir's
// frontier, in discovery order.
func ReadFrontier(dir string) ([]URLState, []FaultRecord, error) {
	f, err := openFrontier(dir)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	rows, err := f.db.Query(`SELECT url, site, kind, state, status, warc_file, attempts, error FROM urls ORDER BY seq`)
	if err != nil {
		return nil, nil, fmt.Errorf("frontier: %w", err)
	}
	var us []URLState
	for rows.Next() {
		var u URLState
		if err := rows.Scan(&u.URL, &u.Site, &u.Kind, &u.State, &u.Status, &u.WARCFile, &u.Attempts, &u.Error); err != nil {
			rows.Close()
			return nil, nil, err
		}
		us = append(us, u)
	}
	rows.Close()
	rows, err = f.db.Query(`SELECT gen, url, host, kind, detail, at FROM faults ORDER BY id`)
	if err != nil {
		return nil, nil, fmt.Errorf("frontier: %w", err)
	}
	defer rows.Close()
	var fs []FaultRecord
	for rows.Next() {
		var r FaultRecord
		var at string
		if err := rows.Scan(&r.Gen, &r.URL, &r.Host, &r.Kind, &r.Detail, &at); err != nil {
			return nil, nil, err
		}
		r.At, _ = time.Parse(timeFormat, at)
		fs = append(fs, r)
	}
	return us, fs, rows.Err()
}
