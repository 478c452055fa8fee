package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/focusfamily/portal/rules"
	"github.com/focusfamily/portal/rules/yamlsrc"
	"github.com/focusfamily/portal/wording"
)

// realFS copies data/rules into memory, applying edit to each file's text.
func realFS(t *testing.T, edit func(name, text string) string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range globFiles(t, "../data/rules/*.yaml") {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		fsys[name] = &fstest.MapFile{Data: []byte(edit(name, string(b)))}
	}
	return fsys
}

// TestThresholdChangeIsData raises the attendance target from 90% to 95% in
// the YAML text alone and shows the checker and the progress check follow,
// with no change to any code.
func TestThresholdChangeIsData(t *testing.T) {
	const from = "  - id: attendance_target\n    value: 90\n"
	raised := realFS(t, func(name, text string) string {
		if name != "thresholds.yaml" {
			return text
		}
		if !strings.Contains(text, from) {
			t.Fatalf("thresholds.yaml no longer has %q", from)
		}
		return strings.Replace(text, from, "  - id: attendance_target\n    value: 95\n", 1)
	})
	before := realData(t)
	after, err := yamlsrc.Load(raised, ".", "data/rules")
	if err != nil {
		t.Fatal(err)
	}
	answers := baseAnswers(t)
	answers["attendance_percent"] = 92.0
	eval := func(m *rules.Model) rules.CriterionResult {
		r, errs := rules.Evaluate(m, rules.FromAny(answers))
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		wording.New("en", englishMessages(t), m).Result(r)
		return r.Themes[1].Criteria[0]
	}
	if c := eval(before); c.ID != "t2-not-attending" || c.Met != "no" {
		t.Fatalf("at 90%%: %s met = %s; want t2-not-attending not met", c.ID, c.Met)
	}
	c := eval(after)
	if c.Met != "yes" || !strings.Contains(c.Reason, "92%, which is below 95%") {
		t.Errorf("at 95%%: met = %s, reason %q; want met, below 95%%", c.Met, c.Reason)
	}

	progress := map[string]any{
		"criteria": []any{"t2-not-attending"},
		"entry":    map[string]any{"fixed_term_exclusions": 0.0},
		"terms":    []any{map[string]any{"attendance_percent": 92.0, "fixed_term_exclusions": 0.0, "permanently_excluded": "no"}},
	}
	sig := func(m *rules.Model) string {
		r, errs := rules.Progress(m, rules.FromAny(progress))
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		return r.Criteria[0].Significant.Met
	}
	if b, a := sig(before), sig(after); b != "yes" || a != "no" {
		t.Errorf("significant progress at 92%%: %s before, %s after; want yes then no", b, a)
	}
}

// baseAnswers is a family where nothing applies, from the case files.
func baseAnswers(t *testing.T) map[string]any {
	t.Helper()
	base, _ := readYAML(t, "testdata/cases/routes.yaml")["base"].(map[string]any)
	out := map[string]any{}
	for k, v := range base {
		out[k] = v
	}
	return out
}
