package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"github.com/govfig/govfig/extract/region"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/govfig/govfig/crawl"
	"github.com/govfig/govfig/fixtures/siteserver"
	"github.com/govfig/govfig/schema"
	"github.com/govfig/govfig/workbook"
)

// sampleDomain is the made-up domain the embedded sample site is crawled
// under: `govfig run` without --sites serves each district of fixtures/site
// on a loopback port and dials NAME.govfig.test there, so the sample's URLs
// are the same from one run to the next (a re-run updates, never duplicates)
// and nothing can reach the network (.test is reserved, RFC 2606).
const sampleDomain = "govfig.test"

// runRun is `govfig run`: crawl → extract → export in one go.
func runRun(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("run", "govfig run [--sites FILE] [--out DIR] [flags]",
		"Crawls the sites into DIR/archive, extracts every figure into DIR/govfig.db and writes\n"+
			"DIR/govfig.xlsx. Without --sites it runs on the embedded sample site, offline.\n"+
			"Running it again resumes and updates; nothing is stored twice.", stderr)
	sitesFile := fs.String("sites", "", "sites file: one `NAME URL [URL...]` per line (default: the embedded sample site, offline)")
	out := fs.String("out", "govfig-out", "output `dir`: archive/, govfig.db, govfig.xlsx")
	delay := fs.Duration("delay", time.Second, "least pause between two requests to one host (the sample site uses 20ms)")
	maxPages := fs.Int("max-pages", 500, "list pages per site per run (0: unlimited)")
	contact := fs.String("contact", "", "URL or e-mail for the User-Agent, so site owners can reach you")
	shard := fs.String("shard", "", "`i/N`: crawl only shard i of N of the sites (the i-th of every N lines); merge the shards' databases with govfig merge")
	quiet := fs.Bool("q", false, "no progress output")
	file := indicatorsFlag(fs)
	rest, help, err := fs.parse(args)
	if help || err != nil {
		return err
	}
	if len(rest) > 0 {
		return withHint(fmt.Errorf("run: unexpected argument %q", rest[0]), "govfig run --sites sites.txt --out DIR")
	}
	// Every argument is checked before anything starts (the sample site
	// says it is serving; a bad flag after that line misleads).
	if *shard != "" {
		if _, _, err := parseShard(*shard); err != nil {
			return withHint(fmt.Errorf("run: %w", err), "govfig run --sites sites.txt --shard 1/4")
		}
	}
	cat, err := loadCatalogue("run", *file)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return fmt.Errorf("run: %w", err)
	}
	if err := checkWritableDir("run: --out", *out); err != nil {
		return err
	}
	logw := stderr // stage lines and counts; -q silences them
	if *quiet {
		logw = io.Discard
	}
	archiveDir := filepath.Join(*out, "archive")
	dbPath := filepath.Join(*out, "govfig.db")
	xlsxPath := filepath.Join(*out, "govfig.xlsx")

	cfg := crawl.Config{ArchiveDir: archiveDir, Delay: *delay, MaxPages: *maxPages, Contact: *contact}
	if *maxPages == 0 {
		cfg.MaxPages = -1
	}
	if !*quiet {
		cfg.Log = stderr
		if isTerminal(stderr) {
			cfg.Progress = rawTerm(stderr)
		}
	}
	var sitesText, sitesName string
	if *sitesFile == "" {
		sample, err := siteserver.Start(siteserver.Options{})
		if err != nil {
			return fmt.Errorf("run: start the sample site: %w", err)
		}
		defer sample.Close()
		sitesText, cfg.DialContext = sampleSites(sample)
		sitesName = "the embedded sample site"
		if !isFlagSet(fs, "delay") {
			cfg.Delay = 20 * time.Millisecond
		}
		fmt.Fprintf(logw, "govfig run: serving the embedded sample site on loopback (%d districts)\n", len(sample.Hosts))
	} else {
		b, err := os.ReadFile(*sitesFile)
		if err != nil {
			return withHint(fmt.Errorf("run: read sites file: %w", err), "govfig run --sites sites.txt")
		}
		sitesText, sitesName = string(b), *sitesFile
	}
	sites, err := crawl.ParseSites(strings.NewReader(sitesText))
	if err != nil {
		return withHint(fmt.Errorf("run: sites file %s: %w", sitesName, err), "each line: NAME URL [URL...], e.g. 天津市静海区 http://www.tjjh.gov.cn/zwgk/gsgg/index.html")
	}
	if *shard != "" {
		if sites, err = pickShard(sites, *shard); err != nil {
			return withHint(fmt.Errorf("run: %w", err), "govfig run --sites sites.txt --shard 1/4")
		}
	}
	cfg.Sites = sites

	// 1. crawl
	fmt.Fprintf(logw, "== crawl %d site(s) from %s into %s\n", len(sites), sitesName, archiveDir)
	cst, err := crawl.Run(ctx, cfg)
	printCrawlSummary(logw, archiveDir, cst)
	if err != nil {
		return fmt.Errorf("run: crawl: %w", err)
	}
	if err := allFailed("run: crawl", cst); err != nil {
		return err
	}

	// 2. extract
	fmt.Fprintf(logw, "== extract %s into %s\n", archiveDir, dbPath)
	st, err := schema.Open(dbPath)
	if err != nil {
		return fmt.Errorf("run: %w", err)
	}
	defer st.Close()
	if err := remapStore(ctx, st, cat, false, logw); err != nil {
		return fmt.Errorf("run: %w", err)
	}
	est, err := extractPaths(ctx, st, []string{archiveDir}, runtime.NumCPU(), "run", cat, !*quiet && isTerminal(stderr), logw, stderr)
	var partial *partialError
	if err != nil && !errors.As(err, &partial) {
		return err
	}
	printMapped(logw, cat, est)
	if _, err := st.FillRegions(ctx, siteRegions(sites)); err != nil {
		return fmt.Errorf("run: %w", err)
	}
	if err := remapStore(ctx, st, cat, false, logw); err != nil {
		return fmt.Errorf("run: %w", err)
	}

	// 3. export
	fmt.Fprintf(logw, "== export %s\n", xlsxPath)
	wst, err := workbook.Write(ctx, st, xlsxPath, workbook.Options{Version: govfigBuildVersion(), SourceName: filepath.Base(dbPath)})
	if err != nil {
		return fmt.Errorf("run: export: %w", err)
	}

	if err := printRunSummary(ctx, stdout, st, *out, archiveDir, dbPath, xlsxPath, wst); err != nil {
		return fmt.Errorf("run: summary: %w", err)
	}
	if failed := cst.Failed + est.Problems; failed > 0 {
		return &partialError{failed}
	}
	return nil
}

// siteRegions maps each seed's host to the region its line of the sites file
// names (天津市静海区 http://www.tjjh.gov.cn/… → www.tjjh.gov.cn: 天津市静海区),
// for pages that name no region of their own. A site name that is no region
// (某某教育网) maps nothing.
func siteRegions(sites []crawl.Site) map[string]string {
	out := map[string]string{}
	for _, s := range sites {
		r := region.Of(s.Name)
		if r == "" {
			continue
		}
		for _, seed := range s.Seeds {
			if u, err := url.Parse(seed); err == nil && u.Host != "" {
				out[strings.ToLower(u.Host)] = r
			}
		}
	}
	return out
}

// sampleSites returns a sites file naming the sample's districts under
// sampleDomain, and a dialer that sends those names to their loopback
// servers and refuses every other address.
func sampleSites(sample *siteserver.Sites) (string, func(ctx context.Context, network, addr string) (net.Conn, error)) {
	addrs := map[string]string{}
	var b strings.Builder
	for _, h := range sample.Hosts {
		host := h.Name + "." + sampleDomain
		addrs[host+":80"] = h.Addr()
		b.WriteString(h.Region)
		for _, p := range h.Seeds {
			b.WriteString(" http://" + host + p)
		}
		b.WriteString("\n")
	}
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		to, ok := addrs[addr]
		if !ok {
			return nil, fmt.Errorf("sample site: %s is not one of its hosts", addr)
		}
		var d net.Dialer
		return d.DialContext(ctx, network, to)
	}
	return b.String(), dial
}

// pickShard keeps the sites of shard i of n ("i/n", 1-based): the i-th site
// and every n-th after it, in sites-file order, so every site falls in
// exactly one shard of a given n.
// A shard that gets no site is an error saying why (the sites file has
// fewer sites than the shard's number).
func pickShard[T any](sites []T, spec string) ([]T, error) {
	i, n, err := parseShard(spec)
	if err != nil {
		return nil, err
	}
	var out []T
	for k, s := range sites {
		if k%n == i-1 {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--shard %d/%d is empty: shard %d holds sites %d, %d, %d… of the sites file, which has only %d site(s); use at most %d shards",
			i, n, i, i, i+n, i+2*n, len(sites), max(len(sites), 1))
	}
	return out, nil
}

// parseShard reads "i/N" (1 ≤ i ≤ N).
func parseShard(spec string) (i, n int, err error) {
	var rest string
	if k, _ := fmt.Sscanf(spec+" x", "%d/%d %s", &i, &n, &rest); k != 3 || rest != "x" || n < 1 || i < 1 || i > n {
		return 0, 0, fmt.Errorf("bad --shard %q: want i/N with 1 ≤ i ≤ N", spec)
	}
	return i, n, nil
}

func isFlagSet(fs *cmdFlags, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == name {
			set = true
		}
	})
	return set
}

// printRunSummary prints what the run left and a few figures from it.
func printRunSummary(ctx context.Context, w io.Writer, st *schema.Store, out, archiveDir, dbPath, xlsxPath string, wst workbook.Stats) error {
	info, err := st.Info(ctx)
	if err != nil {
		return err
	}
	var lists int
	if err := st.DB().QueryRowContext(ctx, "SELECT count(*) FROM documents WHERE page_type = ?", schema.PageList).Scan(&lists); err != nil {
		return err
	}
	fmt.Fprintf(w, "\ngovfig: %d documents (and %d list pages), %d figures, %d problems\n",
		info.Documents-lists, lists, info.Figures, info.Problems)
	rows, err := st.DB().QueryContext(ctx, `SELECT kind, count(*) FROM figures GROUP BY kind ORDER BY count(*) DESC`)
	if err != nil {
		return err
	}
	var parts []string
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			rows.Close()
			return err
		}
		parts = append(parts, fmt.Sprintf("%s %d", k, n))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	fmt.Fprintf(w, "figures by kind: %s\n", strings.Join(parts, ", "))
	if line, err := attachmentSummary(ctx, st); err != nil {
		return err
	} else if line != "" {
		fmt.Fprintln(w, line)
	}

	// A few sample figures: rates first, as an analyst would look for them.
	rows, err = st.DB().QueryContext(ctx, `
		SELECT region, label, text FROM figure_view
		WHERE label <> '' AND role = 'level'
		ORDER BY (label LIKE '%率%') DESC, (kind = 'money') DESC, document_id, seq LIMIT 5`)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "sample figures:")
	for rows.Next() {
		var region, label, text string
		if err := rows.Scan(&region, &label, &text); err != nil {
			rows.Close()
			return err
		}
		fmt.Fprintf(w, "  %s %s %s\n", shortRegion(region), label, text)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	fmt.Fprintf(w, "outputs:\n  archive   %s\n  database  %s\n  workbook  %s (%d documents, %d figures; 指标 %d rows × %d regions, 未归类 %d labels)\n",
		archiveDir, dbPath, xlsxPath, wst.Documents, wst.Figures, wst.IndicatorRows, wst.IndicatorRegions, wst.Indicators)
	return nil
}

// shortRegion drops the province-level prefix for the summary: 天津市静海区 → 静海区.
func shortRegion(r string) string {
	if i := strings.Index(r, "市"); i > 0 && i+len("市") < len(r) {
		return r[i+len("市"):]
	}
	if r == "" {
		return "(no region)"
	}
	return r
}

// attachmentSummary says how many attachments (附件 files) were read, by
// format, and how many figures came from them; "" when there were none.
func attachmentSummary(ctx context.Context, st *schema.Store) (string, error) {
	rows, err := st.DB().QueryContext(ctx, `SELECT d.format, count(*), sum((SELECT count(*) FROM figures f WHERE f.document_id = d.id))
		FROM documents d WHERE d.page_type = ? GROUP BY d.format ORDER BY d.format`, schema.PageAttachment)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var parts []string
	docs, figs := 0, 0
	for rows.Next() {
		var format string
		var n, f int
		if err := rows.Scan(&format, &n, &f); err != nil {
			return "", err
		}
		parts = append(parts, fmt.Sprintf("%s %d", format, n))
		docs, figs = docs+n, figs+f
	}
	if err := rows.Err(); err != nil || docs == 0 {
		return "", err
	}
	return fmt.Sprintf("attachments: %d files (%s), %d figures", docs, strings.Join(parts, ", "), figs), nil
}
