-- 0005: attachments as documents of their own (issue 13). A file linked
-- from an article (附件: .xlsx, .docx, .pdf…) is read into a document whose
-- parent_url is the URL of that article ('' for pages, texts and loose
-- files); the crawler records it in the WARC (WARC-Govfig-Parent), and the
-- store fills it from the attachments table when the article was stored
-- first, or when the article is stored later. Readers join documents on it
-- for the article's title.
ALTER TABLE documents ADD COLUMN parent_url TEXT NOT NULL DEFAULT '';
-- The file format of an attachment: xlsx, xls, docx, doc, pdf, wps, et, or
-- html for an HTML table saved under an Office name; '' for pages and texts.
ALTER TABLE documents ADD COLUMN format TEXT NOT NULL DEFAULT '';
CREATE INDEX documents_parent_url ON documents(parent_url) WHERE parent_url <> '';
CREATE INDEX attachments_url ON attachments(url);
