-- 0007: an index on figures.section_id. figures.section_id refers to
-- sections(id), so deleting a section (which storing a document again does:
-- its sections and figures are replaced) makes SQLite look for figures that
-- still refer to it; without an index that is a scan of every figure, for
-- every section of every document stored again, and extracting an archive
-- again grew with the square of the database (10,000 pages: 17 minutes
-- instead of under one). It is kept during bulk loads (see schema/bulk.go).
CREATE INDEX figures_section ON figures (section_id);
