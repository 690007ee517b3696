package workbook

import (
	"fmt"
	"strings"

	"github.com/govfig/govfig/schema"
	"github.com/xuri/excelize/v2"
)

// writeReadme writes 说明: what the file is, the run, the sources, how to read
// it, and the data dictionary. It is written last, when the counts are known.
func (b *builder) writeReadme() error {
	f, sh, st := b.f, sheetReadme, b.st
	r := 0
	put := func(style int, vals ...any) error {
		r++
		cell, _ := excelize.CoordinatesToCellName(1, r)
		for i, v := range vals {
			c, _ := excelize.CoordinatesToCellName(i+1, r)
			s := 0
			if sc, ok := v.(excelize.Cell); ok { // SetSheetRow would print the struct
				v, s = sc.Value, sc.StyleID
			}
			if err := f.SetCellValue(sh, c, v); err != nil {
				return fmt.Errorf("write %s: %w", sh, err)
			}
			if s != 0 {
				if err := f.SetCellStyle(sh, c, c, s); err != nil {
					return fmt.Errorf("style %s: %w", sh, err)
				}
			}
		}
		if style != 0 {
			end, _ := excelize.CoordinatesToCellName(len(vals), r)
			if err := f.SetCellStyle(sh, cell, end, style); err != nil {
				return fmt.Errorf("style %s: %w", sh, err)
			}
		}
		return nil
	}
	var err error
	step := func(style int, vals ...any) {
		if err == nil {
			err = put(style, vals...)
		}
	}
	blank := func() { r++ }

	step(st.title, "govfig 数据工作簿：区县政府报告中的数字")
	step(0, "本文件由 govfig 生成。govfig 抓取区县政府网站公开的报告（如《履行教育职责情况自评报告》），从正文和表格中找出每一个数字——比率、金额、人数、学校数、数量、指数、度量——并记下它度量的指标、单位、年份和所在的原句。")
	step(0, "govfig workbook: every figure found in the published reports of district governments, with what it measures.")
	blank()

	step(st.bold, "生成信息", "Run")
	now := b.opts.Now()
	if v, ok := excelSerial(now, true); ok {
		step(0, "生成时间", excelize.Cell{StyleID: st.dateTime, Value: v})
	}
	version := b.opts.Version
	if version == "" {
		version = b.info.Version
	}
	step(0, "govfig 版本", b.text(version))
	if b.opts.SourceName != "" {
		step(0, "数据来源（数据库）", b.text(b.opts.SourceName))
	}
	if !b.info.LastRun.IsZero() {
		if v, ok := excelSerial(b.info.LastRun, true); ok {
			step(0, "数据库最近一次运行", excelize.Cell{StyleID: st.dateTime, Value: v})
		}
	}
	if b.info.ExtractorVersion != "" {
		step(0, "抽取器版本", b.text(b.info.ExtractorVersion))
	}
	step(0, "文档数（篇）", excelize.Cell{StyleID: st.integer, Value: b.stats.Documents})
	step(0, "数字数量（个）", excelize.Cell{StyleID: st.integer, Value: b.stats.Figures})
	step(0, "有问题的文档（篇）", excelize.Cell{StyleID: st.integer, Value: b.info.Problems})
	if len(b.info.Sites) == 0 {
		step(0, "来源站点", "（数据库未记录）")
	}
	for i, s := range b.info.Sites {
		k := ""
		if i == 0 {
			k = "来源站点"
		}
		step(0, k, b.text(s))
	}
	blank()

	step(st.bold, "阅读说明", "Notes")
	for _, n := range b.notes() {
		step(0, n[0], n[1])
	}
	blank()

	step(st.bold, "数据字典", "Data dictionary")
	step(st.header, "工作表 sheet", "列（中文）", "column (English)", "含义 meaning")
	dict := func(sheet string, cols []column) {
		for _, c := range cols {
			step(0, sheet, c.zh, c.en, c.meaning)
		}
	}
	dict(sheetDocs, docColumns)
	dict(strings.Join(b.stats.DataSheets, "、"), dataColumns)
	dict(sheetIndicators, append(append([]column{}, indicatorFixed...), indicatorRegionColumn))
	dict(sheetWide, append(append([]column{}, wideFixed...), wideRegionColumn))
	dict(sheetSummary, append(append([]column{}, summaryFixed...), summaryKindColumn))
	blank()

	if len(b.catalogue) > 0 {
		step(st.bold, "指标目录", "Indicator catalogue")
		var domains []string
		per := map[string]int{}
		for _, in := range b.catalogue {
			if per[in.Domain] == 0 {
				domains = append(domains, in.Domain)
			}
			per[in.Domain]++
		}
		parts := make([]string, 0, len(domains))
		for _, d := range domains {
			parts = append(parts, fmt.Sprintf("%s %d 个", d, per[d]))
		}
		step(0, "目录", fmt.Sprintf("共 %d 个指标：%s。每个指标有固定的代码、规范名称（部委和统计部门的正式名称）、英文名、类型和基本单位，以及报告中的其他写法（别名）和排除词（如“覆盖率”须为普惠性幼儿园的覆盖率）。目录内置于 govfig（indicator/catalogue.tsv），可用 --indicators 文件增补或覆盖；数据库的 indicators 表保存本次所用的目录。", len(b.catalogue), strings.Join(parts, "、")))
		step(0, "归类规则", "数字的指标名称（及类型、单位、角色）与目录中某指标的名称或别名相符时归入该指标，并记下可信度；不确定的不归类。某指标的“变化”百分比（地区生产总值增长5.2%）归入其增速指标；占比不归入金额指标；“目标”仍是目标，只有“现值”进入指标表。")
		step(st.header, "代码 code", "规范名称", "English", "领域 · 单位 · 说明")
		for _, in := range b.catalogue {
			unit := in.Unit
			if unit == "" {
				unit = "（无量纲）"
			}
			step(0, in.Code, in.Name, in.En, strings.TrimRight(in.Domain+" · "+unit+" · "+in.Note, " ·"))
		}
		blank()
	}

	step(st.bold, "代码表", "Codes")
	step(st.header, "字段 field", "中文", "code", "含义 meaning")
	for _, k := range schema.Kinds {
		step(0, "类型 kind", kindName(k), string(k), kindMeanings[k])
	}
	for _, q := range qualifierOrder {
		name := qualifierName(q)
		if name == "" {
			name = "（空）"
		}
		code := string(q)
		if code == "" {
			code = "(empty)"
		}
		step(0, "限定 qualifier", name, code, qualifierMeanings[q])
	}
	for _, ro := range roleOrder {
		step(0, "角色 role", roleName(ro), string(ro), roleMeanings[ro])
	}
	for _, d := range directionOrder {
		name, code := directionName(d), string(d)
		if name == "" {
			name, code = "（空）", "(empty)"
		}
		step(0, "方向 direction", name, code, directionMeanings[d])
	}
	if err != nil {
		return err
	}
	for col, w := range map[string]float64{"A": 22, "B": 30, "C": 22, "D": 80} {
		if err := f.SetColWidth(sh, col, col, w); err != nil {
			return fmt.Errorf("column width on %s: %w", sh, err)
		}
	}
	return nil
}

// notes are the reading notes of 说明, adapted to what was written.
func (b *builder) notes() [][2]string {
	s := b.stats
	dataSheets := strings.Join(s.DataSheets, "、")
	n := [][2]string{
		{"工作表", "文档：每篇文档一行；" + dataSheets + "：每个数字一行；指标：目录中的指标 × 地区（× 年份）的宽表；未归类：未归入指标目录的数字，按原文指标名称 × 地区；汇总：各地区各类型数字数量及图表。"},
		{"数字与日期", "数值均为数字（可直接计算），日期为 Excel 日期（yyyy-mm-dd）；金额有千位分隔符；本工作簿不含任何公式。"},
		{"百分比", "百分比以百分数存放：96.34 表示 96.34%，单元格显示为 96.34%；用于计算比例时请除以 100。“个百分点”为变化量，单位见“单位”列。"},
		{"标准值", "“标准值”把数值换算到基本单位：金额为元（190274万元 → 1,902,740,000），人数为人，学校数为所，千分比换算为百分比。"},
		{"指标表规则", "指标表每行是指标目录中的一个指标在一个年份的数值（第一列为规范名称，单位单列），每列是一个地区，按有数值的指标数从多到少排列。单元格取该地区该年份角色为“现值”的数字的标准值；有多个时取归类可信度最高、其次发布最晚的文档中的第一个；批注写明来源文档、日期和原文。变化、基期、目标、标准等角色只在“数据”表中。行按目录顺序（领域）排列，同一指标按年份排列。"},
		{"未归类表规则", "未归类表每行是一个未归入指标目录的原文指标名称（同名但类型或基本单位不同的分行），每列是一个地区；某地区有多篇文档时每篇一列（列名含日期和标题）。单元格取该文档中该名称第一个角色为“现值”的数字的标准值。行按类型分组，组内按出现的文档数从多到少排列。"},
		{"超链接", "只有 http/https 网址写成超链接（最多 " + fmt.Sprint(b.opts.MaxLinks) + " 个），其他网址以文本显示。"},
		{"长文本", fmt.Sprintf("单元格最多 32,767 个字符，超长的文本在末尾截断并标记“%s”。", truncMarker)},
		{"行数上限", fmt.Sprintf("Excel 每张工作表最多 1,048,576 行；数字超过一张表的容量时续写在 数据2、数据3…（每张表有表头）。本文件的数字在：%s。", dataSheets)},
	}
	if len(s.DataSheets) > 1 {
		n = append(n, [2]string{"分表", fmt.Sprintf("本文件共 %d 个数字，分 %d 张表存放：%s。", s.Figures, len(s.DataSheets), dataSheets)})
	}
	if s.DroppedIndicators > 0 || s.DroppedColumns > 0 {
		n = append(n, [2]string{"未归类表截断", fmt.Sprintf("未归类表容纳不下：省略了 %d 个行、%d 个地区/文档列（Excel 每表最多 16,384 列），完整数据见“数据”表。", s.DroppedIndicators, s.DroppedColumns)})
	}
	if s.DroppedIndicatorRows > 0 || s.DroppedIndicatorRegions > 0 {
		n = append(n, [2]string{"指标表截断", fmt.Sprintf("指标表容纳不下：省略了 %d 个指标行、%d 个地区列，完整数据见“数据”表。", s.DroppedIndicatorRows, s.DroppedIndicatorRegions)})
	}
	if s.Truncated > 0 {
		n = append(n, [2]string{"已截断", fmt.Sprintf("本文件有 %d 个超长文本被截断。", s.Truncated)})
	}
	if b.stats.Regions > b.opts.ChartRegions {
		n = append(n, [2]string{"图表", fmt.Sprintf("汇总表的图表只画数字最多的 %d 个地区。", b.opts.ChartRegions)})
	}
	return n
}

// kindMeanings explains each kind for 说明.
var kindMeanings = map[schema.Kind]string{
	schema.KindPercent:   "比率、占比、增长率（%、个百分点、‰）；基本单位 %",
	schema.KindMoney:     "金额（元、万元、亿元）；基本单位 元",
	schema.KindHeadcount: "人数（名、人、人次）；基本单位 人 或 人次",
	schema.KindSchools:   "以“所”计的学校、幼儿园、校区；基本单位 所",
	schema.KindCount:     "其他以量词计的数量（个、项、件、场次…）；基本单位为量词",
	schema.KindIndex:     "无量纲的比值、系数、指数（差异系数、生师比）",
	schema.KindMeasure:   "物理量（平方米、亩、公里、吨）",
}

// qualifierMeanings explains each qualifier for 说明.
var qualifierMeanings = map[schema.Qualifier]string{
	schema.QualExact:  "精确值",
	schema.QualApprox: "约数（约、左右、近）",
	schema.QualGT:     "大于（余、多、超过）",
	schema.QualGE:     "不少于（以上、不低于、至少）",
	schema.QualLT:     "小于（不足、不到、低于）",
	schema.QualLE:     "不超过（以下、以内）",
}
