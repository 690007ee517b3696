// Package synth generates synthetic archives for tests and benchmarks: pages
// in the genre of the fixture documents, each put together from paragraphs of
// fixtures/docs with the district, the numbers and the years varied, written
// as WARC files (gzip per record, govfig's layout) or as a folder of files.
//
// Output is a pure function of the options: the same seed gives the same
// bytes, so two generated archives can be compared and a run on one can be
// checked against a run on the other.
package synth

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"html"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/govfig/govfig/fixtures"
	"github.com/nlnwa/gowarc/v3"
)

// Options say what to generate.
type Options struct {
	Pages   int    // number of pages
	Seed    uint64 // varies the content
	HTML    bool   // pages as HTML (text/html) instead of plain text (text/plain)
	PerFile int    // pages per WARC file; 0 = 1000
}

// districts are the regions pages are attributed to.
var districts = []string{"静海区", "西青区", "宝坻区", "武清区", "蓟州区", "宁河区", "津南区", "北辰区",
	"东丽区", "滨海新区", "和平区", "河西区", "南开区", "红桥区", "河东区", "河北区"}

var hosts = []string{"jinghai", "xiqing", "baodi", "wuqing", "jizhou", "ninghe", "jinnan", "beichen",
	"dongli", "tjbh", "hp", "hexi", "nankai", "hongqiao", "hd", "hb"}

var (
	numberRE   = regexp.MustCompile(`[0-9]+(\.[0-9]+)?`)
	districtRE = regexp.MustCompile(`(静海|西青|宝坻|睢宁|武清)(区|县)`)
)

// corpus holds the paragraphs of the fixture documents.
type corpus struct{ paras []string }

func loadCorpus() (*corpus, error) {
	names, err := fs.Glob(fixtures.Docs, "docs/*.txt")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	c := &corpus{}
	for _, n := range names {
		b, err := fixtures.Docs.ReadFile(n)
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(string(b), "\n") {
			line = strings.TrimSpace(line)
			if len([]rune(line)) >= 20 {
				c.paras = append(c.paras, line)
			}
		}
	}
	if len(c.paras) == 0 {
		return nil, fmt.Errorf("synth: no paragraphs in fixtures/docs")
	}
	return c, nil
}

// Page is one generated page.
type Page struct {
	URL         string
	ContentType string
	Date        time.Time
	Body        []byte
}

// Generator makes pages.
type Generator struct {
	opt Options
	c   *corpus
}

// New returns a generator for opt.
func New(opt Options) (*Generator, error) {
	c, err := loadCorpus()
	if err != nil {
		return nil, err
	}
	if opt.PerFile <= 0 {
		opt.PerFile = 1000
	}
	return &Generator{opt: opt, c: c}, nil
}

// Page returns page i.
func (g *Generator) Page(i int) Page {
	r := rand.New(rand.NewPCG(g.opt.Seed, uint64(i)))
	d := r.IntN(len(districts))
	year := 2019 + r.IntN(6)
	vary := func(s string) string {
		s = districtRE.ReplaceAllString(s, districts[d])
		return numberRE.ReplaceAllStringFunc(s, func(n string) string {
			if len(n) == 4 && strings.HasPrefix(n, "20") {
				return fmt.Sprint(year - 1 + r.IntN(2))
			}
			b := []byte(n)
			for k := range b {
				if b[k] >= '0' && b[k] <= '9' && (k > 0 || len(b) == 1 || b[k] != '0') {
					lo := byte('0')
					if k == 0 && len(b) > 1 && !bytes.Contains(b, []byte(".")) {
						lo = '1'
					}
					b[k] = lo + byte(r.IntN(int('9'-lo)+1))
				}
			}
			return string(b)
		})
	}
	title := fmt.Sprintf("天津市%s%d年教育工作情况报告(第%d号)", districts[d], year, i+1)
	n := 6 + r.IntN(10)
	paras := make([]string, 0, n)
	heads := []string{"一、", "二、", "三、", "四、"}
	for k := 0; k < n; k++ {
		if k%4 == 0 && k/4 < len(heads) {
			paras = append(paras, heads[k/4]+[]string{"基本情况", "主要做法与成效", "存在的问题", "下一步工作"}[k/4])
		}
		paras = append(paras, vary(g.c.paras[r.IntN(len(g.c.paras))]))
	}
	date := time.Date(year+1, time.Month(1+r.IntN(12)), 1+r.IntN(28), 9, 30, 0, 0, time.UTC)
	host := hosts[d]
	p := Page{Date: date.Add(time.Duration(i) * time.Second)}
	if g.opt.HTML {
		p.URL = fmt.Sprintf("http://www.%s.gov.cn/zwgk/%d/art_%06d.html", host, year, i)
		p.ContentType = "text/html; charset=utf-8"
		var b strings.Builder
		fmt.Fprintf(&b, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%s</title></head><body>\n", html.EscapeString(title))
		fmt.Fprintf(&b, "<div class=\"article\"><h1>%s</h1>\n<p class=\"info\">发布时间:%s 来源:天津市%s人民政府</p>\n",
			html.EscapeString(title), date.Format("2006-01-02"), districts[d])
		for _, para := range paras {
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(para))
		}
		b.WriteString("</div></body></html>\n")
		p.Body = []byte(b.String())
	} else {
		p.URL = fmt.Sprintf("http://www.%s.gov.cn/zwgk/%d/art_%06d.txt", host, year, i)
		p.ContentType = "text/plain; charset=utf-8"
		p.Body = []byte(title + "\n\n" + strings.Join(paras, "\n\n") + "\n")
	}
	return p
}

// WriteWARC writes the pages into dir as govfig-NNNN.warc.gz files of
// Options.PerFile response records each (after a warcinfo record) and returns
// their paths.
func (g *Generator) WriteWARC(dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var files []string
	for first := 0; first < g.opt.Pages; first += g.opt.PerFile {
		name := filepath.Join(dir, fmt.Sprintf("govfig-synth-%04d.warc.gz", len(files)))
		last := min(first+g.opt.PerFile, g.opt.Pages)
		if err := g.writeFile(name, first, last); err != nil {
			return nil, err
		}
		files = append(files, name)
	}
	return files, nil
}

func (g *Generator) writeFile(name string, first, last int) error {
	tmp := name + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	bw := bufio.NewWriterSize(f, 1<<20)
	m := gowarc.NewMarshaler()
	put := func(rec gowarc.WarcRecord) error {
		zw := gzip.NewWriter(bw) // one gzip member per record
		if _, _, err := m.Marshal(zw, rec, 0); err != nil {
			return err
		}
		rec.Close()
		return zw.Close()
	}
	info, err := g.record(gowarc.Warcinfo, fmt.Sprintf("synth-info-%d", first), "", time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
		gowarc.ApplicationWarcFields, []byte("software: govfig-synth\r\nformat: WARC File Format 1.1\r\n"))
	if err != nil {
		return err
	}
	if err := put(info); err != nil {
		return err
	}
	for i := first; i < last; i++ {
		p := g.Page(i)
		block := fmt.Appendf(nil, "HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", p.ContentType, len(p.Body))
		block = append(block, p.Body...)
		rec, err := g.record(gowarc.Response, fmt.Sprintf("synth-%d", i), p.URL, p.Date, "application/http;msgtype=response", block)
		if err != nil {
			return err
		}
		if err := put(rec); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}

func (g *Generator) record(t gowarc.RecordType, id, uri string, date time.Time, contentType string, block []byte) (gowarc.WarcRecord, error) {
	b := gowarc.NewRecordBuilder(t, gowarc.WithAddMissingDigest(true), gowarc.WithAddMissingContentLength(true))
	if _, err := b.Write(block); err != nil {
		return nil, err
	}
	b.AddWarcHeader(gowarc.WarcRecordID, fmt.Sprintf("<urn:govfig-synth:%d:%s>", g.opt.Seed, id))
	b.AddWarcHeader(gowarc.WarcDate, date.UTC().Format(time.RFC3339))
	b.AddWarcHeader(gowarc.ContentType, contentType)
	if uri != "" {
		b.AddWarcHeader(gowarc.WarcTargetURI, uri)
	}
	rec, _, err := b.Build()
	return rec, err
}

// WriteDir writes the pages as files dir/HOST/YEAR/art_NNNNNN.{txt,html}.
func (g *Generator) WriteDir(dir string) error {
	for i := range g.opt.Pages {
		p := g.Page(i)
		rel := strings.TrimPrefix(p.URL, "http://www.")
		rel = strings.Replace(rel, ".gov.cn/zwgk", "", 1)
		path := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, p.Body, 0o644); err != nil {
			return err
		}
	}
	return nil
}
