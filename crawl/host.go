package crawl

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/temoto/robotstxt"
)

// hostState is what a host's worker knows about its host.
type hostState struct {
	name   string // host[:port], as in canonical URLs
	scheme string
	delay  time.Duration
	next   time.Time // earliest start of the next request
	last   time.Time // end of the last request
	robots *robotstxt.RobotsData
	fails  int // consecutive URLs given up on
	pauses int
	closed bool
}

// gap is the pause after a request: the delay plus up to Jitter of it.
func (c *crawler) gap(h *hostState) time.Duration {
	d := h.delay
	if d > 0 && c.cfg.Jitter > 0 {
		d += time.Duration(rand.Float64() * c.cfg.Jitter * float64(d))
	}
	return d
}

// pace waits until the host may be asked again.
func (c *crawler) pace(ctx context.Context, h *hostState) error {
	d := time.Until(h.next)
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// runHost is the worker of one host: one request at a time, paced.
func (c *crawler) runHost(ctx context.Context, h *hostState) {
	for {
		it := c.q.next(ctx, h.name)
		if it == nil {
			return
		}
		if h.robots == nil && !c.loadRobots(ctx, h) {
			c.q.finish()
			if ctx.Err() == nil {
				c.closeHost(h, "robots.txt unavailable")
			}
			return
		}
		c.process(ctx, h, it)
		c.q.finish()
		if h.closed {
			return
		}
	}
}

// closeHost leaves the host's remaining URLs for the next run.
func (c *crawler) closeHost(h *hostState, why string) {
	h.closed = true
	n := c.q.close(h.name)
	c.fault(h.scheme+"://"+h.name+"/", h.name, FaultHostAbandoned, fmt.Sprintf("%s; %d queued URL(s) left for the next run", why, n))
}

// hostFailed counts a URL given up on; a host that keeps failing rests for
// HostPause, and after a second streak is left for the next run.
func (c *crawler) hostFailed(h *hostState, u string) {
	h.fails++
	if h.fails < c.cfg.HostFailLimit {
		return
	}
	h.fails = 0
	h.pauses++
	if h.pauses > 1 {
		c.closeHost(h, fmt.Sprintf("%d URLs in a row failed again after a pause", c.cfg.HostFailLimit))
		return
	}
	if n := time.Now().Add(c.cfg.HostPause); n.After(h.next) {
		h.next = n
	}
	c.fault(u, h.name, FaultHostPaused, fmt.Sprintf("%d URLs in a row failed; pausing %s", c.cfg.HostFailLimit, c.cfg.HostPause))
}

// fetchRetrying fetches with retries on transient failures. It returns nil
// only when ctx was cancelled.
func (c *crawler) fetchRetrying(ctx context.Context, h *hostState, it *item, conditional bool) (*exchange, int) {
	for attempt := 0; ; attempt++ {
		if err := c.pace(ctx, h); err != nil {
			return nil, attempt
		}
		select {
		case c.sem <- struct{}{}:
		case <-ctx.Done():
			return nil, attempt
		}
		ex := fetch(ctx, c.client, &c.cfg, it, conditional)
		<-c.sem
		h.last = time.Now()
		h.next = h.last.Add(c.gap(h))
		for range ex.resent {
			h.next = h.next.Add(c.gap(h)) // a pause for each request net/http sent again
		}
		c.mu.Lock()
		c.stats.Requests += 1 + ex.resent
		c.stats.Resent += ex.resent
		c.mu.Unlock()
		if ex.resent > 0 {
			c.fault(it.url, h.name, FaultResent, fmt.Sprintf("attempt %d: net/http sent the request %d more time(s) on a new connection after a kept-alive one closed without an answer", attempt+1, ex.resent))
		}
		if ctx.Err() != nil {
			return nil, attempt + 1
		}
		retry, why := ex.transient()
		if !retry {
			return ex, attempt + 1
		}
		ra := retryAfter(ex.resp, time.Now())
		if ra > c.cfg.MaxRetryAfter {
			c.fault(it.url, h.name, FaultRetryAfter, fmt.Sprintf("%s with Retry-After %s (more than %s); giving up", why, ra, c.cfg.MaxRetryAfter))
			return ex, attempt + 1
		}
		if attempt >= c.cfg.MaxRetries {
			return ex, attempt + 1
		}
		wait := c.cfg.RetryBase << attempt
		if ra > wait {
			wait = ra
		}
		detail := why
		if ex.err != nil {
			detail += ": " + ex.err.Error()
		}
		c.fault(it.url, h.name, FaultRetry, fmt.Sprintf("attempt %d: %s; retrying in %s", attempt+1, detail, wait.Round(time.Millisecond)))
		if n := time.Now().Add(wait); n.After(h.next) {
			h.next = n
		}
	}
}

// loadRobots gets the host's robots.txt from the frontier cache (a day) or
// the host, and sets the host's delay from its Crawl-delay.
func (c *crawler) loadRobots(ctx context.Context, h *hostState) bool {
	robotsURL := h.scheme + "://" + h.name + "/robots.txt"
	e, err := c.fr.robots(h.name)
	if err != nil {
		c.fatal(err)
		return false
	}
	if e == nil || c.cfg.Clock().Sub(e.fetched) > 24*time.Hour {
		e = c.fetchRobots(ctx, h, robotsURL)
		if e == nil {
			return false
		}
	}
	data, err := robotstxt.FromStatusAndBytes(e.status, e.body)
	if err != nil {
		// An unparsable file restricts nothing (RFC 9309 §2.2).
		c.fault(robotsURL, h.name, FaultRobots, "unparsable robots.txt, treated as allowing all: "+err.Error())
		data, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
	}
	h.robots = data
	if g := data.FindGroup(UserAgentToken); g != nil && g.CrawlDelay > 0 {
		cd := g.CrawlDelay
		if cd > c.cfg.MaxCrawlDelay {
			cd = c.cfg.MaxCrawlDelay
		}
		if cd > h.delay {
			h.delay = cd
			if n := h.last.Add(c.gap(h)); n.After(h.next) {
				h.next = n
			}
		}
	}
	return true
}

// fetchRobots fetches robots.txt (following up to five redirects on the same
// host), archives it and caches it in the frontier. nil means the host is
// unreachable or ctx was cancelled.
func (c *crawler) fetchRobots(ctx context.Context, h *hostState, robotsURL string) *robotsEntry {
	it := &item{url: robotsURL, host: h.name, site: c.scope[h.name], kind: "robots"}
	for hop := 0; ; hop++ {
		ex, _ := c.fetchRetrying(ctx, h, it, false)
		if ex == nil {
			return nil
		}
		if retry, why := ex.transient(); retry || ex.err != nil {
			if why == "" {
				why = ex.err.Error()
			}
			c.fault(robotsURL, h.name, FaultRobots, "robots.txt unreachable ("+why+"): host not crawled this run")
			return nil
		}
		code := ex.resp.StatusCode
		if code >= 300 && code < 400 && hop < 5 {
			base, _ := url.Parse(it.url)
			if target, tu, ok := resolve(base, ex.resp.Header.Get("Location")); ok && tu.Host == h.name {
				c.commitArchived(h, it, ex, nil, nil)
				it = &item{url: target, host: h.name, site: it.site, kind: "robots"}
				continue
			}
		}
		body, err := decodeBody(ex.body, ex.resp.Header.Get("Content-Encoding"), c.cfg.MaxBodySize)
		if err != nil {
			body = nil // an undecodable robots.txt allows all, like an empty one
		}
		e := &robotsEntry{status: code, body: body, fetched: c.cfg.Clock()}
		if code >= 300 && code < 400 {
			e.status = http.StatusNotFound // too many redirects: treat as unavailable (allow)
		}
		if !c.commitArchived(h, it, ex, e, nil) {
			return nil
		}
		return e
	}
}

// process fetches one URL and commits what came of it.
func (c *crawler) process(ctx context.Context, h *hostState, it *item) {
	u, err := url.Parse(it.url)
	if err != nil {
		c.commitState(it, stateFailed, "bad URL: "+err.Error())
		return
	}
	if !h.robots.TestAgent(u.RequestURI(), UserAgentToken) {
		c.mu.Lock()
		c.stats.Disallowed++
		c.mu.Unlock()
		c.commitState(it, stateDisallowed, "disallowed by robots.txt")
		return
	}
	conditional := it.etag != "" || it.lastModified != ""
	ex, attempts := c.fetchRetrying(ctx, h, it, conditional)
	if ex == nil {
		return // cancelled: stays pending
	}
	if retry, why := ex.transient(); retry || ex.err != nil {
		kind := FaultHTTP
		switch {
		case errors.Is(ex.err, errTooLarge):
			kind = FaultTooLarge
		case why == "timeout":
			kind = FaultTimeout
		case ex.err != nil:
			kind = FaultNetwork
		}
		detail := why
		if ex.err != nil {
			detail = ex.err.Error()
		}
		detail = fmt.Sprintf("%s (after %d attempt(s))", detail, attempts)
		c.fault(it.url, h.name, kind, detail)
		c.mu.Lock()
		c.stats.Failed++
		c.siteStats(it.site).Errors++
		c.mu.Unlock()
		c.commitFailed(it, detail, attempts)
		if kind != FaultTooLarge {
			c.hostFailed(h, it.url)
		}
		return
	}
	h.fails = 0
	var links *ListLinks
	code := ex.resp.StatusCode
	if it.kind == kindList && code == http.StatusOK {
		body, err := decodeBody(ex.body, ex.resp.Header.Get("Content-Encoding"), c.cfg.MaxBodySize)
		if err == nil {
			links, err = c.cfg.ReadList(body, it.url, ex.resp.Header.Get("Content-Type"))
		}
		if err != nil {
			// An empty list still has its next pages walked.
			c.fault(it.url, h.name, FaultList, "read list page: "+err.Error())
		}
	}
	if it.kind == kindArticle && code == http.StatusOK {
		// An article's attachments (附件) are fetched once each, after it.
		body, err := decodeBody(ex.body, ex.resp.Header.Get("Content-Encoding"), c.cfg.MaxBodySize)
		if err == nil {
			var atts []string
			if atts, err = c.cfg.ReadArticle(body, it.url, ex.resp.Header.Get("Content-Type")); err == nil && len(atts) > 0 {
				links = &ListLinks{Attachments: atts}
			}
		}
	}
	if code >= 400 {
		c.fault(it.url, h.name, FaultHTTP, fmt.Sprintf("http %d", code))
		c.mu.Lock()
		c.siteStats(it.site).Errors++
		c.mu.Unlock()
	}
	it.attempts = attempts
	c.commitArchived(h, it, ex, nil, links)
}

// enqueue adds a URL to the frontier inside tx and returns the item to push
// when it is now pending (new, or due again in this generation). isNew says
// whether it was unknown or due again, for the walk's stale count.
func (c *crawler) enqueue(tx *sql.Tx, u *url.URL, canon, site, kind, listDate string, stale, hops int, chain, parent string) (*item, bool, error) {
	host := u.Host
	if kind == kindArticle && isAttachment(u) {
		kind = kindAttachment
	}
	_, inScope := c.scope[host]
	allowed := parent == "" || c.allowedPath(site, u.Path)
	if kind == kindAttachment {
		// An attachment of the site is fetched wherever on the site it
		// lives (/uploadfiles/ outside the path prefixes) and on its file
		// host (file.…); elsewhere it is recorded, not fetched.
		_, onFiles := c.files[host]
		inScope, allowed = inScope || onFiles && c.files[host] == site, true
	}
	if !inScope || !allowed {
		res, err := tx.Exec(`INSERT OR IGNORE INTO urls(url, host, site, kind, state, gen, seq, parent) VALUES(?,?,?,?,?,?,?,?)`,
			canon, host, site, kind, stateOffSite, c.gen, c.nextSeq(), parent)
		if err != nil {
			return nil, false, fmt.Errorf("frontier: %w", err)
		}
		if n, _ := res.RowsAffected(); n > 0 {
			c.mu.Lock()
			c.stats.OffSite++
			c.mu.Unlock()
		}
		return nil, false, nil
	}
	state := statePending
	if kind != kindList && listDate != "" && !c.cfg.Since.IsZero() && listDate < c.cfg.Since.Format("2006-01-02") {
		state = stateOld
	}
	it := &item{url: canon, host: host, site: site, kind: kind, stale: stale, hops: hops, chain: chain, listDate: listDate}
	var (
		oldState, oldKind, etag, lm string
		oldGen                      int
	)
	err := tx.QueryRow(`SELECT state, gen, kind, etag, last_modified FROM urls WHERE url=?`, canon).Scan(&oldState, &oldGen, &oldKind, &etag, &lm)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_, err := tx.Exec(`INSERT INTO urls(url, host, site, kind, state, gen, seq, stale, hops, chain, list_date, parent)
			VALUES(?,?,?,?,?,?,?,?,?,?,?,?)`, canon, host, site, kind, state, c.gen, c.nextSeq(), stale, hops, chain, listDate, parent)
		if err != nil {
			return nil, false, fmt.Errorf("frontier: %w", err)
		}
		if state == stateOld {
			c.mu.Lock()
			c.stats.Old++
			c.mu.Unlock()
			return nil, false, nil
		}
		return it, true, nil
	case err != nil:
		return nil, false, fmt.Errorf("frontier: %w", err)
	}
	if oldState == statePending || oldGen >= c.gen || state == stateOld {
		return nil, false, nil
	}
	due := oldKind == kindList || oldState == stateFailed || oldState == stateDisallowed || oldState == stateOld
	if !due {
		return nil, false, nil
	}
	_, err = tx.Exec(`UPDATE urls SET state=?, gen=?, seq=?, stale=?, hops=?, chain=?, list_date=? WHERE url=?`,
		statePending, c.gen, c.nextSeq(), stale, hops, chain, listDate, canon)
	if err != nil {
		return nil, false, fmt.Errorf("frontier: %w", err)
	}
	it.kind, it.etag, it.lastModified = oldKind, etag, lm
	return it, oldKind != kindList || oldState != stateDone, nil
}

// allowedPath reports whether path lies under one of site's path prefixes
// (every path, when the site names none). A link outside them is recorded
// like an off-site one and never fetched.
func (c *crawler) allowedPath(site, path string) bool {
	ps := c.prefixes[site]
	if len(ps) == 0 {
		return true
	}
	if path == "" {
		path = "/"
	}
	for _, p := range ps {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

func (c *crawler) nextSeq() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seq++
	return c.seq
}

// discover enqueues what a list page links to: its articles, then — unless
// the walk should end here — the first further list page not yet seen.
func (c *crawler) discover(tx *sql.Tx, h *hostState, it *item, links *ListLinks, revisited bool, note noteFunc) ([]*item, error) {
	base, _ := url.Parse(it.url)
	var out []*item
	newArticles, dated, old := 0, 0, 0
	since := ""
	if !c.cfg.Since.IsZero() {
		since = c.cfg.Since.Format("2006-01-02")
	}
	if links != nil {
		for _, a := range links.Articles {
			canon, u, ok := resolve(base, a.URL)
			if !ok {
				continue
			}
			if a.Date != "" {
				dated++
				if since != "" && a.Date < since {
					old++
				}
			}
			ni, isNew, err := c.enqueue(tx, u, canon, it.site, kindArticle, a.Date, 0, 0, "", it.url)
			if err != nil {
				return nil, err
			}
			if ni != nil {
				out = append(out, ni)
			}
			if isNew {
				newArticles++
			}
		}
	}
	if links == nil || len(links.Next) == 0 {
		return out, nil
	}
	stale := 0
	if newArticles == 0 {
		stale = it.stale + 1
	}
	switch {
	case revisited && newArticles == 0:
		return out, nil // an unchanged list: the rest was seen before
	case since != "" && dated > 0 && old == dated:
		return out, nil // everything further is older still
	case stale >= c.cfg.TrapPages:
		note(it.url, h.name, FaultTrap, fmt.Sprintf("%d list pages in a row without a new article; walk ended", stale))
		return out, nil
	}
	for _, n := range links.Next {
		canon, u, ok := resolve(base, n)
		if !ok || canon == it.url {
			continue
		}
		if _, in := c.scope[u.Host]; !in {
			continue
		}
		c.mu.Lock()
		full := c.cfg.MaxPages > 0 && c.listCount[it.site] >= c.cfg.MaxPages
		c.mu.Unlock()
		if full {
			if c.firstTime(it.site + "|" + FaultMaxPages) {
				note(canon, u.Host, FaultMaxPages, fmt.Sprintf("site %s reached %d list pages; the next run continues here", it.site, c.cfg.MaxPages))
			}
			_, err := tx.Exec(`INSERT OR IGNORE INTO urls(url, host, site, kind, state, gen, seq, parent) VALUES(?,?,?,?,?,?,?,?)`,
				canon, u.Host, it.site, kindList, stateDeferred, c.gen, c.nextSeq(), it.url)
			return out, err
		}
		ni, _, err := c.enqueue(tx, u, canon, it.site, kindList, "", stale, 0, "", it.url)
		if err != nil {
			return nil, err
		}
		if ni != nil {
			c.mu.Lock()
			c.listCount[it.site]++
			c.mu.Unlock()
			out = append(out, ni)
			break
		}
	}
	return out, nil
}

// redirect enqueues the target of a redirect response, within scope and
// without loops.
func (c *crawler) redirect(tx *sql.Tx, h *hostState, it *item, loc string, note noteFunc) ([]*item, error) {
	base, _ := url.Parse(it.url)
	canon, u, ok := resolve(base, loc)
	if !ok {
		note(it.url, h.name, FaultHTTP, fmt.Sprintf("redirect to unusable location %q", loc))
		return nil, nil
	}
	chain := it.chain
	if chain != "" {
		chain += "\n"
	}
	chain += it.url
	switch {
	case canon == it.url || strings.Contains("\n"+chain+"\n", "\n"+canon+"\n"):
		note(it.url, h.name, FaultRedirectLoop, "redirect loop back to "+canon)
		return nil, nil
	case it.hops+1 > c.cfg.MaxRedirects:
		note(it.url, h.name, FaultRedirectLoop, fmt.Sprintf("more than %d redirects", c.cfg.MaxRedirects))
		return nil, nil
	}
	// An attachment may be sent on to its site's file host
	// (/download.jsp?id=7 → file.…/upload/x.xlsx).
	_, in := c.scope[u.Host]
	if !in && !(it.kind == kindAttachment && c.files[u.Host] == it.site) {
		note(it.url, h.name, FaultOffSiteRedir, "redirect leaves the sites: "+canon+" (not followed)")
		return nil, nil
	}
	c.mu.Lock()
	c.stats.Redirects++
	c.mu.Unlock()
	ni, _, err := c.enqueue(tx, u, canon, it.site, it.kind, it.listDate, it.stale, it.hops+1, chain, it.url)
	if err != nil || ni == nil {
		return nil, err
	}
	ni.parent = it.parent // an attachment keeps its article
	return []*item{ni}, nil
}

// noteFunc records a fault found inside a frontier transaction; the faults
// are written after the commit.
type noteFunc func(u, host, kind, detail string)
