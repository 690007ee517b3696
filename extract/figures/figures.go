// Package figures finds, normalizes and labels every figure of a document's
// body text and tables, following ../shared/docs/figures.md.
//
// The model: package number finds every numeral of the text; a numeral
// becomes a figure only when a rule says what it measures — a unit after it
// (units.go and the family tables percent.go, money.go, count.go,
// measure.go), a percentage or fraction form, or an index word before it
// (指数为0.263). Negative rules (negative.go) drop ordinals, codes, slogans
// and quoted names first. Qualifiers (qualifier.go), lists and ranges
// (list.go), roles (role.go), years (year.go) and labels (label.go) are
// then filled in, each from its own ordered table. Table cells (table.go)
// are figures labelled by their row and column headers.
//
// Only the short windows that labels need are segmented with gse, so
// extraction is much faster than cutting the whole text.
package figures

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/govfig/govfig/extract/number"
	"github.com/govfig/govfig/extract/outline"
	"github.com/govfig/govfig/schema"
	"github.com/govfig/govfig/segment"
)

// Version identifies the rules' behaviour; bump it whenever output may change.
const Version = "figures/22"

// Extractor applies the rule tables. It is safe for concurrent use.
type Extractor struct {
	seg *segment.Segmenter
}

// New returns an extractor that labels figures with seg's tokens. A nil seg
// labels without part-of-speech help.
func New(seg *segment.Segmenter) *Extractor { return &Extractor{seg: seg} }

// Default returns an extractor over segment.Default().
func Default() *Extractor { return New(segment.Default()) }

// cand is a figure being built.
type cand struct {
	f         schema.Figure
	numStart  int // the numeral itself
	numEnd    int
	unitEnd   int  // end of the unit (before after-qualifiers)
	bare      bool // no unit yet: may borrow one from a list or range
	leftQual  bool // a qualifier word stands before the number
	sent      segment.Span
	period    segment.Span
	clause    segment.Span
	rangeNext *cand // the upper end of a range this figure starts
	afterQual bool  // the qualifier was written after the figure (以上, 以内)
	rule      *unitRule
	mag       float64
	form      number.Form
	subject   string
	label     string
	peeled    bool // the label window ended in a verb or attribute
	chainPrev *cand
	inName    bool   // a bound written inside an indicator's name (公交站点500米覆盖率)
	infixQual bool   // the qualifier is 余/多 inside the figure (50余家): an estimate, not a bound
	subj      string // subjectAfter's answer, once subjOK
	subjOK    bool
}

// doc holds what one extraction needs about the document.
type docCtx struct {
	e         *Extractor
	doc       *schema.Document
	rs        []rune
	off       []int32 // byte offset in doc.Text of each rune of rs, then len; nil: not valid UTF-8
	at        []int32 // the places of rs (see placed), ascending
	buf       *textBuf
	sentences []segment.Span
	clauses   []segment.Span
	sections  []schema.Section
	quoted    []span
	tables    []span
	docYear   int
	pending   []span         // spans of the figures found, for sizing lists
	periods   []segment.Span // sentences ended by 。！？ only (context for years and plans)
	planDoc   bool
	sentCache map[segment.Span]string
	spare     *cand          // a candidate read() may fill again (see read)
	secYears  map[string]int // sectionYear per section path
	capped    int            // figures dropped past MaxPerSentence
	pageCap   bool
	numCut    bool
	overflow  int // figures whose value overflows a float64
	secFinder *outline.Finder
	secCache  map[string]secInfo
	lastSec   lastSection
	// where the numerals read so far stand in the sentences, periods and
	// clauses (read takes them in text order)
	sentCur, periodCur, clauseCur spanCursor
}

// spanCursor answers spanAt for positions that mostly grow: i is the
// answer's index for the last position asked.
type spanCursor struct{ i int }

// spanAt is spanAt(spans, pos), stepping on from the last answer when pos
// did not move back past it (spans are ascending, their ends too).
func (k *spanCursor) spanAt(spans []segment.Span, pos int) segment.Span {
	i := k.i
	if i > len(spans) || i > 0 && spans[i-1].End > pos {
		i, _ = spanIndex(spans, pos)
	} else {
		for i < len(spans) && spans[i].End <= pos {
			i++
		}
	}
	k.i = i
	if i < len(spans) && spans[i].Start <= pos {
		return spans[i]
	}
	return segment.Span{Start: pos, End: pos}
}

// lastSection is the section sectionInfo answered last.
type lastSection struct {
	path string
	info secInfo
	ok   bool
}

// secInfo is what roles need to know about a section, computed once.
type secInfo struct {
	plan      bool // a plan section (改进措施, 下一步…)
	laterYear bool // names a year after the document's (二、2024年预算草案)
	ahead     bool // plans the coming year as a whole (二、2023年工作安排)
}

// sectionAt is outline.At(c.sections, pos), indexed once per document.
func (c *docCtx) sectionAt(pos int) string {
	if c.secFinder == nil {
		c.secFinder = outline.NewFinder(c.sections)
	}
	return c.secFinder.At(pos)
}

func (c *docCtx) sectionInfo(path string) secInfo {
	if path == "" {
		return secInfo{}
	}
	if c.secCache == nil {
		c.secCache = map[string]secInfo{}
	}
	if path == c.lastSec.path && c.lastSec.ok {
		return c.lastSec.info // figures come in text order: mostly the section before
	}
	if si, ok := c.secCache[path]; ok {
		c.lastSec = lastSection{path: path, info: si, ok: true}
		return si
	}
	var si secInfo
	si.plan = planSectionSet.in(path)
	si.ahead = aheadSectionSet.in(path)
	if c.docYear > 0 && mayHoldYear(path) {
		rp := []rune(path)
		for _, y := range findYears(rp, 0, len(rp)) {
			if y.year > c.docYear {
				si.laterYear = true
			}
		}
	}
	c.secCache[path] = si
	c.lastSec = lastSection{path: path, info: si, ok: true}
	return si
}

// MaxPerSentence is the most figures one sentence yields: a page that lists
// thousands of figures in one sentence is a generated or hostile page, and
// every figure carries its sentence. The figures after it are dropped (the
// rest of the page keeps its figures) and Result.Capped counts them.
const MaxPerSentence = 500

// MaxPerDocument and MaxNumbers bound what one document costs, so that any
// page up to the 32 MB input limit is read in seconds: the first
// MaxPerDocument figures are kept (in text order, prose before tables) and
// the first MaxNumbers numerals of the text are read; Result.PageCapped and
// Result.NumbersCut say when either bound was met. No district report comes
// near them (the largest statistics bulletins hold a few thousand figures).
const (
	MaxPerDocument = 20_000
	MaxNumbers     = 100_000
)

// MaxSentenceRunes is the longest sentence a figure carries whole; a figure
// in a longer sentence carries the part of it from SentenceContext runes
// before the figure to SentenceContext runes after it (cut at the sentence's
// ends), so that what the figures of a page carry stays linear in the page.
const (
	MaxSentenceRunes = 1000
	SentenceContext  = 250
)

// clipSentence returns the part of sentence s a figure at [start, end)
// carries: s itself, unless s is longer than MaxSentenceRunes.
func clipSentence(s segment.Span, start, end int) segment.Span {
	if s.End-s.Start <= MaxSentenceRunes || start < s.Start || end > s.End {
		return s
	}
	return segment.Span{Start: max(s.Start, start-SentenceContext), End: min(s.End, end+SentenceContext)}
}

// Result is what Run finds in one document.
type Result struct {
	Figures []schema.Figure // in text order; never nil
	Capped  int             // figures dropped because their sentence held more than MaxPerSentence
	// PageCapped: figures past MaxPerDocument were dropped.
	PageCapped bool
	// NumbersCut: the text holds more than MaxNumbers numerals; those
	// after were not read.
	NumbersCut bool
	// Overflow counts figures dropped because their value is too large to
	// hold (a 400-digit number, 1e330亿元).
	Overflow int
}

// Extract returns the figures of doc's Text and Tables in text order; never nil.
func (e *Extractor) Extract(doc *schema.Document) []schema.Figure {
	return e.Run(doc).Figures
}

// Run is Extract that also says how many figures the per-sentence cap
// dropped.
func (e *Extractor) Run(doc *schema.Document) Result {
	out := []schema.Figure{}
	if doc == nil || doc.Text == "" {
		return Result{Figures: out}
	}
	buf := textBufs.Get().(*textBuf)
	defer func() { // nothing Run returns refers to the buffers
		buf.reset()
		textBufs.Put(buf)
	}()
	c := e.newCtx(doc, buf)
	figs := c.prose()
	tf := c.tableFigures(MaxPerDocument - len(figs)) // reads no figure of the prose
	out = make([]schema.Figure, 0, len(figs)+len(tf))
	for _, cd := range figs {
		out = append(out, cd.f)
	}
	out = append(out, tf...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return Result{Figures: out, Capped: c.capped, PageCapped: c.pageCap, NumbersCut: c.numCut, Overflow: c.overflow}
}

// newCtx reads what the rules need to know about doc, in buf.
func (e *Extractor) newCtx(doc *schema.Document, buf *textBuf) *docCtx {
	c := &docCtx{e: e, doc: doc, buf: buf}
	c.rs, c.off, c.at = decodeInto(doc.Text, buf)
	c.sentences, c.clauses = segment.AppendSpansAt(buf.sentences, buf.clauses, c.rs, c.at)
	buf.sentences, buf.clauses = c.sentences, c.clauses
	c.sections = doc.Sections
	if c.sections == nil {
		c.sections = outline.Sections(doc.Text)
	}
	c.quoted = append(quotedSpansAt(c.rs, c.at), urlSpansAt(c.rs, c.at)...)
	for _, t := range doc.Tables {
		c.tables = append(c.tables, span{t.Start, t.End})
	}
	c.tables = mergeSpans(c.tables)
	c.docYear = documentYear(doc.Title, doc.Published)
	c.periods = appendPeriodSpansAt(buf.periods, c.rs, c.at)
	buf.periods = c.periods
	c.planDoc = containsAny(doc.Title, planTitles) && !containsAny(doc.Title, reportTitles)
	return c
}

// mergeSpans sorts spans and joins those that overlap, so that a binary
// search finds the one holding a position.
func mergeSpans(ss []span) []span {
	sort.Slice(ss, func(i, j int) bool { return ss[i].start < ss[j].start })
	var out []span
	for _, s := range ss {
		if n := len(out); n > 0 && s.start < out[n-1].end {
			out[n-1].end = max(out[n-1].end, s.end)
			continue
		}
		out = append(out, s)
	}
	return out
}

// inTable reports whether pos lies in a table's rendering (c.tables is
// merged: sorted, without overlaps).
func (c *docCtx) inTable(pos int) bool {
	i := sort.Search(len(c.tables), func(i int) bool { return c.tables[i].end > pos })
	return i < len(c.tables) && c.tables[i].start <= pos
}

// spanAt returns the span of spans containing pos (or an empty span at pos).
func spanAt(spans []segment.Span, pos int) segment.Span {
	i, ok := spanIndex(spans, pos)
	if ok {
		return spans[i]
	}
	return segment.Span{Start: pos, End: pos}
}

// spanIndex is the index of the first span of spans ending after pos, and
// whether it holds pos: sort.Search(len(spans), func(i int) bool { return
// spans[i].End > pos }) written out.
func spanIndex(spans []segment.Span, pos int) (int, bool) {
	i, hi := 0, len(spans)
	for i < hi {
		h := int(uint(i+hi) >> 1)
		if spans[h].End > pos {
			hi = h
		} else {
			i = h + 1
		}
	}
	return i, i < len(spans) && spans[i].Start <= pos
}

// prose finds the figures of the body text outside tables.
func (c *docCtx) prose() []*cand {
	cands := c.buf.candPtrs[:0]
	ms, more, overflow := number.AppendScan(c.buf.matches[:0], c.rs, MaxNumbers)
	if cap(ms) <= maxPooledMatches {
		c.buf.matches = ms[:0]
	} else {
		c.buf.matches = nil
	}
	c.numCut, c.overflow = more, overflow
	marks := marksAt(c.rs, c.at)
	for _, m := range ms {
		if c.inTable(m.Start) {
			continue
		}
		if negative(c.rs, m, c.quoted, marks) != "" {
			continue
		}
		if cd := c.read(m); cd != nil {
			cands = append(cands, cd)
		}
	}
	cands = append(cands, c.shareWordCands()...)
	cands = append(cands, c.bareMagnitudeCands()...)
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].f.Start < cands[j].f.Start })
	cands = resolveLists(c.rs, cands)
	figs := c.buf.figs[:0]
	c.pending = c.buf.pending[:0]
	inSent := 0
	for i, cd := range cands {
		if i == 0 || cands[i-1].sent != cd.sent {
			inSent = 0
		}
		if cd.bare {
			continue
		}
		if inSent++; inSent > MaxPerSentence {
			c.capped++
			continue
		}
		if len(figs) == MaxPerDocument {
			c.pageCap = true
			break
		}
		figs = append(figs, cd)
		c.pending = append(c.pending, span{cd.f.Start, cd.f.End})
	}
	c.buf.candPtrs, c.buf.figs, c.buf.pending = cands, figs, c.pending
	c.finish(figs)
	return figs
}

// read turns a numeral into a candidate figure, or nil. Most numerals are
// none (years, dates, item numbers): the candidate of one that is not is
// used again for the next.
func (c *docCtx) read(m number.Match) *cand {
	cd := c.spare
	if cd == nil {
		cd = c.buf.newCand()
	} else {
		*cd = cand{}
	}
	cd.numStart, cd.numEnd, cd.form, cd.mag = m.Start, m.End, m.Form, 1
	if got := c.readInto(cd, m); got != nil {
		c.spare = nil
		return got
	}
	c.spare = cd
	return nil
}

// readInto fills cd from the numeral m; nil when m is no figure. It keeps no
// reference to cd when it returns nil.
func (c *docCtx) readInto(cd *cand, m number.Match) *cand {
	rs := c.rs
	cd.sent = c.sentCur.spanAt(c.sentences, m.Start)
	cd.period = c.periodCur.spanAt(c.periods, m.Start)
	cd.clause = c.clauseCur.spanAt(c.clauses, m.Start)
	f := &cd.f
	f.Value = m.Value
	textStart, textEnd := m.Start, m.End
	qual := schema.QualExact

	switch m.Form {
	case number.Percent, number.Permille:
		// 百分之三十五 → 35%; 千分之五 → 0.5%; 万分之三 → 0.03%
		den := m.Den
		if den == 0 {
			den = 100
		}
		f.Kind, f.BaseUnit, f.Normalized = schema.KindPercent, "%", m.Value*100/den
		f.Unit = perUnit(rs, m)
	case number.Fraction:
		left := c.sub(lw(cd.clause.Start, m.Start), m.Start)
		if strings.Contains(left, "占") {
			f.Kind, f.Unit, f.BaseUnit, f.Normalized = schema.KindPercent, unitFraction, "%", m.Value*100
		} else {
			f.Kind, f.Normalized = schema.KindIndex, m.Value
		}
	default:
		if containsAnyRune(m.Text, "/／") {
			// 总数的1/3: a slash fraction is a figure only as a share of a whole.
			left := c.sub(lw(cd.clause.Start, m.Start), m.Start)
			if !strings.Contains(left, "占") && !strings.HasSuffix(left, "的") {
				return nil
			}
			f.Kind, f.Unit, f.BaseUnit, f.Normalized = schema.KindPercent, unitFraction, "%", m.Value*100
			return c.finishRead(cd, m.Start, m.End, qual)
		}
		m = unitInside(rs, m)
		numEnd, value := splitMagnitude(rs, m)
		p := numEnd
		if p < len(rs) {
			for _, q := range qualInfix { // 330余名
				if hasAt(rs, p, q.word) {
					if _, ok := matchUnit(rs, p+1); ok {
						qual = q.qual
						cd.infixQual = true
						p++
					}
					break
				}
			}
		}
		if c.runesIn(m.Start, numEnd, infixQualRunes) {
			qual = schema.QualGT // 60余亿元
			cd.infixQual = true
		}
		// Blanks between a number and its unit (12 所, 一百五十    个百分点).
		q := p
		for q < len(rs) && q-p < 4 && (rs[q] == ' ' || rs[q] == '\u3000') {
			q++
		}
		u, uEnd, ok := matchUnitLoose(rs, q)
		if numEnd != m.End {
			// 七十五万个百分点: the magnitude belongs to the number when the
			// unit after the whole numeral is the longer one.
			q2 := m.End
			for q2 < len(rs) && q2-m.End < 4 && (rs[q2] == ' ' || rs[q2] == '\u3000') {
				q2++
			}
			if u2, e2, ok2 := matchUnitLoose(rs, q2); ok2 && (!ok || len([]rune(u2.rule.unit)) > len([]rune(u.rule.unit))) {
				u, uEnd, ok, q = u2, e2, true, q2
				numEnd, value = m.End, m.Value
			}
		}
		if !ok && numEnd != m.End && m.End+1 < len(rs) && (rs[m.End] == '多' || rs[m.End] == '余') {
			// 5万多人次, 1万多条: 多 between the magnitude and the measure word.
			if u3, ok3 := matchUnit(rs, m.End+1); ok3 && u3.mag == 1 && u3.rule.mags {
				mw := c.sub(numEnd, m.End)
				for _, mg := range magnitudes {
					if mg.word == mw {
						u = unitEntry{text: mw + u3.text, runes: []rune(mw + u3.text), mag: mg.factor, rule: u3.rule}
						uEnd, ok, q, qual = m.End+1+len(u3.runes), true, m.End+1, schema.QualGT
						cd.infixQual = true
						break
					}
				}
			}
		}
		if ok {
			p = q
		}
		if ok && c.unitRefused(m, u, uEnd) {
			return nil
		}
		if ok && u.rule.unit == "位" && c.rankContext(cd.clause.Start, m.Start) {
			u = unitEntry{text: u.text, mag: u.mag, rule: &rankUnit}
		}
		if !ok {
			if sh, end, v, okShare := shareAt(rs, q, m); okShare {
				// 七成, 9.9折, 三成半, 七成六: a share of ten
				f.Kind, f.Unit, f.BaseUnit, f.Normalized, f.Value = schema.KindPercent, sh, "%", v, m.Value
				cd.unitEnd = end
				f.Start, f.End = m.Start, end
				return c.finishRead(cd, m.Start, end, qual)
			}
		}
		if !ok && m.Start > 0 {
			if base, signed := currencySigns[rs[m.Start-1]]; signed {
				// ￥300, $20: the sign is the unit
				f.Kind, f.Unit, f.BaseUnit, f.Normalized, f.Value = schema.KindMoney, string(rs[m.Start-1]), base, m.Value, m.Value
				return c.finishRead(cd, m.Start-1, m.End, qual)
			}
		}
		if ok && u.rule.kind == schema.KindCount && isNameAfter(rs, uEnd) {
			return nil
		}
		if loneOne(rs, m) && (!ok || u.rule.kind != schema.KindSchools && u.rule.kind != schema.KindMoney) {
			return nil
		}
		if ok {
			if numEnd != m.End && u.mag == 1 {
				// 五万人 read as 五 + 万人 failed: keep the whole numeral.
				value = m.Value
			}
			f.Value = value
			cd.rule, cd.mag = u.rule, u.mag
			f.Kind, f.Unit, f.BaseUnit = u.rule.kind, u.text, u.rule.base
			f.Normalized = scaled(value, u.mag, u.rule.factor)
			textEnd = uEnd
			cd.numEnd = numEnd
			if n := rateSuffixAt(rs, uEnd); n > 0 && (f.Kind == schema.KindCount || f.Kind == schema.KindMeasure) {
				// 1.52万管/日: a rate; unit and base unit take the suffix.
				rate := c.sub(uEnd, uEnd+n)
				f.Unit, f.BaseUnit, textEnd = f.Unit+rate, f.BaseUnit+rate, uEnd+n
			}
		} else {
			f.Value = m.Value
			textEnd = m.End
			if m.End < len(rs) && runeIn("年月日号时点岁届期级", rs[m.End]) {
				return nil // 2024年, 9月, 12号: dates and names, never figures
			}
			if k, end, ok := c.bareIndex(cd, m); ok {
				f.Kind, f.Normalized = k, m.Value
				textEnd = end
			} else {
				cd.bare = true
				f.Normalized = m.Value
			}
		}
	}
	return c.finishRead(cd, textStart, textEnd, qual)
}

// finishRead adds the qualifier words around a candidate and fixes its text.
func (c *docCtx) finishRead(cd *cand, textStart, textEnd int, qual schema.Qualifier) *cand {
	rs := c.rs
	f := &cd.f
	cd.unitEnd = textEnd
	// Qualifier words before and after.
	var before []qualRule // the words that may end right before the text: qualBefore's order
	if textStart > 0 && textStart <= len(rs) {
		before = qualBeforeByLast[rs[textStart-1]]
	}
	for _, q := range before {
		if hasBefore(rs, textStart, q.word) {
			if q.word == "近" && textStart >= 2 && runeIn("最接附将邻", rs[textStart-2]) && !hasBefore(rs, textStart, "将近") && !hasBefore(rs, textStart, "接近") {
				break
			}
			if q.word == "超" && textStart >= 2 && runeIn("赶高", rs[textStart-2]) {
				break
			}
			qual = q.qual
			textStart -= len([]rune(q.word))
			cd.leftQual = true
			break
		}
	}
	if !cd.leftQual && qual == schema.QualExact {
		if left := c.sub(max(0, textStart-6), textStart); c.runesIn(max(0, textStart-6), textStart, qualVerbRunes) {
			if m := qualVerbRe.FindStringSubmatch(left); m != nil {
				for _, q := range qualBefore {
					if q.word == m[1] {
						qual = q.qual
					}
				}
				if m[1] == "最少" {
					qual = schema.QualGE
				} else if m[1] == "最多" {
					qual = schema.QualLE
				}
			}
		}
		if left := c.sub(max(0, textStart-24), textStart); qual == schema.QualExact && f.Kind == schema.KindPercent && strings.Contains(left, "不") {
			if m := qualShareRe.FindStringSubmatch(left); m != nil {
				for _, q := range qualBefore {
					if q.word == m[1] {
						qual = q.qual
					}
				}
			}
		}
		if left := c.sub(max(0, textStart-10), textStart); qual == schema.QualExact && strings.Contains(left, "每") {
			if loc := rateBaseLeftRe.FindStringIndex(left); loc != nil {
				for _, q := range qualBefore {
					if strings.HasSuffix(left[:loc[0]], q.word) && utf8.RuneCountInString(q.word) >= 2 {
						qual = q.qual
						break
					}
				}
			}
		}
	}
	{
		var after []qualRule
		if textEnd >= 0 && textEnd < len(rs) {
			after = qualAfterByFirst[rs[textEnd]]
		}
		for _, q := range after {
			if hasAt(rs, textEnd, q.word) {
				if q.word == "以上" && qual == schema.QualGT {
					// 超过…以上 stays gt
				} else {
					qual = q.qual
					cd.afterQual = true
				}
				textEnd += len([]rune(q.word))
				break
			}
		}
	}
	if math.IsInf(f.Normalized, 0) || math.IsNaN(f.Normalized) || math.IsInf(f.Value, 0) || math.IsNaN(f.Value) {
		c.overflow++
		return nil
	}
	f.Qualifier = qual
	f.Start, f.End = textStart, textEnd
	f.Text = c.sub(textStart, textEnd)
	return cd
}

// unitInside cuts a numeral where a unit that starts with a magnitude
// rune begins inside it: 5千米 is 5 and 千米, 38.25亿千瓦时 is 38.25亿 and
// 千瓦时, 120兆瓦 is 120 and 兆瓦 (the scanner read 千 and 兆 as numerals).
func unitInside(rs []rune, m number.Match) number.Match {
	for k := m.Start + 1; k < m.End; k++ {
		if !runeIn("百千万亿兆", rs[k]) || !isDigitRune(rs[k-1]) && !runeIn("万亿", rs[k-1]) {
			continue
		}
		us := unitIndex[rs[k]]
		for i := range us {
			u := &us[i]
			if u.mag != 1 || !strings.HasPrefix(u.rule.unit, string(u.runes[0])) || !runesAt(rs, k, u.runes) {
				continue
			}
			if _, ok := matchUnit(rs, k); !ok {
				continue // 千瓦 followed by a word it is part of
			}
			v, err := number.Parse(sub(rs, m.Start, k))
			if err != nil {
				continue
			}
			m.End, m.Value, m.Text = k, v, sub(rs, m.Start, k)
			return m
		}
	}
	return m
}

// splitMagnitude splits a trailing magnitude word off a numeral (3.5万 → 3.5
// and 万, which belongs to the unit) and returns where the number ends and
// its value. Without one it returns m.End and m.Value.
func splitMagnitude(rs []rune, m number.Match) (int, float64) {
	for i := range magnitudes {
		w := magnitudeRunes[i]
		n := len(w)
		if m.End-n <= m.Start || !runesAt(rs, m.End-n, w) {
			continue
		}
		prefix := strings.TrimRight(sub(rs, m.Start, m.End-n), "余多")
		v, err := number.Parse(prefix)
		if err != nil {
			continue
		}
		return m.End - n, v
	}
	return m.End, m.Value
}

// rankContext reports whether the clause before pos speaks of a rank.
func (c *docCtx) rankContext(from, pos int) bool {
	w := c.sub(lw(from, pos), pos)
	for _, r := range rankWords {
		if strings.Contains(w, r) {
			return true
		}
	}
	return false
}

// indexWords before a bare number make it an index (差异指数为0.263,
// 系数0.4175, 生师比为13.5:1, 城乡居民收入比为1.88).
var indexWords = []string{"指数", "系数", "比", "比值", "比率", "指标值", "弹性"}

// bareIndex decides whether a number without unit is an index, and where its
// text ends (13.5:1 takes its :1).
func (c *docCtx) bareIndex(cd *cand, m number.Match) (schema.Kind, int, bool) {
	rs := c.rs
	end := m.End
	// 1.1:50.3:48.6 (三次产业结构): a chain of three parts or more is one
	// index figure per part, never overlapping.
	if from, parts := ratioChain(rs, m); parts >= 3 {
		if containsAny(c.sub(lw(cd.clause.Start, from), from), ratioWords) {
			return schema.KindIndex, end, true
		}
		return "", 0, false
	}
	// 13.5:1 ratio
	if end+1 < len(rs) && isRatioColon(rs[end]) && isDigitRune(rs[end+1]) {
		j := end + 1
		for j < len(rs) && (isDigitRune(rs[j]) || rs[j] == '.' && j+1 < len(rs) && isDigitRune(rs[j+1])) {
			j++ // 1:1.14 takes its decimals
		}
		if strings.Contains(c.sub(lw(cd.clause.Start, m.Start), m.Start), "比") {
			return schema.KindIndex, j, true
		}
		return "", 0, false
	}
	w := strings.TrimSpace(c.sub(lw(cd.clause.Start, m.Start), m.Start))
	for _, t := range []string{"分别为", "分别是", "分别", "为", "是", "达到", "达", ":", "：", "了"} {
		w = strings.TrimSuffix(w, t)
	}
	for _, q := range qualBefore {
		w = strings.TrimSuffix(w, q.word)
	}
	for _, t := range []string{"达到了", "达到", "为"} {
		w = strings.TrimSuffix(w, t)
	}
	for _, iw := range indexWords {
		if strings.HasSuffix(w, iw) {
			return schema.KindIndex, end, true
		}
	}
	return "", 0, false
}

// ratioWords before a chain ratio say it is one (三次产业结构为1.1:50.3:48.6).
var ratioWords = []string{"比", "结构", "构成"}

// ratioChain returns where the chain of numbers joined by ratio colons
// around m starts and how many parts it has.
func ratioChain(rs []rune, m number.Match) (int, int) {
	isNum := func(r rune) bool { return isDigitRune(r) || r == '.' }
	from, parts := m.Start, 1
	for from >= 2 && isRatioColon(rs[from-1]) && isDigitRune(rs[from-2]) {
		from -= 2
		for from > 0 && isNum(rs[from-1]) {
			from--
		}
		parts++
	}
	for p := m.End; p+1 < len(rs) && isRatioColon(rs[p]) && isDigitRune(rs[p+1]); {
		p++
		for p < len(rs) && isNum(rs[p]) {
			p++
		}
		parts++
	}
	return from, parts
}

// unitRefused reports a unit that, in this place, makes no figure: a time
// (9时30分), a duration used as a name (连续17个月, 24小时值守), a name
// written with a numeral (王四元, 一元化, 二类事业单位).
func (c *docCtx) unitRefused(m number.Match, u unitEntry, uEnd int) bool {
	rs := c.rs
	next := rune(0)
	if uEnd < len(rs) {
		next = rs[uEnd]
	}
	oneHan := m.Chinese && m.End-m.Start == 1
	switch {
	case u.rule.unit == "分" && m.Start > 0 && runeIn("时点:：", rs[m.Start-1]):
		return true
	case containsAny(u.rule.unit, durationUnits) && hasBefore(rs, m.Start, "连续"):
		return true
	case u.rule.unit == "小时" && m.Value == 24 && isHan(next):
		return true
	case u.rule.kind == schema.KindMoney && oneHan && isHan(next) && !runeIn("钱的以左多每和及与或至到", next):
		return true
	case u.rule.unit == "类" && oneHan && isHan(next) && !runeIn("的以和及与或、", next):
		return true
	}
	return false
}

// finish fills roles, years, labels, subjects, sentences and sections.
func (c *docCtx) finish(figs []*cand) {
	// Index thresholds and changes borrow their kind from an index before them
	// in the sentence (达到了小于或等于0.45的优质均衡标准, 比上年缩小0.04).
	for _, cd := range figs {
		cd.f.Sentence = c.sentenceText(clipSentence(cd.sent, cd.f.Start, cd.f.End))
		cd.f.Section = c.sectionAt(cd.f.Start)
	}
	for i, cd := range figs {
		var prev *cand
		if i > 0 && figs[i-1].sent == cd.sent {
			prev = figs[i-1]
		}
		c.year(cd)
		c.role(cd, prev, figs[:i])
		c.direction(cd, prev) // direction.go
		if cd.f.Role == schema.RolePrevious && cd.f.Year > 0 && mentionsPriorYear(c.sub(lw(cd.clause.Start, cd.f.Start), cd.f.Start)) {
			cd.f.Year--
		}
		c.labelOf(cd, prev, figs[:i])
	}
	// 分别有3所和1所学校: earlier members of a count list share the last
	// member's counted noun (and label, when they have none).
	for i := len(figs) - 2; i >= 0; i-- {
		a, b := figs[i], figs[i+1]
		if counted(a.f.Kind) && a.f.Subject == "" && b.f.Unit == a.f.Unit && listJoined(c.rs, a, b) {
			a.f.Subject, a.subject = b.f.Subject, b.subject
			if a.f.Label == "" {
				a.f.Label = b.f.Label
			}
		}
	}
}

// role decides the figure's role (role.go holds the cue tables).
func (c *docCtx) role(cd *cand, prev *cand, before []*cand) {
	rs := c.rs
	f := &cd.f
	left := c.sub(lw(cd.clause.Start, f.Start), f.Start)
	if prev != nil && prev.clause == cd.clause && prev.f.End <= f.Start {
		left = c.sub(prev.f.End, f.Start)
	}
	// A qualifier or role written once before a list applies to each
	// (超过40个班1800名学生): the figure follows the previous one with at most
	// a short counted noun between.
	if prev != nil && prev.clause == cd.clause && chained(rs, prev, cd) {
		cd.chainPrev = prev
		if prev.leftQual && f.Qualifier == schema.QualExact {
			f.Qualifier = prev.f.Qualifier
		}
	}
	listed := prev != nil && listJoined(rs, prev, cd)
	if listed && cd.afterQual && prev.f.Qualifier == schema.QualExact && prev.f.Kind == f.Kind {
		prev.f.Qualifier = f.Qualifier // 控制在0.35和0.30以内: 以内 bounds both
	}
	after := c.sub(f.End, min(f.End+4, len(rs)))
	switch {
	case previousEnd(left) && containsAnyRune(left, "比较") && tailMatch(previousRe, left, previousMax) || strings.Contains(left, "由") && tailMatch(fromRe, left, fromMax) && hasAnyPrefix(after, toAfter):
		f.Role = schema.RolePrevious
	case c.changeBefore(cd, left):
		f.Role = schema.RoleChange
	case listed && prev.f.Role != schema.RoleLevel && prev.f.Role != schema.RolePrevious && own(left):
		f.Role = prev.f.Role // 分别增长5%、8%
	case c.thresholdAfter(cd, left):
		f.Role = schema.RoleThreshold
	case cd.chainPrev != nil && cd.chainPrev.f.Role == schema.RoleThreshold && cd.f.Start > cd.chainPrev.f.End:
		f.Role = schema.RoleThreshold
	case c.target(cd, left, before):
		f.Role = schema.RoleTarget
	case f.Unit == "个百分点" || f.Unit == "百分点":
		f.Role = schema.RoleChange
	default:
		f.Role = schema.RoleLevel
	}
	if f.Role == schema.RoleThreshold && cd.chainPrev != nil && cd.chainPrev.f.Role != schema.RoleThreshold && bounded(cd.chainPrev.f.Qualifier) {
		cd.chainPrev.f.Role = schema.RoleThreshold
	}
}

// own reports a window with no words of its own (only list marks).
func own(left string) bool {
	return trimSet(left, " 、，,和与及") == ""
}

func hasAnySuffix(s string, ws []string) bool {
	for _, w := range ws {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, ws []string) bool {
	for _, w := range ws {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// listJoined reports whether b follows a with only a list mark between.
func listJoined(rs []rune, a, b *cand) bool {
	if a.sent != b.sent || a.f.End > b.f.Start || b.f.Start-a.f.End > 4 {
		return false
	}
	gap := strings.TrimSpace(sub(rs, a.f.End, b.f.Start))
	for _, m := range listMarks {
		if gap == m {
			return true
		}
	}
	return false
}

// chained reports whether b follows a with at most two runes of counted
// noun between (40个班1800名, 58所学校123节).
func chained(rs []rune, a, b *cand) bool {
	gap := b.f.Start - a.f.End
	if gap < 0 || gap > 2 || a.f.Kind == schema.KindPercent || a.f.Kind == schema.KindMoney {
		return false
	}
	if gap == 0 && (!counted(a.f.Kind) || !counted(b.f.Kind)) {
		return false // 3,215户5,862人 chains; 17.54%140所 does not
	}
	for _, r := range rs[a.f.End:b.f.Start] {
		if !isHan(r) {
			return false
		}
	}
	return true
}

// isRatioColon reports a colon written in a ratio: 13.5:1, 13.5：1, 13.5∶1.
func isRatioColon(r rune) bool { return r == ':' || r == '：' || r == '∶' }

func isHan(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }

// changeBefore reports a change verb right before the figure.
func (c *docCtx) changeBefore(cd *cand, left string) bool {
	l := strings.TrimRight(left, " ")
	l = strings.TrimSuffix(l, "了")
	l = strings.TrimSuffix(l, "幅度为")
	last, _ := utf8.DecodeLastRuneInString(l)
	for _, w := range changeWordsByLast[last] { // changeWords' order
		if strings.HasSuffix(l, w) {
			if compoundChange(strings.TrimSuffix(l, w)) {
				return false // 改造提升1.4万亩
			}
			// single-character verbs only in short forms (增5%, 净增), not inside words (新增学位)
			if len([]rune(w)) == 1 && strings.HasSuffix(l, "新"+w) {
				return false
			}
			return true
		}
	}
	if benchmarkEnd(l) && containsAnyRune(l, "比较") && tailMatch(benchmarkRe, l, benchmarkMax) {
		return true // 比上年多30场, 比全省平均水平高3.5个百分点
	}
	tail := lastRunes(l, 6)
	for _, w := range changeNear {
		if strings.Contains(tail, w) && !strings.HasSuffix(l, w+"至") && !strings.HasSuffix(l, w+"到") {
			return true // 压缩至3个月 gives the new level
		}
	}
	return false
}

// thresholdAfter reports a figure that sets a bound or norm: a bounded
// figure followed by 的 and what it selects, by another figure, or labelled a
// limit; a bound, range or ratio in a sentence that sets a norm; anything
// followed by …的标准.
func (c *docCtx) thresholdAfter(cd *cand, left string) bool {
	f := &cd.f
	rs := c.rs
	rest := c.sub(f.End, min(cd.period.End, f.End+window))
	if f.Kind == schema.KindMeasure && nameBoundRe.MatchString(rest) {
		cd.inName = true
		return true
	}
	if (strings.Contains(rest, "标准") || strings.Contains(rest, "要求")) && normAfterRe.MatchString(rest) {
		return true
	}
	isRange := cd.rangeNext != nil || f.Qualifier == schema.QualLE && c.rangeEnd(cd)
	// 50余家 states an estimate: 余/多 make no bound.
	bnd := bounded(f.Qualifier) && !(cd.infixQual && f.Qualifier == schema.QualGT)
	// A ratio stated as a fact (义务教育阶段生师比为13.8:1) is a level; it
	// sets a norm only when it selects (生师比为13.8:1的要求) or is named a
	// limit, like any unbounded figure.
	ratio := f.Kind == schema.KindIndex && strings.IndexFunc(f.Text, isRatioColon) >= 0
	if !bnd && !ratio {
		return false
	}
	if !isRange {
		p := f.End
		for k := 0; k < 3 && p < len(rs) && isHan(rs[p]) && rs[p] != '的'; k++ {
			p++
		}
		nouns := thresholdNouns
		if !bnd {
			nouns = ratioNormNouns
		}
		if p < len(rs) && rs[p] == '的' && nouns.MatchString(c.sub(p, min(p+12, len(rs)))) && !hasTargetCue(c.sub(lw(cd.clause.Start, f.Start), f.Start)) {
			return true
		}
		// The same without 的: 年营业收入10亿元以上企业9家.
		if bnd && selectedNounRe.MatchString(c.sub(f.End, min(f.End+8, len(rs)))) && !hasTargetCue(c.sub(lw(cd.clause.Start, f.Start), f.Start)) {
			return true
		}
		if f.End < len(rs) && bnd {
			if m, ok := number.MatchAt(rs, f.End); ok && m.End > m.Start {
				return true
			}
		}
	}
	win := c.sub(max(cd.clause.Start, f.Start-8), f.Start)
	if thresholdLabelSet.in(win) {
		return true
	}
	if (bnd || isRange) && normWordSet.in(c.sub(lw(cd.period.Start, f.Start), f.End)) {
		return true
	}
	return false
}

// rangeEnd reports whether cd is the upper end of a range.
func (c *docCtx) rangeEnd(cd *cand) bool {
	return cd.numStart > 0 && runeIn("至到-－~～—", c.rs[cd.numStart-1]) && cd.numStart >= 2 && (isDigitRune(c.rs[cd.numStart-2]) || runeIn("一二三四五六七八九十两", c.rs[cd.numStart-2]))
}

// target reports a planned or aimed-for figure.
func (c *docCtx) target(cd *cand, left string, before []*cand) bool {
	pLeft := c.sub(lw(cd.period.Start, cd.f.Start), cd.f.Start)
	sLeft := c.sub(lw(cd.sent.Start, cd.f.Start), cd.f.Start)
	if strings.Contains(sLeft, "《") {
		sLeft = titleRe.ReplaceAllString(sLeft, "《》") // 《…改善计划…办法》 is a title, no cue
	}
	cLeft := c.sub(lw(cd.clause.Start, cd.f.Start), cd.f.Start)
	if strings.Contains(cLeft, "将") && willRe.MatchString(cLeft) {
		return true // 达标率将由88%提高到95%, 比例将达到82%
	}
	// A cue in another clause of the sentence plans nothing for a share of a
	// total (…，占全部投资的89.4%) nor for a year already past.
	ownOnly := strings.Contains(cLeft, "占") && tailMatch(shareOfRe, cLeft, shareOfMax) || c.docYear > 0 && cd.f.Year > 0 && cd.f.Year < c.docYear
	if ownOnly && hasTargetCue(cLeft) || !ownOnly && hasTargetCue(sLeft) {
		return true
	}
	// A section about a later year (二、2024年预算草案) plans.
	sec := c.sectionInfo(cd.f.Section)
	if sec.laterYear {
		return true
	}
	future := c.docYear > 0 && cd.f.Year > c.docYear
	early := strings.Contains(cLeft, "年初") // every earlyTargetFuture word starts with it
	for i, w := range targetFuture {
		if future && strings.Contains(pLeft, w) || early && strings.Contains(cLeft, earlyTargetFuture[i]) {
			return true
		}
	}
	if (c.planDoc || sec.ahead) && c.docYear > 0 && cd.f.Year >= c.docYear {
		existing := existingWordSet.in(sLeft)
		if cd.f.Kind == schema.KindSchools && !containsAny(pLeft, []string{"新建", "新增", "建成", "投入使用"}) {
			existing = true
		}
		if !existing {
			return true
		}
	}
	if sec.plan && strings.Contains(left, "完成") {
		return true
	}
	// 其中:2024年撤并学校3所… breaks down a planned total of the sentence before.
	if st := strings.TrimLeft(c.sub(cd.period.Start, min(cd.period.End, cd.period.Start+8)), " "); strings.HasPrefix(st, "其中") {
		for i := len(before) - 1; i >= 0; i-- {
			b := before[i]
			if b.period.End < cd.period.Start-2 {
				break
			}
			if b.period.End <= cd.period.Start && b.f.Role == schema.RoleTarget && b.f.Unit == cd.f.Unit {
				return true
			}
		}
	}
	return false
}

// year gives the figure the year its sentence names before it, or the
// document's year (year.go).
func (c *docCtx) year(cd *cand) {
	f := &cd.f
	if y, ok := lastYear(c.rs, lw(cd.period.Start, f.Start), f.Start); ok {
		f.Year = y
		return
	}
	f.Year = c.sectionYear(f.Section) // year.go
}

// shareWordCands finds shares written without a numeral (打对折, 半成).
func (c *docCtx) shareWordCands() []*cand {
	var out []*cand
	for _, p := range c.at { // every 对, 對 and 半 is a place
		out = c.shareWordsAt(out, int(p))
	}
	return out
}

// shareWordsAt appends the share words' figures at rs[i] to out.
func (c *docCtx) shareWordsAt(out []*cand, i int) []*cand {
	if r := c.rs[i]; r != '对' && r != '對' && r != '半' {
		return out
	}
	for _, sw := range shareWords {
		w := []rune(sw.word)
		if !hasAt(c.rs, i, sw.word) || c.inTable(i) || i+len(w) < len(c.rs) && c.rs[i+len(w)] == '品' {
			continue
		}
		if sw.after != "" && !hasBefore(c.rs, i, sw.after) {
			continue // 对折 alone is folding in half; 打对折 a discount
		}
		cd := &cand{numStart: i, numEnd: i + len(w), mag: 1}
		cd.sent, cd.period, cd.clause = spanAt(c.sentences, i), spanAt(c.periods, i), spanAt(c.clauses, i)
		cd.f = schema.Figure{Kind: schema.KindPercent, Value: sw.value, Unit: sw.word, Normalized: sw.value, BaseUnit: "%"}
		if r := c.finishRead(cd, i, i+len(w), schema.QualExact); r != nil {
			out = append(out, r)
		}
	}
	return out
}

// bareMagnitudes are magnitudes written without a digit (近万名, 百名以上,
// 逾千人): a figure only with a qualifier, since 千人计划 or 万家灯火 are names.
var bareMagnitudes = map[rune]float64{'百': 100, '千': 1000, '万': 1e4, '亿': 1e8}

// bareMagnitude is bareMagnitudes[r] without a map lookup for every rune of
// the text.
func bareMagnitude(r rune) (float64, bool) {
	switch r {
	case '百', '千', '万', '亿':
		return bareMagnitudes[r], true
	}
	return 0, false
}

// moneyBareQuals are the qualifiers a bare magnitude of money must follow.
var moneyBareQuals = []string{"近", "逾", "超", "约", "超过", "将近", "接近", "突破"}

// bareMagnitudeCands finds counts written with a bare magnitude and a
// qualifier: 近万个 (approx 10000 个), 百名以上 (ge 100 名). The value is the
// magnitude, the unit the measure word.
func (c *docCtx) bareMagnitudeCands() []*cand {
	var out []*cand
	for _, at := range c.at { // every 百, 千, 万 and 亿 is a place
		out = c.bareMagnitudeAt(out, int(at))
	}
	return out
}

// bareMagnitudeAt appends the bare magnitude's figure at rs[i], if any, to out.
func (c *docCtx) bareMagnitudeAt(out []*cand, i int) []*cand {
	rs := c.rs
	mag, ok := bareMagnitude(rs[i])
	if !ok || c.inTable(i) || i > 0 && (isDigitRune(rs[i-1]) || runeIn("零〇一二两三四五六七八九十百千万亿数几干上成好", rs[i-1])) {
		return out
	}
	p, qual := i+1, schema.QualExact
	if p < len(rs) && (rs[p] == '余' || rs[p] == '多') {
		p, qual = p+1, schema.QualGT
	}
	u, ok := matchUnit(rs, p)
	if !ok || u.mag != 1 || u.rule.kind == schema.KindPercent {
		return out
	}
	if _, num := number.MatchAt(rs, i); num {
		return out
	}
	cd := &cand{numStart: i, numEnd: i + 1, mag: 1, rule: u.rule}
	cd.sent, cd.period, cd.clause = spanAt(c.sentences, i), spanAt(c.periods, i), spanAt(c.clauses, i)
	cd.f = schema.Figure{Kind: u.rule.kind, Value: mag, Unit: u.text, BaseUnit: u.rule.base, Normalized: scaled(mag, 1, u.rule.factor)}
	r := c.finishRead(cd, i, p+len(u.runes), qual)
	if r == nil || r.f.Qualifier == schema.QualExact {
		return out
	}
	// Money needs its qualifier before it (近亿元, 逾千万元): 亿元以上项目
	// and 千万元以上企业 name classes of projects and firms.
	if r.f.Kind == schema.KindMoney && !hasAnySuffix(c.sub(lw(cd.clause.Start, i), i), moneyBareQuals) {
		return out
	}
	return append(out, r)
}

// window is the most runes of context read on either side of a figure;
// it keeps extraction linear on text without sentence marks.
const window = 160

// lw clamps the start of a left context ending at pos to window runes.
func lw(start, pos int) int {
	if pos-start > window {
		return pos - window
	}
	return start
}

// sentenceText returns the text of a sentence span, built once per sentence.
func (c *docCtx) sentenceText(s segment.Span) string {
	if c.off != nil {
		return c.sub(s.Start, s.End) // a slice of the text: nothing to build
	}
	if c.sentCache == nil {
		c.sentCache = map[segment.Span]string{}
	}
	t, ok := c.sentCache[s]
	if !ok {
		t = c.sub(s.Start, s.End)
		c.sentCache[s] = t
	}
	return t
}

// titleRe matches a book-title span 《…》.
var titleRe = regexp.MustCompile(`《[^《》]*》`)

// hasTargetCue reports a strong target word in s that is not part of a noun
// (计划总投资, 全年计划的100%).
func hasTargetCue(s string) bool {
	if !targetStrongSet.in(s) {
		return false // no cue at all, as most windows
	}
	for _, w := range targetStrong {
		for i := strings.Index(s, w); i >= 0; {
			if !hasAnyPrefix(s[i+len(w):], notTargetAfter) {
				return true
			}
			j := strings.Index(s[i+len(w):], w)
			if j < 0 {
				break
			}
			i += len(w) + j
		}
	}
	return false
}
