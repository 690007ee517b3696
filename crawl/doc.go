// Package crawl fetches the list (column) pages and articles of district
// government sites politely and writes every exchange to a WARC 1.1 archive.
//
// # Model
//
// A crawl starts from the list-page URLs of a sites file (ParseSites). Each
// list page is fetched and handed to extract/page (page.ReadList), which says
// which articles it links to and which further list pages follow; the
// crawler never parses articles, it only archives them. A URL of the sites
// file is a list page by the user's word: it is read as a list whatever
// extract/page would call it (a column page with three entries and an
// introduction reads as an article), and a list page without entries is a
// fault (kind "list"), its next pages still walked. The crawler never asks
// for compression; a list page (or robots.txt) gzip-compressed anyway, said
// by Content-Encoding or only by gzip's magic bytes, is decoded before it is
// read, bounded by MaxBodySize, while the archive keeps the bytes as sent.
// Everything it fetches must be on one of the
// hosts named in the sites file, allowed by that host's robots.txt, and seen
// for the first time under its canonical URL (Canonicalize).
//
// Each host has one worker: one connection, one request at a time, and a
// pause of at least the host's delay (Config.Delay or the robots.txt
// Crawl-delay, whichever is longer, plus a little jitter) between the end of
// one request and the start of the next. The connection is kept alive
// between a host's requests (closed after a few seconds idle and at the end
// of the run); net/http's own immediate re-send of a request whose kept-alive
// connection closed before an answer is stopped, so that request is retried
// by the crawler, paced and counted, like a reset (fetch.go). Hosts are
// crawled in parallel. Transient failures (time-outs, resets, 408, 429, 5xx)
// are retried with exponential backoff honouring Retry-After; a host that
// keeps failing is paused and then left for the next run.
//
// # Archive and frontier
//
// The archive directory holds .warc.gz files named by the crawler
// (govfig-TIMESTAMP-SERIAL.warc.gz; nothing from a URL ever becomes a path)
// and frontier.db, an SQLite database with every URL's state, the
// validators (ETag, Last-Modified) for conditional re-crawls, the payload
// digests for deduplication, the faults met, and how far each WARC file is
// committed. A fetch is committed by first appending its records (request,
// then response or revisit, each its own gzip member) and then recording the
// new end of the file in the same transaction that marks the URL done. The
// hosts' workers build and compress their records in parallel; one writer
// goroutine commits them in batches (group commit, writer.go): the records of
// every fetch waiting are appended in one write, then one transaction marks
// them all done, and each worker waits for its fetch's commit before going
// on. On start, bytes past the committed end of a file — a half-written
// record, or the records of a batch whose transaction never happened, from a
// killed run — are truncated, so a crawl killed at any moment continues with
// the next run, archiving nothing twice and losing nothing committed; only
// the fetches in flight (at most one per host worker) are sent again.
//
// A run that was interrupted (killed, cancelled) is resumed by the next one.
// Running the crawl again after a run that completed starts a new
// generation: list pages are fetched again with conditional requests (304
// becomes a revisit record) and a walk along a list ends at the first page
// that offers no new article; articles already archived are not fetched
// again, URLs left by a paused host are carried over, and a walk cut short by
// MaxPages continues where it stopped. A body identical to one already
// archived is written as an identical-payload-digest revisit record.
//
// Timestamps in records and the frontier come from Config.Clock; pacing and
// back-off use the real clock.
//
// Files: sites.go (sites file), canon.go (URL canonicalisation, scope,
// attachments), config.go (Config, Stats, fault kinds), crawl.go (Run),
// queue.go (per-host queues), host.go (the per-host worker: robots.txt,
// pacing, retries, pausing, list walks, redirects), fetch.go (one HTTP
// exchange), commit.go (records and their frontier statements), writer.go
// (the group commit), archive.go (WARC files, recovery, CheckWARC),
// frontier.go (SQLite state, ReadFrontier), lock_*.go (one crawl per
// archive).
package crawl
