-- 0006: the indicator catalogue and each figure's indicator. indicators
-- holds the catalogue the figures were last mapped with (govfig's built-in
-- indicator/catalogue.tsv, plus a user's --indicators file); meta records
-- its hash under 'indicator_catalogue'. figures.indicator is the code of
-- the indicator a figure measures: NULL while the figure is not mapped yet,
-- '' when it maps to none. Mapping reads only stored figure columns (label,
-- kind, base_unit, role), so a catalogue change re-maps without extracting
-- again (govfig extract does it when the hash differs; govfig remap on
-- demand).
CREATE TABLE indicators (
	code     TEXT PRIMARY KEY,
	name     TEXT NOT NULL,       -- canonical Chinese name
	en       TEXT NOT NULL,
	kind     TEXT NOT NULL,       -- main kind (figures.md)
	unit     TEXT NOT NULL,       -- base unit of its level figures, '' for an index
	domain   TEXT NOT NULL,       -- 教育, 财政, 统计, 卫生, 民政, 就业, 环境, 政务
	of       TEXT NOT NULL DEFAULT '', -- growth:CODE or share:CODE
	patterns TEXT NOT NULL DEFAULT '', -- other names, '|'-separated
	note     TEXT NOT NULL DEFAULT '',
	seq      INTEGER NOT NULL     -- catalogue order
) STRICT;

CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

ALTER TABLE figures ADD COLUMN indicator TEXT;            -- NULL: not mapped yet; '': none
ALTER TABLE figures ADD COLUMN indicator_confidence REAL; -- 0 < c <= 1 when indicator <> ''
CREATE INDEX figures_indicator ON figures (indicator);

DROP VIEW figure_view;
CREATE VIEW figure_view AS
SELECT f.id, f.document_id, f.seq,
       d.region, d.title AS doc_title, d.url AS doc_url, d.published_at,
       f.kind, f.value, f.unit, f.normalized, f.base_unit, f.qualifier, f.role,
       f.label, f.subject, f.year, f.text, f.start, f."end",
       coalesce(f.sentence_text,
                substr(d.body, f.sentence_start + 1, f.sentence_end - f.sentence_start), '') AS sentence,
       coalesce(s.path, f.section_text, '') AS section,
       f.cell_table, f.cell_row, f.cell_col,
       f.direction,
       d.original_url AS doc_original_url,
       coalesce(f.indicator, '') AS indicator, f.indicator_confidence
FROM figures f
JOIN documents d ON d.id = f.document_id
LEFT JOIN sections s ON s.id = f.section_id;

-- indicator_view: indicator × region × year × value, level figures only,
-- each with its source document. value is the normalized value in the
-- indicator's base unit (unit).
CREATE VIEW indicator_view AS
SELECT i.code AS indicator, i.name, i.unit, i.domain,
       d.region, f.year, f.normalized AS value, f.qualifier, f.text,
       f.indicator_confidence AS confidence,
       f.id AS figure_id, d.id AS document_id, d.title AS doc_title, d.url AS doc_url,
       d.original_url AS doc_original_url, d.published_at
FROM figures f
JOIN indicators i ON i.code = f.indicator
JOIN documents d ON d.id = f.document_id
WHERE f.role = 'level';
