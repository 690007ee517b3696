// Package archive reads govfig's inputs as one stream of items: WARC files
// (.warc, .warc.gz — govfig's own and those of other tools such as
// wget --warc-file), folders walked recursively (their .html, .htm, .txt files
// and any WARC files inside) and single files.
//
// Records are read one at a time, never a whole archive: Walk calls
// Visitor.Item for every page-like payload (an HTTP 200 response or a resource
// record of HTML or plain text) with its decoded body, Visitor.Skip for every
// record it passes over, and Visitor.Problem for an input it cannot read — a
// truncated gzip member, a corrupt record, a missing file — after which it goes
// on with the next input. Visitor.Done reports a WARC file read to its end
// without a problem. A problem of a WARC file as a whole has an empty URL, one
// of a record the record's URL, one of a loose file the file's path.
package archive

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http/httputil"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/govfig/govfig/schema"
	"github.com/nlnwa/gowarc/v3"
)

// DefaultMaxBody is the largest payload read (bytes); larger ones are problems.
const DefaultMaxBody = 32 << 20

// Item is one page-like input: a WARC record's payload or a loose file.
type Item struct {
	Source      string // the file read (archive or loose file), cleaned
	Offset      int64  // byte offset of the WARC record in Source; 0 for a loose file
	URL         string // WARC-Target-URI; "" for a loose file
	ContentType string // HTTP Content-Type of the response; "" for a loose file
	Date        string // WARC-Date as RFC 3339; "" for a loose file
	Body        []byte // the payload, transfer and content encodings removed
	// PageType is "list" for a page govfig's crawler fetched as a list
	// (column) page — a sites-file URL or a next page walked from one —
	// read from the response record's PageTypeField; "" otherwise.
	PageType string
	// Parent is the article an attachment was linked from, read from the
	// response record's ParentField; "" otherwise.
	Parent string
}

// ParentField is the WARC extension field in which govfig's crawler
// records the article an attachment (.xlsx, .docx, .pdf…) was linked from.
const ParentField = "WARC-Govfig-Parent"

// PageTypeField is the WARC extension field in which govfig's crawler
// records how it fetched a page ("list"): the user's word that a sites-file
// URL is a column page outlives the crawl, for extract to honour.
const PageTypeField = "WARC-Govfig-Page-Type"

// Key identifies the document an item holds: its URL, or for a loose file its
// cleaned path.
func (it *Item) Key() string {
	if it.URL != "" {
		return it.URL
	}
	return it.Source
}

// Visitor receives what Walk reads. Nil functions are not called. An error
// from Item stops the walk and is returned by Walk.
type Visitor struct {
	Item    func(Item) error
	Skip    func(source, url, reason string)
	Problem func(schema.Problem)
	Done    func(source string) // a WARC file was read to its end
}

// Options tune Walk.
type Options struct {
	MaxBody int64 // 0 = DefaultMaxBody
}

// Walk reads every input under paths in order (folders in lexical order) and
// hands what it finds to v. It returns ctx.Err() when cancelled, an error of
// v.Item, or nil; unreadable inputs are reported to v.Problem, not returned.
func Walk(ctx context.Context, paths []string, v Visitor, opt Options) error {
	w := &walker{ctx: ctx, v: v, max: opt.MaxBody}
	if w.max <= 0 {
		w.max = DefaultMaxBody
	}
	seen := map[string]bool{}
	for _, p := range paths {
		p = filepath.Clean(p)
		if seen[p] {
			continue
		}
		seen[p] = true
		if err := w.path(p); err != nil {
			return err
		}
	}
	return nil
}

type walker struct {
	ctx context.Context
	v   Visitor
	max int64
	// payloads maps the payload digest of every page response read so far
	// to its record, for the revisits that refer to it.
	payloads map[string]recordRef
}

// recordRef points at a record: its file and offset.
type recordRef struct {
	src    string
	offset int64
}

func (w *walker) problem(source, url, stage string, err error) {
	if w.v.Problem != nil {
		w.v.Problem(schema.Problem{Path: source, URL: url, Stage: stage, Message: err.Error()})
	}
}

func (w *walker) skip(source, url, reason string) {
	if w.v.Skip != nil {
		w.v.Skip(source, url, reason)
	}
}

func (w *walker) done(source string) {
	if w.v.Done != nil {
		w.v.Done(source)
	}
}

// IsWARC reports whether name is a WARC file by its extension.
func IsWARC(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".warc") || strings.HasSuffix(n, ".warc.gz")
}

// IsPage reports whether a file in a folder is read as a page or text, or
// as an attachment (.xlsx, .xls, .docx, .doc, .pdf, .wps, .et).
func IsPage(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".txt":
		return true
	}
	return attachmentExts[strings.ToLower(filepath.Ext(name))]
}

// attachmentExts are the attachment files read (extract/attach).
var attachmentExts = map[string]bool{".xlsx": true, ".xls": true, ".docx": true, ".doc": true, ".pdf": true, ".wps": true, ".et": true}

// attachmentTypes are the media types of attachments read.
var attachmentTypes = map[string]bool{
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":       true,
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document": true,
	"application/vnd.ms-excel": true, "application/msword": true, "application/pdf": true,
	"application/kswps": true, "application/kset": true, "application/vnd.ms-works": true,
}

func (w *walker) path(p string) error {
	info, err := os.Stat(p)
	if err != nil {
		w.problem(filepath.ToSlash(p), "", "read", err)
		return nil
	}
	if !info.IsDir() {
		if IsWARC(p) {
			return w.warc(p)
		}
		return w.file(p, info)
	}
	err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
		if cerr := w.ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			w.problem(filepath.ToSlash(q), "", "read", err)
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		switch {
		case IsWARC(q):
			return w.warc(q)
		case IsPage(q):
			info, err := d.Info()
			if err != nil {
				w.problem(filepath.ToSlash(q), "", "read", err)
				return nil
			}
			return w.file(q, info)
		}
		return nil
	})
	return err
}

// file reads one loose file.
func (w *walker) file(p string, info fs.FileInfo) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	src := filepath.ToSlash(p)
	if info.Size() > w.max {
		w.problem(src, "", "read", fmt.Errorf("file is %d bytes, more than the limit of %d", info.Size(), w.max))
		return nil
	}
	body, err := os.ReadFile(p)
	if err != nil {
		w.problem(src, "", "read", err)
		return nil
	}
	if w.v.Item != nil {
		return w.v.Item(Item{Source: src, Body: body})
	}
	return nil
}

// warc reads one WARC file record by record.
func (w *walker) warc(p string) error {
	src := filepath.ToSlash(p)
	r, err := openWARC(p, w.max)
	if err != nil {
		w.problem(src, "", "read", err)
		return nil
	}
	defer r.Close()
	clean := true
	for {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		rec, err := r.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if errors.Is(err, errRecordTooLarge) {
			// Skipped whole: the file is still read to its end.
			w.problem(src, r.skipped, "read", fmt.Errorf("%s: record at offset %d: %w", src, rec.Offset, err))
			continue
		}
		if err != nil {
			rec.Close()
			w.problem(src, "", "read", fmt.Errorf("record at offset %d: %w", rec.Offset, err))
			clean = false
			break
		}
		item, reason, perr := w.record(src, rec)
		if perr == nil && reason == "" {
			w.remember(rec, src)
		} else if reason == "revisit record" {
			item, reason, perr = w.revisit(src, rec)
		}
		rec.Close()
		switch {
		case perr != nil:
			w.problem(src, item.URL, "read", perr)
		case reason != "":
			w.skip(src, item.URL, reason)
		case w.v.Item != nil:
			if err := w.v.Item(item); err != nil {
				return err
			}
		}
	}
	if clean {
		w.done(src)
	}
	return nil
}

// remember notes the payload digest of a page response for later revisits.
func (w *walker) remember(rec gowarc.Record, src string) {
	if rec.WarcRecord.Type() != gowarc.Response {
		return
	}
	if d := rec.WarcRecord.WarcHeader().Get(gowarc.WarcPayloadDigest); d != "" {
		if w.payloads == nil {
			w.payloads = map[string]recordRef{}
		}
		if _, ok := w.payloads[d]; !ok {
			w.payloads[d] = recordRef{src, rec.Offset}
		}
	}
}

// revisit resolves a revisit record of identical payload (another URL that
// served the same bytes, which govfig's crawler and others archive once) to
// the payload it refers to: the revisit's URL is a document of its own. A
// revisit of a not-modified page (the same URL, archived before) is skipped,
// and so is one whose payload was not read in this walk.
func (w *walker) revisit(src string, rec gowarc.Record) (Item, string, error) {
	h := rec.WarcRecord.WarcHeader()
	url := targetURI(h.Get(gowarc.WarcTargetURI))
	if h.Get(gowarc.WarcProfile) != gowarc.ProfileIdenticalPayloadDigestV1_1 &&
		h.Get(gowarc.WarcProfile) != "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest" {
		return Item{Source: src, Offset: rec.Offset, URL: url}, "revisit record (not modified)", nil
	}
	ref, ok := w.payloads[h.Get(gowarc.WarcPayloadDigest)]
	if !ok {
		return Item{Source: src, Offset: rec.Offset, URL: url}, "revisit of a payload not read here", nil
	}
	r, err := openWARCAt(ref.src, ref.offset, w.max)
	if err != nil {
		return Item{Source: src, Offset: rec.Offset, URL: url}, "", fmt.Errorf("revisit at offset %d: read %s: %w", rec.Offset, ref.src, err)
	}
	defer r.Close()
	orig, err := r.next()
	if err != nil {
		return Item{Source: src, Offset: rec.Offset, URL: url}, "", fmt.Errorf("revisit at offset %d: record at %s offset %d: %w", rec.Offset, ref.src, ref.offset, err)
	}
	defer orig.Close()
	item, reason, err := w.record(ref.src, orig)
	// The document is the revisit's: its URL, date, page type and record.
	item.Source, item.Offset, item.URL, item.PageType, item.Parent = src, rec.Offset, url, h.Get(PageTypeField), h.Get(ParentField)
	if d := h.Get(gowarc.WarcDate); d != "" {
		if t, err := time.Parse(time.RFC3339Nano, d); err == nil {
			item.Date = t.UTC().Format(time.RFC3339)
		}
	}
	return item, reason, err
}

// pageTypes are the payload media types read as pages.
var pageTypes = map[string]bool{"text/html": true, "application/xhtml+xml": true, "text/plain": true}

// record turns one WARC record into an item, or says why it is skipped.
func (w *walker) record(src string, rec gowarc.Record) (Item, string, error) {
	wr := rec.WarcRecord
	h := wr.WarcHeader()
	item := Item{Source: src, Offset: rec.Offset, URL: targetURI(h.Get(gowarc.WarcTargetURI)), PageType: h.Get(PageTypeField), Parent: h.Get(ParentField)}
	if d := h.Get(gowarc.WarcDate); d != "" {
		if t, err := time.Parse(time.RFC3339Nano, d); err == nil {
			item.Date = t.UTC().Format(time.RFC3339)
		} else {
			item.Date = d
		}
	}
	for _, v := range rec.Validation {
		var cl *gowarc.ContentLengthError
		var de *gowarc.DigestError
		if errors.As(v, &cl) || errors.As(v, &de) {
			return item, "", fmt.Errorf("record at offset %d: %w", rec.Offset, v)
		}
	}
	lower := strings.ToLower(item.URL)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		return item, "not a web page record", nil
	}
	if strings.HasSuffix(lower, "/robots.txt") {
		return item, "robots.txt", nil
	}
	var (
		payload io.Reader
		err     error
	)
	switch wr.Type() {
	case gowarc.Response:
		block, ok := wr.Block().(gowarc.HttpResponseBlock)
		if !ok {
			return item, "response without an HTTP block", nil
		}
		if code := block.HttpStatusCode(); code != 200 {
			return item, fmt.Sprintf("HTTP status %d", code), nil
		}
		hdr := block.HttpHeader()
		if hdr != nil {
			item.ContentType = hdr.Get("Content-Type")
		}
		if !isPageType(item.ContentType, item.URL) {
			return item, "content type " + item.ContentType, nil
		}
		if payload, err = block.PayloadBytes(); err != nil {
			return item, "", fmt.Errorf("record at offset %d: %w", rec.Offset, err)
		}
		if hdr != nil {
			// net/http moves Transfer-Encoding out of the parsed header: read it from the raw one.
			te := rawHeader(block.ProtocolHeaderBytes(), "Transfer-Encoding")
			if payload, err = decode(payload, te, hdr.Get("Content-Encoding")); err != nil {
				return item, "", fmt.Errorf("record at offset %d: %w", rec.Offset, err)
			}
		}
	case gowarc.Resource:
		item.ContentType = h.Get(gowarc.ContentType)
		if !isPageType(item.ContentType, item.URL) {
			return item, "content type " + item.ContentType, nil
		}
		if payload, err = wr.Block().RawBytes(); err != nil {
			return item, "", fmt.Errorf("record at offset %d: %w", rec.Offset, err)
		}
	case gowarc.Revisit:
		return item, "revisit record", nil
	default:
		return item, wr.Type().String() + " record", nil
	}
	if payload, err = sniffGzip(payload); err != nil {
		return item, "", fmt.Errorf("record at offset %d: %w", rec.Offset, err)
	}
	body, err := io.ReadAll(io.LimitReader(payload, w.max+1))
	if err != nil {
		return item, "", fmt.Errorf("record at offset %d: read payload: %w", rec.Offset, err)
	}
	if int64(len(body)) > w.max {
		return item, "", fmt.Errorf("record at offset %d: payload is more than the limit of %d bytes", rec.Offset, w.max)
	}
	item.Body = body
	return item, "", nil
}

// rawHeader returns the value of the named field in raw HTTP header bytes.
func rawHeader(header []byte, name string) string {
	for _, line := range strings.Split(string(header), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok && strings.EqualFold(strings.TrimSpace(k), name) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// targetURI strips the angle brackets wget (WARC/1.0 drafts) puts around
// WARC-Target-URI.
func targetURI(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">") {
		s = s[1 : len(s)-1]
	}
	return s
}

// isPageType reports whether a payload of this Content-Type (or, without one,
// this URL) is read as a page or an attachment. An attachment served as
// application/octet-stream is known by its URL's extension.
func isPageType(contentType, url string) bool {
	ext := strings.ToLower(path.Ext(strings.SplitN(url, "?", 2)[0]))
	if contentType == "" {
		return ext == "" || ext == ".html" || ext == ".htm" || ext == ".txt" || ext == ".shtml" || attachmentExts[ext]
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.SplitN(contentType, ";", 2)[0]))
	}
	return pageTypes[mt] || attachmentTypes[mt] || attachmentExts[ext] && (mt == "application/octet-stream" || mt == "application/x-download" || mt == "application/force-download")
}

// sniffGzip decodes a payload that is gzip by its magic bytes though no
// Content-Encoding said so (a server compressing unasked, under a lying
// header): such bytes are never a page. The caller's limit bounds what is
// read from the returned reader.
func sniffGzip(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	if magic, _ := br.Peek(3); !bytes.Equal(magic, []byte{0x1f, 0x8b, 0x08}) {
		return br, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, fmt.Errorf("gzip payload without content encoding: %w", err)
	}
	return zr, nil
}

// decode removes the transfer and content encodings of an HTTP payload.
func decode(r io.Reader, transfer, content string) (io.Reader, error) {
	if strings.Contains(strings.ToLower(transfer), "chunked") {
		r = httputil.NewChunkedReader(r)
	}
	switch strings.ToLower(strings.TrimSpace(content)) {
	case "", "identity":
		return r, nil
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("gzip content encoding: %w", err)
		}
		return zr, nil
	case "deflate":
		// Servers send either zlib-wrapped or raw deflate data.
		buf, err := io.ReadAll(io.LimitReader(r, DefaultMaxBody+1))
		if err != nil {
			return nil, err
		}
		if zr, err := zlib.NewReader(bytes.NewReader(buf)); err == nil {
			return zr, nil
		}
		return flate.NewReader(bytes.NewReader(buf)), nil
	default:
		return nil, fmt.Errorf("unsupported content encoding %q", content)
	}
}
