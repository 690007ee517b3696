// Package patho generates the pathological pages of issue 11 (blow-ups on
// one page) at any size, so that no large file is ever committed: one long
// sentence of figures, one long sentence of bare numbers, and a normal but
// very long report. Every generator is deterministic and returns an HTML
// page of at most n bytes.
package patho

import (
	"fmt"
	"strings"
)

// Shape names a pathological page shape.
type Shape string

const (
	// Figures is one sentence holding figure after figure, joined by 、 and
	// ，, never ended: 新增项目12个、投资3286万元、…
	Figures Shape = "figures"
	// Bare is one sentence of numbers without a unit: 编号1203、4471、…
	Bare Shape = "bare"
	// Report is an ordinary district report repeated: short sentences,
	// paragraphs, a handful of figures each.
	Report Shape = "report"
)

// Shapes lists every shape, in the order benchmarks report them.
var Shapes = []Shape{Figures, Bare, Report}

const head = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某区2023年国民经济和社会发展统计公报</title></head><body>
<div class="content"><h1>某区2023年国民经济和社会发展统计公报</h1><p>发布时间：2024-03-15</p>
`
const tail = "</div></body></html>\n"

// Page returns an HTML page of shape s of at most n bytes (and less than
// 2 KB short of it).
func Page(s Shape, n int) []byte {
	var b strings.Builder
	b.Grow(n + 4096)
	b.WriteString(head)
	body := n - len(head) - len(tail) - 1024 // the runs overshoot by less than an item
	switch s {
	case Figures:
		b.WriteString("<p>2023年，全区")
		figureRun(&b, body)
		b.WriteString("。</p>\n")
	case Bare:
		b.WriteString("<p>2023年，本次核查的档案编号为")
		bareRun(&b, body)
		b.WriteString("。</p>\n")
	case Report:
		report(&b, body)
	default:
		panic("patho: unknown shape " + string(s))
	}
	b.WriteString(tail)
	return []byte(b.String())
}

// figureUnits are the units the figures of a Figures page cycle through.
var figureUnits = []string{"个", "万元", "所", "名", "%", "亩", "吨", "公里"}

// figureRun writes figures joined by 、 and ， until about n bytes.
func figureRun(b *strings.Builder, n int) {
	start := b.Len()
	for i := 0; b.Len()-start < n; i++ {
		if i > 0 {
			if i%7 == 0 {
				b.WriteString("，")
			} else {
				b.WriteString("、")
			}
		}
		fmt.Fprintf(b, "新增项目%d%s", 10+i*37%9000, figureUnits[i%len(figureUnits)])
	}
}

// bareRun writes numbers without a unit joined by 、 until about n bytes.
func bareRun(b *strings.Builder, n int) {
	start := b.Len()
	for i := 0; b.Len()-start < n; i++ {
		if i > 0 {
			b.WriteString("、")
		}
		fmt.Fprintf(b, "%d", 1000+i*7919%90000)
	}
}

// reportParagraphs is one chapter of an ordinary report; %d is replaced by
// a counter so that repeated chapters differ.
var reportParagraphs = []string{
	"<h2>第%d部分 综合</h2>",
	"<p>初步核算，全年地区生产总值%d.5亿元，比上年增长5.2%%。其中，第一产业增加值12.3亿元，增长3.1%%；第二产业增加值286.4亿元，增长6.0%%。</p>",
	"<p>全年新增城镇就业%d人，城镇登记失业率控制在3.5%%以内。新建改扩建中小学校4所，新增学位2760个。</p>",
	"<p>年末全区常住人口%d.6万人，比上年末增加0.8万人。全年一般公共预算收入45.2亿元，增长7.8%%；一般公共预算支出68.9亿元。</p>",
	"<p>全年完成造林面积1.2万亩，森林覆盖率达到%d.4%%。空气质量优良天数达到298天，比上年增加12天。</p>",
}

// report writes chapters of an ordinary report until about n bytes.
func report(b *strings.Builder, n int) {
	start := b.Len()
	for i := 0; b.Len()-start < n; i++ {
		fmt.Fprintf(b, reportParagraphs[i%len(reportParagraphs)], 10+i/len(reportParagraphs)%80)
		b.WriteByte('\n')
	}
}
