/*
Package extract reads documents and extracts their figures; this file maps
its packages.

	extract            Read: bytes of one input → Document with figures (the facade)
	extract/page       an HTML page → Document (charset, body text, tables, attachments)
	extract/attach     an attachment file → Document (.xlsx, .xls, .docx, .pdf, HTML saved
	                   as .xls; .doc/.wps/.et through LibreOffice), bounded
	extract/textdoc    a .txt file → Document (UTF-8 or GB18030; header lines, title, date,
	                   publisher, tab tables and tables flattened into spaced cells)
	extract/sniff      binary or text: magic numbers and the share of control bytes; NULs removed
	extract/region     the region a publisher or title names (天津市静海区人民政府 → 天津市静海区)
	extract/outline    heading tree from 一、/(一)/1./(1)/一是 numbering → Sections
	extract/number     every numeral of a text (Arabic, Chinese, mixed, 点, 分之, 百分之)
	extract/figures    numerals → figures: the rule tables of ../shared/docs/figures.md
	extract/eval       precision/recall/F1 against the hand-written gold in fixtures/
	segment            gse behind a small interface: sentences, clauses, tokens with POS

Inside extract/figures every rule family has its own file, each rule a named
entry of an ordered table with the example that motivated it:

	units.go      the unit table (built at init from the family tables) and its matcher
	units.tsv     the measure words and units of counts, measures and multiples (data,
	              one a line with kind, base unit, factor, flags, example and decision)
	percent.go    %, ％, 个百分点, ‰, 百分之/千分之, shares of ten (七成, 五折)
	money.go      元 with 千/万/亿/万亿, 元人民币, foreign currencies, ￥/$ signs
	count.go      headcount (名/人/位/人次), schools (所); counts (个/件/项/条/起/场次…) in units.tsv
	measure.go    平方米, 亩, 公里, 吨, 千瓦时… are rows of units.tsv
	qualifier.go  约/近/超过/不少于/不足… before, 以上/以下/以内/左右 after, 余/多 inside
	role.go       change, previous, target and threshold cues
	negative.go   what is never a figure: ordinals, codes, slogans, quoted names, dates
	list.go       shared units (650元、850元), ranges (3至5所), 分别 lists
	label.go      label and subject windows (only these are segmented with gse)
	year.go       the year of a figure: its sentence, else the document's
	direction.go  up or down for a change (cue words in direction.tsv)
	table.go      table cells labelled by row and column headers

How to add a rule in five steps:

 1. Find the example in a real document and decide, with figures.md, what the
    figure (or non-figure) is: kind, value, unit, qualifier, role, label.
 2. Write the test first: one line in the family's _test.go table with the
    expected span marked, e.g. {"全年教育经费增长⟦1.76%⟧。", percent, 1.76, "role=change"};
    a non-figure is a line with kind "". Run go test ./extract/figures and see it fail.
 3. Add the rule as a named entry to the family's table (a unit to count.go, a
    cue word to role.go, a qualifier to qualifier.go…), with the example in
    its comment. Tables are compiled at init, so a bad entry fails at once.
 4. Run go test ./extract/... — the family tables, the seed test, the peer
    conformance test and the gold floors (extract/eval TestFloors) must pass;
    if a peer case now differs on purpose, list it in
    extract/figures/testdata/peer-deviations.txt with the figures.md rule.
 5. Bump figures.Version (documents are re-extracted under a new version) and
    commit the rule with its test.

Decisions taken where figures.md is silent:

  - Text offsets: a .txt document's Text is the file with "\r\n" and "\r"
    turned into "\n" (and a BOM dropped); all offsets point into that text,
    header lines (标题:, 原文链接:…) and scraper notes included.
  - Direction: a change is up or down by the cue nearest before it
    (direction.tsv); value stays the magnitude as written, and a printed
    minus sign turns the direction round (增长-2.4% → down, value -2.4). A
    table's change column takes the cue of its header (增减 → the sign says).
  - Table cells: a 单位 column gives each row's unit; ≤/≥ before a cell's
    number is its qualifier (le/ge) and part of its text; a 目标值 column is
    a target; generic value headers (绝对数, 目标值) add nothing to the label.
  - Year: the nearest year written before the figure in its sentence (a
    sentence ends at 。！？, not at ；), a range 2024-2026 counting as 2024;
    a year after 比/较 is a comparison base, not the figure's year; else the
    year the heading of its section names (一、2022年工作回顾 in a 政府工作报告
    delivered in 2023), else the first year of the document's title (the year
    the report is about: 某区2022年工作总结 published in 2023 → 2022), else
    the year it was published. A previous figure written 上年/去年 takes the
    year before.
  - A number without a unit is no figure unless an index word stands before
    it (指数为0.263, 系数, 生师比为13.5:1) or it belongs to an index list,
    bound or change; numbers with lost units (处理函160, 10C级, 力争12完成)
    are therefore dropped: prefer no figure to a wrong one.
  - Lone 一 is the article "a" (同上一节思政课, 一起) except in 一所 and 一元.
  - Foreign currencies are money whose base unit is their own currency
    (1200亿美元 → 1.2e11 美元): govfig holds no exchange rates.
  - Shares of ten: 七成 = 70%, 7.2成 = 72%, 三成半 = 35%; discounts 五折 = 50%,
    9.9折 = 99%, 75折 = 75%.
  - A document whose title names a plan (方案, 计划, 工作要点) and not a report
    (总结, 报告, 公报) makes its figures for its year targets, except counts of
    what exists (现有, 在册, 共有, and schools not being built).
  - Labels for change and previous figures come from the level they modify
    (the nearest earlier level figure of the sentence of a fitting kind).
  - A qualifier parted from its number by a rate base, a verb or the base of
    a share (不低于每百户20平方米, 至少配备1名) still qualifies it, but the
    figure's text stays the number and its unit.
  - A measure inside an indicator's name (公交站点500米覆盖率) is a threshold
    of that indicator, not a level of its own.
  - In a plan document only 现有/共有/在册… mark counts of what exists; 全区
    alone does not.
  - Measure words are data (extract/figures/units.tsv); each row's note says
    its decision. Livestock, poultry, fish, trees, vessels, land parcels
    (宗), calls (通), trips (趟次), editions (届), characters (字), TEU (标箱)
    and beds written 床 are counts with the measure word as base unit.
  - Scores are counts with unit 分 (674.5分, 低于60分); 分 after 时/点 is a time.
  - Durations in reports (4小时, 3个月, 15分钟) are counts; 3个月内 is a
    deadline, 24小时值守 and 连续17个月 name a service or a streak: no figure.
  - A multiple (4.46倍) is an index with unit 倍, labelled by the level it
    multiplies; a fraction written 1/3 is a share (percent, unit 分之) after
    占 or …的, else no figure.
  - Energy and power keep their own bases (千瓦时, 千瓦; 兆瓦 = 1000 千瓦), as do
    吨标准煤, 吨公里, 人公里 and concentrations (微克/立方米, 毫克/升).
  - A rate unit takes its suffix in unit and base unit: 1.52万管/日 → 15200 管/日.
  - A bare magnitude is a figure only with a qualifier (近万个, 百名以上, 逾千人):
    value the magnitude (10000), unit the measure word (个).
  - 5万多人次: unit 万人次 (the magnitude joins the unit, 多 is the qualifier gt).
  - A chain ratio (三次产业结构1.1:50.3:48.6) is one index figure per part,
    each labelled by the ratio's name; a two-part ratio (13.5:1) stays one.
  - A range written with a dash between figures with units (15%-20%) is two
    figures, ge and le, with one label; digit groups joined by dashes are a
    date or phone only for years, area codes (0…) and groups of 5+ digits.
  - 超 before a number is gt. 突破 is a verb of the label, not a qualifier.
  - No figure: 数十位/几百名 (vague), public service numbers (12345, 12315…)
    before a noun, a one-character numeral before 元 or 类 and a noun
    (王四元, 一元化, 二类事业单位).
  - Roles: 将 before 由/提高/达到… makes the new level a target; a share of a
    total (占…的89.4%) and a figure of a year before the document's take a
    target cue only from their own clause; 余/多 state an estimate and make no
    threshold.
  - Budget and final-account tables: a column header naming 预算 (and not
    执行/决算/完成) is a target; a budget column (预算/执行/决算) of a year
    before the latest year of the header is previous; a column without a
    year has the latest; the year is cut out of the column label
    (2024年预算数 → 预算数), which joins the row's 科目名称; digit-only row
    headers (科目编码, 序号) are no label; a header ending in % types the
    column percent. A 预算数 beside a 决算数 of the same year is a target too.
  - An attachment takes its article's region (the site names it better than
    the file's title).
  - A town or street name (临湖镇) names no indicator: it is cut off a label,
    and a figure labelled by a town alone takes its list's label.
*/
package extract
