package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/govfig/govfig/schema"
)

// TestRunAttachments: `govfig run` on the sample site reads the files its
// articles link (a budget .xlsx, a report .docx on /uploadfiles/, a text
// PDF) as documents of their own, linked to their article, and 数据 has
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
	rows, err := st.DB().Query(`SELECT d.charset, d.title, coalesce(p.title, ''), count(f.id)
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
