package crawl

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/nlnwa/gowarc/v3"

	garchive "github.com/govfig/govfig/archive"
)

// commitState records a URL's new state without archiving anything, and
// waits for the commit.
func (c *crawler) commitState(it *item, state, detail string) {
	c.w.wait(&job{kind: jobState, url: it.url, state: state, detail: detail})
}

// commitFailed records a URL given up on (attempts added to its count): it
// is not fetched again on resume.
func (c *crawler) commitFailed(it *item, detail string, attempts int) {
	c.w.wait(&job{kind: jobFailed, url: it.url, state: stateFailed, detail: detail, attempts: attempts})
}

// buildRecords makes the request record and the response (or revisit)
// record of an exchange. prev is the URL's last archived response, used for
// 304 answers; dup is an earlier record with the same payload. The response
// of a list URL (kind) says so in its PageTypeField, for extract.
func (c *crawler) buildRecords(ex *exchange, kind, parent string, prev, dup *recordRef) (req, resp gowarc.WarcRecord, digest string, err error) {
	date := ex.start
	rb := newBuilder(gowarc.Request)
	rb.AddWarcHeader(gowarc.WarcTargetURI, ex.url)
	rb.AddWarcHeaderTime(gowarc.WarcDate, date)
	rb.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=request")
	if ex.ip != "" {
		rb.AddWarcHeader(gowarc.WarcIPAddress, ex.ip)
	}
	if _, err := rb.Write(ex.reqRaw); err != nil {
		return nil, nil, "", err
	}

	var sb gowarc.WarcRecordBuilder
	code := ex.resp.StatusCode
	switch {
	case code == http.StatusNotModified && prev != nil:
		sb = newBuilder(gowarc.Revisit)
		sb.AddWarcHeader(gowarc.WarcProfile, gowarc.ProfileServerNotModifiedV1_1)
		prev.refer(sb)
		sb.Write(ex.respHead)
	case dup != nil:
		sb = newBuilder(gowarc.Revisit)
		sb.AddWarcHeader(gowarc.WarcProfile, gowarc.ProfileIdenticalPayloadDigestV1_1)
		sb.AddWarcHeader(gowarc.WarcPayloadDigest, dup.digest)
		dup.refer(sb)
		sb.Write(ex.respHead)
		digest = dup.digest
	default:
		sb = newBuilder(gowarc.Response)
		sb.Write(ex.respHead)
		sb.Write(ex.body)
		digest = payloadDigest(ex.body)
		sb.AddWarcHeader(gowarc.WarcPayloadDigest, digest)
	}
	sb.AddWarcHeader(gowarc.WarcTargetURI, ex.url)
	sb.AddWarcHeaderTime(gowarc.WarcDate, date)
	sb.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
	if kind == kindList {
		sb.AddWarcHeader(garchive.PageTypeField, "list")
	}
	if kind == kindAttachment && parent != "" {
		sb.AddWarcHeader(garchive.ParentField, parent)
	}
	if ex.ip != "" {
		sb.AddWarcHeader(gowarc.WarcIPAddress, ex.ip)
	}
	resp, _, err = sb.Build()
	if err != nil {
		rb.Close()
		return nil, nil, "", fmt.Errorf("build response record: %w", err)
	}
	req, _, err = rb.Build()
	if err != nil {
		resp.Close()
		return nil, nil, "", fmt.Errorf("build request record: %w", err)
	}
	req.WarcHeader().AddId(gowarc.WarcConcurrentTo, resp.RecordId())
	return req, resp, digest, nil
}

// recordRef points at an archived response.
type recordRef struct {
	url, date, id, digest string
}

func (r *recordRef) refer(b gowarc.WarcRecordBuilder) {
	b.AddWarcHeader(gowarc.WarcRefersToTargetURI, r.url)
	b.AddWarcHeader(gowarc.WarcRefersToDate, r.date)
	if r.id != "" {
		b.AddWarcHeader(gowarc.WarcRefersTo, "<"+r.id+">")
	}
}

// commitArchived archives an exchange and waits until it is committed: the
// worker builds and compresses the records (in parallel with the other
// hosts' workers), the writer appends them to the WARC file and records, in
// the frontier transaction of its batch, the new end of the file, the URL's
// state and validators, the payload digest, a robots.txt entry (robots) and
// what the response leads to (a list page's links, a redirect's target),
// which are then queued. It reports false on an infrastructure failure (the
// run is stopped).
func (c *crawler) commitArchived(h *hostState, it *item, ex *exchange, robots *robotsEntry, links *ListLinks) bool {
	j := &job{kind: jobArchive, url: it.url, h: h, it: it, ex: ex, robots: robots, links: links}
	c.prebuild(j)
	if !c.w.wait(j) {
		return false
	}
	code := ex.resp.StatusCode
	c.mu.Lock()
	ss := c.siteStats(it.site)
	switch {
	case it.kind == "robots":
	case code == http.StatusNotModified:
		c.stats.NotModified++
	case j.dup:
		c.stats.Duplicates++
	}
	if code == http.StatusOK || code == http.StatusNotModified {
		switch it.kind {
		case kindList:
			c.stats.ListPages++
			ss.ListPages++
		case kindArticle:
			c.stats.Articles++
			ss.Articles++
		case kindAttachment:
			c.stats.Attachments++
		}
	}
	c.stats.Bytes += int64(len(ex.body))
	c.mu.Unlock()
	for _, p := range j.push {
		c.q.push(p)
	}
	return true
}

// prebuild builds and compresses an exchange's request and response records
// (encodeExchange: the bytes gowarc's builder would make, without it) as
// they will be unless the writer finds an earlier record to refer to (a
// 304 answer, a payload archived before) or the file rolled meanwhile; then
// the writer builds them again. Before the first file is open, the records
// are built but left for the writer to compress (they name the file's
// warcinfo record). A failure here is left to the writer too.
func (c *crawler) prebuild(j *job) {
	info := c.ar.currentInfo()
	if info == "" {
		req, resp, digest, err := c.buildRecords(j.ex, j.it.kind, j.it.parent, nil, nil)
		if err != nil {
			return
		}
		j.respID, j.digest = resp.RecordId(), digest
		j.recs = []gowarc.WarcRecord{req, resp}
		return
	}
	e := c.getEncoder()
	e.buf.Reset()
	respID, digest, err := e.encodeExchange(info, j.ex, j.it.kind, j.it.parent)
	if err != nil {
		c.putEncoder(e)
		return
	}
	j.respID, j.digest = respID, digest
	j.enc, j.infoID = e, info
}

// applyArchived is the writer's part of commitArchived: inside tx, it
// decides the response record (a revisit when the frontier knows an earlier
// record), appends the encoded records to buf, whose first byte will be at
// file offset base, and records the fetch.
func (c *crawler) applyArchived(tx *sql.Tx, j *job, buf *bytes.Buffer, base int64) error {
	it, ex := j.it, j.ex
	code := ex.resp.StatusCode
	var prev, dup *recordRef
	if code == http.StatusNotModified {
		var r recordRef
		err := tx.QueryRow(`SELECT url, fetched_at, record_id, payload_digest FROM urls WHERE url=? AND record_id!=''`, it.url).
			Scan(&r.url, &r.date, &r.id, &r.digest)
		if err == nil {
			prev = &r
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
	} else if code == http.StatusOK && len(ex.body) > 0 {
		d := j.digest
		if d == "" {
			d = payloadDigest(ex.body)
		}
		var r recordRef
		err := tx.QueryRow(`SELECT url, date, record_id FROM digests WHERE digest=?`, d).Scan(&r.url, &r.date, &r.id)
		if err == nil {
			r.digest = d
			dup = &r
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
	}
	info := c.ar.currentInfo()
	if prev != nil || dup != nil || j.enc == nil && j.recs == nil || j.enc != nil && j.infoID != info {
		j.release(c)
		req, resp, digest, err := c.buildRecords(ex, it.kind, it.parent, prev, dup)
		if err != nil {
			return fmt.Errorf("archive %s: %w", it.url, err)
		}
		j.recs, j.respID, j.digest = []gowarc.WarcRecord{req, resp}, resp.RecordId(), digest
	}
	if j.recs != nil {
		j.enc = c.getEncoder()
		j.enc.buf.Reset()
		err := j.enc.encode(info, j.recs...)
		j.recs = nil
		if err != nil {
			return err
		}
	}
	off := base + int64(buf.Len())
	buf.Write(j.enc.buf.Bytes())
	end := base + int64(buf.Len())
	j.release(c)
	j.dup = dup != nil
	respID, digest, file := j.respID, j.digest, c.ar.name
	date := ex.start.UTC().Format("2006-01-02T15:04:05Z")

	if r := j.robots; r != nil {
		if _, err := tx.Exec(`INSERT OR REPLACE INTO robots(host, status, body, fetched_at) VALUES(?,?,?,?)`,
			j.h.name, r.status, r.body, r.fetched.UTC().Format(timeFormat)); err != nil {
			return err
		}
	}
	if it.kind == "robots" {
		return nil
	}
	revisited := prev != nil || dup != nil
	etag, lm := ex.resp.Header.Get("ETag"), ex.resp.Header.Get("Last-Modified")
	if code == http.StatusNotModified {
		if etag == "" {
			etag = it.etag
		}
		if lm == "" {
			lm = it.lastModified
		}
	}
	q := `UPDATE urls SET state=?, status=?, etag=?, last_modified=?, fetched_gen=?, warc_file=?, warc_offset=?, warc_end=?,
			attempts=attempts+?, error=''`
	args := []any{stateDone, code, etag, lm, c.gen, file, off, end, it.attempts}
	if !revisited {
		q += `, payload_digest=?, record_id=?, fetched_at=?`
		args = append(args, digest, respID, date)
	}
	q += ` WHERE url=?`
	args = append(args, it.url)
	if _, err := tx.Exec(q, args...); err != nil {
		return err
	}
	if !revisited && code == http.StatusOK && digest != "" {
		if _, err := tx.Exec(`INSERT OR IGNORE INTO digests(digest, url, date, record_id) VALUES(?,?,?,?)`, digest, it.url, date, respID); err != nil {
			return err
		}
	}
	note := func(u, host, kind, detail string) { j.notes = append(j.notes, noted{u, host, kind, detail}) }
	h, links := j.h, j.links
	switch {
	case code >= 300 && code < 400 && code != http.StatusNotModified:
		items, err := c.redirect(tx, h, it, ex.resp.Header.Get("Location"), note)
		if err != nil {
			return err
		}
		j.push = items
	case it.kind == kindList && (code == http.StatusOK || code == http.StatusNotModified):
		items, err := c.discover(tx, h, it, links, revisited, note)
		if err != nil {
			return err
		}
		j.push = items
	case it.kind == kindArticle && links != nil:
		base, _ := url.Parse(it.url)
		for _, a := range links.Attachments {
			canon, u, ok := resolve(base, a)
			if !ok || canon == it.url {
				continue
			}
			ni, _, err := c.enqueue(tx, u, canon, it.site, kindAttachment, "", 0, 0, "", it.url)
			if err != nil {
				return err
			}
			if ni != nil {
				ni.parent = it.url // written into its WARC record
				j.push = append(j.push, ni)
			}
		}
	}
	now := c.cfg.Clock()
	for _, n := range j.notes {
		if err := insertFault(tx, c.gen, n.u, n.host, n.kind, n.detail, now); err != nil {
			return err
		}
	}
	return nil
}
