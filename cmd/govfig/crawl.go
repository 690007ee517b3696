package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/govfig/govfig/crawl"
)

// runCrawl is the `govfig crawl` subcommand: crawl the sites of a sites
// file into a WARC archive; running it again continues an interrupted crawl
// or re-crawls a finished one.
func runCrawl(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("crawl", "govfig crawl --sites FILE --archive DIR [flags]",
		"Crawls the list pages of each site and the articles they link to into DIR,\n"+
			"politely (robots.txt, one connection and a delay per host). Run it again to\n"+
			"continue an interrupted crawl or to pick up new articles.", stderr)
	sitesFile := fs.String("sites", "", "sites `FILE`: one \"NAME URL [URL...]\" per line, # comments (required)")
	archive := fs.String("archive", "", "archive `DIR` for .warc.gz files and frontier.db (required)")
	delay := fs.Duration("delay", time.Second, "least pause between two requests to one host (robots.txt Crawl-delay may raise it)")
	maxPages := fs.Int("max-pages", 500, "list pages per site per run (0: unlimited)")
	since := fs.String("since", "", "skip articles listed with an earlier date (YYYY-MM-DD)")
	contact := fs.String("contact", "", "URL or e-mail for the User-Agent, so site owners can reach you")
	ua := fs.String("user-agent", "", "User-Agent (default govfig/"+crawl.Version+" (+CONTACT))")
	parallel := fs.Int("parallel", 16, "hosts crawled at the same time")
	timeout := fs.Duration("timeout", 30*time.Second, "time-out of one request, body included")
	maxBody := fs.Int64("max-body", 20, "largest response body in MiB; larger ones are recorded as faults")
	retries := fs.Int("retries", 3, "retries of a request after time-outs, resets, 408, 429 and 5xx")
	fileSize := fs.Int64("file-size", 1024, "roll WARC files at this size in MiB")
	rest, help, err := fs.parse(args)
	if help || err != nil {
		return err
	}
	if len(rest) > 0 {
		return withHint(fmt.Errorf("crawl: unexpected argument %q", rest[0]), "govfig crawl --sites sites.txt --archive archive/")
	}
	if *sitesFile == "" || *archive == "" {
		return withHint(errors.New("crawl needs --sites and --archive"), "govfig crawl --sites sites.txt --archive archive/")
	}
	cfg := crawl.Config{
		ArchiveDir:  *archive,
		Delay:       *delay,
		MaxPages:    *maxPages,
		Contact:     *contact,
		UserAgent:   *ua,
		Parallel:    *parallel,
		Timeout:     *timeout,
		MaxBodySize: *maxBody << 20,
		MaxRetries:  *retries,
		MaxFileSize: *fileSize << 20,
		Log:         stderr,
	}
	if *delay == 0 {
		cfg.Delay = -1
	}
	if *maxPages == 0 {
		cfg.MaxPages = -1
	}
	if *retries == 0 {
		cfg.MaxRetries = -1
	}
	if *since != "" {
		t, err := time.Parse("2006-01-02", *since)
		if err != nil {
			return withHint(fmt.Errorf("bad --since %q: want YYYY-MM-DD", *since), "govfig crawl --since 2023-01-01 …")
		}
		cfg.Since = t
	}
	// An archive folder to be created is made by the crawler (mkdir says
	// why when it cannot); an existing one must take new files.
	if info, err := os.Stat(*archive); err == nil && info.IsDir() {
		if err := checkWritableDir("crawl: --archive", *archive); err != nil {
			return err
		}
	}
	f, err := os.Open(*sitesFile)
	if err != nil {
		return withHint(fmt.Errorf("open sites file: %w", err), "govfig crawl --sites sites.txt --archive archive/")
	}
	sites, err := crawl.ParseSites(f)
	f.Close()
	if err != nil {
		return withHint(fmt.Errorf("sites file %s: %w", *sitesFile, err), "each line: NAME URL [URL...], e.g. 天津市静海区 http://www.tjjh.gov.cn/zwgk/gsgg/index.html")
	}
	cfg.Sites = sites
	if isTerminal(stderr) {
		cfg.Progress = rawTerm(stderr)
		cfg.Log = lineClearer{rawTerm(stderr)} // fault lines replace the progress line
	}
	st, err := crawl.Run(ctx, cfg)
	printCrawlSummary(stderr, *archive, st)
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("crawl interrupted; run the same command again to continue: %w", err)
	}
	if err != nil {
		return fmt.Errorf("crawl: %w", err)
	}
	if err := allFailed("crawl", st); err != nil {
		return err
	}
	if st.Failed > 0 {
		return &partialError{st.Failed}
	}
	return nil
}

// allFailed returns an error (exit status 1) when a crawl had faults and
// fetched nothing at all — no list page, article, attachment, redirect or
// revisit: every site unreachable, every robots.txt refused. Such a crawl
// used to end with status 0 and "0 problems".
func allFailed(cmd string, st crawl.Stats) error {
	if len(st.Faults) == 0 || st.ListPages+st.Articles+st.Attachments+st.NotModified+st.Duplicates+st.Redirects > 0 {
		return nil
	}
	kinds := make([]string, 0, len(st.Faults))
	for k, n := range st.Faults {
		if k != crawl.FaultRetry {
			kinds = append(kinds, fmt.Sprintf("%s %d", k, n))
		}
	}
	sort.Strings(kinds)
	return &failedError{fmt.Sprintf("%s: every fetch failed, nothing was archived (%d requests; faults: %s; details in frontier.db, table faults)",
		cmd, st.Requests, strings.Join(kinds, ", "))}
}

// lineClearer starts every write with a clear-line sequence; what is
// written is made terminal-safe.
type lineClearer struct{ w io.Writer }

func (l lineClearer) Write(p []byte) (int, error) {
	if _, err := io.WriteString(l.w, "\r\x1b[K"); err != nil {
		return 0, err
	}
	return termWriter{l.w}.Write(p)
}

func isTerminal(w io.Writer) bool {
	f, ok := rawTerm(w).(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func printCrawlSummary(w io.Writer, dir string, st crawl.Stats) {
	how := "crawl"
	if st.Resumed {
		how = "crawl (resumed)"
	}
	fmt.Fprintf(w, "%s %d into %s: %d list pages, %d articles, %d attachments, %d not modified, %d duplicates, %d redirects\n",
		how, st.Generation, dir, st.ListPages, st.Articles, st.Attachments, st.NotModified, st.Duplicates, st.Redirects)
	fmt.Fprintf(w, "  %d requests, %d bytes; skipped: %d robots.txt, %d off-site, %d before --since; %d failed, %d left for the next run\n",
		st.Requests, st.Bytes, st.Disallowed, st.OffSite, st.Old, st.Failed, st.Pending)
	if len(st.Faults) > 0 {
		kinds := make([]string, 0, len(st.Faults))
		for k := range st.Faults {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		fmt.Fprint(w, "  faults:")
		for _, k := range kinds {
			fmt.Fprintf(w, " %s %d", k, st.Faults[k])
		}
		fmt.Fprintln(w, " (details in frontier.db, table faults)")
	}
}
