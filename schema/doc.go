// Package schema holds govfig's domain types — the values that flow one way
// through the pipeline (bytes → Document → Figures → rows) — together with the
// SQL schema (embedded, versioned migrations) and the SQLite store.
//
// Nothing in this package parses HTML, segments text or writes spreadsheets:
// those live in extract/, segment/ and workbook/ and speak to each other only
// through the types declared here.
package schema
