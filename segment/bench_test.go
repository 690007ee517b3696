package segment

import (
	"bufio"
	"bytes"
	"os"
	"runtime"
	"strconv"
	"testing"
)

// BenchmarkLoadDictionary builds a segmenter from the embedded dictionary
// and the domain words, as Default does once per process. Run it with
// -benchtime=1x; it reports the resident set (VmRSS) and its peak (VmHWM)
// after loading, in MB.
func BenchmarkLoadDictionary(b *testing.B) {
	b.ReportAllocs()
	var s *Segmenter
	for i := 0; i < b.N; i++ {
		s = load()
	}
	b.StopTimer()
	if len(s.Tokens("学前三年毛入园率")) == 0 {
		b.Fatal("dictionary empty")
	}
	runtime.GC()
	if rss, hwm, ok := memStatus(); ok {
		b.ReportMetric(rss, "RSS-MB")
		b.ReportMetric(hwm, "peakRSS-MB")
	}
	runtime.KeepAlive(s)
}

// memStatus reads VmRSS and VmHWM from /proc/self/status (Linux only).
func memStatus() (rss, hwm float64, ok bool) {
	f, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, 0, false
	}
	sc := bufio.NewScanner(bytes.NewReader(f))
	for sc.Scan() {
		fields := bytes.Fields(sc.Bytes())
		if len(fields) < 2 {
			continue
		}
		kb, err := strconv.ParseFloat(string(fields[1]), 64)
		if err != nil {
			continue
		}
		switch string(fields[0]) {
		case "VmRSS:":
			rss = kb / 1024
		case "VmHWM:":
			hwm = kb / 1024
		}
	}
	return rss, hwm, rss > 0
}

// BenchmarkSentences splits a paragraph into sentences and clauses.
func BenchmarkSentences(b *testing.B) {
	text := "学前三年毛入园率96.34%,普惠性幼儿园覆盖率80.87%,公办园在园幼儿占比67.74%。我区作为教育部安吉游戏实验区的经验在《天津教育》杂志推广宣传。"
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		Sentences(text)
		Clauses(text)
	}
}
