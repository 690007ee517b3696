-- 0001: the normalized schema. One row per page in documents; its outline,
-- tables, attachments and figures hang off it and are replaced together when
-- the page is extracted again. Offsets (start, "end") are half-open rune
-- (character) offsets into documents.body, so substr(body, start+1, "end"-start)
-- is the text they point at.

CREATE TABLE documents (
	id                INTEGER PRIMARY KEY,
	url               TEXT    NOT NULL UNIQUE, -- record URL, or the cleaned path of a loose file
	site              TEXT    NOT NULL DEFAULT '',
	region            TEXT    NOT NULL DEFAULT '',
	site_column       TEXT    NOT NULL DEFAULT '',
	title             TEXT    NOT NULL DEFAULT '',
	publisher         TEXT    NOT NULL DEFAULT '',
	published_at      TEXT    NOT NULL DEFAULT '', -- RFC 3339 with the site offset, '' when unknown
	fetched_at        TEXT    NOT NULL DEFAULT '', -- WARC-Date, '' for loose files
	charset           TEXT    NOT NULL DEFAULT '',
	page_type         TEXT    NOT NULL DEFAULT '',
	content_sha256    TEXT    NOT NULL,            -- of the payload as read
	body              TEXT    NOT NULL DEFAULT '',
	extractor_version TEXT    NOT NULL,
	problem           TEXT    NOT NULL DEFAULT '',
	source            TEXT    NOT NULL DEFAULT '', -- archive file or loose file it was read from
	source_offset     INTEGER NOT NULL DEFAULT 0   -- byte offset of the WARC record in source
) STRICT;
CREATE INDEX documents_region ON documents (region, published_at);
CREATE INDEX documents_published ON documents (published_at);

CREATE TABLE sections (
	id          INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	seq         INTEGER NOT NULL,
	path        TEXT    NOT NULL,
	title       TEXT    NOT NULL,
	level       INTEGER NOT NULL,
	start       INTEGER NOT NULL,
	"end"       INTEGER NOT NULL,
	UNIQUE (document_id, seq)
) STRICT;

CREATE TABLE doc_tables (
	id          INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	seq         INTEGER NOT NULL,
	caption     TEXT    NOT NULL,
	header_rows INTEGER NOT NULL,
	header_cols INTEGER NOT NULL,
	start       INTEGER NOT NULL,
	"end"       INTEGER NOT NULL,
	rows_json   TEXT    NOT NULL, -- [][]Cell as JSON
	UNIQUE (document_id, seq)
) STRICT;

CREATE TABLE attachments (
	id          INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	seq         INTEGER NOT NULL,
	name        TEXT    NOT NULL,
	url         TEXT    NOT NULL,
	UNIQUE (document_id, seq)
) STRICT;

CREATE TABLE figures (
	id             INTEGER PRIMARY KEY,
	document_id    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	seq            INTEGER NOT NULL, -- order in the document
	kind           TEXT    NOT NULL,
	value          REAL    NOT NULL,
	unit           TEXT    NOT NULL,
	normalized     REAL    NOT NULL,
	base_unit      TEXT    NOT NULL,
	qualifier      TEXT    NOT NULL,
	role           TEXT    NOT NULL,
	label          TEXT    NOT NULL,
	subject        TEXT    NOT NULL,
	year           INTEGER,          -- NULL when unknown
	text           TEXT    NOT NULL,
	start          INTEGER NOT NULL,
	"end"          INTEGER NOT NULL,
	-- The sentence is a span of documents.body; sentence_text holds it only
	-- when it could not be found there.
	sentence_start INTEGER,
	sentence_end   INTEGER,
	sentence_text  TEXT,
	-- The section is a row of sections; section_text holds it only when no
	-- section of the document has that path.
	section_id     INTEGER REFERENCES sections (id),
	section_text   TEXT,
	cell_table     INTEGER,          -- table cell the figure was read from, NULL for prose
	cell_row       INTEGER,
	cell_col       INTEGER,
	UNIQUE (document_id, seq)
) STRICT;
CREATE INDEX figures_kind ON figures (kind, label);
CREATE INDEX figures_label ON figures (label);
CREATE INDEX figures_year ON figures (year);

-- figure_view is what analysts query: one row per figure with its sentence,
-- section and the document's region, title, URL and date.
CREATE VIEW figure_view AS
SELECT f.id, f.document_id, f.seq,
       d.region, d.title AS doc_title, d.url AS doc_url, d.published_at,
       f.kind, f.value, f.unit, f.normalized, f.base_unit, f.qualifier, f.role,
       f.label, f.subject, f.year, f.text, f.start, f."end",
       coalesce(f.sentence_text,
                substr(d.body, f.sentence_start + 1, f.sentence_end - f.sentence_start), '') AS sentence,
       coalesce(s.path, f.section_text, '') AS section,
       f.cell_table, f.cell_row, f.cell_col
FROM figures f
JOIN documents d ON d.id = f.document_id
LEFT JOIN sections s ON s.id = f.section_id;

CREATE TABLE runs (
	id                INTEGER PRIMARY KEY,
	command           TEXT    NOT NULL,
	started_at        TEXT    NOT NULL,
	finished_at       TEXT,             -- NULL while running or when interrupted
	version           TEXT    NOT NULL, -- govfig version
	extractor_version TEXT    NOT NULL DEFAULT '',
	inputs            TEXT    NOT NULL DEFAULT '[]', -- JSON list of the paths given
	documents_new     INTEGER NOT NULL DEFAULT 0,
	documents_changed INTEGER NOT NULL DEFAULT 0,
	documents_same    INTEGER NOT NULL DEFAULT 0,
	skipped           INTEGER NOT NULL DEFAULT 0,
	figures           INTEGER NOT NULL DEFAULT 0,
	problems          INTEGER NOT NULL DEFAULT 0
) STRICT;

-- problems holds the current problems: one row per input that could not be
-- read, parsed or stored, removed again once the input is read cleanly.
CREATE TABLE problems (
	id      INTEGER PRIMARY KEY,
	run_id  INTEGER REFERENCES runs (id),
	path    TEXT NOT NULL,
	url     TEXT NOT NULL DEFAULT '',
	stage   TEXT NOT NULL,
	message TEXT NOT NULL,
	UNIQUE (path, url)
) STRICT;
