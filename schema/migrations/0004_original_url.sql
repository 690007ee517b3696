-- 0004: the address a document names for itself. documents.url is the key
-- a document is stored under: the crawled URL, or the cleaned path of a
-- loose file. A loose file may name the page it was taken from (a scraped
-- .txt's 原文链接 line, a saved page's <meta name="url">): original_url holds
-- that http(s) address, '' when the input names none or it equals url.
ALTER TABLE documents ADD COLUMN original_url TEXT NOT NULL DEFAULT '';

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
       d.original_url AS doc_original_url
FROM figures f
JOIN documents d ON d.id = f.document_id
LEFT JOIN sections s ON s.id = f.section_id;
