package schema

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/mattn/go-sqlite3"
)

// Check is the outcome of one of Doctor's checks: its name, how many things
// it found wrong and the first of them, one line each.
type Check struct {
	Name     string
	Problems int
	Examples []string
	// Err is set when the check could not run (a damaged file).
	Err error
	// Note says something worth knowing that is not wrong (figures an
	// interrupted run left to be mapped).
	Note string
}

// OK says the check ran and found nothing wrong.
func (c Check) OK() bool { return c.Err == nil && c.Problems == 0 }

// Health is what Doctor found in a database.
type Health struct {
	Path      string
	Version   int // schema version
	Documents int
	Figures   int
	// NotGovfig is set when the file is not a govfig database at all (or
	// too damaged to say); Checks is empty then.
	NotGovfig error
	Checks    []Check
}

// OK says the database is a govfig database and every check passed.
func (h *Health) OK() bool {
	if h.NotGovfig != nil {
		return false
	}
	for _, c := range h.Checks {
		if !c.OK() {
			return false
		}
	}
	return true
}

// maxExamples is how many problems a check lists.
const maxExamples = 10

// Doctor checks the database at path, read-only, in one snapshot:
//   - integrity: PRAGMA integrity_check;
//   - foreign keys: PRAGMA foreign_key_check;
//   - figure offsets: every figure's [start, end) must slice its text out of
//     its document's body (rune offsets);
//   - article bodies: a document of type article or attachment has a body or a problem
//     saying why not.
//
// Any schema version this govfig knows is checked. A file that is not a govfig
// database, or one too damaged to open, is reported in Health.NotGovfig. The
// error is for what is not the file's fault (a missing file, say).
func Doctor(ctx context.Context, path string) (*Health, error) {
	h := &Health{Path: path}
	s, err := openReadOnlyMin(ctx, path, 1)
	var ng *NotGovfigError
	var se sqlite3.Error
	switch {
	case errors.As(err, &ng):
		h.NotGovfig = err
		return h, nil
	case errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB):
		h.NotGovfig = err
		return h, nil
	case err != nil:
		return nil, err
	}
	defer s.Close()
	h.Version = s.version
	err = s.view(ctx, func(conn *sql.Conn) error {
		if err := conn.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM figures)").
			Scan(&h.Documents, &h.Figures); err != nil {
			h.Checks = append(h.Checks, Check{Name: "counts", Err: err})
		}
		h.Checks = append(h.Checks,
			checkRows(ctx, conn, "integrity_check", "PRAGMA integrity_check", func(rows *sql.Rows) (string, error) {
				var line string
				if err := rows.Scan(&line); err != nil || line == "ok" {
					return "", err
				}
				return line, nil
			}),
			checkRows(ctx, conn, "foreign_key_check", "PRAGMA foreign_key_check", func(rows *sql.Rows) (string, error) {
				var table, parent string
				var rowid sql.NullInt64
				var fkid int
				if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
					return "", err
				}
				return fmt.Sprintf("%s row %d refers to a missing row of %s", table, rowid.Int64, parent), nil
			}),
			checkOffsets(ctx, conn),
			checkRows(ctx, conn, "article bodies", `SELECT url FROM documents
				WHERE page_type IN ('article', 'attachment') AND trim(body) = '' AND problem = '' ORDER BY id`, func(rows *sql.Rows) (string, error) {
				var url string
				if err := rows.Scan(&url); err != nil {
					return "", err
				}
				return fmt.Sprintf("%q: an article or attachment without a body and without a problem", url), nil
			}),
		)
		if h.Version >= 6 {
			// A code the indicators table lacks is wrong; a figure not
			// mapped yet (indicator NULL) is what an interrupted extract
			// leaves, mapped by the next run or by remap: a note.
			c := checkRows(ctx, conn, "figure indicators", `SELECT f.indicator, count(*) FROM figures f
				WHERE f.indicator <> '' AND NOT EXISTS (SELECT 1 FROM indicators i WHERE i.code = f.indicator)
				GROUP BY f.indicator ORDER BY f.indicator`, func(rows *sql.Rows) (string, error) {
				var code string
				var n int
				if err := rows.Scan(&code, &n); err != nil {
					return "", err
				}
				return fmt.Sprintf("%d figures of indicator %q, which the indicators table lacks (run govfig remap --all)", n, code), nil
			})
			var pending int
			if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM figures WHERE indicator IS NULL").Scan(&pending); err != nil && c.Err == nil {
				c.Err = err
			}
			if pending > 0 {
				c.Note = fmt.Sprintf("%d figures not mapped onto the indicator catalogue yet (an interrupted run; the next extract or govfig remap maps them)", pending)
			}
			h.Checks = append(h.Checks, c)
		}
		return ctx.Err()
	})
	if err != nil {
		return nil, err
	}
	return h, nil
}

// checkRows runs query; each row line turns into a problem unless it is "".
func checkRows(ctx context.Context, conn *sql.Conn, name, query string, line func(*sql.Rows) (string, error)) Check {
	c := Check{Name: name}
	rows, err := conn.QueryContext(ctx, query)
	if err != nil {
		c.Err = err
		return c
	}
	defer rows.Close()
	for rows.Next() {
		l, err := line(rows)
		if err != nil {
			c.Err = err
			return c
		}
		if l != "" {
			c.add(l)
		}
	}
	if err := rows.Err(); err != nil {
		c.Err = err
	}
	return c
}

func (c *Check) add(line string) {
	c.Problems++
	if len(c.Examples) < maxExamples {
		c.Examples = append(c.Examples, line)
	}
}

// checkOffsets streams the figures in document order and slices each out of
// its document's body, which is read and converted to runes once per
// document: linear in the size of the database.
func checkOffsets(ctx context.Context, conn *sql.Conn) Check {
	c := Check{Name: "figure offsets"}
	rows, err := conn.QueryContext(ctx, `SELECT f.document_id, d.url, f.seq, f.text, f.start, f."end"
		FROM figures f LEFT JOIN documents d ON d.id = f.document_id ORDER BY f.document_id, f.seq`)
	if err != nil {
		c.Err = err
		return c
	}
	defer rows.Close()
	var (
		curDoc int64 = -1
		body   []rune
		found  bool
	)
	for rows.Next() {
		var (
			doc        int64
			url        sql.NullString
			seq        int
			text       string
			start, end int
		)
		if err := rows.Scan(&doc, &url, &seq, &text, &start, &end); err != nil {
			c.Err = err
			return c
		}
		if doc != curDoc {
			curDoc = doc
			var b string
			err := conn.QueryRowContext(ctx, "SELECT body FROM documents WHERE id = ?", doc).Scan(&b)
			found = err == nil
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				c.Err = err
				return c
			}
			body = []rune(b)
		}
		if !found {
			continue // foreign_key_check reports it
		}
		switch {
		case start < 0 || end < start || end > len(body):
			c.add(fmt.Sprintf("%q figure %d %q: offsets [%d,%d) outside the body (%d characters)", url.String, seq, clip(text),
				start, end, len(body)))
		case string(body[start:end]) != text:
			c.add(fmt.Sprintf("%q figure %d %q: offsets [%d,%d) slice %q", url.String, seq, clip(text), start, end,
				clip(string(body[start:end]))))
		}
	}
	if err := rows.Err(); err != nil {
		c.Err = err
	}
	return c
}

// clip cuts s to 40 characters for a report line.
func clip(s string) string {
	const n = 40
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
