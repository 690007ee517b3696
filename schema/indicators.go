package schema

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// IndicatorRow is one row of the indicators table: an indicator of the
// catalogue the figures were mapped with.
type IndicatorRow struct {
	Code, Name, En, Kind, Unit, Domain string
	Of                                 string // growth:CODE or share:CODE, "" when none
	Patterns                           string // other names, '|'-separated
	Note                               string
}

// Mapper maps figures onto an indicator catalogue (indicator.Catalogue).
type Mapper interface {
	// Hash identifies the catalogue's content.
	Hash() string
	// Rows lists the catalogue in its order.
	Rows() []IndicatorRow
	// MapFigure returns the code of the indicator f measures and the
	// confidence, or "" and 0. It reads only Label, Subject, Kind,
	// BaseUnit, Unit and Role.
	MapFigure(f *Figure) (code string, confidence float64)
}

// RemapStats says what Remap did.
type RemapStats struct {
	Full    bool // the catalogue changed (or all was asked): every figure was mapped again
	Figures int  // figures looked at
	Mapped  int  // of those, figures with an indicator
	Changed int  // figures whose indicator changed
}

const catalogueKey = "indicator_catalogue"

// Remap maps figures onto m's catalogue in one transaction: every figure
// when the catalogue's hash differs from the one the database was mapped
// with (or all is true), else only the figures not mapped yet (those
// written since the last mapping). The indicators table then holds m's
// catalogue. No document is read or extracted again.
func (s *Store) Remap(ctx context.Context, m Mapper, all bool) (RemapStats, error) {
	var rs RemapStats
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return rs, fmt.Errorf("remap: %w", err)
	}
	defer tx.Rollback()
	var stored string
	err = tx.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = ?", catalogueKey).Scan(&stored)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return rs, fmt.Errorf("remap: %w", err)
	}
	rs.Full = all || stored != m.Hash()
	if rs.Full {
		if _, err := tx.ExecContext(ctx, "DELETE FROM indicators"); err != nil {
			return rs, fmt.Errorf("remap: %w", err)
		}
		for i, r := range m.Rows() {
			if _, err := tx.ExecContext(ctx, `INSERT INTO indicators (code, name, en, kind, unit, domain, of, patterns, note, seq)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.Code, r.Name, r.En, r.Kind, r.Unit, r.Domain, r.Of, r.Patterns, r.Note, i); err != nil {
				return rs, fmt.Errorf("remap: indicator %s: %w", r.Code, err)
			}
		}
		if _, err := tx.ExecContext(ctx, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", catalogueKey, m.Hash()); err != nil {
			return rs, fmt.Errorf("remap: %w", err)
		}
	}
	where := "indicator IS NULL AND "
	if rs.Full {
		where = ""
		// Every row is visited: the index on indicator is built once after
		// (in this transaction) rather than kept up row by row.
		if _, err := tx.ExecContext(ctx, "DROP INDEX IF EXISTS figures_indicator"); err != nil {
			return rs, fmt.Errorf("remap: %w", err)
		}
	}
	upd, err := tx.PrepareContext(ctx, "UPDATE figures SET indicator = ?, indicator_confidence = ? WHERE id = ?")
	if err != nil {
		return rs, fmt.Errorf("remap: %w", err)
	}
	defer upd.Close()
	type fig struct {
		id   int64
		f    Figure
		code sql.NullString
		conf sql.NullFloat64
	}
	last := int64(0)
	for {
		rows, err := tx.QueryContext(ctx, `SELECT id, label, subject, kind, unit, base_unit, role, indicator, indicator_confidence
			FROM figures WHERE `+where+`id > ? ORDER BY id LIMIT 2000`, last)
		if err != nil {
			return rs, fmt.Errorf("remap: %w", err)
		}
		var page []fig
		for rows.Next() {
			var r fig
			if err := rows.Scan(&r.id, &r.f.Label, &r.f.Subject, &r.f.Kind, &r.f.Unit, &r.f.BaseUnit, &r.f.Role, &r.code, &r.conf); err != nil {
				rows.Close()
				return rs, fmt.Errorf("remap: %w", err)
			}
			page = append(page, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return rs, fmt.Errorf("remap: %w", err)
		}
		if len(page) == 0 {
			break
		}
		for _, r := range page {
			last = r.id
			rs.Figures++
			code, conf := m.MapFigure(&r.f)
			if code != "" {
				rs.Mapped++
			}
			var c any
			if code != "" {
				c = conf
			}
			if r.code.Valid && r.code.String == code && (code == "" || r.conf.Valid && r.conf.Float64 == conf) {
				continue
			}
			rs.Changed++
			if _, err := upd.ExecContext(ctx, code, c, r.id); err != nil {
				return rs, fmt.Errorf("remap: %w", err)
			}
		}
		if err := ctx.Err(); err != nil {
			return rs, err
		}
	}
	if rs.Full {
		if err := buildIndexes(ctx, tx); err != nil {
			return rs, fmt.Errorf("remap: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return rs, fmt.Errorf("remap: %w", err)
	}
	return rs, nil
}

// CatalogueHash returns the hash of the catalogue the database was last
// mapped with, "" when never.
func (s *Store) CatalogueHash(ctx context.Context) (string, error) {
	var h string
	err := s.db.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = ?", catalogueKey).Scan(&h)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return h, err
}

// Indicators returns the catalogue the database was mapped with, in its
// order.
func (s *Store) Indicators(ctx context.Context) ([]IndicatorRow, error) {
	return indicatorRows(ctx, s.db)
}

func indicatorRows(ctx context.Context, q querier) ([]IndicatorRow, error) {
	rows, err := q.QueryContext(ctx, "SELECT code, name, en, kind, unit, domain, of, patterns, note FROM indicators ORDER BY seq")
	if err != nil {
		return nil, fmt.Errorf("read indicators: %w", err)
	}
	defer rows.Close()
	var out []IndicatorRow
	for rows.Next() {
		var r IndicatorRow
		if err := rows.Scan(&r.Code, &r.Name, &r.En, &r.Kind, &r.Unit, &r.Domain, &r.Of, &r.Patterns, &r.Note); err != nil {
			return nil, fmt.Errorf("read indicators: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// FillRegions gives documents without a region the region of the site they
// were crawled from: hostRegion maps a host (www.tjjh.gov.cn) to the region
// its line of the sites file names (天津市静海区). Documents that name their
// region themselves keep it. It returns how many documents it changed.
func (s *Store) FillRegions(ctx context.Context, hostRegion map[string]string) (int64, error) {
	var n int64
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("fill regions: %w", err)
	}
	defer tx.Rollback()
	for host, region := range hostRegion {
		if host == "" || region == "" {
			continue
		}
		res, err := tx.ExecContext(ctx, `UPDATE documents SET region = ? WHERE region = '' AND (url LIKE ? ESCAPE '\' OR url LIKE ? ESCAPE '\')`,
			region, "http://"+likeEscape(host)+"/%", "https://"+likeEscape(host)+"/%")
		if err != nil {
			return 0, fmt.Errorf("fill regions: %w", err)
		}
		k, _ := res.RowsAffected()
		n += k
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("fill regions: %w", err)
	}
	return n, nil
}

// likeEscape escapes LIKE's wildcards in s.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
