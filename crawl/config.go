package crawl

import (
	"context"
	"io"
	"net"
	"net/http"
	"time"
)

// Version is the crawler's version, sent in the User-Agent and written to
// every warcinfo record.
const Version = "0.1"

// UserAgentToken is the product token robots.txt groups are matched against.
const UserAgentToken = "govfig"

// Config is one crawl. Zero values take the defaults noted on each field.
type Config struct {
	Sites      []Site
	ArchiveDir string // required; created if missing

	Delay     time.Duration // least pause between two requests to one host; default 1 s (a negative value means none)
	Jitter    float64       // each pause is Delay × [1, 1+Jitter); default 0.25 (negative: none)
	MaxPages  int           // list pages per site per run; default 500 (negative: unlimited)
	TrapPages int           // consecutive list pages without a new article that end a walk; default 3
	Since     time.Time     // skip articles whose list date is earlier (zero: keep all)
	Parallel  int           // hosts fetched at the same time; default 16

	UserAgent string // default "govfig/VERSION (+CONTACT)"
	Contact   string // URL or e-mail put into the default User-Agent

	Timeout        time.Duration // whole exchange incl. body; default 30 s
	ConnectTimeout time.Duration // default 10 s
	HeaderTimeout  time.Duration // wait for response headers; default 15 s
	MaxBodySize    int64         // default 20 MiB; larger bodies are a fault, never stored cut
	MaxRetries     int           // retries after the first attempt; default 3
	RetryBase      time.Duration // first backoff; default 2 s, doubled per retry
	MaxRetryAfter  time.Duration // longest Retry-After honoured; default 5 min
	MaxCrawlDelay  time.Duration // longest robots.txt Crawl-delay honoured; default 60 s
	HostFailLimit  int           // consecutive failed URLs that pause a host; default 5
	HostPause      time.Duration // how long a failing host rests; default 2 min
	MaxRedirects   int           // hops followed from one URL; default 10
	MaxFileSize    int64         // roll WARC files at this size; default 1 GiB

	// Client, when set, supplies the Transport (e.g. a test dialer). The
	// crawler always handles redirects itself.
	Client *http.Client
	// DialContext, when set and Client is nil, replaces the dialer of the
	// crawler's own transport.
	DialContext func(ctx context.Context, network, addr string) (net.Conn, error)

	// ReadList reads a fetched list page; default extract/page.Read.
	ReadList func(body []byte, url, contentType string) (*ListLinks, error)
	// ReadArticle returns the attachment links (附件: .xlsx, .pdf…) of a
	// fetched article; default extract/page.Read's attachments.
	ReadArticle func(body []byte, url, contentType string) ([]string, error)

	Log      io.Writer        // one line per fault and per host event; nil: silent
	Progress io.Writer        // a status line every ProgressEvery (give a terminal only); nil: none
	Clock    func() time.Time // default time.Now

	ProgressEvery time.Duration // default 1 s
}

// ListLinks is what the crawler takes from a list page (Articles, Next)
// or an article (Attachments).
type ListLinks struct {
	Articles    []ListArticle
	Next        []string
	Attachments []string
}

// ListArticle is one article link of a list page; Date is "YYYY-MM-DD" or "".
type ListArticle struct {
	URL, Title, Date string
}

func (c *Config) defaults() {
	if c.Delay == 0 {
		c.Delay = time.Second
	} else if c.Delay < 0 {
		c.Delay = 0
	}
	if c.Jitter == 0 {
		c.Jitter = 0.25
	} else if c.Jitter < 0 {
		c.Jitter = 0
	}
	if c.MaxPages == 0 {
		c.MaxPages = 500
	}
	if c.TrapPages <= 0 {
		c.TrapPages = 3
	}
	if c.Parallel <= 0 {
		c.Parallel = 16
	}
	if c.UserAgent == "" {
		c.UserAgent = UserAgentToken + "/" + Version
		if c.Contact != "" {
			c.UserAgent += " (+" + c.Contact + ")"
		}
	}
	if c.Timeout <= 0 {
		c.Timeout = 30 * time.Second
	}
	if c.ConnectTimeout <= 0 {
		c.ConnectTimeout = 10 * time.Second
	}
	if c.HeaderTimeout <= 0 {
		c.HeaderTimeout = 15 * time.Second
	}
	if c.MaxBodySize <= 0 {
		c.MaxBodySize = 20 << 20
	}
	if c.MaxRetries == 0 {
		c.MaxRetries = 3
	} else if c.MaxRetries < 0 {
		c.MaxRetries = 0
	}
	if c.RetryBase <= 0 {
		c.RetryBase = 2 * time.Second
	}
	if c.MaxRetryAfter <= 0 {
		c.MaxRetryAfter = 5 * time.Minute
	}
	if c.MaxCrawlDelay <= 0 {
		c.MaxCrawlDelay = time.Minute
	}
	if c.HostFailLimit <= 0 {
		c.HostFailLimit = 5
	}
	if c.HostPause <= 0 {
		c.HostPause = 2 * time.Minute
	}
	if c.MaxRedirects <= 0 {
		c.MaxRedirects = 10
	}
	if c.MaxFileSize <= 0 {
		c.MaxFileSize = 1 << 30
	}
	if c.Clock == nil {
		c.Clock = time.Now
	}
	if c.ProgressEvery <= 0 {
		c.ProgressEvery = time.Second
	}
}

// Stats counts what one Run did.
type Stats struct {
	Generation  int            // crawl generation (1 for the first crawl of an archive)
	Resumed     bool           // the run continued an interrupted generation
	Requests    int            // HTTP requests sent (attempts, robots.txt included, Resent too)
	Resent      int            // requests net/http sent again on its own after a kept-alive connection failed (see FaultResent)
	ListPages   int            // list pages fetched and read
	Articles    int            // articles archived (200)
	Attachments int            // attachments archived
	NotModified int            // 304 answers (revisit records)
	Duplicates  int            // identical payloads (revisit records)
	Redirects   int            // redirects followed
	Disallowed  int            // URLs robots.txt kept us from
	OffSite     int            // links outside the sites' hosts, never fetched
	Old         int            // articles skipped by Since
	Failed      int            // URLs given up on this run
	Pending     int            // URLs left for the next run (paused hosts, cancellation)
	Faults      map[string]int // faults by kind (see Fault)
	Sites       map[string]*SiteStats
	Bytes       int64 // payload bytes archived
}

// SiteStats counts one site's progress.
type SiteStats struct {
	ListPages, Articles, Errors int
}

// Fault kinds recorded in the frontier's faults table and counted in Stats.
const (
	FaultRetry         = "retry"         // a transient failure that was retried
	FaultTimeout       = "timeout"       // gave up after time-outs
	FaultNetwork       = "network"       // gave up after resets or other network errors
	FaultHTTP          = "http"          // gave up after 408/429/5xx, or got another 4xx
	FaultTooLarge      = "too-large"     // body over MaxBodySize; nothing stored
	FaultRedirectLoop  = "redirect-loop" // a redirect chain came back on itself or ran too long
	FaultOffSiteRedir  = "offsite-redirect"
	FaultTrap          = "trap"           // a list walk stopped for lack of new articles
	FaultMaxPages      = "max-pages"      // the site hit MaxPages
	FaultRobots        = "robots"         // robots.txt could not be fetched: host treated as disallowed
	FaultHostPaused    = "host-paused"    // a host rested after repeated failures
	FaultHostAbandoned = "host-abandoned" // a host was left for the next run
	FaultRetryAfter    = "retry-after"    // Retry-After longer than MaxRetryAfter
	FaultList          = "list"           // a list page could not be read
	FaultResent        = "resent"         // net/http re-sent a request on a new connection (rare: such re-sends are stopped, see fetch)
)
