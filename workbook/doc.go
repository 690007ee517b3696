// Package workbook writes the analyst's Excel workbook from a govfig database.
//
// The model: a Source hands over documents and figures as streams (the
// SQLite store implements it); Write reads each stream once and lays the
// rows out on five kinds of sheets, all with Chinese names and headers:
//
//	说明   what the file is, the run, the sources, a data dictionary (Chinese and English)
//	文档   one row per document, the URL as a hyperlink
//	数据   one row per figure (tidy); continued on 数据2, 数据3… past Excel's row limit
//	指标   the wide view: indicator × region (or document), computed here, not a pivot table
//	汇总   figures counted by region × kind, with a column chart
//
// The big sheets are written with excelize's StreamWriter, so memory stays
// flat however many figures there are; the zip is written straight into a
// temporary file beside the target, which is renamed into place only when
// everything succeeded.
//
// Safety: every scraped string is written as a string cell (never a
// formula), cut to Excel's 32,767-character limit with a visible marker, and
// only http and https URLs become hyperlinks.
//
// Files: workbook.go (API, atomic write), columns.go (sheet columns, code
// names and the data dictionary), cells.go (values, styles, text safety),
// table.go (a header-led table streamed over one or more sheets), sheets.go
// (文档, 数据, 指标, 汇总), wide.go (the 指标 aggregation), readme.go (说明).
//
// Tests: workbook_test.go reads workbooks back with excelize (round trip,
// formats, safety, atomicity); libreoffice_test.go converts them with
// LibreOffice (skipped without soffice unless CI is set); bench.sh measures
// time and peak memory of 100,000 and 1,000,000 figures.
package workbook
