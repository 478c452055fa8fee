package rules_test

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/focusfamily/portal/rules"
)

// A case file (testdata/cases/*.yaml) holds named cases of answers and the
// result expected, in the manner of OpenFisca's YAML tests:
//
//	base: {question: answer, ...}   answers shared by every case in the file
//	cases:
//	  - name: ...
//	    answers: {...}              laid over base; null removes a base answer
//	    expect:
//	      verdict, basis:           the verdict and why
//	      themes: [numbers]         exactly the themes met
//	      criteria: [ids]           exactly the criteria met
//	      pathways: [ids]           exactly the pathways suggested
//	      unknowns: [ids]           exactly the "I do not know" answers (default none)
//	      changesVerdict: [ids]     exactly the unknowns that could change the verdict (default none)
//	      unknownThemes: {id: [n]}  the themes an unknown could change
//	      maybe: [ids]              criteria or pathways whose result is unknown
//	      reasons: {id: text}       text found in a criterion's or pathway's reason ("verdict" for the verdict's)
//	      errors: {id: text}        exactly these answers are invalid, each message containing text
func loadCases(t *testing.T) map[string][]map[string]any {
	out := map[string][]map[string]any{}
	for _, f := range globFiles(t, "testdata/cases/*.yaml") {
		doc := readYAML(t, f)
		base, _ := doc["base"].(map[string]any)
		list, _ := doc["cases"].([]any)
		if len(list) == 0 {
			t.Fatalf("%s: no cases", f)
		}
		for _, c := range list {
			cm := c.(map[string]any)
			cm["answers"] = overlay(base, cm["answers"])
			out[filepath.Base(f)] = append(out[filepath.Base(f)], cm)
		}
	}
	return out
}

func overlay(base map[string]any, over any) map[string]any {
	a := map[string]any{}
	for k, v := range base {
		a[k] = v
	}
	om, _ := over.(map[string]any)
	for k, v := range om {
		if v == nil {
			delete(a, k)
			continue
		}
		a[k] = v
	}
	return a
}

func TestCases(t *testing.T) {
	files := loadCases(t)
	total := 0
	seen := map[string]bool{}
	for file, cases := range files {
		for _, c := range cases {
			name, _ := c["name"].(string)
			if name == "" || seen[name] {
				t.Fatalf("%s: every case needs a unique name; %q", file, name)
			}
			seen[name] = true
			total++
			t.Run(name, func(t *testing.T) {
				expect, _ := c["expect"].(map[string]any)
				r, errs := evaluate(t, "en", c["answers"])
				checkCase(t, r, errs, expect)
			})
		}
	}
	if total < 40 {
		t.Errorf("only %d eligibility cases; the rules need at least 40", total)
	}
}

func checkCase(t *testing.T, r *rules.Result, errs []rules.AnswerError, expect map[string]any) {
	t.Helper()
	if want, ok := expect["errors"].(map[string]any); ok {
		checkErrors(t, errs, want)
		return
	}
	if len(errs) > 0 {
		t.Fatalf("unexpected answer errors: %v", errs)
	}
	for _, k := range []string{"verdict", "basis", "themes", "criteria", "pathways"} {
		if _, ok := expect[k]; !ok {
			t.Fatalf("expect must give %s", k)
		}
	}
	sameStr(t, "verdict", r.Verdict, scalar(expect["verdict"]))
	sameStr(t, "basis", r.Basis, scalar(expect["basis"]))
	var themes []string
	for _, n := range r.ThemesMet {
		themes = append(themes, scalar(n))
	}
	sameSet(t, "themes met", themes, strs(expect["themes"]))
	sameSet(t, "criteria met", metCriteria(r, "yes"), strs(expect["criteria"]))
	sameSet(t, "pathways suggested", suggested(r, "yes"), strs(expect["pathways"]))
	var unknowns, changes []string
	for _, u := range r.Unknowns {
		unknowns = append(unknowns, u.Question)
		if u.ChangesVerdict {
			changes = append(changes, u.Question)
		}
	}
	sameSet(t, "unknowns", unknowns, strs(expect["unknowns"]))
	sameSet(t, "unknowns that could change the verdict", changes, strs(expect["changesVerdict"]))
	if ut, ok := expect["unknownThemes"].(map[string]any); ok {
		for _, u := range r.Unknowns {
			if want, ok := ut[u.Question]; ok {
				var got []string
				for _, n := range u.Themes {
					got = append(got, scalar(n))
				}
				sameSet(t, "themes "+u.Question+" could change", got, strs(want))
			}
		}
	}
	if maybe, ok := expect["maybe"]; ok {
		got := append(metCriteria(r, "unknown"), suggested(r, "unknown")...)
		sameSet(t, "unknown criteria and pathways", got, strs(maybe))
	}
	checkReasons(t, r, expect["reasons"])
}

func checkErrors(t *testing.T, errs []rules.AnswerError, want map[string]any) {
	t.Helper()
	got := map[string]string{}
	for _, e := range errs {
		if _, dup := got[e.Question]; dup {
			t.Errorf("two errors for %q; want one per answer", e.Question)
		}
		got[e.Question] = e.Message
	}
	for q, sub := range want {
		msg, ok := got[q]
		switch {
		case !ok:
			t.Errorf("no error for %q; got %v", q, errs)
		case !strings.Contains(msg, scalar(sub)):
			t.Errorf("error for %q = %q; want it to contain %q", q, msg, scalar(sub))
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d errors %v; want %d", len(got), errs, len(want))
	}
}

func checkReasons(t *testing.T, r *rules.Result, v any) {
	t.Helper()
	reasons := map[string]string{"verdict": r.VerdictReason}
	for _, th := range r.Themes {
		for _, c := range th.Criteria {
			reasons[c.ID] = c.Reason
		}
	}
	for _, p := range r.Pathways {
		reasons[p.ID] = p.Reason
	}
	want, _ := v.(map[string]any)
	for id, sub := range want {
		got, ok := reasons[id]
		if !ok {
			t.Errorf("no criterion or pathway %q", id)
		}
		if !strings.Contains(got, scalar(sub)) {
			t.Errorf("reason for %s = %q; want it to contain %q", id, got, scalar(sub))
		}
	}
}

func metCriteria(r *rules.Result, met string) []string {
	out := []string{}
	for _, th := range r.Themes {
		for _, c := range th.Criteria {
			if c.Met == met {
				out = append(out, c.ID)
			}
		}
	}
	sort.Strings(out)
	return out
}

func suggested(r *rules.Result, s string) []string {
	out := []string{}
	for _, p := range r.Pathways {
		if p.Suggested == s {
			out = append(out, p.ID)
		}
	}
	sort.Strings(out)
	return out
}

func sameStr(t *testing.T, what, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %q; want %q", what, got, want)
	}
}

func sameSet(t *testing.T, what string, got, want []string) {
	t.Helper()
	if got == nil {
		got = []string{}
	}
	sort.Strings(got)
	sort.Strings(want)
	if !equalStrings(got, want) {
		t.Errorf("%s = %v; want %v", what, got, want)
	}
}

// TestCasesCoverEveryRule checks that the cases, taken together, show every
// criterion met and every pathway suggested, and each of them not met too.
func TestCasesCoverEveryRule(t *testing.T) {
	m := realData(t)
	met, notMet := map[string]bool{}, map[string]bool{}
	routes := map[string]bool{}
	for _, cases := range loadCases(t) {
		for _, c := range cases {
			r, errs := rules.Evaluate(m, rules.FromAny(c["answers"]))
			if len(errs) > 0 {
				continue
			}
			routes[r.Basis] = true
			for _, id := range metCriteria(r, "yes") {
				met[id] = true
			}
			for _, id := range suggested(r, "yes") {
				met[id] = true
			}
			for _, id := range append(metCriteria(r, "no"), suggested(r, "no")...) {
				notMet[id] = true
			}
		}
	}
	var ids []string
	for _, th := range m.Themes {
		for _, c := range th.Criteria {
			ids = append(ids, c.ID)
		}
	}
	for _, p := range m.Pathways {
		ids = append(ids, p.ID)
	}
	for _, id := range ids {
		if !met[id] {
			t.Errorf("no case where %s is met", id)
		}
		if !notMet[id] {
			t.Errorf("no case where %s is not met", id)
		}
	}
	for _, b := range []string{rules.BasisThemes, rules.BasisChildProtection, rules.BasisJudgement, rules.BasisUnknowns, rules.BasisNotEnough} {
		if !routes[b] {
			t.Errorf("no case with verdict basis %q", b)
		}
	}
}
