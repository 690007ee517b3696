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

	"github.com/govfig/govfig/schema"
)

// evalCorpus writes a one-document corpus: two figures and a non-figure.
func evalCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"docs/d.txt": "全区有学校10所,占比50%。2023年。",
		"gold/d.jsonl": `{"anchor": "学校⟦10所⟧", "kind": "schools", "value": 10, "unit": "所", "normalized": 10, "base_unit": "所", "qualifier": "", "role": "level", "label": "学校", "subject": "学校", "year": 2023}
{"anchor": "占比⟦50%⟧", "kind": "percent", "value": 50, "unit": "%", "normalized": 50, "base_unit": "%", "qualifier": "", "role": "level", "label": "占比", "subject": "", "year": 2023}
{"anchor": "⟦2023年⟧", "not": true}
`,
		"gold/orphan.jsonl": `{"anchor": "⟦1⟧", "not": true}` + "\n",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// schoolsOnly finds 10所 (rune span 5..8) and nothing else.
func schoolsOnly(name string, body []byte) (*schema.Document, error) {
	return &schema.Document{Text: string(body), Figures: []schema.Figure{{Kind: schema.KindSchools, Value: 10,
		Unit: "所", Normalized: 10, BaseUnit: "所", Role: schema.RoleLevel, Label: "学校", Year: 2023,
		Text: "10所", Start: 5, End: 8}}}, nil
}

func TestEval(t *testing.T) {
	dir := evalCorpus(t)
	ctx := context.Background()
	for _, c := range []struct {
		name    string
		args    []string
		wantErr string // "" for success
		usage   bool
		out     []string
	}{
		{"table", []string{dir}, "", false, []string{"schools", "1.000", "percent", "all", "0.667"}},
		{"verbose after dir", []string{dir, "-v"}, "", false, []string{"FN " + "docs/d.txt", "⟦50%⟧"}},
		{"floors", []string{"-min-f1", "0.95", dir}, "overall F1 0.667 < 0.950", false, nil},
		{"label floor met", []string{"-min-label", "0.9", dir}, "", false, nil},
		{"two dirs", []string{dir, dir}, "at most one folder", true, nil},
		{"bad floor", []string{"-min-f1", "95", dir}, "outside 0..1", true, nil},
		{"bad flag", []string{"-nope"}, "not defined", true, nil},
		{"not a folder", []string{filepath.Join(dir, "docs", "d.txt")}, "is not a folder", true, nil},
		{"missing", []string{filepath.Join(dir, "nope")}, "no such file", false, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := evalWith(ctx, c.args, &out, &errOut, schoolsOnly)
			if c.wantErr == "" {
				if err != nil {
					t.Fatalf("err = %v; stderr: %s", err, errOut.String())
				}
			} else {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("err = %v, want %q", err, c.wantErr)
				}
				var ue *usageError
				if errors.As(err, &ue) != c.usage {
					t.Errorf("usage error = %v, want %v", !c.usage, c.usage)
				}
			}
			for _, want := range c.out {
				if !strings.Contains(out.String(), want) {
					t.Errorf("stdout lacks %q:\n%s", want, out.String())
				}
			}
			if err == nil && !strings.Contains(errOut.String(), "skipped gold/orphan.jsonl") {
				t.Errorf("stderr does not name the orphan gold file: %q", errOut.String())
			}
		})
	}
}

func TestEvalJSON(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := evalWith(context.Background(), []string{"-json", evalCorpus(t)}, &out, &errOut, schoolsOnly); err != nil {
		t.Fatal(err)
	}
	var r struct {
		Overall struct{ TP, FN, FP int }
		Kinds   []struct{ Kind string }
	}
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, out.String())
	}
	if r.Overall.TP != 1 || r.Overall.FN != 1 || r.Overall.FP != 0 || len(r.Kinds) != 2 {
		t.Errorf("report = %+v", r)
	}
}

func TestEvalCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errOut bytes.Buffer
	err := evalWith(ctx, []string{evalCorpus(t)}, &out, &errOut, schoolsOnly)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// The real command runs over the embedded fixtures without floors.
func TestRunEvalEmbedded(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"eval"}, &out, &errOut); err != nil {
		t.Fatalf("govfig eval: %v\n%s", err, errOut.String())
	}
	if !strings.Contains(out.String(), "jinghai-2023-selfreport") {
		t.Errorf("stdout does not score the seed:\n%s", out.String())
	}
}
