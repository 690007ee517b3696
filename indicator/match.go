package indicator

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/govfig/govfig/extract/region"
	"github.com/govfig/govfig/schema"
)

// Match is the indicator a figure measures and how sure the mapping is.
type Match struct {
	Code       string  // "" when the figure maps to no indicator
	Confidence float64 // 0 < c ≤ 1 when Code is set
	Rule       string  // which rule decided (exact, trimmed, gap, growth; or why not)
}

// maxLabelBytes bounds the labels looked up: no indicator's name with its
// scope words comes near it, and a runaway label (a page without
// punctuation) costs nothing.
const maxLabelBytes = 600

// Confidences of the rules, from the surest.
const (
	confExact   = 1.0  // the label is a name of the indicator
	confTrimmed = 0.9  // … once scope words (全区, 2023年, 实现) are cut off
	confGap     = 0.8  // a pattern with words between matches
	growthScale = 0.95 // a percent change of a level, read as its growth rate
)

// Map returns the indicator fig measures, or a Match without Code. It reads
// only the figure's label, kind, base unit and role.
func (c *Catalogue) Map(fig *schema.Figure) Match {
	in, conf, growth, rule := c.findMemo(fig.Label)
	if in == nil {
		return Match{Rule: rule}
	}
	return c.fit(in, conf, growth, rule, fig)
}

// fit checks that the figure's kind, unit and role suit the indicator found
// by its label, and turns a percent change of a level into its growth rate.
func (c *Catalogue) fit(in *Indicator, conf float64, growth bool, rule string, fig *schema.Figure) Match {
	k := fig.Kind
	if in.GrowthOf != "" || in.ShareOf != "" {
		if k != schema.KindPercent {
			return Match{Rule: "kind: a growth rate or share is a percent"}
		}
		return Match{Code: in.Code, Confidence: conf, Rule: rule}
	}
	// 每校至少配备1名专职心理健康教师, 在校生超过1800名的学校: a bound on a
	// count is about one school or one case, not the district's total.
	if fig.Role == schema.RoleThreshold && (k == schema.KindCount || k == schema.KindHeadcount || k == schema.KindSchools) {
		return Match{Rule: "threshold: a bound on a count is no level of the indicator"}
	}
	if hasKind(in, k) && !growth {
		if !unitFits(in, k, fig.BaseUnit) {
			return Match{Rule: "unit " + fig.BaseUnit + " is not " + strings.Join(in.Units, "/")}
		}
		return Match{Code: in.Code, Confidence: conf, Rule: rule}
	}
	// 地区生产总值增长5.2%: a percent change (or planned change) of a level
	// is its growth rate; a bare percent of an amount (占…, 完成预算的) is not.
	if k == schema.KindPercent && !hasKind(in, schema.KindPercent) {
		if growth || fig.Role == schema.RoleChange || fig.Role == schema.RoleTarget {
			if g := c.growth[in.Code]; g != nil {
				return Match{Code: g.Code, Confidence: conf * growthScale, Rule: "growth"}
			}
			return Match{Rule: "growth: " + in.Code + " has no growth indicator"}
		}
		// 民生支出…占一般公共预算支出的80.2%: the level's share of its whole.
		if fig.Role == schema.RoleLevel {
			if s := c.share[in.Code]; s != nil {
				return Match{Code: s.Code, Confidence: conf * growthScale, Rule: "share"}
			}
			return Match{Rule: "share: " + in.Code + " has no share indicator"}
		}
	}
	return Match{Rule: "kind " + string(k) + " does not fit " + in.Code}
}

func hasKind(in *Indicator, k schema.Kind) bool {
	for _, x := range in.Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// unitFits: counts and measures must be in one of the indicator's units
// (亩 is no 平方米, 户 no 人 unless listed); headcounts of people and of
// visits (人, 人次) stand for each other.
func unitFits(in *Indicator, k schema.Kind, base string) bool {
	if len(in.Units) == 0 || k == schema.KindPercent || k == schema.KindMoney || k == schema.KindSchools || k == schema.KindIndex {
		return true
	}
	for _, u := range in.Units {
		if u == base || k == schema.KindHeadcount && strings.HasPrefix(u, "人") && strings.HasPrefix(base, "人") {
			return true
		}
	}
	return false
}

// find looks a label up: as written, then with its scope words cut off,
// then against the patterns with words between. growth reports a growth
// word (增长, 增速, 比上年增长) that was cut off the label.
// found is what find says of one label.
type found struct {
	in     *Indicator
	conf   float64
	growth bool
	rule   string
}

// maxMemo bounds the labels remembered by findMemo; the memo starts afresh
// when full.
const maxMemo = 1 << 16

// findMemo is find remembering its answers: the same labels come back in
// every document of a corpus (a remap of a million figures meets a few
// thousand distinct labels).
func (c *Catalogue) findMemo(label string) (*Indicator, float64, bool, string) {
	if len(label) > maxLabelBytes {
		return c.find(label)
	}
	c.memoMu.Lock()
	f, ok := c.memo[label]
	c.memoMu.Unlock()
	if ok {
		return f.in, f.conf, f.growth, f.rule
	}
	in, conf, growth, rule := c.find(label)
	c.memoMu.Lock()
	if c.memo == nil || len(c.memo) >= maxMemo {
		c.memo = make(map[string]found)
	}
	c.memo[label] = found{in, conf, growth, rule}
	c.memoMu.Unlock()
	return in, conf, growth, rule
}

func (c *Catalogue) find(label string) (in *Indicator, conf float64, growth bool, rule string) {
	if len(label) > maxLabelBytes {
		return nil, 0, false, "label too long to name an indicator"
	}
	full, growth := tableLabel(label)
	if full == "" {
		return nil, 0, false, "no label"
	}
	if in := c.exact[full]; in != nil && !excluded(in, full) {
		return in, confExact, growth, "exact"
	}
	core, g := trim(full)
	growth = growth || g
	if core == "" {
		return nil, 0, false, "no label once scope words are cut"
	}
	if in := c.exact[core]; in != nil && !excluded(in, full) {
		conf := confTrimmed
		if core == full {
			conf = confExact
		}
		return in, conf, growth, "trimmed"
	}
	var found *Indicator
	for _, g := range c.gaps {
		if g.in == found || excluded(g.in, full) || !g.re.MatchString(core) {
			continue
		}
		if found != nil {
			return nil, 0, false, "ambiguous: " + found.Code + " or " + g.in.Code
		}
		found = g.in
	}
	if found != nil {
		return found, confGap, growth, "gap"
	}
	// 市财政局核定的债务限额, 专任教师中区级以上骨干教师: the phrase after the
	// last 的 or 中 (of which) names the indicator; 初中, 高中 and 集中 are no
	// "of which".
	for _, sep := range []string{"的", "中"} {
		i := strings.LastIndex(core, sep)
		if i <= 0 {
			continue
		}
		if sep == "中" && strings.ContainsAny(lastRune(core[:i]), "初高集城其") {
			continue
		}
		tail := core[i+len(sep):]
		if len([]rune(tail)) < 3 {
			continue
		}
		if in := c.exact[tail]; in != nil && !excluded(in, full) {
			return in, confGap, growth, "tail"
		}
	}
	return nil, 0, false, "no name of the catalogue"
}

func excluded(in *Indicator, label string) bool {
	for _, w := range in.Not {
		if strings.Contains(label, normalize(w)) {
			return true
		}
	}
	return false
}

// normalize drops spaces and quotation marks and writes brackets full-width,
// so 三公经费, “三公”经费 and "三公" 经费 are one name.
func normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || strings.ContainsRune("“”‘’\"'「」『』《》", r):
			continue
		case r == '(':
			r = '（'
		case r == ')':
			r = '）'
		case r == '：':
			r = ':'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Table labels join the headers of a cell with spaces (城镇居民人均可支配收入
// 绝对值, 单位地区生产总值能耗增速 2021年); parts that only say which column it
// is are dropped, and a growth column (比上年增长) is reported.
var (
	columnParts = map[string]bool{"绝对值": true, "目标值": true, "数值": true, "总量": true, "实际值": true,
		"完成值": true, "本年": true, "本期": true, "本年度": true, "指标值": true}
	growthParts = map[string]bool{"比上年增长": true, "同比增长": true, "增长": true, "增速": true, "增幅": true,
		"增长率": true, "比上年增长（%）": true, "增长（%）": true, "比上年±%": true, "比上年增减": true}
	yearPart = regexp.MustCompile(`^(19|20)\d\d年(度)?$`)
)

func tableLabel(label string) (string, bool) {
	parts := strings.Fields(label)
	if len(parts) <= 1 {
		return normalize(label), false
	}
	var keep []string
	growth := false
	for _, p := range parts {
		switch {
		case growthParts[normalize(p)]:
			growth = true
		case columnParts[p] || yearPart.MatchString(p):
		case p == "合计" && len(keep) > 0: // 小学 在校生 合计: the total column
		default:
			keep = append(keep, p)
		}
	}
	return normalize(strings.Join(keep, "")), growth
}

// Scope words around an indicator's name: whose (全区, 本县, a region's
// name), when (2023年, 年末, 全年) and verbs of attainment (实现, 完成, 达到).
var (
	prefixWords = []string{"全区", "全县", "全市", "全镇", "全旗", "本区", "本县", "本市", "我区", "我县", "我市",
		"全年", "年末", "年底", "年度", "当年", "本年度", "本年", "今年", "全年实现", "实现", "完成", "累计", "其中", "其中：", "各类"}
	suffixWords = []string{"达到", "达", "为", "实现", "完成", "执行数", "预算数", "决算数", "完成数", "完成情况", "情况", "水平", "学校数", "调整"}
	growthWords = []string{"比上年增长", "同比增长", "增长率", "增速", "增幅", "增长"}
	// notRegion are characters of a phrase that region.Of would take for a
	// place (专任教师中区 of 专任教师中区级以上骨干教师).
	notRegion  = "中的和与及以上下级各其全"
	yearPrefix = regexp.MustCompile(`^((19|20)\d\d年(度)?(末|底)?|(19|20)\d\d-(19|20)\d\d年)`)
)

// trim cuts scope words off both ends of a label, and a growth word off its
// end, until none is left.
func trim(s string) (core string, growth bool) {
	for changed := true; changed && s != ""; {
		changed = false
		if m := yearPrefix.FindString(s); m != "" {
			s, changed = s[len(m):], true
		}
		if r := region.Of(s); r != "" && len(r) < len(s) && plausibleRegion(r) {
			s, changed = s[len(r):], true
		}
		for _, w := range prefixWords {
			if strings.HasPrefix(s, w) && len(w) < len(s) {
				s, changed = s[len(w):], true
			}
		}
		for _, w := range suffixWords {
			if strings.HasSuffix(s, w) && len(w) < len(s) {
				s, changed = s[:len(s)-len(w)], true
			}
		}
		for _, w := range growthWords {
			if strings.HasSuffix(s, w) && len(w) < len(s) {
				s, changed, growth = s[:len(s)-len(w)], true, true
			}
		}
	}
	return s, growth
}

func lastRune(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return ""
	}
	return string(r[len(r)-1])
}

// plausibleRegion rejects what region.Of takes for a place in a phrase
// (专任教师中区 of 专任教师中区级以上骨干教师): each link of the chain has at
// most six characters before its level word, and none of 中, 和, 的, 与, 及,
// 级, 各, 其 inside it (和平区, 中山市 start with them, which is fine).
func plausibleRegion(r string) bool {
	var link []rune
	for _, c := range r {
		link = append(link, c)
		if !strings.ContainsRune("省市区县旗州盟", c) {
			continue
		}
		if len(link)-1 > 6 {
			return false
		}
		for i, ch := range link {
			if i > 0 && strings.ContainsRune("中和的与及级各其", ch) {
				return false
			}
		}
		link = link[:0]
	}
	return true
}
