package crawl

import (
	"bytes"
	"compress/gzip"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

// TestEncoderMatchesGowarc checks that the encoder writes a record exactly
// as gowarc's Marshaler does, one gzip member per record.
func TestEncoderMatchesGowarc(t *testing.T) {
	body := strings.Repeat("<p>全年完成固定资产投资12.5亿元。</p>\n", 3000) // larger than a copy buffer
	build := func(typ gowarc.RecordType, id string) gowarc.WarcRecord {
		b := newBuilder(typ)
		b.AddWarcHeader(gowarc.WarcRecordID, id)
		b.AddWarcHeader(gowarc.WarcTargetURI, "http://www.example.gov.cn/a.html")
		b.AddWarcHeaderTime(gowarc.WarcDate, time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC))
		b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
		b.WriteString("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body)
		r, _, err := b.Build()
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	for _, typ := range []gowarc.RecordType{gowarc.Response, gowarc.Request} {
		id := "<urn:uuid:0e0b6a1c-2a4e-4c39-9d5e-6a2b8d1c0f11>"
		var want bytes.Buffer
		r := build(typ, id)
		r.WarcHeader().SetId(gowarc.WarcWarcinfoID, "<urn:uuid:11111111-2222-3333-4444-555555555555>")
		if _, _, err := gowarc.NewMarshaler().Marshal(&want, r, 0); err != nil {
			t.Fatal(err)
		}
		r.Close()
		e := newEncoder()
		for round := 0; round < 2; round++ { // a reused encoder writes the same
			e.buf.Reset()
			if err := e.encode("<urn:uuid:11111111-2222-3333-4444-555555555555>", build(typ, id)); err != nil {
				t.Fatal(err)
			}
			br := bytes.NewReader(e.buf.Bytes())
			zr, err := gzip.NewReader(br)
			if err != nil {
				t.Fatal(err)
			}
			zr.Multistream(false)
			got, err := io.ReadAll(zr)
			if err != nil {
				t.Fatal(err)
			}
			if br.Len() != 0 {
				t.Fatalf("%s record: %d bytes after the first gzip member, want one member", typ, br.Len())
			}
			if !bytes.Equal(got, want.Bytes()) {
				t.Fatalf("%s record: encoder wrote\n%.300q\ngowarc writes\n%.300q", typ, got, want.Bytes())
			}
		}
	}
}

// TestRecordID checks the record IDs: random version 4 UUIDs as URNs, as
// gowarc's default writes them, and no two alike.
func TestRecordID(t *testing.T) {
	re := regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	seen := map[string]bool{}
	for i := 0; i < 2000; i++ {
		id, err := newRecordID()
		if err != nil {
			t.Fatal(err)
		}
		if !re.MatchString(id) || seen[id] {
			t.Fatalf("record id %q: malformed or seen before", id)
		}
		seen[id] = true
	}
	r, _, err := newBuilder(gowarc.Resource).Build()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if id := r.RecordId(); !re.MatchString(strings.Trim(id, "<>")) {
		t.Errorf("built record has id %q", id)
	}
}
