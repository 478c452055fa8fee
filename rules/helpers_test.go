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
	"github.com/focusfamily/portal/rules/export"
	"github.com/focusfamily/portal/rules/yamlsrc"
	"github.com/focusfamily/portal/wording"
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

var (
	langMu     sync.Mutex
	langModels = map[string]*export.Model{}
)

// langData is the rules of one language as the export makes them (texts
// translated, thresholds filled), with the words to render results.
func langData(t testing.TB, lang string) (*rules.Model, *wording.Words) {
	t.Helper()
	langMu.Lock()
	defer langMu.Unlock()
	if lm, ok := langModels[lang]; ok {
		return lm.Checked, lm.Words
	}
	lm, err := export.Build(export.Default(".."), lang)
	if err != nil {
		t.Fatalf("exporting %s: %v", lang, err)
	}
	langModels[lang] = lm
	return lm.Checked, lm.Words
}

// evaluate runs the checker in lang and writes its reasons or errors.
func evaluate(t testing.TB, lang string, answers any) (*rules.Result, []rules.AnswerError) {
	t.Helper()
	m, w := langData(t, lang)
	r, errs := rules.Evaluate(m, rules.FromAny(answers))
	w.Errors(errs)
	if r != nil {
		w.Result(r)
	}
	return r, errs
}

// progress runs the progress check in lang and writes its reasons or errors.
func progress(t testing.TB, lang string, input any) (*rules.ProgressResult, []rules.AnswerError) {
	t.Helper()
	m, w := langData(t, lang)
	r, errs := rules.Progress(m, rules.FromAny(input))
	w.Errors(errs)
	if r != nil {
		w.Progress(r)
	}
	return r, errs
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

// englishMessages is the engine's English message templates.
func englishMessages(t testing.TB) map[string]string {
	t.Helper()
	langData(t, "en")
	return langModels["en"].Messages
}
