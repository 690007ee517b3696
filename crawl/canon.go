package crawl

import (
	"net"
	"net/url"
	"path"
	"sort"
	"strings"
)

// trackingParams are query parameters that only say where a visitor came
// from; they are dropped so one page is fetched once. A trailing "*" matches
// a prefix.
var trackingParams = []string{"utm_*", "spm", "from", "gclid", "fbclid", "isappinstalled", "scene", "clicktime", "enterid", "share_token"}

func isTracking(key string) bool {
	k := strings.ToLower(key)
	for _, p := range trackingParams {
		if strings.HasSuffix(p, "*") {
			if strings.HasPrefix(k, p[:len(p)-1]) {
				return true
			}
		} else if k == p {
			return true
		}
	}
	return false
}

// Canonicalize returns the form of an absolute URL under which it is fetched
// and remembered: scheme and host lower-cased, default port dropped, no
// fragment, dot segments resolved, an empty path made "/", tracking
// parameters (utm_*, spm, from…) removed and the remaining parameters sorted
// by name (stably, keeping their encoding).
func Canonicalize(u *url.URL) string {
	c := *u
	c.Scheme = strings.ToLower(c.Scheme)
	c.Host = canonicalHost(c.Scheme, c.Host)
	c.Fragment, c.RawFragment = "", ""
	c.User = nil
	if c.Path == "" {
		c.Path, c.RawPath = "/", ""
	} else {
		p := c.EscapedPath()
		clean := path.Clean(p)
		if strings.HasSuffix(p, "/") && clean != "/" {
			clean += "/"
		}
		if !strings.HasPrefix(clean, "/") {
			clean = "/" + clean
		}
		if pu, err := url.Parse(clean); err == nil {
			c.Path, c.RawPath = pu.Path, pu.RawPath
		}
	}
	c.ForceQuery = false
	if c.RawQuery != "" {
		parts := strings.Split(c.RawQuery, "&")
		kept := parts[:0]
		for _, p := range parts {
			if p == "" {
				continue
			}
			k := p
			if i := strings.IndexByte(p, '='); i >= 0 {
				k = p[:i]
			}
			if uk, err := url.QueryUnescape(k); err == nil {
				k = uk
			}
			if isTracking(k) {
				continue
			}
			kept = append(kept, p)
		}
		sort.SliceStable(kept, func(i, j int) bool { return queryKey(kept[i]) < queryKey(kept[j]) })
		c.RawQuery = strings.Join(kept, "&")
	}
	return c.String()
}

func queryKey(p string) string {
	if i := strings.IndexByte(p, '='); i >= 0 {
		return p[:i]
	}
	return p
}

// canonicalHost lower-cases a host and drops the scheme's default port.
func canonicalHost(scheme, host string) string {
	host = strings.ToLower(host)
	h, port, err := net.SplitHostPort(host)
	if err != nil {
		return strings.TrimSuffix(host, ".")
	}
	if (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		if strings.Contains(h, ":") {
			return "[" + h + "]"
		}
		return strings.TrimSuffix(h, ".")
	}
	return net.JoinHostPort(strings.TrimSuffix(h, "."), port)
}

// resolve makes ref absolute against base and canonicalises it; ok is false
// for anything that is not an http(s) URL with a host.
func resolve(base *url.URL, ref string) (string, *url.URL, bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", nil, false
	}
	r, err := url.Parse(ref)
	if err != nil {
		return "", nil, false
	}
	if base != nil {
		r = base.ResolveReference(r)
	}
	if (r.Scheme != "http" && r.Scheme != "https") || r.Host == "" {
		return "", nil, false
	}
	s := Canonicalize(r)
	cu, err := url.Parse(s)
	if err != nil {
		return "", nil, false
	}
	return s, cu, true
}

// attachmentExts are file types archived but never read as list pages.
var attachmentExts = map[string]bool{
	".pdf": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".ppt": true, ".pptx": true,
	".wps": true, ".et": true, ".zip": true, ".rar": true, ".7z": true, ".csv": true, ".ofd": true,
}

func isAttachment(u *url.URL) bool {
	return attachmentExts[strings.ToLower(path.Ext(u.Path))]
}
