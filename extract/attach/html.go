package attach

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// HTML is the format of a spreadsheet or document saved as HTML under an
// Office name (a .xls that is an HTML table, as many CMSs export them).
const HTML = "html"

// isHTML reports bytes that start like an HTML document.
func isHTML(body []byte) bool {
	b := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(b) > 512 {
		b = b[:512]
	}
	l := bytes.ToLower(b)
	return bytes.HasPrefix(l, []byte("<!doctype html")) || bytes.HasPrefix(l, []byte("<html")) ||
		bytes.HasPrefix(l, []byte("<table")) || bytes.HasPrefix(l, []byte("<meta"))
}

// readHTML reads an HTML export: its text outside tables as lines, each
// outermost table (rowspan and colspan expanded) as a table whose caption
// is the short lines above it. UTF-8, else GB18030.
func readHTML(body []byte, lim Limits) (*builder, string) {
	if !utf8.Valid(body) {
		if d, err := simplifiedchinese.GB18030.NewDecoder().Bytes(body); err == nil {
			body = d
		}
	}
	root, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return nil, ProblemMalformed + " html: " + err.Error()
	}
	b := newBuilder()
	var para strings.Builder
	var recent []string
	flush := func() {
		s := strings.Join(strings.Fields(para.String()), " ")
		para.Reset()
		if s == "" {
			return
		}
		if b.title == "" && b.n == 0 && utf8.RuneCountInString(s) <= 60 {
			b.title = s
		}
		b.line(s)
		recent = append(recent, s)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style" || n.Data == "head"):
			return
		case n.Type == html.ElementNode && n.Data == "table":
			flush()
			var capt []string
			for k := len(recent) - 1; k >= 0 && k >= len(recent)-2; k-- {
				if utf8.RuneCountInString(recent[k]) > 50 {
					break
				}
				capt = append([]string{recent[k]}, capt...)
			}
			recent = nil
			if g := htmlGrid(n, lim.MaxCells-b.cells); len(g) > 0 {
				b.cells += len(g) * len(g[0])
				b.table(strings.Join(capt, " "), g)
			}
			return
		case n.Type == html.TextNode:
			para.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr":
				flush()
			}
		}
	}
	walk(root)
	flush()
	return b, ""
}

// htmlGrid lays a table's cells out on a grid, copying a cell with rowspan
// or colspan into every position it covers; at most max cells.
func htmlGrid(t *html.Node, max int) [][]gcell {
	var rows []*html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.Data {
			case "tr":
				rows = append(rows, c)
			case "thead", "tbody", "tfoot":
				find(c)
			}
		}
	}
	find(t)
	var grid [][]gcell
	cells := 0
	for ri, tr := range rows {
		for len(grid) <= ri {
			grid = append(grid, nil)
		}
		col := 0
		for td := tr.FirstChild; td != nil; td = td.NextSibling {
			if td.Type != html.ElementNode || td.Data != "td" && td.Data != "th" {
				continue
			}
			for col < len(grid[ri]) && grid[ri][col].copy {
				col++
			}
			if cells++; cells > max {
				return grid
			}
			text := strings.Join(strings.Fields(nodeText(td)), " ")
			rs, cs := span(td, "rowspan"), span(td, "colspan")
			for r := ri; r < ri+rs && r < len(rows); r++ {
				for len(grid) <= r {
					grid = append(grid, nil)
				}
				for c := col; c < col+cs; c++ {
					for len(grid[r]) <= c {
						grid[r] = append(grid[r], gcell{})
					}
					if r == ri && c == col {
						grid[r][c] = gcell{text: text}
					} else {
						grid[r][c] = gcell{text: text, copy: true, r: ri, c: col}
					}
				}
			}
			col += cs
		}
	}
	return grid
}

func span(n *html.Node, key string) int {
	for _, a := range n.Attr {
		if a.Key == key {
			if v, err := strconv.Atoi(strings.TrimSpace(a.Val)); err == nil && v > 1 && v <= 100 {
				return v
			}
		}
	}
	return 1
}

// nodeText is the text under n, cells and blocks parted by spaces.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && (n.Data == "br" || n.Data == "p" || n.Data == "div") {
			b.WriteByte(' ')
		}
	}
	walk(n)
	return b.String()
}
