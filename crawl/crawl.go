package crawl

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/govfig/govfig/extract/page"
)

// crawler is one Run.
type crawler struct {
	cfg      Config
	fr       *frontier
	ar       *archive
	client   *http.Client
	gen      int
	scope    map[string]string   // host → name of the site it was first given for
	files    map[string]string   // a site's file host (file.example.gov.cn) → site: attachments only
	prefixes map[string][]string // site → allowed path prefixes (none: the whole host)
	q        *queue

	mu        sync.Mutex // guards the fields below
	stats     Stats
	seq       int64
	listCount map[string]int
	noted     map[string]bool // "site|kind" faults logged once
	err       error
	cancel    context.CancelFunc

	w    *writer       // appends to the archive and writes the frontier while hosts are crawled
	encs chan *encoder // spare encoders
	sem  chan struct{}
}

// Run crawls cfg.Sites into cfg.ArchiveDir and returns what it did. It
// returns an error only for infrastructure failures (archive or frontier
// unusable, bad Config); faults of single URLs and hosts are recorded in the
// frontier and counted in Stats. When ctx is cancelled it stops promptly,
// leaving the archive consistent; running again continues.
func Run(ctx context.Context, cfg Config) (Stats, error) {
	cfg.defaults()
	if cfg.ArchiveDir == "" {
		return Stats{}, errors.New("crawl: no archive dir")
	}
	if len(cfg.Sites) == 0 {
		return Stats{}, errors.New("crawl: no sites")
	}
	if cfg.ReadList == nil {
		cfg.ReadList = readListPage
	}
	if cfg.ReadArticle == nil {
		cfg.ReadArticle = readArticleAttachments
	}
	if err := os.MkdirAll(cfg.ArchiveDir, 0o755); err != nil {
		return Stats{}, fmt.Errorf("crawl: %w", err)
	}
	unlock, err := lockArchive(cfg.ArchiveDir)
	if err != nil {
		return Stats{}, err
	}
	defer unlock()
	c := &crawler{
		cfg:       cfg,
		scope:     map[string]string{},
		files:     map[string]string{},
		prefixes:  map[string][]string{},
		listCount: map[string]int{},
		noted:     map[string]bool{},
		sem:       make(chan struct{}, cfg.Parallel),
	}
	c.stats.Faults = map[string]int{}
	c.stats.Sites = map[string]*SiteStats{}
	c.client = &http.Client{
		Transport:     newTransport(&c.cfg),
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	if t, ok := c.client.Transport.(*http.Transport); ok && cfg.Client == nil {
		defer t.CloseIdleConnections()
	}
	if c.fr, err = openFrontier(cfg.ArchiveDir); err != nil {
		return Stats{}, err
	}
	defer c.fr.Close()
	info := map[string]string{
		"software":               "govfig/" + Version + " (crawl)",
		"format":                 "WARC File Format 1.1",
		"conformsTo":             "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
		"robots":                 "obey",
		"http-header-user-agent": cfg.UserAgent,
		"description":            "district government list pages and articles",
	}
	if c.ar, err = openArchive(cfg.ArchiveDir, cfg.MaxFileSize, c.fr, cfg.Clock, info); err != nil {
		return Stats{}, err
	}
	defer c.ar.closeFile()
	bg := context.WithoutCancel(ctx)
	if _, err := c.ar.recover(bg); err != nil {
		return Stats{}, err
	}
	if c.gen, c.stats.Resumed, err = c.fr.startGeneration(cfg.Clock()); err != nil {
		return Stats{}, err
	}
	c.stats.Generation = c.gen
	if c.seq, err = c.fr.maxSeq(); err != nil {
		return Stats{}, fmt.Errorf("frontier: %w", err)
	}
	if c.listCount, err = c.fr.listCounts(c.gen); err != nil {
		return Stats{}, err
	}

	// Scope: the hosts of the seeds, each with the first scheme seen.
	schemes := map[string]string{}
	var hosts []string
	for _, s := range cfg.Sites {
		c.stats.Sites[s.Name] = &SiteStats{}
		if len(s.Prefixes) > 0 {
			c.prefixes[s.Name] = s.Prefixes
		}
		for _, raw := range s.Seeds {
			u, err := url.Parse(raw)
			if err != nil {
				return Stats{}, fmt.Errorf("crawl: seed %q: %w", raw, err)
			}
			if _, ok := c.scope[u.Host]; !ok {
				c.scope[u.Host] = s.Name
				schemes[u.Host] = u.Scheme
				hosts = append(hosts, u.Host)
			}
		}
	}
	// The file host of each site (file.tjxq.gov.cn beside www.tjxq.gov.cn)
	// serves its attachments: it is crawled, politely, for those only.
	for _, h := range append([]string(nil), hosts...) {
		fh := fileHost(h)
		if _, in := c.scope[fh]; in || fh == "" {
			continue
		}
		if _, dup := c.files[fh]; !dup {
			c.files[fh] = c.scope[h]
			schemes[fh] = schemes[h]
			hosts = append(hosts, fh)
		}
	}
	c.q = newQueue(hosts)

	pending, err := c.fr.pending()
	if err != nil {
		return Stats{}, err
	}
	for _, it := range pending {
		c.q.push(it)
	}
	var seeds []*item
	if err := c.fr.tx(bg, func(tx *sql.Tx) error {
		for _, s := range cfg.Sites {
			for _, seed := range s.Seeds {
				u, _ := url.Parse(seed)
				it, _, err := c.enqueue(tx, u, seed, s.Name, kindList, "", 0, 0, "", "")
				if err != nil {
					return err
				}
				if it != nil {
					seeds = append(seeds, it)
					c.listCount[s.Name]++
				}
			}
		}
		return nil
	}); err != nil {
		return Stats{}, err
	}
	for _, it := range seeds {
		c.q.push(it)
	}
	c.q.start()

	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	c.cancel = cancel
	stopProgress := c.progress(runCtx)
	c.startWriter()
	var wg sync.WaitGroup
	for _, h := range hosts {
		hs := &hostState{name: h, scheme: schemes[h], delay: cfg.Delay}
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.runHost(runCtx, hs)
		}()
	}
	wg.Wait()
	c.w.stop()
	stopProgress()

	c.mu.Lock()
	runErr := c.err
	c.mu.Unlock()
	if runErr != nil {
		return c.snapshot(), runErr
	}
	n, err := c.fr.countPending()
	if err != nil {
		return c.snapshot(), fmt.Errorf("frontier: %w", err)
	}
	c.mu.Lock()
	c.stats.Pending = n
	c.mu.Unlock()
	// A run that was not interrupted finishes its generation even when
	// hosts were left: their pending URLs carry over into the next one, so
	// one dead site cannot keep the others from being crawled again.
	if ctx.Err() == nil {
		if err := c.fr.finishGeneration(c.gen, cfg.Clock()); err != nil {
			return c.snapshot(), fmt.Errorf("frontier: %w", err)
		}
	}
	if err := c.ar.closeFile(); err != nil {
		return c.snapshot(), err
	}
	return c.snapshot(), ctx.Err()
}

// readListPage is the default Config.ReadList: extract/page. A URL of the
// sites file (or one of its next pages) is a list page by the user's word:
// it is read as a list whatever the page-type decision says (a column page
// with three entries and an introduction reads as an article), and a list
// without entries is an error, recorded as a fault; its next pages are
// still returned.
func readListPage(body []byte, u, contentType string) (*ListLinks, error) {
	lp, err := page.ReadList(body, u, contentType)
	if err != nil {
		return nil, err
	}
	l := &ListLinks{Next: lp.Next}
	for _, a := range lp.Articles {
		l.Articles = append(l.Articles, ListArticle{URL: a.URL, Title: a.Title, Date: a.Date})
	}
	if len(l.Articles) == 0 {
		return l, errors.New("no list entries found (no block of dated article links)")
	}
	return l, nil
}

// readArticleAttachments is the default Config.ReadArticle: the
// attachments extract/page finds in an article's body area.
func readArticleAttachments(body []byte, u, contentType string) ([]string, error) {
	if !page.MayLinkAttachment(body) {
		return nil, nil // most articles link none: no need to parse them
	}
	doc, err := page.Read(body, u, contentType)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, a := range doc.Attachments {
		out = append(out, a.URL)
	}
	return out, nil
}

// fileHost is the file host of a site's host: file. before the host
// without its www. (www.tjxq.gov.cn → file.tjxq.gov.cn); "" for an IP
// address or a one-label host.
func fileHost(host string) string {
	name, port := host, ""
	if i := strings.LastIndex(host, ":"); i > 0 && !strings.Contains(host[i:], "]") {
		name, port = host[:i], host[i:]
	}
	if net.ParseIP(strings.Trim(name, "[]")) != nil || !strings.Contains(name, ".") || strings.HasPrefix(name, "file.") {
		return ""
	}
	return "file." + strings.TrimPrefix(name, "www.") + port
}

func (c *crawler) snapshot() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.stats
	s.Faults = map[string]int{}
	for k, v := range c.stats.Faults {
		s.Faults[k] = v
	}
	s.Sites = map[string]*SiteStats{}
	for k, v := range c.stats.Sites {
		cp := *v
		s.Sites[k] = &cp
	}
	return s
}

// fatal stops the run with an infrastructure error.
func (c *crawler) fatal(err error) {
	c.mu.Lock()
	if c.err == nil {
		c.err = err
	}
	c.mu.Unlock()
	c.cancel()
}

// fault records a fault in the frontier (with the writer's next batch), the
// stats and the log.
func (c *crawler) fault(u, host, kind, detail string) {
	c.noteFault(u, kind, detail)
	c.w.submit(&job{kind: jobFault, url: u, host: host, fault: kind, detail: detail, at: c.cfg.Clock()})
}

// noteFault counts and logs a fault.
func (c *crawler) noteFault(u, kind, detail string) {
	c.mu.Lock()
	c.stats.Faults[kind]++
	c.mu.Unlock()
	if c.cfg.Log != nil {
		fmt.Fprintf(c.cfg.Log, "crawl: %s %s: %s\n", kind, u, detail)
	}
}

// firstTime reports whether key is seen for the first time in this run.
func (c *crawler) firstTime(key string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	seen := c.noted[key]
	c.noted[key] = true
	return !seen
}

func (c *crawler) siteStats(name string) *SiteStats {
	s := c.stats.Sites[name]
	if s == nil {
		s = &SiteStats{}
		c.stats.Sites[name] = s
	}
	return s
}

// progress prints a status line every ProgressEvery until stopped.
func (c *crawler) progress(ctx context.Context) func() {
	if c.cfg.Progress == nil {
		return func() {}
	}
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(c.cfg.ProgressEvery)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				c.printProgress(c.cfg.Progress, "\r")
			case <-done:
				c.printProgress(c.cfg.Progress, "\r")
				fmt.Fprintln(c.cfg.Progress)
				return
			case <-ctx.Done():
				return
			}
		}
	}()
	return func() { close(done); <-stopped }
}

func (c *crawler) printProgress(w io.Writer, prefix string) {
	s := c.snapshot()
	names := make([]string, 0, len(s.Sites))
	for n := range s.Sites {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	errs := 0
	for _, n := range names {
		errs += s.Sites[n].Errors
	}
	fmt.Fprintf(&b, "%scrawl: %d list pages, %d articles, %d errors, queue %d", prefix, s.ListPages, s.Articles, errs, c.q.length())
	if len(names) <= 6 {
		for _, n := range names {
			ss := s.Sites[n]
			fmt.Fprintf(&b, " | %s %d/%d", n, ss.ListPages, ss.Articles)
			if ss.Errors > 0 {
				fmt.Fprintf(&b, " !%d", ss.Errors)
			}
		}
	}
	b.WriteString("\x1b[K")
	io.WriteString(w, b.String())
}
