package rules_test

import (
	"strings"
	"testing"

	"github.com/focusfamily/portal/rules"
)

// A progress case file (testdata/progress/*.yaml) holds named cases:
//
//   - name: ...
//     input: {criteria, entry, terms}   the progress JSON (see README.md)
//     expect:                           per criterion id:
//     t2-not-attending:
//     significant, sustained:       "yes", "no" or "unknown"
//     significantReason, sustainedReason: text found in the reason
//     missing:                      text found in what is still needed
//     themes: {2: {significant, sustained}}
//     errors: {path: text}              exactly these values are invalid
func loadProgressCases(t *testing.T) []map[string]any {
	var out []map[string]any
	for _, f := range globFiles(t, "testdata/progress/*.yaml") {
		list, _ := readYAML(t, f)["cases"].([]any)
		if len(list) == 0 {
			t.Fatalf("%s: no cases", f)
		}
		for _, c := range list {
			out = append(out, c.(map[string]any))
		}
	}
	return out
}

func TestProgressCases(t *testing.T) {
	for _, c := range loadProgressCases(t) {
		name, _ := c["name"].(string)
		t.Run(name, func(t *testing.T) {
			r, errs := progress(t, "en", c["input"])
			if want, ok := c["errors"].(map[string]any); ok {
				checkErrors(t, errs, want)
				return
			}
			if len(errs) > 0 {
				t.Fatalf("unexpected errors: %v", errs)
			}
			expect, _ := c["expect"].(map[string]any)
			if len(expect) == 0 {
				t.Fatal("expect names no criteria")
			}
			byID := map[string]rules.CriterionProgress{}
			for _, cp := range r.Criteria {
				byID[cp.ID] = cp
			}
			for id, w := range expect {
				got, ok := byID[id]
				if !ok {
					t.Errorf("no result for %s", id)
					continue
				}
				checkProgress(t, id, got, w.(map[string]any))
			}
			checkThemeProgress(t, r, c["themes"])
		})
	}
}

func checkProgress(t *testing.T, id string, got rules.CriterionProgress, want map[string]any) {
	t.Helper()
	for k, v := range want {
		w := scalar(v)
		switch k {
		case "significant":
			sameStr(t, id+" significant", got.Significant.Met, w)
		case "sustained":
			sameStr(t, id+" sustained", got.Sustained.Met, w)
		case "significantReason":
			contains(t, id+" significant reason", got.Significant.Reason, w)
		case "sustainedReason":
			contains(t, id+" sustained reason", got.Sustained.Reason, w)
		case "missing":
			all := strings.Join(append(got.Significant.Missing, got.Sustained.Missing...), " | ")
			contains(t, id+" missing", all, w)
		default:
			t.Errorf("unknown expectation %q", k)
		}
	}
}

func checkThemeProgress(t *testing.T, r *rules.ProgressResult, v any) {
	t.Helper()
	want, _ := v.(map[string]any)
	for num, w := range want {
		found := false
		for _, tp := range r.Themes {
			if scalar(tp.Number) != num {
				continue
			}
			found = true
			wm := w.(map[string]any)
			sameStr(t, "theme "+num+" significant", tp.Significant, scalar(wm["significant"]))
			sameStr(t, "theme "+num+" sustained", tp.Sustained, scalar(wm["sustained"]))
		}
		if !found {
			t.Errorf("no progress for theme %s", num)
		}
	}
}

func contains(t *testing.T, what, got, want string) {
	t.Helper()
	if !strings.Contains(got, want) {
		t.Errorf("%s = %q; want it to contain %q", what, got, want)
	}
}

// TestProgressCasesCoverEveryMeasure checks that, across the cases, every
// criterion's significant and sustained progress is shown both met and not met.
func TestProgressCasesCoverEveryMeasure(t *testing.T) {
	m := realData(t)
	seen := map[string]bool{}
	for _, c := range loadProgressCases(t) {
		r, errs := rules.Progress(m, rules.FromAny(c["input"]))
		if len(errs) > 0 {
			continue
		}
		for _, cp := range r.Criteria {
			seen[cp.ID+" significant "+cp.Significant.Met] = true
			seen[cp.ID+" sustained "+cp.Sustained.Met] = true
		}
	}
	for _, th := range m.Themes {
		for _, c := range th.Criteria {
			for _, k := range []string{" significant ", " sustained "} {
				for _, met := range []string{"yes", "no"} {
					if !seen[c.ID+k+met] {
						t.Errorf("no progress case where %s%s is %s", c.ID, k, met)
					}
				}
			}
		}
	}
}
