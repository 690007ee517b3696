package figures

import "github.com/govfig/govfig/schema"

// measureUnits: physical quantities with their base units.
var measureUnits = []unitRule{
	{unit: "平方公里", kind: schema.KindMeasure, base: "平方公里", factor: 1, mags: true, example: "辖区面积593平方公里"},
	{unit: "平方千米", kind: schema.KindMeasure, base: "平方公里", factor: 1, mags: true, example: "面积12平方千米"},
	{unit: "平方米", kind: schema.KindMeasure, base: "平方米", factor: 1, mags: true, example: "涉及建筑面积86.3万平方米"},
	{unit: "立方米", kind: schema.KindMeasure, base: "立方米", factor: 1, mags: true, example: "供水1.2万立方米"},
	{unit: "公顷", kind: schema.KindMeasure, base: "平方米", factor: 10000, mags: true, example: "绿地12公顷"},
	{unit: "亩", kind: schema.KindMeasure, base: "亩", factor: 1, mags: true, example: "新建高标准农田1.2万亩"},
	{unit: "公里", kind: schema.KindMeasure, base: "米", factor: 1000, mags: true, notAfter: []string{"数"}, example: "农村公路提升改造38.6公里"},
	{unit: "千米", kind: schema.KindMeasure, base: "米", factor: 1000, mags: true, example: "河道治理5千米"},
	{unit: "米", kind: schema.KindMeasure, base: "米", factor: 1, mags: true, notAfter: []string{"面", "饭", "粮"}, example: "跑道400米"},
	{unit: "吨", kind: schema.KindMeasure, base: "吨", factor: 1, mags: true, example: "处理垃圾300吨"},
	{unit: "公斤", kind: schema.KindMeasure, base: "吨", factor: 0.001, mags: true, example: "发放食用油500公斤"},
}
