package segment

import (
	"reflect"
	"testing"
)

// checkSpansAt holds SpansAt to SentencesOf and ClausesOf with three lists
// of places: every index, only the indexes of boundary marks, and those plus
// every third index.
func checkSpansAt(t *testing.T, s string) {
	rs := []rune(s)
	wantS, wantC := SentencesOf(rs), ClausesOf(rs)
	var all, marks, more []int32
	for i, r := range rs {
		all = append(all, int32(i))
		if maybeBoundary(r) {
			marks = append(marks, int32(i))
		}
		if maybeBoundary(r) || i%3 == 0 {
			more = append(more, int32(i))
		}
	}
	for _, at := range [][]int32{all, marks, more} {
		gotS, gotC := SpansAt(rs, at)
		if !reflect.DeepEqual(gotS, wantS) || !reflect.DeepEqual(gotC, wantC) {
			t.Fatalf("SpansAt(%q, %v) = %v, %v; want %v, %v", s, at, gotS, gotC, wantS, wantC)
		}
		// Into buffers holding other spans, short and long.
		for _, n := range []int{0, 1, 100} {
			dirty := make([]Span, n)
			for i := range dirty {
				dirty[i] = Span{i, i + 7}
			}
			gotS, gotC := AppendSpansAt(dirty, append([]Span(nil), dirty...), rs, at)
			if len(gotS)+len(wantS) > 0 && !reflect.DeepEqual(gotS, wantS) || len(gotC)+len(wantC) > 0 && !reflect.DeepEqual(gotC, wantC) {
				t.Fatalf("AppendSpansAt(%d spans, %q, %v) = %v, %v; want %v, %v", n, s, at, gotS, gotC, wantS, wantC)
			}
		}
	}
}

var spansAtCases = []string{
	"", "。", "\n", "\n\n", " 。 ", "甲。”乙", "他说：“好。”然后走了！真的？",
	"一、做法与成效\n\n  (一)加强领导\n", "1,234和13.5:1，16:16；a,b:c", "……", "好……。」）)x",
	"学前三年毛入园率96.34%,普惠性幼儿园覆盖率80.87%。我区作为实验区。",
	"\u3000\u00a0甲\t；\r\n乙 ", "a\n。\n”", "。”’）)…」。",
}

func TestSpansAt(t *testing.T) {
	for _, s := range spansAtCases {
		checkSpansAt(t, s)
	}
}

func FuzzSpansAt(f *testing.F) {
	for _, s := range spansAtCases {
		f.Add(s)
	}
	f.Fuzz(checkSpansAt)
}
