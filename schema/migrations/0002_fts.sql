-- 0002: full-text search over title and body. The FTS4 "simple" tokenizer
-- keeps a run of Chinese characters as one token, so the store writes the text
-- already cut into overlapping character bigrams (教育经费 → 教育 育经 经费, plus
-- the last character alone) and ASCII words; a query word becomes a phrase of
-- its bigrams. docid is documents.id. Rows of existing documents are filled in
-- by the migration's Go step.
CREATE VIRTUAL TABLE documents_fts USING fts4(title, body, tokenize=simple);
