package page_test

import (
	"fmt"

	"github.com/govfig/govfig/extract/page"
)

func ExampleRead() {
	body := []byte(`<html><head>
<meta charset="utf-8">
<meta name="SiteName" content="天津市静海区人民政府">
<title>静海区2023年教育经费情况_公告公示_天津市静海区人民政府</title>
</head><body>
<div class="top">今天是：2019年10月31日</div>
<div class="info">文章来源：天津市静海区教育局　更新时间：2024/08/29 16:16:38</div>
<div class="TRS_Editor">
<p>　　2023年教育经费支出190274万元，增长1.76%。</p>
<table><tr><th>学段</th><th>学校数（所）</th></tr><tr><td>小学</td><td>12</td></tr><tr><td>初中</td><td>3</td></tr></table>
</div>
<div class="footer">网站标识码：1200000000</div>
</body></html>`)
	doc, err := page.Read(body, "http://www.tjjh.gov.cn/zwgk/gsgg/202408/t20240829_1.html", "text/html")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Title)
	fmt.Println(doc.Publisher, doc.Region, doc.Published)
	fmt.Println(doc.Text)
	fmt.Println(doc.Tables[0].Rows[2][1].Text, doc.Tables[0].HeaderRows, doc.Tables[0].HeaderCols)
	// Output:
	// 静海区2023年教育经费情况
	// 天津市静海区教育局 天津市静海区 2024-08-29T16:16:38+08:00
	// 2023年教育经费支出190274万元，增长1.76%。
	// 学段	学校数（所）
	// 小学	12
	// 初中	3
	// 3 1 1
}
