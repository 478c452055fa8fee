package rules_test

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/focusfamily/portal/rules"
	"github.com/focusfamily/portal/rules/yamlsrc"
)

var (
	realOnce  sync.Once
	realModel *rules.Model
	realErr   error
)

// realData loads data/rules once for all tests.
func realData(t testing.TB) *rules.Model {
	t.Helper()
	realOnce.Do(func() {
		realModel, realErr = yamlsrc.Load(os.DirFS("../data/rules"), ".", "data/rules")
	})
	if realErr != nil {
		t.Fatalf("loading data/rules: %v", realErr)
	}
	return realModel
}

// readYAML parses a test data file into plain values.
func readYAML(t testing.TB, path string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := yamlsrc.Parse(b)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("%s: want a map at the top", path)
	}
	return m
}

func globFiles(t testing.TB, pattern string) []string {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		t.Fatalf("no files match %s (%v)", pattern, err)
	}
	sort.Strings(files)
	return files
}

// strs reads a YAML list of scalars as sorted strings.
func strs(v any) []string {
	l, _ := v.([]any)
	out := []string{}
	for _, x := range l {
		out = append(out, scalar(x))
	}
	sort.Strings(out)
	return out
}

func scalar(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case nil:
		return ""
	}
	return strconv.FormatFloat(rules.FromAny(v).Num(), 'f', -1, 64)
}

func equalStrings(a, b []string) bool {
	return strings.Join(a, "\x00") == strings.Join(b, "\x00")
}
