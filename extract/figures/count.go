package figures

import "github.com/govfig/govfig/schema"

// headcountUnits: people. Base unit 人, or 人次 for visits.
var headcountUnits = []unitRule{
	{unit: "人次", kind: schema.KindHeadcount, base: "人次", factor: 1, mags: true, example: "年开展各类培训5万人次"},
	{unit: "人", kind: schema.KindHeadcount, base: "人", factor: 1, mags: true,
		notAfter: []string{"民", "均", "员", "才", "大", "口"}, example: "调整科级干部112人"},
	{unit: "名", kind: schema.KindHeadcount, base: "人", factor: 1, mags: true,
		notAfter: []string{"单", "称", "额", "次", "义", "录", "校", "师", "园", "片"}, example: "遴选1637名区级骨干教师"},
	{unit: "位", kind: schema.KindHeadcount, base: "人", factor: 1,
		notAfter: []string{"于", "置", "数"}, example: "3位老教师"},
}

// schoolUnits: institutions counted with 所.
var schoolUnits = []unitRule{
	{unit: "所", kind: schema.KindSchools, base: "所", factor: 1,
		notAfter: []string{"有", "在", "属", "以", "谓", "得", "需"}, example: "组织全区144所中小学"},
}

// countUnits (anything else counted with a measure word; the base unit is
// the measure word itself) and measureUnits live in units.tsv (units.go).

// durationUnits are units of time spans; after 连续 they name a streak
// (连续17个月排名第一), no figure, like 连续三年 (figures.md).
var durationUnits = []string{"个月", "小时", "分钟", "天"}

// rankUnit replaces 位 when the number moves a rank (排名…上升1位).
var rankUnit = unitRule{unit: "位", kind: schema.KindCount, base: "位", factor: 1, example: "排名较2022年上升1位"}

// rankWords before a number make 位 a rank move rather than people.
var rankWords = []string{"排名", "名次", "位次", "排位"}
