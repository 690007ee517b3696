// Package peers reads the peer suite govfig is checked against for parity:
// the Chinese cases of Recognizers-Text in ../shared/peers/recognizers-text-zh
// (read in place, never copied into the repository), and govfig's list of
// the cases it deliberately decides otherwise. Only tests use it.
package peers

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Case is one peer case (see the peer README for the fields).
type Case struct {
	Model   string   `json:"model"`
	Input   string   `json:"input"`
	Results []Result `json:"results"`
	Source  string   `json:"source"`
}

// Result is one expected result of a case.
type Result struct {
	Text  string `json:"text"`
	Value any    `json:"value"`
	Unit  string `json:"unit"`
}

// ErrAbsent means the peer folder is not beside the repository; tests skip.
var ErrAbsent = errors.New("peer suite absent")

// Dir finds ../shared/peers/recognizers-text-zh from the module root above
// the working directory.
func Dir() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("%w: no go.mod above the test directory", ErrAbsent)
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", "peers", "recognizers-text-zh")
	if _, err := os.Stat(filepath.Join(p, "cases.jsonl")); err != nil {
		return "", fmt.Errorf("%w: %s is absent (the peer suite is read in place, never copied)", ErrAbsent, p)
	}
	return p, nil
}

// Cases returns the cases of the given models, in file order.
func Cases(models ...string) ([]Case, error) {
	dir, err := Dir()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(dir, "cases.jsonl"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Case
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for line := 1; sc.Scan(); line++ {
		var c Case
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			return nil, fmt.Errorf("peer case line %d: %w", line, err)
		}
		for _, m := range models {
			if c.Model == m {
				out = append(out, c)
			}
		}
	}
	return out, sc.Err()
}

// Deviations reads govfig's list of the cases it decides otherwise:
// "source<TAB>rule" lines, # comments. Every entry must cite its rule.
func Deviations(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		src, rule, ok := strings.Cut(l, "\t")
		if !ok || strings.TrimSpace(rule) == "" {
			return nil, fmt.Errorf("%s: deviation %q names no rule", path, l)
		}
		out[src] = rule
	}
	return out, nil
}

// Value reads a peer value: a number printed from a double
// ("0.333333333333333", "1.2732E+15"), or a percent ("50%").
func Value(v any) (float64, bool) {
	s, ok := v.(string)
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.TrimSuffix(s, "%"), 64)
	return f, err == nil
}

// Close compares a govfig value with a peer value printed to 15 digits.
func Close(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}
