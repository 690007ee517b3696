package crawl

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/govfig/govfig/extract/sniff"
)

// Site is one line of a sites file: a region or site name and the list-page
// URLs to start from.
type Site struct {
	Name  string
	Seeds []string
	// Prefixes, when any, limit the site to URL paths starting with one of
	// them (`/zwgk/`): discovered links elsewhere on its host are left alone.
	// The seeds are always fetched.
	Prefixes []string
}

// ParseError is a mistake in a sites file, with its line number.
type ParseError struct {
	Line int
	Err  error
}

func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *ParseError) Unwrap() error { return e.Err }

// maxSitesFile bounds a sites file.
const maxSitesFile = 16 << 20

// ParseSites reads a sites file: one site per line, `NAME URL [URL...]
// [/PREFIX...]`, where `#` starts a comment and blank lines are skipped; a
// word starting with "/" is an allowed path prefix of the site (Site.Prefixes). URLs must be absolute
// http(s) URLs; they are returned canonicalised. A name may not repeat. A
// file that is not text (package sniff's test, or any NUL byte) is refused
// as such.
func ParseSites(r io.Reader) ([]Site, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxSitesFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxSitesFile {
		return nil, fmt.Errorf("larger than %d MiB: not a sites file", maxSitesFile>>20)
	}
	// A binary file is refused in a few words, not echoed back line by
	// line as escaped bytes.
	if err := sniff.Binary(data); err != nil {
		return nil, fmt.Errorf("not a text file (%w)", err)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, fmt.Errorf("not a text file (NUL byte at offset %d)", i)
	}
	var sites []Site
	seen := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		if len(fields) < 2 {
			return nil, &ParseError{n, fmt.Errorf("site %q has no URL (want NAME URL [URL...])", fields[0])}
		}
		name := fields[0]
		if strings.Contains(name, "://") {
			return nil, &ParseError{n, errors.New("line starts with a URL; want NAME URL [URL...]")}
		}
		if prev, ok := seen[name]; ok {
			return nil, &ParseError{n, fmt.Errorf("site %q already given on line %d", name, prev)}
		}
		seen[name] = n
		s := Site{Name: name}
		for _, raw := range fields[1:] {
			if strings.HasPrefix(raw, "/") {
				s.Prefixes = append(s.Prefixes, raw)
				continue
			}
			u, err := url.Parse(raw)
			if err != nil {
				return nil, &ParseError{n, fmt.Errorf("bad URL %q: %w", raw, err)}
			}
			if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				return nil, &ParseError{n, fmt.Errorf("URL %q is not an absolute http(s) URL", raw)}
			}
			s.Seeds = append(s.Seeds, Canonicalize(u))
		}
		if len(s.Seeds) == 0 {
			return nil, &ParseError{n, fmt.Errorf("site %q has path prefixes but no URL", name)}
		}
		sites = append(sites, s)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read sites: %w", err)
	}
	if len(sites) == 0 {
		return nil, errors.New("no sites given")
	}
	return sites, nil
}
