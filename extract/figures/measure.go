package figures

// measureUnits (physical quantities with their base units: 平方米, 亩, 公里,
// 吨, 千瓦时…) are rows of units.tsv, loaded by units.go with the counts.
