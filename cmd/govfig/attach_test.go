package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/govfig/govfig/schema"
)

// TestRunAttachments: `govfig run` on the sample site reads the files its
// articles link (a budget .xlsx, a report .docx on /uploadfiles/, a text
// PDF, a final-accounts .xls) as documents of their own, linked to their article, and 数据 has
// figures from each file type, naming the attachment and its article.
func TestRunAttachments(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the sample site; skipped with -short")
	}
	out := t.TempDir()
	stdout, stderr, err := runCmd(t, "run", "--out", out)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "attachments: ") {
		t.Errorf("summary does not report attachments:\n%s", stdout)
	}
	st, err := schema.Open(filepath.Join(out, "govfig.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rows, err := st.DB().Query(`SELECT d.format, d.title, coalesce(p.title, ''), count(f.id)
		FROM documents d LEFT JOIN documents p ON p.url = d.parent_url AND d.parent_url <> ''
		LEFT JOIN figures f ON f.document_id = d.id
		WHERE d.page_type = 'attachment' GROUP BY d.id`)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for rows.Next() {
		var format, title, parent string
		var n int
		if err := rows.Scan(&format, &title, &parent, &n); err != nil {
			t.Fatal(err)
		}
		if parent != "" && n > 0 {
			got[format] = title + " ← " + parent
		}
	}
	rows.Close()
	for format, want := range map[string]string{
		"xlsx": "天津市西青区2024年一般公共预算支出预算表 ← 西青区2024年一季度财政收支情况",
		"docx": "西青区教育局2023年部门整体支出绩效自评报告 ← 西青区2024年一季度财政收支情况",
		"pdf":  "武清区2023年教育经费执行情况 ← 武清区中小学校舍改造提升工程公告",
		"xls":  "西青区教育局2023年一般公共预算财政拨款支出决算表 ← 西青区2024年一季度财政收支情况",
	} {
		if !strings.HasPrefix(got[format], want) {
			t.Errorf("%s attachment with figures and its article: %q, want %q", format, got[format], want)
		}
	}

	f, err := excelize.OpenFile(filepath.Join(out, "govfig.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := f.GetRows("数据")
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range data[0] {
		col[h] = i
	}
	seen := map[string]bool{}
	for _, r := range data[1:] {
		if len(r) > col["所属文章"] && r[col["所属文章"]] != "" {
			seen[r[col["文档标题"]]+" ← "+r[col["所属文章"]]] = true
		}
	}
	for _, want := range []string{
		"天津市西青区2024年一般公共预算支出预算表 ← 西青区2024年一季度财政收支情况",
		"西青区教育局2023年部门整体支出绩效自评报告 ← 西青区2024年一季度财政收支情况",
		"武清区2023年教育经费执行情况 ← 武清区中小学校舍改造提升工程公告",
		"西青区教育局2023年一般公共预算财政拨款支出决算表 ← 西青区2024年一季度财政收支情况",
	} {
		if !seen[want] {
			t.Errorf("数据 has no row of %s", want)
		}
	}
	docs, err := f.GetRows("文档")
	if err != nil {
		t.Fatal(err)
	}
	// 文档 lists an attachment right under its article.
	for i, r := range docs {
		if len(r) > 10 && r[10] == "西青区2024年一季度财政收支情况" && (i == 0 || docs[i-1][1] != r[10] && !(len(docs[i-1]) > 10 && docs[i-1][10] == r[10])) {
			t.Errorf("文档 row %d (%s) is not under its article", i, r[1])
		}
	}
}

// TestInspectAttachments: `govfig inspect FILE` reads each attachment
// format into the JSON of a page, with its figures and table cells; a scan
// is a document with the problem "scanned: no text layer".
func TestInspectAttachments(t *testing.T) {
	for _, c := range []struct {
		file, title, problem string
		figures              int
	}{
		{"xiqing-2024-budget-tables.xlsx", "天津市西青区2024年一般公共预算支出预算表", "", 40},
		{"xiqing-2024-budget-biff8.xls", "天津市西青区2024年一般公共预算支出预算表", "", 40},
		{"xiqing-2023-performance-report.docx", "西青区教育局2023年部门整体支出绩效自评报告", "", 19},
		{"wuqing-2023-education-funds.pdf", "武清区2023年教育经费执行情况", "", 14},
		{"xiqing-2024-scan.pdf", "xiqing-2024-scan", "scanned: no text layer", 0},
	} {
		stdout, stderr, err := runCmd(t, "inspect", filepath.Join("..", "..", "fixtures", "attachments", c.file))
		if err != nil {
			t.Errorf("inspect %s: %v\n%s", c.file, err, stderr)
			continue
		}
		var doc schema.Document
		if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		cells := 0
		for _, f := range doc.Figures {
			if f.Cell != nil {
				cells++
			}
		}
		if doc.PageType != schema.PageAttachment || doc.Title != c.title || doc.Problem != c.problem || len(doc.Figures) != c.figures ||
			c.figures > 0 && cells == 0 {
			t.Errorf("%s: page type %q, title %q, problem %q, %d figures (%d from cells); want attachment, %q, %q, %d",
				c.file, doc.PageType, doc.Title, doc.Problem, len(doc.Figures), cells, c.title, c.problem, c.figures)
		}
	}
}

// TestExtractScanIsAProblem: extract stores a scan as a document with its
// problem, lists the problem and exits 1; the workbook in the same folder
// is read.
func TestExtractScanIsAProblem(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"xiqing-2024-scan.pdf", "xiqing-2024-budget-tables.xlsx"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "attachments", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "g.db")
	_, stderr, err := runCmd(t, "extract", "--db", db, dir)
	if err == nil || !strings.Contains(stderr, "scanned: no text layer") {
		t.Errorf("extract: err %v, want the scan listed as a problem:\n%s", err, stderr)
	}
	if n := countRows(t, db, "figures"); n != 40 {
		t.Errorf("%d figures stored, want the workbook's 40", n)
	}
}
