package schema

import "time"

// DocRow is one stored document as readers of the database (the workbook,
// search, merge) see it.
type DocRow struct {
	ID               int64
	URL              string
	Site             string
	Region           string
	Title            string
	Publisher        string
	Published        string // RFC 3339 or ""
	FetchedAt        string // RFC 3339 or ""
	Charset          string
	PageType         string
	ContentSHA256    string
	ExtractorVersion string
	FigureCount      int
	Problem          string // "" when none
	// OriginalURL is the http(s) address a loose file names for itself (a
	// scraped .txt's 原文链接), "" when none; URL is then the file's path.
	OriginalURL string
	// ParentURL and ParentTitle name the article an attachment is linked
	// from ("" for other documents). An attachment has its article's
	// Region (the article's site names it better than the file's title).
	ParentURL   string
	ParentTitle string
	// Format is an attachment's file format (xlsx, pdf…); "" otherwise.
	Format string
}

// FigureRow is one stored figure with the document fields a tidy table needs.
// Rows come ordered by document, then by Seq.
type FigureRow struct {
	ID         int64
	DocumentID int64
	Seq        int
	Region     string
	DocTitle   string
	DocURL     string
	Published  string
	// ParentURL and ParentTitle name the article of an attachment's figure.
	ParentURL   string
	ParentTitle string
	Figure
	// Indicator is the code of the catalogue indicator the figure measures
	// (figures.indicator), "" when none or not mapped yet.
	Indicator           string
	IndicatorConfidence float64
}

// RunInfo summarises a database for a report: what made it and when.
type RunInfo struct {
	Version          string    // govfig version of the last run
	ExtractorVersion string    // extractor version of the last extract run
	LastRun          time.Time // when the last run finished
	Documents        int
	Figures          int
	Problems         int
	Sites            []string // site / region names, sorted
}

// Problem is one input that could not be read, parsed or stored.
type Problem struct {
	Path    string `json:"path"`  // file, or archive file
	URL     string `json:"url"`   // record URL inside an archive, if any
	Stage   string `json:"stage"` // read, parse, extract, store…
	Message string `json:"message"`
}
