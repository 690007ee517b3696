package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/govfig/govfig/schema"
)

func TestInspectText(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "r.txt")
	text := "某区2023年工作报告\n一、基本情况\n全区共有学校12所，学前三年毛入园率96.34%。城镇登记失业率同比下降0.4个百分点。\n"
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"inspect", p}, &out, &errb); err != nil {
		t.Fatalf("inspect: %v (stderr %s)", err, errb.String())
	}
	var m map[string]any
	if err := json.Unmarshal(out.Bytes(), &m); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, out.String())
	}
	for _, k := range []string{"figures", "sections", "tables", "attachments"} {
		if _, ok := m[k].([]any); !ok {
			t.Errorf("%s is %T, want an array", k, m[k])
		}
	}
	if m["text"] != text {
		t.Errorf("text = %q, want the file's text", m["text"])
	}
	figs := m["figures"].([]any)
	if len(figs) != 3 {
		t.Fatalf("got %d figures, want 3: %s", len(figs), out.String())
	}
	f := figs[1].(map[string]any)
	if f["kind"] != "percent" || f["value"] != 96.34 || f["label"] != "学前三年毛入园率" || f["year"] != 2023.0 || f["direction"] != "" {
		t.Errorf("second figure = %v", f)
	}
	// A fall keeps its magnitude as value and says so in direction.
	f = figs[2].(map[string]any)
	if f["role"] != "change" || f["value"] != 0.4 || f["direction"] != "down" {
		t.Errorf("third figure = %v", f)
	}
}

func TestInspectErrors(t *testing.T) {
	var out, errb bytes.Buffer
	err := run(context.Background(), []string{"inspect", filepath.Join(t.TempDir(), "missing.txt")}, &out, &errb)
	if err == nil || !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("missing file: err = %v, want a not-exist error naming the file", err)
	}
	err = run(context.Background(), []string{"inspect"}, &out, &errb)
	var ue *usageError
	if !errors.As(err, &ue) {
		t.Errorf("no file: err = %v, want a usage error", err)
	}
	empty := filepath.Join(t.TempDir(), "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	if err := run(context.Background(), []string{"inspect", empty}, &out, &errb); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("empty file: err = %v, want an error saying it is empty", err)
	}
}

// TestInspectStopsOnSignal: SIGTERM (a cancelled context) while a page is
// being read ends inspect at once, not when the page is done.
func TestInspectStopsOnSignal(t *testing.T) {
	p := filepath.Join(t.TempDir(), "slow.html")
	if err := os.WriteFile(p, []byte("<html><body><p>全区共有学校12所。</p></body></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	stuck, started := make(chan struct{}), make(chan struct{})
	defer close(stuck)
	old := inspectRead
	inspectRead = func(name string, body []byte, contentType string) (*schema.Document, error) {
		close(started)
		<-stuck // a page that takes longer than anyone waits
		return old(name, body, contentType)
	}
	defer func() { inspectRead = old }()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"inspect", p}, &bytes.Buffer{}, &bytes.Buffer{}) }()
	<-started
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("inspect returned %v, want the cancellation", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("inspect still reads 10 s after the signal")
	}
}
