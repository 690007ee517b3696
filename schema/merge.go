package schema

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// MergeStats counts what Merge did with the documents of one input database.
type MergeStats struct {
	New       int // URLs the target did not hold
	Replaced  int // URLs whose copy in the input was fetched later (or the target's had a problem)
	Same      int // URLs the target already held with the same content
	Kept      int // URLs whose copy in the target was newer
	Figures   int // figures written
	Problems  int // problems carried over
	Documents int // documents read from the input
}

// Merge copies the documents of the database at path (a shard) into s.
// Documents are deduplicated by URL: a URL the target already holds with the
// same content is skipped, and of two different copies the one fetched later
// wins (the target's on a tie). Each document is written with its sections,
// tables, attachments and figures exactly as extracted in the shard; the
// input's problems are carried over. The input is opened read-only (see
// OpenReadOnly: a file that is not a govfig database, or one of another
// schema version, is refused) and its documents are written in batches, so a merge interrupted part-way is
// completed by running it again.
func (s *Store) Merge(ctx context.Context, path string, version string) (MergeStats, error) {
	var ms MergeStats
	in, err := OpenReadOnly(path)
	if err != nil {
		return ms, err
	}
	defer in.Close()

	ids, err := documentIDs(ctx, in.db)
	if err != nil {
		return ms, fmt.Errorf("merge %s: %w", path, err)
	}
	const batchSize = 200
	var b *Batch
	defer func() {
		if b != nil {
			_ = b.Rollback()
		}
	}()
	flush := func() error {
		if b == nil {
			return nil
		}
		err := b.Commit()
		b = nil
		return err
	}
	for i, id := range ids {
		doc, key, meta, err := in.LoadDocument(ctx, id)
		if err != nil {
			return ms, fmt.Errorf("merge %s: %w", path, err)
		}
		ms.Documents++
		if b == nil {
			if b, err = s.Begin(ctx); err != nil {
				return ms, err
			}
		}
		old, exists, err := b.Lookup(key)
		if err != nil {
			return ms, err
		}
		switch {
		case !exists:
			ms.New++
		case old.SHA256 == meta.SHA256 && old.ExtractorVersion == meta.ExtractorVersion:
			ms.Same++
			continue
		case meta.FetchedAt > old.FetchedAt:
			ms.Replaced++
		default:
			ms.Kept++
			continue
		}
		if _, _, err := b.Put(doc, key, meta); err != nil {
			return ms, fmt.Errorf("merge %s: %w", path, err)
		}
		ms.Figures += len(doc.Figures)
		if (i+1)%batchSize == 0 {
			if err := flush(); err != nil {
				return ms, fmt.Errorf("merge %s: %w", path, err)
			}
		}
	}
	probs, err := in.Problems(ctx)
	if err != nil {
		return ms, fmt.Errorf("merge %s: %w", path, err)
	}
	if len(probs) > 0 {
		if b == nil {
			if b, err = s.Begin(ctx); err != nil {
				return ms, err
			}
		}
		runID, err := b.StartRun(RunRecord{Command: "merge", Version: version, Inputs: []string{path}, Started: time.Now()})
		if err != nil {
			return ms, err
		}
		for _, p := range probs {
			if err := b.SetProblem(runID, p); err != nil {
				return ms, err
			}
			ms.Problems++
		}
		if err := b.FinishRun(runID, time.Now(), RunCounts{Problems: len(probs)}); err != nil {
			return ms, err
		}
	}
	if err := flush(); err != nil {
		return ms, fmt.Errorf("merge %s: %w", path, err)
	}
	return ms, nil
}

func documentIDs(ctx context.Context, db *sql.DB) ([]int64, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM documents ORDER BY id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// LoadDocument reads back the stored document id with everything that hangs
// off it, its key (URL or path) and where its bytes came from.
func (s *Store) LoadDocument(ctx context.Context, id int64) (*Document, string, DocMeta, error) {
	var (
		doc  Document
		key  string
		meta DocMeta
	)
	err := s.db.QueryRowContext(ctx, `SELECT url, site, region, site_column, title, publisher, published_at, fetched_at,
		charset, page_type, content_sha256, body, extractor_version, problem, source, source_offset, original_url, parent_url, format
		FROM documents WHERE id = ?`, id).Scan(&key, &doc.Site, &doc.Region, &doc.Column, &doc.Title, &doc.Publisher,
		&doc.Published, &meta.FetchedAt, &doc.Charset, &doc.PageType, &meta.SHA256, &doc.Text, &meta.ExtractorVersion,
		&doc.Problem, &meta.Source, &meta.Offset, &doc.URL, &doc.Parent, &doc.Format)
	if err != nil {
		return nil, "", meta, fmt.Errorf("load document %d: %w", id, err)
	}
	if doc.URL == "" {
		doc.URL = key
	}
	fail := func(what string, err error) (*Document, string, DocMeta, error) {
		return nil, "", meta, fmt.Errorf("load %s of %s: %w", what, key, err)
	}

	rows, err := s.db.QueryContext(ctx, `SELECT path, title, level, start, "end" FROM sections WHERE document_id = ? ORDER BY seq`, id)
	if err != nil {
		return fail("sections", err)
	}
	for rows.Next() {
		var sec Section
		if err := rows.Scan(&sec.Path, &sec.Title, &sec.Level, &sec.Start, &sec.End); err != nil {
			rows.Close()
			return fail("sections", err)
		}
		doc.Sections = append(doc.Sections, sec)
	}
	rows.Close()

	rows, err = s.db.QueryContext(ctx, `SELECT caption, header_rows, header_cols, start, "end", rows_json FROM doc_tables
		WHERE document_id = ? ORDER BY seq`, id)
	if err != nil {
		return fail("tables", err)
	}
	for rows.Next() {
		var t Table
		var cells string
		if err := rows.Scan(&t.Caption, &t.HeaderRows, &t.HeaderCols, &t.Start, &t.End, &cells); err != nil {
			rows.Close()
			return fail("tables", err)
		}
		if err := json.Unmarshal([]byte(cells), &t.Rows); err != nil {
			rows.Close()
			return fail("tables", err)
		}
		doc.Tables = append(doc.Tables, t)
	}
	rows.Close()

	rows, err = s.db.QueryContext(ctx, `SELECT name, url FROM attachments WHERE document_id = ? ORDER BY seq`, id)
	if err != nil {
		return fail("attachments", err)
	}
	for rows.Next() {
		var a Attachment
		if err := rows.Scan(&a.Name, &a.URL); err != nil {
			rows.Close()
			return fail("attachments", err)
		}
		doc.Attachments = append(doc.Attachments, a)
	}
	rows.Close()

	rows, err = s.db.QueryContext(ctx, `SELECT kind, value, unit, normalized, base_unit, qualifier, role, label, subject,
		coalesce(year, 0), text, start, "end", sentence, section, cell_table, cell_row, cell_col, direction
		FROM figure_view WHERE document_id = ? ORDER BY seq`, id)
	if err != nil {
		return fail("figures", err)
	}
	for rows.Next() {
		var f Figure
		var ct, cr, cc sql.NullInt64
		if err := rows.Scan(&f.Kind, &f.Value, &f.Unit, &f.Normalized, &f.BaseUnit, &f.Qualifier, &f.Role, &f.Label,
			&f.Subject, &f.Year, &f.Text, &f.Start, &f.End, &f.Sentence, &f.Section, &ct, &cr, &cc, &f.Direction); err != nil {
			rows.Close()
			return fail("figures", err)
		}
		if ct.Valid {
			f.Cell = &CellRef{Table: int(ct.Int64), Row: int(cr.Int64), Col: int(cc.Int64)}
		}
		doc.Figures = append(doc.Figures, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fail("figures", err)
	}
	return &doc, key, meta, nil
}
