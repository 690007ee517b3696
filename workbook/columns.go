package workbook

import "github.com/govfig/govfig/schema"

// Sheet names. All are within Excel's rules (≤31 characters, none of []:*?/\).
const (
	sheetReadme     = "说明"
	sheetDocs       = "文档"
	sheetData       = "数据" // continued as 数据2, 数据3…
	sheetIndicators = "指标"
	sheetWide       = "未归类"
	sheetSummary    = "汇总"
)

// column is one column of a sheet: its header in Chinese, its English name,
// what it means (for the data dictionary on 说明) and its width.
type column struct {
	zh, en  string
	meaning string
	width   float64
}

// docColumns are the columns of 文档, in order.
var docColumns = []column{
	{"地区", "region", "文档所属的区县（地区）", 16},
	{"标题", "title", "文档标题", 48},
	{"发布单位", "publisher", "发布文档的单位", 24},
	{"发布日期", "published", "发布日期（Excel 日期）", 12},
	{"网址", "url", "原文网址（本地文件注明了原文链接的为该链接，否则为文件路径）；仅 http/https 网址为超链接，其他以文本显示", 40},
	{"数字数量（个）", "figure_count", "从该文档抽取的数字个数", 10},
	{"问题", "problem", "读取或解析时遇到的问题；空表示无", 24},
	{"站点", "site", "抓取时的站点名称", 16},
	{"抓取时间", "fetched_at", "抓取该网页的时间（Excel 日期时间）", 17},
	{"文档编号", "document_id", "数据库中的文档编号，与“数据”表的文档编号对应", 9},
	{"附件所属文章", "parent_title", "附件（xlsx、docx、pdf 等文件）所属文章的标题，附件排在其文章之后；空表示不是附件", 36},
	{"所属文章网址", "parent_url", "附件所属文章的网址；空表示不是附件", 30},
}

// Column indexes (1-based) of 文档 used by the writer.
const docURLCol = 5

// dataColumns are the columns of 数据, in order.
var dataColumns = []column{
	{"地区", "region", "文档所属的区县（地区）", 14},
	{"文档标题", "doc_title", "数字所在文档的标题", 36},
	{"发布日期", "published", "文档发布日期（Excel 日期）", 12},
	{"章节", "section", "数字所在章节的标题路径，层级以“ > ”分隔", 30},
	{"指标", "label", "数字度量的指标（取自原文的短语）", 28},
	{"对象", "subject", "计数的对象（如“区级骨干教师”），仅用于计数类", 14},
	{"类型", "kind", "数字的类型：百分比、金额、人数、学校数、数量、指数、度量（代码见下表）", 8},
	{"数值", "value", "原文写出的数值（数字，非文本）", 12},
	{"单位", "unit", "原文写出的单位，含数量级（如“万元”）", 8},
	{"标准值", "normalized", "换算到基本单位后的数值；百分比以百分数存放（96.34 表示 96.34%）", 16},
	{"基本单位", "base_unit", "标准值的单位（元、人、所、% 等）", 8},
	{"限定", "qualifier", "数值与真实值的关系：空为精确，约、大于、不少于、小于、不超过", 8},
	{"角色", "role", "数字在句中的作用：现值、变化、基期、目标、标准", 8},
	{"方向", "direction", "变化的方向：上升或下降，仅用于角色为“变化”的数字；数值和标准值仍是原文写出的幅度（“下降2.4%”记为 2.4，方向为下降）", 6},
	{"年份", "year", "数字所指的年份；空表示未知", 7},
	{"原文", "text", "原文中数字连同单位和限定词的片段", 16},
	{"句子", "sentence", "包含该数字的完整句子", 60},
	{"文档编号", "document_id", "数据库中的文档编号，与“文档”表对应", 9},
	{"序号", "seq", "数字在文档中的顺序", 6},
	{"所属文章", "parent_title", "数字来自附件时，附件所属文章的标题（“文档标题”为附件的标题）；空表示数字来自文章正文", 30},
}

// indicatorFixed are the leading columns of 指标; one column per region
// follows.
var indicatorFixed = []column{
	{"指标", "indicator_name", "指标的规范名称（指标目录中的名称）", 34},
	{"单位", "unit", "各地区数值的单位（基本单位）；百分比显示为 96.34%", 8},
	{"年份", "year", "数值所指的年份；空表示未知", 7},
	{"领域", "domain", "指标所属领域：教育、财政、统计、卫生、民政、就业、环境、政务", 8},
	{"指标代码", "indicator", "指标目录中的代码，与数据库 figures.indicator 对应", 22},
	{"地区数（个）", "regions", "有该指标数值的地区数", 9},
}

// indicatorRegionColumn documents the repeated columns of 指标.
var indicatorRegionColumn = column{"（各地区）", "(one per region)",
	"该地区该年份该指标的标准值（角色为“现值”的数字）；批注写明来源文档和原文", 14}

// wideFixed are the leading columns of 未归类; one column per region (or per
// document) follows.
var wideFixed = []column{
	{"指标", "label", "指标名称（取自原文，未归入指标目录）", 34},
	{"类型", "kind", "数字类型", 8},
	{"基本单位", "base_unit", "各地区数值的单位；百分比显示为 96.34%", 8},
	{"文档数（篇）", "documents", "有该指标数值的文档数", 9},
}

// wideRegionColumn documents the repeated columns of 未归类.
var wideRegionColumn = column{"（各地区）", "(one per region or document)",
	"该地区（或该文档）该指标的标准值：取文档中该指标第一个角色为“现值”的数字", 14}

// summaryFixed are the leading columns of 汇总; one column per kind follows.
var summaryFixed = []column{
	{"地区", "region", "区县（地区）", 16},
	{"文档数（篇）", "documents", "该地区的文档数", 10},
	{"数字数量（个）", "figures", "该地区抽取的数字总数", 12},
}

// summaryKindColumn documents the per-kind columns of 汇总.
var summaryKindColumn = column{"（各类型，个）", "(one per kind)", "该地区该类型的数字个数", 10}

// summaryOther counts figures of a kind the workbook does not know.
const summaryOther = "其他"

// kindNames maps figure kinds to their Chinese names.
var kindNames = map[schema.Kind]string{
	schema.KindPercent:   "百分比",
	schema.KindMoney:     "金额",
	schema.KindHeadcount: "人数",
	schema.KindSchools:   "学校数",
	schema.KindCount:     "数量",
	schema.KindIndex:     "指数",
	schema.KindMeasure:   "度量",
}

// qualifierNames maps qualifiers to Chinese; exact is left blank.
var qualifierNames = map[schema.Qualifier]string{
	schema.QualExact:  "",
	schema.QualApprox: "约",
	schema.QualGT:     "大于",
	schema.QualGE:     "不少于",
	schema.QualLT:     "小于",
	schema.QualLE:     "不超过",
}

// qualifierOrder lists the qualifiers in the order 说明 explains them.
var qualifierOrder = []schema.Qualifier{schema.QualExact, schema.QualApprox, schema.QualGT,
	schema.QualGE, schema.QualLT, schema.QualLE}

// roleNames maps roles to Chinese.
var roleNames = map[schema.Role]string{
	schema.RoleLevel:     "现值",
	schema.RoleChange:    "变化",
	schema.RolePrevious:  "基期",
	schema.RoleTarget:    "目标",
	schema.RoleThreshold: "标准",
}

// directionNames maps directions to Chinese; no direction is left blank.
var directionNames = map[schema.Direction]string{
	schema.DirNone: "",
	schema.DirUp:   "上升",
	schema.DirDown: "下降",
}

// directionOrder lists the directions in the order 说明 explains them.
var directionOrder = []schema.Direction{schema.DirUp, schema.DirDown, schema.DirNone}

// directionMeanings explains each direction for 说明.
var directionMeanings = map[schema.Direction]string{
	schema.DirUp:   "增加、增长、提高、上升、扩大、比…多/高；带符号的变化 = |数值|",
	schema.DirDown: "减少、下降、降低、缩小、回落、收窄、比…少/低；数值照原文（“增长-2.4%”记为 -2.4、方向下降）；带符号的变化 = −|数值|",
	schema.DirNone: "不是变化的数字",
}

func directionName(d schema.Direction) string {
	if n, ok := directionNames[d]; ok {
		return n
	}
	return string(d)
}

// roleOrder lists the roles in the order 说明 explains them.
var roleOrder = []schema.Role{schema.RoleLevel, schema.RoleChange, schema.RolePrevious,
	schema.RoleTarget, schema.RoleThreshold}

// roleMeanings explains each role for 说明.
var roleMeanings = map[schema.Role]string{
	schema.RoleLevel:     "陈述的数值（默认）",
	schema.RoleChange:    "增减量或增长率（增加、增长、下降）",
	schema.RolePrevious:  "比较的基数（比上年的…）",
	schema.RoleTarget:    "计划或目标值（力争、计划、确保达到）",
	schema.RoleThreshold: "标准或界限（优质均衡标准、以下）",
}

func kindName(k schema.Kind) string {
	if n, ok := kindNames[k]; ok {
		return n
	}
	return string(k)
}

func qualifierName(q schema.Qualifier) string {
	if n, ok := qualifierNames[q]; ok {
		return n
	}
	return string(q)
}

func roleName(r schema.Role) string {
	if n, ok := roleNames[r]; ok {
		return n
	}
	return string(r)
}
