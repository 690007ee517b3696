package schema

// Kind is the family of a figure; see ../shared/docs/figures.md.
type Kind string

// The kinds of figures.md, each with its base unit (BaseUnit).
const (
	KindPercent   Kind = "percent"
	KindMoney     Kind = "money"
	KindHeadcount Kind = "headcount"
	KindSchools   Kind = "schools"
	KindCount     Kind = "count"
	KindIndex     Kind = "index"
	KindMeasure   Kind = "measure"
)

// Kinds lists every kind in a stable order (reports, workbook columns).
var Kinds = []Kind{KindPercent, KindMoney, KindHeadcount, KindSchools, KindCount, KindIndex, KindMeasure}

// Qualifier says how the written number relates to the true value.
type Qualifier string

// Qualifiers; the empty string means the figure is exact.
const (
	QualExact  Qualifier = ""
	QualApprox Qualifier = "approx"
	QualGT     Qualifier = "gt"
	QualGE     Qualifier = "ge"
	QualLT     Qualifier = "lt"
	QualLE     Qualifier = "le"
)

// Role says what part a figure plays in its sentence.
type Role string

// Roles; RoleLevel is the default.
const (
	RoleLevel     Role = "level"
	RoleChange    Role = "change"
	RolePrevious  Role = "previous"
	RoleTarget    Role = "target"
	RoleThreshold Role = "threshold"
)

// Direction is the sense of a change: whether the quantity rose or fell.
type Direction string

// Directions; DirNone for figures that are not changes.
const (
	DirNone Direction = ""
	DirUp   Direction = "up"
	DirDown Direction = "down"
)

// Figure is one number that measures something, with what it measures.
// Start and End are half-open rune offsets into the owning Document's Text,
// so []rune(doc.Text)[Start:End] == Text.
type Figure struct {
	Kind       Kind      `json:"kind"`
	Value      float64   `json:"value"`
	Unit       string    `json:"unit"`
	Normalized float64   `json:"normalized"`
	BaseUnit   string    `json:"base_unit"`
	Qualifier  Qualifier `json:"qualifier"`
	Role       Role      `json:"role"`
	// Direction says whether a change rose or fell (DirUp, DirDown); empty
	// for figures that are not changes. Value stays the magnitude as written.
	Direction Direction `json:"direction"`
	Label     string    `json:"label"`
	Subject   string    `json:"subject"`
	Year      int       `json:"year"` // 0 when unknown
	Text      string    `json:"text"`
	Start     int       `json:"start"`
	End       int       `json:"end"`
	Sentence  string    `json:"sentence"`
	Section   string    `json:"section"`
	// Cell locates a figure read from a table cell; nil for prose.
	Cell *CellRef `json:"cell,omitempty"`
	// Mapped says the writer's caller mapped the figure onto the indicator
	// catalogue (ingest does, with the catalogue its command stored first):
	// Indicator is then the code, "" for none, stored as is; an unmapped
	// figure is stored with indicator NULL for Store.Remap. Not part of a
	// document's JSON: inspect maps nothing.
	Mapped              bool    `json:"-"`
	Indicator           string  `json:"-"`
	IndicatorConfidence float64 `json:"-"`
}

// CellRef points at one cell of Document.Tables.
type CellRef struct {
	Table int `json:"table"`
	Row   int `json:"row"`
	Col   int `json:"col"`
}

// Section is one heading of the document's outline. Path joins the titles of
// its ancestors and itself with " > " (e.g. "一、做法与成效 > (一)加强党对教育工作的全面领导").
// Start..End is the rune span of the section in Document.Text, from its heading
// to the start of the next heading of the same or a higher level.
type Section struct {
	Path  string `json:"path"`
	Title string `json:"title"`
	Level int    `json:"level"` // 1 = 一、 / <h2>, 2 = (一) / <h3>, 3 = 1. , 4 = (1), 5 = 一是
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Table is a table of the body. Rows are rendered into Document.Text too (cells
// separated by "\t", rows by "\n"), and every Cell's Start/End points there.
// Merged cells are expanded: a cell spanning two columns appears in both, with
// the same offsets.
type Table struct {
	Caption    string   `json:"caption"`
	Rows       [][]Cell `json:"rows"`
	HeaderRows int      `json:"header_rows"` // leading rows that are headers
	HeaderCols int      `json:"header_cols"` // leading columns that are headers
	Start      int      `json:"start"`
	End        int      `json:"end"`
}

// Cell is one table cell.
type Cell struct {
	Text   string `json:"text"`
	Header bool   `json:"header,omitempty"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// Attachment is a linked file of the article (.pdf, .doc, .xls…).
type Attachment struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

// Link is an article link on a list (column) page.
type Link struct {
	URL   string `json:"url"`
	Title string `json:"title"`
	Date  string `json:"date,omitempty"` // YYYY-MM-DD when the list shows one
}

// ListPage is what a list (column) page offers the crawler.
type ListPage struct {
	Articles []Link   `json:"articles"`
	Next     []string `json:"next"` // absolute URLs of further list pages
}

// Page types.
const (
	PageArticle = "article"
	PageList    = "list"
	PageText    = "text" // a plain-text document
	// PageAttachment is a file linked from an article (.xlsx, .docx, .pdf…),
	// read into a Document of its own whose Parent is the article.
	PageAttachment = "attachment"
)

// Document is one page or text file after parsing: metadata, one canonical
// body text, and everything that points into it.
type Document struct {
	URL         string       `json:"url"`
	Title       string       `json:"title"`
	Publisher   string       `json:"publisher"`
	Published   string       `json:"published"` // RFC 3339 with the site's offset (+08:00), "" when unknown
	Region      string       `json:"region"`
	Site        string       `json:"site,omitempty"`
	Column      string       `json:"column,omitempty"`
	Charset     string       `json:"charset"`
	PageType    string       `json:"page_type"`
	Text        string       `json:"text"`
	Sections    []Section    `json:"sections"`
	Tables      []Table      `json:"tables"`
	Attachments []Attachment `json:"attachments"`
	List        *ListPage    `json:"list,omitempty"`
	// Parent is the URL of the article an attachment is linked from; "" for
	// pages, texts and loose files.
	Parent string `json:"parent,omitempty"`
	// Format is an attachment's file format (xlsx, xls, docx, doc, pdf,
	// wps, et, html); "" for pages and texts.
	Format  string   `json:"format,omitempty"`
	Figures []Figure `json:"figures"`
	// Problem is set when the page was read but its body could not be found
	// (an empty body with a reason rather than an error).
	Problem string `json:"problem,omitempty"`
}
