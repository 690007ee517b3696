package crawl

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"net/url"

	"github.com/nlnwa/gowarc/v3"

	garchive "github.com/govfig/govfig/archive"
)

// commitState records a URL's new state without archiving anything.
func (c *crawler) commitState(ctx context.Context, it *item, state, detail string) {
	_, err := c.fr.db.ExecContext(context.WithoutCancel(ctx), `UPDATE urls SET state=?, error=?, fetched_gen=? WHERE url=?`,
		state, detail, c.gen, it.url)
	if err != nil {
		c.fatal(fmt.Errorf("frontier: %w", err))
	}
}

func (c *crawler) commitFailed(ctx context.Context, it *item, detail string, attempts int) {
	_, err := c.fr.db.ExecContext(context.WithoutCancel(ctx), `UPDATE urls SET state=?, error=?, attempts=attempts+?, fetched_gen=? WHERE url=?`,
		stateFailed, detail, attempts, c.gen, it.url)
	if err != nil {
		c.fatal(fmt.Errorf("frontier: %w", err))
	}
}

// buildRecords makes the request record and the response (or revisit)
// record of an exchange. prev is the URL's last archived response, used for
// 304 answers; dup is an earlier record with the same payload. The response
// of a list URL (kind) says so in its PageTypeField, for extract.
func (c *crawler) buildRecords(ex *exchange, kind, parent string, prev, dup *recordRef) (req, resp gowarc.WarcRecord, digest string, err error) {
	date := ex.start
	rb := gowarc.NewRecordBuilder(gowarc.Request, recordOptions()...)
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
		sb = gowarc.NewRecordBuilder(gowarc.Revisit, recordOptions()...)
		sb.AddWarcHeader(gowarc.WarcProfile, gowarc.ProfileServerNotModifiedV1_1)
		prev.refer(sb)
		sb.Write(ex.respHead)
	case dup != nil:
		sb = gowarc.NewRecordBuilder(gowarc.Revisit, recordOptions()...)
		sb.AddWarcHeader(gowarc.WarcProfile, gowarc.ProfileIdenticalPayloadDigestV1_1)
		sb.AddWarcHeader(gowarc.WarcPayloadDigest, dup.digest)
		dup.refer(sb)
		sb.Write(ex.respHead)
		digest = dup.digest
	default:
		sb = gowarc.NewRecordBuilder(gowarc.Response, recordOptions()...)
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

// commitArchived appends an exchange to the archive and, in one frontier
// transaction, records the new end of the WARC file, the URL's state and
// validators, the payload digest, a robots.txt entry (robots) and what the
// response leads to (a list page's links, a redirect's target). It reports
// false on an infrastructure failure (the run is stopped).
func (c *crawler) commitArchived(ctx context.Context, h *hostState, it *item, ex *exchange, robots *robotsEntry, links *ListLinks) bool {
	bg := context.WithoutCancel(ctx)
	c.arMu.Lock()
	defer c.arMu.Unlock()

	code := ex.resp.StatusCode
	var prev, dup *recordRef
	if code == http.StatusNotModified {
		var r recordRef
		err := c.fr.db.QueryRow(`SELECT url, fetched_at, record_id, payload_digest FROM urls WHERE url=? AND record_id!=''`, it.url).
			Scan(&r.url, &r.date, &r.id, &r.digest)
		if err == nil {
			prev = &r
		}
	} else if code == http.StatusOK && len(ex.body) > 0 {
		d := payloadDigest(ex.body)
		u, date, id, ok, err := c.fr.lookupDigest(d)
		if err != nil {
			c.fatal(fmt.Errorf("frontier: %w", err))
			return false
		}
		if ok {
			dup = &recordRef{url: u, date: date, id: id, digest: d}
		}
	}
	req, resp, digest, err := c.buildRecords(ex, it.kind, it.parent, prev, dup)
	if err != nil {
		c.fatal(fmt.Errorf("archive %s: %w", it.url, err))
		return false
	}
	respID := resp.RecordId()
	date := ex.start.UTC().Format("2006-01-02T15:04:05Z")
	file, off, end, err := c.ar.append(bg, req, resp)
	if err != nil {
		c.fatal(err)
		return false
	}

	revisited := prev != nil || dup != nil
	var push []*item
	type noted struct{ u, host, kind, detail string }
	var notes []noted
	note := func(u, host, kind, detail string) { notes = append(notes, noted{u, host, kind, detail}) }
	err = c.fr.tx(bg, func(tx *sql.Tx) error {
		if _, err := tx.Exec(`UPDATE warc_files SET committed=? WHERE name=?`, end, file); err != nil {
			return err
		}
		if robots != nil {
			if _, err := tx.Exec(`INSERT OR REPLACE INTO robots(host, status, body, fetched_at) VALUES(?,?,?,?)`,
				h.name, robots.status, robots.body, robots.fetched.UTC().Format(timeFormat)); err != nil {
				return err
			}
		}
		if it.kind == "robots" {
			return nil
		}
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
		switch {
		case code >= 300 && code < 400 && code != http.StatusNotModified:
			items, err := c.redirect(tx, h, it, ex.resp.Header.Get("Location"), note)
			if err != nil {
				return err
			}
			push = items
		case it.kind == kindList && (code == http.StatusOK || code == http.StatusNotModified):
			items, err := c.discover(tx, h, it, links, revisited, note)
			if err != nil {
				return err
			}
			push = items
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
					push = append(push, ni)
				}
			}
		}
		return nil
	})
	if err != nil {
		c.fatal(fmt.Errorf("commit %s: %w", it.url, err))
		return false
	}
	for _, n := range notes {
		c.fault(n.u, n.host, n.kind, n.detail)
	}
	c.mu.Lock()
	ss := c.siteStats(it.site)
	switch {
	case it.kind == "robots":
	case code == http.StatusNotModified:
		c.stats.NotModified++
	case dup != nil:
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
	for _, p := range push {
		c.q.push(p)
	}
	return true
}
