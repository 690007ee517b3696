package figures

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"github.com/govfig/govfig/schema"
)

// Direction of a change. A change figure says whether the quantity rose
// (up: 增长, 增加, 比上年多…) or fell (down: 下降, 减少, 缩小, 回落…);
// value and normalized stay the magnitude as written (figures.md). The cue
// words are data: direction.tsv, one cue a line with the example that
// motivated it.

//go:embed direction.tsv
var directionTSV string

// dirCue is one line of direction.tsv.
type dirCue struct {
	word    string
	dir     schema.Direction
	example string
	note    string
}

// dirCues are the cues, longest first (降幅 before 降, 高出 before 高).
var dirCues = mustDirCues(directionTSV)

// comparisonOnly cues mean a direction only after a comparison (比上年多30场,
// 比全省平均水平高3.5个百分点): alone they are ordinary words.
var comparisonOnly = map[string]bool{"多": true, "少": true, "高": true, "低": true, "高出": true, "低出": true}

func mustDirCues(tsv string) []dirCue {
	cues, err := parseDirCues(tsv)
	if err != nil {
		panic(err)
	}
	return cues
}

// parseDirCues reads direction.tsv: cue, direction, example, optional note.
func parseDirCues(tsv string) ([]dirCue, error) {
	var out []dirCue
	seen := map[string]bool{}
	for i, line := range strings.Split(tsv, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 || len(f) > 4 {
			return nil, fmt.Errorf("direction.tsv line %d: want 3 or 4 tab-separated fields, got %d", i+1, len(f))
		}
		c := dirCue{word: f[0], dir: schema.Direction(f[1]), example: f[2]}
		if len(f) == 4 {
			c.note = f[3]
		}
		if c.dir != schema.DirUp && c.dir != schema.DirDown {
			return nil, fmt.Errorf("direction.tsv line %d: direction %q is neither up nor down", i+1, f[1])
		}
		if c.word == "" || seen[c.word] {
			return nil, fmt.Errorf("direction.tsv line %d: empty or repeated cue %q", i+1, c.word)
		}
		seen[c.word] = true
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool { return len([]rune(out[i].word)) > len([]rune(out[j].word)) })
	return out, nil
}

// dirFillers may stand between a cue and the figure (下降了2%, 增幅为5.6%,
// 降幅达到12%).
var dirFillers = []string{"了", "幅度为", "幅度达", "为", "达到", "达", "约", "近", "超过", "逾", " ", "\u3000"}

// cueDirection returns the direction the text before a change figure gives
// it: the cue that ends nearest the figure (增速回落 → down, 降幅收窄 → down,
// 增长率下降 → down).
func cueDirection(left string) schema.Direction {
	l := left
	for trimmed := true; trimmed; {
		trimmed = false
		for _, f := range dirFillers {
			if strings.HasSuffix(l, f) {
				l = strings.TrimSuffix(l, f)
				trimmed = true
			}
		}
	}
	// A cue right before the figure decides, single characters and
	// comparison words included.
	for _, c := range dirCues {
		if !strings.HasSuffix(l, c.word) {
			continue
		}
		if comparisonOnly[c.word] && !containsAnyRune(l, "比较") {
			continue
		}
		return c.dir
	}
	// Else the last cue of two runes or more in the window (压缩一般性支出2300万元).
	best, bestAt := schema.DirNone, -1
	for _, c := range dirCues {
		if len([]rune(c.word)) < 2 || comparisonOnly[c.word] {
			continue
		}
		if i := strings.LastIndex(l, c.word); i >= 0 && i+len(c.word) > bestAt {
			best, bestAt = c.dir, i+len(c.word)
		}
	}
	return best
}

// direction sets the direction of a change figure: from its cue, else from
// the change it is listed with (分别增长5%、8%); a printed minus sign turns
// it round (增长-2.4% fell). Other roles have none.
func (c *docCtx) direction(cd, prev *cand) {
	f := &cd.f
	if f.Role != schema.RoleChange {
		f.Direction = schema.DirNone
		return
	}
	left := c.sub(lw(cd.clause.Start, f.Start), f.Start)
	if prev != nil && prev.clause == cd.clause && prev.f.End <= f.Start {
		left = c.sub(prev.f.End, f.Start)
	}
	d := cueDirection(left)
	if d == schema.DirNone && prev != nil && prev.f.Role == schema.RoleChange && listJoined(c.rs, prev, cd) {
		d = prev.f.Direction
	}
	f.Direction = signed(d, f.Value)
}

// signed turns a direction round for a negative value (a printed minus
// sign); a signed value without a cue (增减 -3.1) gives its own direction.
func signed(d schema.Direction, v float64) schema.Direction {
	switch {
	case v >= 0:
		return d
	case d == schema.DirDown:
		return schema.DirUp
	default:
		return schema.DirDown
	}
}

// headerDirection is the direction of a change cell from its column header
// (比上年增长%, 增减%, 下降幅度) and its printed sign: a neutral header (增减,
// ±%) is up unless the cell is negative.
func headerDirection(colH string, v float64) schema.Direction {
	d := schema.DirNone
	bestAt := -1
	for _, c := range dirCues {
		if len([]rune(c.word)) < 2 || comparisonOnly[c.word] {
			continue
		}
		if i := strings.LastIndex(colH, c.word); i >= 0 && i+len(c.word) > bestAt {
			d, bestAt = c.dir, i+len(c.word)
		}
	}
	if d == schema.DirNone {
		d = schema.DirUp // 增减, 增减额, ±%: the sign says
	}
	if v == 0 {
		return d
	}
	return signed(d, v)
}
