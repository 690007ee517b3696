// Package attachgen makes the attachment fixtures of govfig — a budget
// workbook (.xlsx), a report with a table (.docx), a PDF with a Chinese text
// layer and a table, a scan (a PDF of one image) — and the bad inputs the
// bounds are tested with (zip bombs, a PDF of many pages, malformed files).
// Their text is composed for govfig in the genre of district budget
// disclosures; the figures are invented. `go test ./internal/attachgen
// -update` writes the fixture files (fixtures/attachments and the sample
// site); a test checks the files committed are the ones made here.
package attachgen

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"sort"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// BudgetXLSX is 西青区's 2024 budget workbook: two sheets, a title and a
// unit line each, a two-row header with merged cells, 科目编码/科目名称
// rows, a 合计 row, and a column of percentages stored as shares.
func BudgetXLSX() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	s1 := "表1 一般公共预算支出"
	if err := f.SetSheetName("Sheet1", s1); err != nil {
		return nil, err
	}
	set := func(sheet, cell string, v any) {
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			panic(err)
		}
	}
	merge := func(sheet, a, b string) {
		if err := f.MergeCell(sheet, a, b); err != nil {
			panic(err)
		}
	}
	set(s1, "A1", "天津市西青区2024年一般公共预算支出预算表")
	merge(s1, "A1", "F1")
	set(s1, "F2", "单位：万元")
	for i, h := range []string{"科目编码", "科目名称", "2024年预算数", "2023年执行数", "比上年增减"} {
		set(s1, string(rune('A'+i))+"3", h)
	}
	merge(s1, "E3", "F3")
	for _, c := range []string{"A", "B", "C", "D"} {
		merge(s1, c+"3", c+"4")
	}
	set(s1, "E4", "增减额")
	set(s1, "F4", "增减%")
	rows := [][]any{
		{"205", "教育支出", 186420, 179350, 7070, 3.94},
		{"20501", "教育管理事务", 2310.5, 2265, 45.5, 2.01},
		{"20502", "普通教育", 150680, 144920, 5760, 3.97},
		{"2050201", "学前教育", 12460, 11830, 630, 5.33},
		{"2050202", "小学教育", 61350, 59210, 2140, 3.61},
		{"208", "社会保障和就业支出", 98760, 101240, -2480, -2.45},
		{"合计", "", 285180, 280590, 4590, 1.64},
	}
	for i, r := range rows {
		for j, v := range r {
			set(s1, fmt.Sprintf("%c%d", 'A'+j, 5+i), v)
		}
	}
	merge(s1, "A11", "B11")

	s2 := "表2 三公经费"
	if _, err := f.NewSheet(s2); err != nil {
		return nil, err
	}
	set(s2, "A1", "西青区2024年部门“三公”经费预算表")
	merge(s2, "A1", "E1")
	set(s2, "A2", "单位：万元")
	for i, h := range []string{"项目", "2024年预算数", "2023年预算数", "增减额", "增减率"} {
		set(s2, string(rune('A'+i))+"3", h)
	}
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	if err != nil {
		return nil, err
	}
	for i, r := range [][]any{
		{"因公出国费", 12, 15, -3, -0.2},
		{"公务用车运行维护费", 86.4, 90, -3.6, -0.04},
		{"公务接待费", 9.6, 12, -2.4, -0.2},
	} {
		for j, v := range r {
			set(s2, fmt.Sprintf("%c%d", 'A'+j, 4+i), v)
		}
		if err := f.SetCellStyle(s2, fmt.Sprintf("E%d", 4+i), fmt.Sprintf("E%d", 4+i), pct); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// FinalAccountsXLSX is 西青区教育局's 2023 final accounts of its general
// budget: budget at the start of the year, adjusted budget, final figure and
// the final as a share of the adjusted budget. The .xls fixture is this
// workbook saved as Excel 97 by LibreOffice (soffice --headless
// --convert-to xls), since no pure-Go library writes BIFF8.
func FinalAccountsXLSX() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	s := "决算表"
	if err := f.SetSheetName("Sheet1", s); err != nil {
		return nil, err
	}
	set := func(cell string, v any) {
		if err := f.SetCellValue(s, cell, v); err != nil {
			panic(err)
		}
	}
	set("A1", "西青区教育局2023年一般公共预算财政拨款支出决算表")
	if err := f.MergeCell(s, "A1", "F1"); err != nil {
		return nil, err
	}
	set("A2", "单位：万元")
	for i, h := range []string{"科目编码", "科目名称", "年初预算数", "调整预算数", "决算数", "决算数为调整预算数的%"} {
		set(string(rune('A'+i))+"3", h)
	}
	for i, r := range [][]any{
		{"2050101", "行政运行", 1260, 1310, 1296.4, 98.96},
		{"2050201", "学前教育", 9850, 10120, 10086.2, 99.67},
		{"2050202", "小学教育", 42300, 43150, 42987.5, 99.62},
		{"合计", "", 53410, 54580, 54370.1, 99.62},
	} {
		for j, v := range r {
			set(fmt.Sprintf("%c%d", 'A'+j, 4+i), v)
		}
	}
	if err := f.MergeCell(s, "A7", "B7"); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// docx part templates.
const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	docHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`
	docTail = `<w:sectPr/></w:body></w:document>`
)

// para is a paragraph; a style makes it a title or heading.
func para(style, text string) string {
	st := ""
	if style != "" {
		st = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	// Split into two runs, as Word does, to test that runs are joined.
	rs := []rune(text)
	h := len(rs) / 2
	return `<w:p>` + st + `<w:r><w:t xml:space="preserve">` + esc(string(rs[:h])) + `</w:t></w:r><w:r><w:t>` + esc(string(rs[h:])) + `</w:t></w:r></w:p>`
}

func esc(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// tc is a table cell: span columns, vmerge "restart"/"continue"/"".
func tc(text string, span int, vmerge string) string {
	pr := ""
	if span > 1 {
		pr += fmt.Sprintf(`<w:gridSpan w:val="%d"/>`, span)
	}
	switch vmerge {
	case "restart":
		pr += `<w:vMerge w:val="restart"/>`
	case "continue":
		pr += `<w:vMerge/>`
	}
	if pr != "" {
		pr = `<w:tcPr>` + pr + `</w:tcPr>`
	}
	p := `<w:p/>`
	if text != "" {
		p = `<w:p><w:r><w:t>` + esc(text) + `</w:t></w:r></w:p>`
	}
	return `<w:tc>` + pr + p + `</w:tc>`
}

// ReportDOCX is 西青区教育局's 2023 self-evaluation of its spending: headed
// sections, prose with figures, and a table with a merged header (2023年
// over 预算数 | 决算数; 项目 and 占比 merged down).
func ReportDOCX() []byte {
	var d strings.Builder
	d.WriteString(docHead)
	d.WriteString(para("Title", "西青区教育局2023年部门整体支出绩效自评报告"))
	d.WriteString(para("Heading1", "一、部门基本情况"))
	d.WriteString(para("", "西青区教育局所属预算单位86个，其中中小学62所、幼儿园21所。2023年末在职教职工6420人。"))
	d.WriteString(para("Heading1", "二、部门整体支出情况"))
	d.WriteString(para("", "2023年部门整体支出合计184650万元，比上年增加5320万元，增长2.97%。"))
	d.WriteString(para("", "表1 2023年部门支出构成"))
	d.WriteString(para("", "单位：万元"))
	d.WriteString(`<w:tbl>`)
	row := func(cells ...string) { d.WriteString(`<w:tr>` + strings.Join(cells, "") + `</w:tr>`) }
	row(tc("项目", 1, "restart"), tc("2023年", 2, ""), tc("占比(%)", 1, "restart"))
	row(tc("", 1, "continue"), tc("预算数", 1, ""), tc("决算数", 1, ""), tc("", 1, "continue"))
	row(tc("基本支出", 1, ""), tc("121300", 1, ""), tc("120860", 1, ""), tc("65.45", 1, ""))
	row(tc("项目支出", 1, ""), tc("64200", 1, ""), tc("63790", 1, ""), tc("34.55", 1, ""))
	row(tc("合计", 1, ""), tc("185500", 1, ""), tc("184650", 1, ""), tc("100", 1, ""))
	d.WriteString(`</w:tbl>`)
	d.WriteString(para("Heading1", "三、绩效目标完成情况"))
	d.WriteString(para("", "全年完成校舍维修改造项目18个，新增学位2160个，义务教育阶段学生体质健康达标率达到93.6%。"))
	d.WriteString(docTail)
	return zipOf(map[string]string{
		"[Content_Types].xml": contentTypes,
		"_rels/.rels":         rels,
		"word/document.xml":   d.String(),
	})
}

// DOCX wraps the XML of a document body (paragraphs and tables, w:
// prefix) into a .docx.
func DOCX(body string) []byte {
	return zipOf(map[string]string{
		"[Content_Types].xml": contentTypes,
		"_rels/.rels":         rels,
		"word/document.xml":   docHead + body + docTail,
	})
}

// zipOf writes a zip of the given parts, in name order, deflated.
func zipOf(parts map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate})
		if err != nil {
			panic(err)
		}
		w.Write([]byte(parts[n]))
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// pdfText is one run of text at a position of a page.
type pdfText struct {
	x, y float64
	s    string
}

// ReportPDF is 武清区's 2023 education spending note as a PDF with a text
// layer in a Type0 (CID, Identity-H) font mapped by a ToUnicode CMap — as
// Chinese PDFs made by office software are — with a table whose cells are
// placed in columns (one row leaves cells empty).
func ReportPDF() []byte {
	var runs []pdfText
	y := 760.0
	line := func(s string) { runs = append(runs, pdfText{72, y, s}); y -= 24 }
	row := func(cells ...string) {
		for i, c := range cells {
			runs = append(runs, pdfText{72 + float64(i)*120, y, c})
		}
		y -= 20
	}
	line("武清区2023年教育经费执行情况")
	line("2023年全区教育经费总投入152360万元，比上年增长4.8%。")
	line("表1 教育经费支出明细")
	line("单位：万元")
	row("项目", "2023年预算数", "2023年执行数", "执行率%")
	row("人员经费", "98500", "97860", "99.35")
	row("公用经费", "31200", "30450", "97.6")
	row("基本建设", "25000", "24050", "96.2")
	row("其中：教师培训经费", "", "1320", "") // a row with empty cells
	y -= 8
	line("全年新建改扩建校舍面积3.2万平方米，惠及学生1.86万名。")
	return cidPDF(runs)
}

// cidPDF writes a one-page PDF showing runs in a Type0 font whose CIDs are
// the runs' characters numbered in order of first use (no glyphs embedded:
// only the text layer matters here).
func cidPDF(runs []pdfText) []byte { return cidPDFMap(runs, true) }

// NoUnicodePDF is a text PDF whose CID font has no ToUnicode map: its text
// layer cannot be turned into characters.
func NoUnicodePDF() []byte {
	return cidPDFMap([]pdfText{{72, 760, "西青区2024年部门预算"}, {72, 736, "全年支出预算186420万元。"}}, false)
}

func cidPDFMap(runs []pdfText, toUnicode bool) []byte {
	cid := map[rune]int{}
	var order []rune
	var content strings.Builder
	for _, r := range runs {
		var hex strings.Builder
		for _, ch := range r.s {
			if _, ok := cid[ch]; !ok {
				order = append(order, ch)
				cid[ch] = len(order)
			}
			fmt.Fprintf(&hex, "%04X", cid[ch])
		}
		fmt.Fprintf(&content, "BT /F1 10 Tf 1 0 0 1 %.0f %.0f Tm <%s> Tj ET\n", r.x, r.y, hex.String())
	}
	var cmap strings.Builder
	cmap.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(order); i += 100 {
		j := min(i+100, len(order))
		fmt.Fprintf(&cmap, "%d beginbfchar\n", j-i)
		for k := i; k < j; k++ {
			var u strings.Builder
			for _, c := range utf16.Encode([]rune{order[k]}) {
				fmt.Fprintf(&u, "%04X", c)
			}
			fmt.Fprintf(&cmap, "<%04X> <%s>\n", k+1, u.String())
		}
		cmap.WriteString("endbfchar\n")
	}
	cmap.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	font := "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>"
	if !toUnicode {
		font = "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] >>"
	}
	return pdfOf([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		stream("", content.String()),
		font,
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 >>",
		stream("", cmap.String()),
		"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 859 /StemV 80 >>",
	})
}

// ScanPDF is a scanned page: one image, no text.
func ScanPDF() []byte {
	img := bytes.Repeat([]byte{0x80}, 64*64)
	return pdfOf([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im0 5 0 R >> >> >>",
		stream("", "q 595 0 0 842 0 0 cm /Im0 Do Q\n"),
		stream("/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8", string(img)),
	})
}

// ManyPagesPDF is a PDF of n empty pages (a page tree of n leaves).
func ManyPagesPDF(n int) []byte {
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", ""}
	var kids strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&kids, "%d 0 R ", 3+i)
		objs = append(objs, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids.String(), n)
	return pdfOf(objs)
}

func stream(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// pdfOf writes objects 1..n with a correct cross-reference table.
func pdfOf(objs []string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// ZipBomb is a .xlsx or .docx (by part names) one of whose parts inflates
// to size bytes of zeros while the container stays small; lie makes its
// header claim 1 KiB instead (archive/zip then refuses the part as it
// inflates past that).
func ZipBomb(kind string, size int64, lie bool) []byte {
	part := "word/document.xml"
	if kind == "xlsx" {
		part = "xl/worksheets/sheet1.xml"
	}
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	zero := make([]byte, 1<<20)
	for n := int64(0); n < size; n += int64(len(zero)) {
		fw.Write(zero[:min(int64(len(zero)), size-n)])
	}
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range []string{"[Content_Types].xml", "xl/workbook.xml"} {
		if kind != "xlsx" && n == "xl/workbook.xml" {
			continue
		}
		w, _ := zw.Create(n)
		w.Write([]byte(`<?xml version="1.0"?><x/>`))
	}
	claimed := uint64(size)
	if lie {
		claimed = 1024
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: part, Method: zip.Deflate, CompressedSize64: uint64(comp.Len()),
		UncompressedSize64: claimed, CRC32: 0})
	if err != nil {
		panic(err)
	}
	w.Write(comp.Bytes())
	zw.Close()
	return buf.Bytes()
}
