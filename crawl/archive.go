package crawl

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/klauspost/compress/gzip"
	"github.com/nlnwa/gowarc/v3"
)

// warcName matches the only file names the crawler writes into an archive
// dir. Names are made from a timestamp and a serial number, never from a URL.
var warcName = regexp.MustCompile(`^govfig-[0-9]{14}-([0-9]{5,})\.warc\.gz$`)

// recordOptions are the gowarc options of every record we build: WARC 1.1,
// SHA-1 digests in base32, added when missing, and record IDs from newRecordID.
func recordOptions() []gowarc.WarcRecordOption {
	return []gowarc.WarcRecordOption{
		gowarc.WithVersion(gowarc.V1_1),
		gowarc.WithDefaultDigestAlgorithm("sha1"),
		gowarc.WithDefaultDigestEncoding(gowarc.Base32),
		gowarc.WithAddMissingDigest(true),
		gowarc.WithAddMissingRecordId(true),
		gowarc.WithRecordIdFunc(func() (string, error) { return recordID() }),
		gowarc.WithBufferMaxMemBytes(64 << 20),
	}
}

// builderMu serialises gowarc.NewRecordBuilder: it sets a global of
// github.com/google/uuid (EnableRandPool) on every call, a data race when the
// host workers build records at the same time. Building itself runs in
// parallel.
var builderMu sync.Mutex

// newBuilder starts a record with recordOptions.
func newBuilder(t gowarc.RecordType) gowarc.WarcRecordBuilder {
	builderMu.Lock()
	defer builderMu.Unlock()
	return gowarc.NewRecordBuilder(t, recordOptions()...)
}

// Record IDs are random (version 4) UUIDs as URNs, like gowarc's default,
// which reads the uuid package's global that NewRecordBuilder writes. The
// random bytes come from crypto/rand through a buffer.
var (
	idMu  sync.Mutex
	idBuf = bufio.NewReaderSize(rand.Reader, 16*256)
)

func newRecordID() (string, error) {
	var u [16]byte
	idMu.Lock()
	_, err := io.ReadFull(idBuf, u[:])
	idMu.Unlock()
	if err != nil {
		return "", fmt.Errorf("record id: %w", err)
	}
	u[6] = u[6]&0x0f | 0x40 // version 4
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	var b [36]byte
	hex.Encode(b[0:8], u[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], u[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], u[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], u[8:10])
	b[23] = '-'
	hex.Encode(b[24:], u[10:])
	return "urn:uuid:" + string(b[:]), nil
}

// archive appends gzip-compressed WARC records to rolling files. Records are
// built with gowarc; the files are handled here rather than with
// gowarc.WarcFileWriter because every commit needs the exact end offset of the
// file on disk (to truncate uncommitted tails after a crash) and our own
// file names; WarcFileWriter hides both behind its worker pool.
type archive struct {
	dir      string
	maxSize  int64
	now      func() time.Time
	info     map[string]string
	fr       *frontier
	f        *os.File
	name     string
	size     int64
	serial   int
	infoID   atomic.Value // string: the warcinfo record of the current file, read by the workers
	enc      *encoder
	fileFull bool
}

// encoder compresses records, each as its own gzip member. The host workers
// each take one (crawler.getEncoder), so records are built and compressed in
// parallel; only the file write and the frontier commit are serial.
type encoder struct {
	gz  *gzip.Writer
	raw bytes.Buffer // one record, uncompressed
	buf bytes.Buffer // the gzip members
	sha hash.Hash    // SHA-1, for encodeExchange's digests
}

// recordLevel is the gzip level of the records: klauspost's default.
// BestSpeed would take 13–15% less CPU a page in the 50-host crawl benchmark
// but make archives about 7% larger (BenchmarkEncodeRecords: 0.597 of the
// raw record bytes instead of 0.557 on the fixture pages); the crawler
// reaches 2,000 pages/s on two cores without it, and a real crawl is paced
// by its delays, not its CPU, while the archive is kept.
const recordLevel = gzip.DefaultCompression

func newEncoder() *encoder {
	gz, _ := gzip.NewWriterLevel(io.Discard, recordLevel)
	return &encoder{gz: gz}
}

// encode appends recs to e.buf, each as its own gzip member, naming the
// warcinfo record infoID (none when ""), and closes them.
func (e *encoder) encode(infoID string, recs ...gowarc.WarcRecord) error {
	defer func() {
		for _, r := range recs {
			r.Close()
		}
	}()
	for _, r := range recs {
		if infoID != "" && r.Type() != gowarc.Warcinfo {
			r.WarcHeader().SetId(gowarc.WarcWarcinfoID, infoID)
		}
		if err := e.marshal(r); err != nil {
			return fmt.Errorf("archive: marshal %s record: %w", r.Type(), err)
		}
		if err := e.compress(); err != nil {
			return err
		}
	}
	return nil
}

// marshal writes a record into e.raw exactly as gowarc's Marshaler does
// (version line, header fields, blank line, block, blank line), without its
// 32 KiB copy buffer per record.
func (e *encoder) marshal(r gowarc.WarcRecord) error {
	e.raw.Reset()
	e.raw.WriteString(r.Version().String())
	e.raw.WriteString("\r\n")
	if _, err := r.WarcHeader().Write(&e.raw); err != nil {
		return err
	}
	e.raw.WriteString("\r\n")
	block, err := r.Block().RawBytes()
	if err != nil {
		return err
	}
	if _, err := e.raw.ReadFrom(block); err != nil {
		return err
	}
	e.raw.WriteString("\r\n\r\n")
	return nil
}

func openArchive(dir string, maxSize int64, fr *frontier, now func() time.Time, info map[string]string) (*archive, error) {
	a := &archive{dir: dir, maxSize: maxSize, now: now, info: info, fr: fr, enc: newEncoder()}
	a.infoID.Store("")
	// Serial numbers continue past every file in the dir, ours or not.
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("archive %s: %w", dir, err)
	}
	for _, e := range ents {
		if m := warcName.FindStringSubmatch(e.Name()); m != nil {
			if n, _ := strconv.Atoi(m[1]); n > a.serial {
				a.serial = n
			}
		}
	}
	var s sql.NullInt64
	if err := fr.db.QueryRow(`SELECT MAX(serial) FROM warc_files`).Scan(&s); err == nil && int(s.Int64) > a.serial {
		a.serial = int(s.Int64)
	}
	return a, nil
}

// recover makes every WARC file the frontier knows end exactly at its last
// committed record: a tail written by a killed run (a partial gzip member or
// whole records whose commit never happened) is cut off, and URLs whose
// records were lost (a file shorter than committed) are set pending again.
// It returns the files it changed, each checked to read fully.
func (a *archive) recover(ctx context.Context) ([]string, error) {
	rows, err := a.fr.db.Query(`SELECT name, committed FROM warc_files`)
	if err != nil {
		return nil, fmt.Errorf("archive recovery: %w", err)
	}
	type wf struct {
		name      string
		committed int64
	}
	var files []wf
	for rows.Next() {
		var w wf
		if err := rows.Scan(&w.name, &w.committed); err != nil {
			rows.Close()
			return nil, err
		}
		files = append(files, w)
	}
	rows.Close()
	var changed []string
	for _, w := range files {
		if !warcName.MatchString(w.name) {
			return nil, fmt.Errorf("archive recovery: frontier names a foreign file %q", w.name)
		}
		p := filepath.Join(a.dir, w.name)
		st, err := os.Stat(p)
		size := int64(0)
		switch {
		case errors.Is(err, os.ErrNotExist):
		case err != nil:
			return nil, fmt.Errorf("archive recovery: %w", err)
		default:
			size = st.Size()
		}
		if size == w.committed {
			continue
		}
		committed := w.committed
		if size < committed {
			// Records were lost (the file was cut or removed): forget the
			// fetches past the end so they are fetched again.
			err := a.fr.tx(ctx, func(tx *sql.Tx) error {
				var keep sql.NullInt64
				if err := tx.QueryRow(`SELECT MAX(warc_end) FROM urls WHERE warc_file=? AND warc_end<=?`, w.name, size).Scan(&keep); err != nil {
					return err
				}
				committed = keep.Int64
				if _, err := tx.Exec(`DELETE FROM digests WHERE url IN (SELECT url FROM urls WHERE warc_file=? AND warc_end>?)`, w.name, committed); err != nil {
					return err
				}
				if _, err := tx.Exec(`UPDATE urls SET state=?, warc_file='', warc_offset=0, warc_end=0, fetched_gen=0,
					etag='', last_modified='', record_id='', payload_digest='', fetched_at='', status=0
					WHERE warc_file=? AND warc_end>?`, statePending, w.name, committed); err != nil {
					return err
				}
				_, err := tx.Exec(`UPDATE warc_files SET committed=? WHERE name=?`, committed, w.name)
				return err
			})
			if err != nil {
				return nil, fmt.Errorf("archive recovery %s: %w", w.name, err)
			}
		}
		if committed == 0 {
			if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("archive recovery: %w", err)
			}
			if _, err := a.fr.db.Exec(`DELETE FROM warc_files WHERE name=?`, w.name); err != nil {
				return nil, fmt.Errorf("archive recovery: %w", err)
			}
			continue
		}
		if err := os.Truncate(p, committed); err != nil {
			return nil, fmt.Errorf("archive recovery %s: %w", w.name, err)
		}
		if _, err := CheckWARC(p); err != nil {
			return nil, fmt.Errorf("archive recovery: %s still unreadable after truncation: %w", w.name, err)
		}
		changed = append(changed, w.name)
	}
	return changed, nil
}

// roll closes the current file and opens a new one, registered in the
// frontier before anything is written to it, with its warcinfo record.
func (a *archive) roll(ctx context.Context) error {
	if err := a.closeFile(); err != nil {
		return err
	}
	a.serial++
	name := fmt.Sprintf("govfig-%s-%05d.warc.gz", a.now().UTC().Format("20060102150405"), a.serial)
	if _, err := a.fr.db.ExecContext(ctx, `INSERT INTO warc_files(name, serial, committed) VALUES(?,?,0)`, name, a.serial); err != nil {
		return fmt.Errorf("archive: register %s: %w", name, err)
	}
	f, err := os.OpenFile(filepath.Join(a.dir, name), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	a.f, a.name, a.size = f, name, 0
	a.infoID.Store("")
	b := newBuilder(gowarc.Warcinfo)
	b.AddWarcHeaderTime(gowarc.WarcDate, a.now())
	b.AddWarcHeader(gowarc.WarcFilename, name)
	b.AddWarcHeader(gowarc.ContentType, gowarc.ApplicationWarcFields)
	for _, k := range []string{"software", "format", "conformsTo", "robots", "http-header-user-agent", "description"} {
		if v, ok := a.info[k]; ok {
			fmt.Fprintf(b, "%s: %s\r\n", k, v)
		}
	}
	rec, _, err := b.Build()
	if err != nil {
		return fmt.Errorf("archive: warcinfo: %w", err)
	}
	a.enc.buf.Reset()
	if err := a.enc.encode("", rec); err != nil {
		return err
	}
	end, err := a.writeBytes(a.enc.buf.Bytes())
	if err != nil {
		return err
	}
	a.infoID.Store(rec.RecordId())
	if _, err := a.fr.db.ExecContext(ctx, `UPDATE warc_files SET committed=? WHERE name=?`, end, name); err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	return nil
}

// currentInfo is the warcinfo record ID the next records are to name ("" before
// the first file).
func (a *archive) currentInfo() string { return a.infoID.Load().(string) }

// full reports whether the next fetch goes into a new file: there is none
// yet, or the current one, with pending bytes of the batch not yet written,
// holds at least MaxFileSize bytes.
func (a *archive) full(pending int) bool { return a.f == nil || a.size+int64(pending) >= a.maxSize }

// writeBytes appends encoded records to the current file in one write call
// and returns the new end of the file.
func (a *archive) writeBytes(b []byte) (end int64, err error) {
	n, err := a.f.Write(b)
	a.size += int64(n)
	if err != nil {
		return a.size, fmt.Errorf("archive: write %s: %w", a.name, err)
	}
	return a.size, nil
}

func (a *archive) closeFile() error {
	if a.f == nil {
		return nil
	}
	err := a.f.Close()
	a.f = nil
	if err != nil {
		return fmt.Errorf("archive: close %s: %w", a.name, err)
	}
	return nil
}

// Files lists the crawler's WARC files in an archive dir, oldest first.
func Files(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		if warcName.MatchString(e.Name()) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out, nil
}

// CheckWARC reads a WARC file to its end with gowarc, checking every
// record's digests, and returns the number of records.
func CheckWARC(path string) (int, error) {
	r, err := gowarc.NewWarcFileReader(path, 0, gowarc.WithBlockErrorPolicy(gowarc.ErrFail),
		gowarc.WithSpecViolationPolicy(gowarc.ErrFail), gowarc.WithSyntaxErrorPolicy(gowarc.ErrFail))
	if err != nil {
		return 0, fmt.Errorf("check %s: %w", path, err)
	}
	n := 0
	for {
		rec, err := r.Next()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, fmt.Errorf("check %s: record %d at offset %d: %w", path, n+1, rec.Offset, err)
		}
		if _, err := rec.WarcRecord.ValidateDigest(); err != nil {
			rec.Close()
			return n, fmt.Errorf("check %s: record %d at offset %d: %w", path, n+1, rec.Offset, err)
		}
		rec.Close()
		n++
	}
}
