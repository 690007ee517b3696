package schema

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/url"
	"sort"
	"strings"
	"time"
)

// DocMeta says where a document's bytes came from and what they were.
type DocMeta struct {
	Source           string // archive file or loose file
	Offset           int64  // byte offset of the WARC record in Source
	FetchedAt        string // RFC 3339 (WARC-Date), "" when unknown
	SHA256           string // hex sha256 of the payload as read
	ExtractorVersion string
}

// DocState is what the store knows of a stored document: enough to decide
// whether to extract it again.
type DocState struct {
	ID               int64
	SHA256           string
	ExtractorVersion string
	FetchedAt        string
}

// Lookup returns the stored state of the document with key url.
func (s *Store) Lookup(ctx context.Context, url string) (DocState, bool, error) {
	return lookup(ctx, s.db, url)
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func lookup(ctx context.Context, q queryer, url string) (DocState, bool, error) {
	var st DocState
	err := q.QueryRowContext(ctx, "SELECT id, content_sha256, extractor_version, fetched_at FROM documents WHERE url = ?", url).
		Scan(&st.ID, &st.SHA256, &st.ExtractorVersion, &st.FetchedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return st, false, nil
	}
	if err != nil {
		return st, false, fmt.Errorf("look up %s: %w", url, err)
	}
	return st, true, nil
}

// RunRecord describes a run when it starts.
type RunRecord struct {
	Command          string
	Version          string
	ExtractorVersion string
	Inputs           []string
	Started          time.Time
}

// RunCounts are a run's results.
type RunCounts struct {
	New, Changed, Same, Skipped, Figures, Problems int
}

// Batch is one write transaction with its prepared statements. Everything
// written through a Batch becomes visible at Commit, or not at all.
type Batch struct {
	ctx context.Context
	// short is ctx without its cancellation, for the statements that take
	// microseconds: go-sqlite3 runs a statement whose context can be
	// cancelled on a goroutine of its own, to interrupt it, which costs more
	// than such a statement. A cancelled ctx still ends the batch: the
	// transaction is rolled back, and its next statement fails.
	short context.Context
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	// figureStmts are the prepared INSERTs of figures, by count and by the
	// columns written as NULL (a map keyed by a long query string costs
	// its hash every call).
	figureStmts map[figureStmtKey]*sql.Stmt
	args        []any // reused argument slice of the figure INSERTs
	runes       []int // reused by the rune index of each document's text
	// looked is the answer of the last Lookup, which Put of the same key
	// reuses instead of asking again (ingest looks a document up before
	// storing it); any Put clears it.
	looked *lookedUp
	// fts are the search entries of the documents put, written at Commit
	// (see queueFTS); ftsAt indexes them by document id.
	fts      []ftsRow
	ftsAt    map[int64]int
	ftsBytes int      // of the queued titles and texts
	terms    ftsTerms // cuts their texts into terms, its sets reused
	// figureRows counts the figure rows inserted and deleted (FigureRows).
	figureRows int
}

// FigureRows is the number of figure rows the batch has inserted or deleted
// so far: each one an entry added to or taken from every index of figures.
func (b *Batch) FigureRows() int { return b.figureRows }

type lookedUp struct {
	key    string
	state  DocState
	exists bool
}

// Begin starts a write transaction.
func (s *Store) Begin(ctx context.Context) (*Batch, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("begin transaction: %w", err)
	}
	return &Batch{ctx: ctx, short: context.WithoutCancel(ctx), tx: tx, stmts: map[string]*sql.Stmt{}}, nil
}

// Commit writes the batch's search entries and makes its writes durable.
// When it fails, nothing of the batch is written.
func (b *Batch) Commit() error {
	if err := b.writeFTS(); err != nil {
		b.tx.Rollback()
		return fmt.Errorf("commit: index: %w", err)
	}
	if err := b.tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// ftsRow is a search entry waiting for Commit.
type ftsRow struct {
	id          int64
	title, text string
	// replace: the document had a stored entry before the batch, deleted
	// just before this one is written.
	replace bool
}

// Search entries are written at Commit, all together in docid order, not
// by each Put: FTS4 keeps the terms of the rows it is given in memory and
// writes them out as one segment, but it must write them out before any
// statement that opens a savepoint (an INSERT of several rows, a DELETE of
// a replaced document's parts), so entries interleaved with other writes
// made a segment of one document each and merged them over and over. The
// same holds for deleting a replaced document's stored entry: FTS4 queues
// the terms to delete like those to add, so the DELETE waits for Commit
// too, and runs just before the document's new entry (a docid deleted then
// added again stays in one segment).

// queueFTS queues the search entry of document id, replacing one queued
// earlier in the batch; the stored entry of a document that had one
// (existed) is deleted at Commit, just before its new one is written.
func (b *Batch) queueFTS(id int64, title, text string, existed bool) error {
	if i, ok := b.ftsAt[id]; ok {
		b.fts[i].title, b.fts[i].text = title, text
		return nil
	}
	if b.ftsAt == nil {
		b.ftsAt = map[int64]int{}
	}
	b.ftsAt[id] = len(b.fts)
	b.fts = append(b.fts, ftsRow{id: id, title: title, text: text, replace: existed})
	// The queue keeps the texts alive: past ftsQueueBytes (pages of many
	// megabytes), it is written out now rather than at Commit.
	if b.ftsBytes += len(title) + len(text); b.ftsBytes > ftsQueueBytes {
		return b.writeFTS()
	}
	return nil
}

// ftsQueueBytes bounds the text a batch holds for its search entries.
var ftsQueueBytes = 32 << 20

// writeFTS writes the queued search entries in docid order.
func (b *Batch) writeFTS() error {
	rows := b.fts
	b.fts, b.ftsAt, b.ftsBytes = nil, nil, 0
	sort.Slice(rows, func(i, j int) bool { return rows[i].id < rows[j].id })
	for _, r := range rows {
		if r.replace {
			if _, err := b.execLong("DELETE FROM documents_fts WHERE docid = ?", r.id); err != nil {
				return err
			}
		}
		if _, err := b.execLong("INSERT INTO documents_fts (docid, title, body) VALUES (?, ?, ?)",
			r.id, b.terms.text(r.title), b.terms.text(indexedPart(r.text))); err != nil {
			return err
		}
	}
	return nil
}

// Rollback abandons the batch; it is a no-op after Commit.
func (b *Batch) Rollback() error {
	err := b.tx.Rollback()
	if errors.Is(err, sql.ErrTxDone) {
		return nil
	}
	return err
}

// exec runs one of the batch's short statements, preparing it on first use.
func (b *Batch) exec(query string, args ...any) (sql.Result, error) {
	return b.execCtx(b.short, query, args...)
}

// execLong is exec for a statement that may take long (the search entry of
// a large text), which cancelling ctx interrupts.
func (b *Batch) execLong(query string, args ...any) (sql.Result, error) {
	return b.execCtx(b.ctx, query, args...)
}

func (b *Batch) execCtx(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, ok := b.stmts[query]
	if !ok {
		var err error
		st, err = b.tx.PrepareContext(ctx, query)
		if err != nil {
			return nil, err
		}
		b.stmts[query] = st
	}
	return st.ExecContext(ctx, args...)
}

// Lookup is Store.Lookup inside the transaction (it sees the batch's writes).
func (b *Batch) Lookup(url string) (DocState, bool, error) {
	st, ok, err := lookup(b.short, b.tx, url)
	if err == nil {
		b.looked = &lookedUp{key: url, state: st, exists: ok}
	} else {
		b.looked = nil
	}
	return st, ok, err
}

// StartRun records the start of a run and returns its id.
func (b *Batch) StartRun(r RunRecord) (int64, error) {
	inputs, _ := json.Marshal(r.Inputs)
	if r.Inputs == nil {
		inputs = []byte("[]")
	}
	res, err := b.exec(`INSERT INTO runs (command, started_at, version, extractor_version, inputs) VALUES (?, ?, ?, ?, ?)`,
		r.Command, r.Started.UTC().Format(time.RFC3339), r.Version, r.ExtractorVersion, string(inputs))
	if err != nil {
		return 0, fmt.Errorf("start run: %w", err)
	}
	return res.LastInsertId()
}

// FinishRun records a run's end and counts.
func (b *Batch) FinishRun(id int64, finished time.Time, c RunCounts) error {
	_, err := b.exec(`UPDATE runs SET finished_at = ?, documents_new = ?, documents_changed = ?, documents_same = ?,
		skipped = ?, figures = ?, problems = ? WHERE id = ?`,
		finished.UTC().Format(time.RFC3339), c.New, c.Changed, c.Same, c.Skipped, c.Figures, c.Problems, id)
	if err != nil {
		return fmt.Errorf("finish run: %w", err)
	}
	return nil
}

// SetProblem records p as the current problem of its input (Path, URL),
// replacing an earlier one.
func (b *Batch) SetProblem(runID int64, p Problem) error {
	_, err := b.exec(`INSERT INTO problems (run_id, path, url, stage, message) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (path, url) DO UPDATE SET run_id = excluded.run_id, stage = excluded.stage, message = excluded.message`,
		runID, p.Path, p.URL, p.Stage, p.Message)
	if err != nil {
		return fmt.Errorf("record problem of %s: %w", p.Path, err)
	}
	return nil
}

// ClearProblem removes the problem of an input that has now been read cleanly.
func (b *Batch) ClearProblem(path, url string) error {
	if _, err := b.exec(`DELETE FROM problems WHERE path = ? AND url = ?`, path, url); err != nil {
		return fmt.Errorf("clear problem of %s: %w", path, err)
	}
	return nil
}

// Put stores doc under key (its URL, or the cleaned path of a loose file),
// replacing the stored document of that key together with its sections,
// tables, attachments, figures and search entry. The document keeps its id.
// Its search entry is written at Commit (queueFTS), with the batch's others.
// After Lookup of key, Put trusts its answer: nothing else may store key in
// between (no Batch method does).
func (b *Batch) Put(doc *Document, key string, meta DocMeta) (id int64, created bool, err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("store %s: %w", key, err)
		}
	}()
	if err := Validate(doc); err != nil {
		return 0, false, err
	}
	looked := b.looked
	b.looked = nil
	cols := []any{doc.Site, doc.Region, doc.Column, doc.Title, doc.Publisher, doc.Published, meta.FetchedAt,
		doc.Charset, doc.PageType, meta.SHA256, doc.Text, meta.ExtractorVersion, doc.Problem, meta.Source, meta.Offset,
		originalURL(key, doc.URL), doc.Parent, doc.Format}
	exists := false
	if looked != nil && looked.key == key {
		exists, id = looked.exists, looked.state.ID
	}
	if !exists {
		// A new key is inserted at once; a key already stored (which a
		// caller that did not look it up finds here) is replaced below.
		res, err := b.exec(`INSERT INTO documents (site, region, site_column, title, publisher, published_at, fetched_at,
			charset, page_type, content_sha256, body, extractor_version, problem, source, source_offset, original_url, parent_url, format, url)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING`, append(cols, key)...)
		if err != nil {
			return 0, false, err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return 0, false, err
		}
		if n == 1 {
			if id, err = res.LastInsertId(); err != nil {
				return 0, false, err
			}
		} else {
			old, ok, err := lookup(b.short, b.tx, key)
			if err != nil {
				return 0, false, err
			}
			if !ok {
				return 0, false, fmt.Errorf("document neither inserted nor found")
			}
			exists, id = true, old.ID
		}
	}
	// The search entry of a stored document whose title and text stay the
	// same stays as it is (extracting again with new figure rules keeps
	// them): deleting and adding it back would tokenize the text twice.
	sameText := false
	if exists {
		if err := b.tx.QueryRowContext(b.short, "SELECT title = ? AND body = ? FROM documents WHERE id = ?",
			doc.Title, doc.Text, id).Scan(&sameText); err != nil {
			return 0, false, err
		}
		res, err := b.exec("DELETE FROM figures WHERE document_id = ?", id)
		if err != nil {
			return 0, false, err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return 0, false, err
		}
		b.figureRows += int(n)
		for _, q := range []string{
			"DELETE FROM sections WHERE document_id = ?",
			"DELETE FROM doc_tables WHERE document_id = ?",
			"DELETE FROM attachments WHERE document_id = ?",
		} {
			if _, err := b.exec(q, id); err != nil {
				return 0, false, err
			}
		}
		_, err = b.exec(`UPDATE documents SET site = ?, region = ?, site_column = ?, title = ?, publisher = ?,
			published_at = ?, fetched_at = ?, charset = ?, page_type = ?, content_sha256 = ?, body = ?,
			extractor_version = ?, problem = ?, source = ?, source_offset = ?, original_url = ?, parent_url = ?, format = ? WHERE id = ?`, append(cols, id)...)
		if err != nil {
			return 0, false, err
		}
	}
	if err := b.putParts(id, doc); err != nil {
		return 0, false, err
	}
	b.figureRows += len(doc.Figures)
	if err := b.linkParent(id, key, doc); err != nil {
		return 0, false, err
	}
	if !sameText {
		if err := b.queueFTS(id, doc.Title, doc.Text, exists); err != nil {
			return 0, false, fmt.Errorf("index: %w", err)
		}
	}
	return id, !exists, nil
}

// originalURL is the address a document names for itself (doc.URL: a
// scraped .txt's 原文链接) when it is an http(s) URL other than its key.
func originalURL(key, docURL string) string {
	if docURL == key {
		return ""
	}
	if u, err := url.Parse(docURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return docURL
}

// ErrInvalid marks a document the store refuses (nothing of it was written).
var ErrInvalid = errors.New("invalid document")

// Validate reports whether doc can be stored: every figure value must be a
// finite number. The error wraps ErrInvalid.
func Validate(doc *Document) error {
	for i := range doc.Figures {
		f := &doc.Figures[i]
		if !finite(f.Value) || !finite(f.Normalized) {
			return fmt.Errorf("%w: figure %d (%q): value is not a finite number", ErrInvalid, i, f.Text)
		}
	}
	return nil
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// linkParent keeps documents.parent_url right whichever of an article and
// its attachment is stored first: an attachment stored without a parent
// takes the article that lists its URL; an article gives itself as parent
// to its attachments stored without one.
func (b *Batch) linkParent(id int64, key string, doc *Document) error {
	if doc.PageType == PageAttachment && doc.Parent == "" {
		if _, err := b.exec(`UPDATE documents SET parent_url = coalesce((SELECT p.url FROM attachments a
			JOIN documents p ON p.id = a.document_id WHERE a.url = ? AND p.id <> ? ORDER BY p.id LIMIT 1), '') WHERE id = ?`,
			key, id, id); err != nil {
			return err
		}
	}
	for _, a := range doc.Attachments {
		if _, err := b.exec(`UPDATE documents SET parent_url = ? WHERE url = ? AND parent_url = '' AND page_type = ?`,
			key, a.URL, PageAttachment); err != nil {
			return err
		}
	}
	return nil
}

// putParts inserts the sections, tables, attachments and figures of doc.
func (b *Batch) putParts(id int64, doc *Document) error {
	sectionIDs := make([]int64, len(doc.Sections))
	for i, s := range doc.Sections {
		res, err := b.exec(`INSERT INTO sections (document_id, seq, path, title, level, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?)`,
			id, i, s.Path, s.Title, s.Level, s.Start, s.End)
		if err != nil {
			return err
		}
		if sectionIDs[i], err = res.LastInsertId(); err != nil {
			return err
		}
	}
	for i, t := range doc.Tables {
		rows, err := json.Marshal(t.Rows)
		if err != nil {
			return err
		}
		if t.Rows == nil {
			rows = []byte("[]")
		}
		if _, err := b.exec(`INSERT INTO doc_tables (document_id, seq, caption, header_rows, header_cols, start, "end", rows_json)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, i, t.Caption, t.HeaderRows, t.HeaderCols, t.Start, t.End, string(rows)); err != nil {
			return err
		}
	}
	for i, a := range doc.Attachments {
		if _, err := b.exec(`INSERT INTO attachments (document_id, seq, name, url) VALUES (?, ?, ?, ?)`,
			id, i, a.Name, a.URL); err != nil {
			return err
		}
	}
	if len(doc.Figures) == 0 {
		return nil
	}
	idx := newRuneIndex(doc.Text, b.runes)
	if cap(idx.bytes) <= 1<<20 { // reused by the next document
		b.runes = idx.bytes[:0]
	}
	secs := newSectionIndex(doc.Sections)
	// The arguments of an INSERT of figures from..i: the document and the
	// seq of its first row, then the other columns of each row.
	args := append(b.args[:0], id, int64(0))
	from := 0 // first figure of the chunk being gathered
	for i := range doc.Figures {
		f := &doc.Figures[i]
		// NULL is a nil argument; integers go as int64, which database/sql
		// passes on without converting them by reflection.
		var sentStart, sentEnd, sentText, sectionID, sectionText, ct, cr, cc, year any
		if f.Sentence != "" {
			if s, e, ok := idx.find(f.Sentence, f.Start, f.End); ok {
				sentStart, sentEnd = int64(s), int64(e)
			} else {
				sentText = f.Sentence
			}
		}
		if f.Section != "" {
			if j := secs.of(f.Section, f.Start); j >= 0 {
				sectionID = sectionIDs[j]
			} else {
				sectionText = f.Section
			}
		}
		if f.Cell != nil {
			ct, cr, cc = int64(f.Cell.Table), int64(f.Cell.Row), int64(f.Cell.Col)
		}
		if f.Year != 0 {
			year = int64(f.Year)
		}
		var ind, conf any // NULL: not mapped yet (Store.Remap maps it)
		if f.Mapped {
			ind = f.Indicator
			if f.Indicator != "" {
				conf = f.IndicatorConfidence
			}
		}
		args = append(args, string(f.Kind), f.Value, f.Unit, f.Normalized, f.BaseUnit, string(f.Qualifier),
			string(f.Role), f.Label, f.Subject, year, f.Text, int64(f.Start), int64(f.End), sentStart, sentEnd, sentText,
			sectionID, sectionText, ct, cr, cc, string(f.Direction), ind, conf)
		if n := i + 1 - from; n == figureChunk || i == len(doc.Figures)-1 {
			if err := b.insertFigures(n, &args); err != nil {
				if n == 1 {
					return fmt.Errorf("figure %d: %w", from, err)
				}
				return fmt.Errorf("figures %d to %d: %w", from, i, err)
			}
			args, from = append(args[:0], id, int64(i+1)), i+1
		}
	}
	clear(args[:cap(args)])
	b.args = args[:0]
	return nil
}

// figureChunk is how many figures one INSERT statement stores: one
// statement of many rows costs one call into SQLite instead of one a row.
const figureChunk = 16

// figureColumns are the columns of a figure row, in the order of the
// arguments putParts gathers.
const figureColumns = `document_id, seq, kind, value, unit, normalized, base_unit, qualifier,
	role, label, subject, year, text, start, "end", sentence_start, sentence_end, sentence_text,
	section_id, section_text, cell_table, cell_row, cell_col, direction, indicator, indicator_confidence`

const figureArgs = 26

// figureStmtKey identifies a figure INSERT: its number of rows and the
// columns (bit j: the j-th of figureColumns after document_id and seq)
// it writes as NULL instead of binding.
type figureStmtKey struct {
	n     int
	nulls uint32
}

// insertFigures inserts n figure rows whose values are *args: the document
// id and the seq of the first row (bound once, ?1 and ?2, and the seq of
// row k is ?2 + k), then the other figureArgs-2 columns of each row.
// A column that is NULL in every row is written as NULL in the statement
// and not bound (go-sqlite3 binds each value with a call into C; a figure
// of prose has no cell, and most have their sentence and section as
// offsets and a row, not as text): the rows' values of such columns are
// removed from *args. It prepares the statement on first use in the batch.
func (b *Batch) insertFigures(n int, args *[]any) error {
	const cols = figureArgs - 2
	a := *args
	nulls := uint32(1)<<cols - 1
	for k := 0; k < n && nulls != 0; k++ {
		for j, v := range a[2+k*cols : 2+(k+1)*cols] {
			if v != nil {
				nulls &^= 1 << j
			}
		}
	}
	if nulls != 0 { // keep only the bound values
		w := 2
		for r := 2; r < len(a); r++ {
			if nulls&(1<<((r-2)%cols)) == 0 {
				a[w] = a[r]
				w++
			}
		}
		clear(a[w:])
		a = a[:w]
		*args = a
	}
	key := figureStmtKey{n, nulls}
	st := b.figureStmts[key]
	if st == nil {
		var q strings.Builder
		q.WriteString("INSERT INTO figures (" + figureColumns + ") VALUES ")
		var rest strings.Builder
		for j := 0; j < cols; j++ {
			if nulls&(1<<j) != 0 {
				rest.WriteString(", NULL")
			} else {
				rest.WriteString(", ?")
			}
		}
		rest.WriteString(")")
		for k := 0; k < n; k++ {
			if k > 0 {
				q.WriteString(", ")
			}
			if k == 0 {
				q.WriteString("(?1, ?2" + rest.String())
			} else {
				fmt.Fprintf(&q, "(?1, ?2 + %d%s", k, rest.String())
			}
		}
		var err error
		if st, err = b.tx.PrepareContext(b.short, q.String()); err != nil {
			return err
		}
		if b.figureStmts == nil {
			b.figureStmts = map[figureStmtKey]*sql.Stmt{}
		}
		b.figureStmts[key] = st
	}
	_, err := st.ExecContext(b.short, a...)
	return err
}

// sectionOf returns the index of the section with path that contains rune
// offset pos, else the first with that path, else -1.
func sectionOf(sections []Section, path string, pos int) int {
	first := -1
	for i, s := range sections {
		if s.Path != path {
			continue
		}
		if s.Start <= pos && pos < s.End {
			return i
		}
		if first < 0 {
			first = i
		}
	}
	return first
}

// sectionIndex answers sectionOf without walking every section for every
// figure (a page of thousands of sections and figures was quadratic,
// issue 11): the sections of each path, searched by binary search when they
// are in text order and do not overlap, as outline gives them.
type sectionIndex struct {
	sections []Section
	byPath   map[string][]int
	ordered  map[string]bool
}

func newSectionIndex(sections []Section) *sectionIndex {
	x := &sectionIndex{sections: sections, byPath: map[string][]int{}, ordered: map[string]bool{}}
	for i, s := range sections {
		x.byPath[s.Path] = append(x.byPath[s.Path], i)
	}
	for path, is := range x.byPath {
		ok := true
		for k := 1; k < len(is); k++ {
			if sections[is[k]].Start < sections[is[k-1]].End {
				ok = false
				break
			}
		}
		x.ordered[path] = ok
	}
	return x
}

// of is sectionOf(sections, path, pos).
func (x *sectionIndex) of(path string, pos int) int {
	is := x.byPath[path]
	if len(is) == 0 {
		return -1
	}
	if !x.ordered[path] {
		return sectionOf(x.sections, path, pos)
	}
	k := sort.Search(len(is), func(k int) bool { return x.sections[is[k]].End > pos })
	if k < len(is) && x.sections[is[k]].Start <= pos {
		return is[k]
	}
	return is[0]
}

// runeIndex maps rune offsets of a text to byte offsets and back.
type runeIndex struct {
	text  string
	bytes []int // bytes[i] = byte offset of rune i; bytes[len] = len(text)
}

// newRuneIndex indexes text, in buf when it has room.
func newRuneIndex(text string, buf []int) *runeIndex {
	if cap(buf) < len(text)/2+1 {
		buf = make([]int, 0, len(text)/2+1)
	}
	idx := &runeIndex{text: text, bytes: buf[:0]}
	for i := range text {
		idx.bytes = append(idx.bytes, i)
	}
	idx.bytes = append(idx.bytes, len(text))
	return idx
}

// find returns the rune span of an occurrence of sentence in the text that
// covers the rune span [start, end), if there is one.
func (x *runeIndex) find(sentence string, start, end int) (int, int, bool) {
	n := len(x.bytes) - 1
	if start < 0 || end < start || end > n {
		return 0, 0, false
	}
	bs, be := x.bytes[start], x.bytes[end]
	lo := max(bs-len(sentence), 0)
	// An occurrence covering [bs, be) lies inside [bs-len, bs+len): search
	// only there, so that a sentence not in the text costs its length, not
	// the text's (a page of many figures was quadratic, issue 11).
	hay := x.text[:min(len(x.text), bs+len(sentence))]
	for lo <= bs {
		i := strings.Index(hay[lo:], sentence)
		if i < 0 {
			return 0, 0, false
		}
		p := lo + i
		if p > bs {
			return 0, 0, false
		}
		if p+len(sentence) >= be {
			rs := sort.SearchInts(x.bytes, p)
			re := sort.SearchInts(x.bytes, p+len(sentence))
			if rs < len(x.bytes) && x.bytes[rs] == p && re < len(x.bytes) && x.bytes[re] == p+len(sentence) {
				return rs, re, true
			}
		}
		lo = p + 1
	}
	return 0, 0, false
}
