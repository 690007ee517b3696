package archive

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/nlnwa/gowarc/v3"
)

// Reading WARC files: gowarc parses each record (header fields, HTTP blocks,
// digests and lengths), but its field validation blanks a WARC-Target-URI
// written in angle brackets, as wget and other WARC/1.0 writers do
// (`WARC-Target-URI: <http://…>`). So this file frames the records itself —
// gzip members one by one, records inside by their Content-Length — removes
// those brackets from the header, and hands gowarc exactly one record at a
// time. Nothing is held but the current record (gowarc spills large blocks to
// a temporary file). A record whose Content-Length is over the reader's limit
// is refused from its header, before gowarc buffers a byte of it (a gzip bomb
// declares gigabytes in a few kilobytes): it is read through and discarded,
// never stored, and errRecordTooLarge says so; the next record is read.

// maxHeader bounds a WARC record header.
const maxHeader = 1 << 20

// warcReader yields the records of one WARC file, compressed per record (or
// as one gzip stream) or not at all.
type warcReader struct {
	file    *os.File
	count   *countingReader
	raw     *bufio.Reader // the file
	gz      *gzip.Reader  // the current gzip member, nil for an uncompressed file
	in      *bufio.Reader // the decompressed stream
	offset  int64         // file offset of the current gzip member, or of the next record
	un      gowarc.Unmarshaler
	start   bool
	max     int64  // the largest record block read (Content-Length)
	skipped string // WARC-Target-URI of the last record refused as too large
}

// errRecordTooLarge is the cause of a record refused for its size; the
// reader can go on with the next record.
var errRecordTooLarge = errors.New("record too large")

// recordSlack is what a record block may hold besides its payload (the HTTP
// status line and headers) within a payload limit.
const recordSlack = 1 << 20

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// openWARC opens a WARC file whose record blocks may be at most
// maxPayload+recordSlack bytes long.
func openWARC(path string, maxPayload int64) (*warcReader, error) {
	return openWARCAt(path, 0, maxPayload)
}

// openWARCAt opens a WARC file at offset, the start of a record (of its gzip
// member in a compressed file): the reader reads on from that record.
func openWARCAt(path string, offset, maxPayload int64) (*warcReader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if offset > 0 {
		if _, err := f.Seek(offset, io.SeekStart); err != nil {
			f.Close()
			return nil, err
		}
	}
	if info, err := f.Stat(); err == nil && info.Size() == 0 {
		f.Close()
		return nil, errors.New("empty file (0 bytes), not a WARC file")
	}
	c := &countingReader{r: f}
	w := &warcReader{file: f, count: c, raw: bufio.NewReaderSize(c, 64<<10), start: true, max: maxPayload + recordSlack,
		un: gowarc.NewUnmarshaler(gowarc.WithBufferTmpDir(os.TempDir()), gowarc.WithBufferMaxMemBytes(4<<20))}
	magic, _ := w.raw.Peek(2)
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		if w.gz, err = gzip.NewReader(w.raw); err != nil {
			f.Close()
			return nil, fmt.Errorf("gzip: %w", err)
		}
		w.gz.Multistream(false)
		w.in = bufio.NewReaderSize(w.gz, 64<<10)
	} else {
		w.in = w.raw
	}
	return w, nil
}

func (w *warcReader) Close() error { return w.file.Close() }

// pos is the current file offset of the raw reader.
func (w *warcReader) pos() int64 { return w.count.n - int64(w.raw.Buffered()) }

// next returns the next record and its offset (of its gzip member for a
// compressed file), io.EOF at the end.
func (w *warcReader) next() (gowarc.Record, error) {
	if err := w.skipSeparators(); err != nil {
		return gowarc.Record{Offset: w.offset}, err
	}
	off := w.offset
	if w.gz == nil {
		off = w.pos()
	}
	header, length, err := readHeader(w.in)
	if err != nil {
		return gowarc.Record{Offset: off}, err
	}
	block := io.LimitReader(w.in, length)
	if length > w.max {
		// Read through (decompressing, in constant memory) and drop.
		n, err := io.Copy(io.Discard, block)
		r := gowarc.Record{Offset: off}
		if err == nil && n < length {
			err = io.ErrUnexpectedEOF
		}
		if err != nil {
			return r, fmt.Errorf("record of %d bytes (more than the limit of %d), cut short after %d: %w", length, w.max, n, err)
		}
		w.skipped = targetURI(rawHeader(header, "WARC-Target-URI"))
		return r, fmt.Errorf("%w: Content-Length %d is more than the limit of %d bytes; record skipped, nothing stored",
			errRecordTooLarge, length, w.max)
	}
	rec, _, validation, err := w.un.Unmarshal(bufio.NewReader(io.MultiReader(bytes.NewReader(header), block)))
	// Whatever gowarc left of the block (on an error) is skipped.
	if _, cerr := io.Copy(io.Discard, block); cerr != nil && err == nil {
		err = cerr
	}
	r := gowarc.Record{WarcRecord: rec, Offset: off, Validation: validation}
	if err != nil {
		if rec != nil {
			rec.Close()
		}
		r.WarcRecord = nil
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
	}
	return r, err
}

// skipSeparators passes the CR/LF bytes between records and, at the end of a
// gzip member, moves on to the next member. It returns io.EOF at the end of
// the file.
func (w *warcReader) skipSeparators() error {
	for {
		b, err := w.in.ReadByte()
		if err == nil {
			if b == '\r' || b == '\n' {
				continue
			}
			w.in.UnreadByte()
			if w.start && w.gz != nil {
				w.offset = 0
			}
			w.start = false
			return nil
		}
		if !errors.Is(err, io.EOF) {
			return err
		}
		if w.gz == nil {
			return io.EOF
		}
		// End of this gzip member: start the next one, if any.
		w.offset = w.pos()
		if _, err := w.raw.Peek(1); errors.Is(err, io.EOF) {
			return io.EOF
		}
		if err := w.gz.Reset(w.raw); err != nil {
			return fmt.Errorf("gzip member at offset %d: %w", w.offset, err)
		}
		w.gz.Multistream(false)
		w.in.Reset(w.gz)
	}
}

// readHeader reads a WARC record header up to and including its blank line,
// removing angle brackets around WARC-Target-URI, and returns it with the
// record's Content-Length.
func readHeader(r *bufio.Reader) ([]byte, int64, error) {
	var out bytes.Buffer
	length := int64(-1)
	first := true
	for {
		line, err := r.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			return nil, 0, errors.New("header line too long")
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return nil, 0, fmt.Errorf("record header: %w", err)
		}
		if first {
			if !bytes.HasPrefix(line, []byte("WARC/")) {
				return nil, 0, fmt.Errorf("record header: expected WARC/ version line, found %q", truncate(line))
			}
			first = false
		}
		if len(bytes.TrimRight(line, "\r\n")) == 0 {
			out.Write(line)
			break
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if ok {
			v := strings.TrimSpace(string(value))
			switch strings.ToLower(strings.TrimSpace(string(name))) {
			case "content-length":
				n, err := strconv.ParseInt(v, 10, 64)
				if err != nil || n < 0 {
					return nil, 0, fmt.Errorf("record header: bad Content-Length %q", v)
				}
				length = n
			case "warc-target-uri":
				if strings.HasPrefix(v, "<") && strings.HasSuffix(v, ">") {
					line = []byte("WARC-Target-URI: " + v[1:len(v)-1] + "\r\n")
				}
			}
		}
		out.Write(line)
		if out.Len() > maxHeader {
			return nil, 0, errors.New("record header larger than 1 MiB")
		}
	}
	if length < 0 {
		return nil, 0, errors.New("record header without Content-Length")
	}
	return out.Bytes(), length, nil
}

func truncate(b []byte) string {
	if len(b) > 40 {
		b = b[:40]
	}
	return string(b)
}
