-- 0003: the direction of a change. A figure whose role is change says whether
-- the quantity rose ('up': 增长, 增加, 提高…) or fell ('down': 下降, 减少,
-- 缩小…); '' for every other figure. value and normalized stay the magnitude
-- as written (a printed minus stays: 增长-2.4% is -2.4, direction 'down'), so
-- the signed change is abs(value) × (-1 when direction = 'down').
-- Figures stored under schema 2 get '' until their document is extracted
-- again (the extractor version changed with this column).
ALTER TABLE figures ADD COLUMN direction TEXT NOT NULL DEFAULT '';

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
       f.direction
FROM figures f
JOIN documents d ON d.id = f.document_id
LEFT JOIN sections s ON s.id = f.section_id;
