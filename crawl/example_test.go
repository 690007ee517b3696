package crawl_test

import (
	"fmt"
	"strings"

	"github.com/govfig/govfig/crawl"
)

func ExampleParseSites() {
	sites, err := crawl.ParseSites(strings.NewReader(`# 天津 districts
天津市静海区 http://www.tjjh.gov.cn/zwgk/gsgg/index.html
天津市西青区 https://www.xq.gov.cn/xxgk/tzgg/list.html https://www.xq.gov.cn/xxgk/zcwj/index.html#main
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range sites {
		fmt.Println(s.Name, s.Seeds)
	}
	// Output:
	// 天津市静海区 [http://www.tjjh.gov.cn/zwgk/gsgg/index.html]
	// 天津市西青区 [https://www.xq.gov.cn/xxgk/tzgg/list.html https://www.xq.gov.cn/xxgk/zcwj/index.html]
}
