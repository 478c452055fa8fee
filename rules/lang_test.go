package rules_test

import (
	"flag"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/focusfamily/portal/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files of reasons in other languages")

// TestReasonsInOtherLanguages runs every eligibility and progress case in
// Polish and in Arabic. Each must reach the same result as in English, with
// every reason written out (no message code or placeholder left). The
// Polish reasons are compared with a golden file, reviewed by a person, so
// a change to any Polish reason shows in review; `go test ./rules -run
// OtherLanguages -update` rewrites it.
func TestReasonsInOtherLanguages(t *testing.T) {
	for _, lang := range []string{"pl", "ar"} {
		t.Run(lang, func(t *testing.T) {
			var out strings.Builder
			for _, file := range sortedKeys(loadCases(t)) {
				for _, c := range loadCases(t)[file] {
					name, _ := c["name"].(string)
					en, enErrs := evaluate(t, "en", c["answers"])
					r, errs := evaluate(t, lang, c["answers"])
					out.WriteString("case: " + name + "\n")
					writeErrors(t, &out, errs, len(enErrs))
					if r != nil {
						sameOutcome(t, name, en, r)
						writeResult(t, &out, r)
					}
				}
			}
			for _, c := range loadProgressCases(t) {
				name, _ := c["name"].(string)
				_, enErrs := progress(t, "en", c["input"])
				r, errs := progress(t, lang, c["input"])
				out.WriteString("progress: " + name + "\n")
				writeErrors(t, &out, errs, len(enErrs))
				if r != nil {
					writeProgress(t, &out, r)
				}
			}
			if lang == "pl" {
				golden(t, "testdata/golden/reasons.pl.txt", out.String())
			}
		})
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func sameOutcome(t *testing.T, name string, en, r *rules.Result) {
	t.Helper()
	if en == nil || r.Verdict != en.Verdict || r.Basis != en.Basis ||
		!equalStrings(metCriteria(r, "yes"), metCriteria(en, "yes")) || !equalStrings(suggested(r, "yes"), suggested(en, "yes")) {
		t.Errorf("%s: the result differs from English", name)
	}
}

// written checks that a text was rendered whole.
func written(t *testing.T, what, s string) string {
	t.Helper()
	if s == "" || strings.ContainsAny(s, "{}[]") {
		t.Errorf("%s is not written out: %q", what, s)
	}
	return s
}

func writeErrors(t *testing.T, out *strings.Builder, errs []rules.AnswerError, want int) {
	t.Helper()
	if len(errs) != want {
		t.Errorf("%d errors; %d in English", len(errs), want)
	}
	for _, e := range errs {
		out.WriteString("  error " + e.Question + ": " + written(t, "error "+e.Question, e.Message) + "\n")
	}
}

func writeResult(t *testing.T, out *strings.Builder, r *rules.Result) {
	t.Helper()
	out.WriteString("  verdict: " + written(t, "verdict reason", r.VerdictReason) + "\n")
	for _, th := range r.Themes {
		for _, c := range th.Criteria {
			if c.Met != "no" {
				out.WriteString("  " + c.ID + " (" + c.Met + "): " + written(t, c.ID, c.Reason) + "\n")
			}
		}
	}
	for _, p := range r.Pathways {
		if p.Suggested != "no" {
			out.WriteString("  " + p.ID + " (" + p.Suggested + "): " + written(t, p.ID, p.Reason) + "\n")
		}
	}
}

func writeProgress(t *testing.T, out *strings.Builder, r *rules.ProgressResult) {
	t.Helper()
	for _, c := range r.Criteria {
		for _, ch := range []struct {
			kind string
			c    rules.ProgressCheck
		}{{"significant", c.Significant}, {"sustained", c.Sustained}} {
			out.WriteString("  " + c.ID + " " + ch.kind + " (" + ch.c.Met + "): " + written(t, c.ID+" "+ch.kind, ch.c.Reason) + "\n")
			for _, m := range ch.c.Missing {
				out.WriteString("    still needed: " + written(t, c.ID+" missing", m) + "\n")
			}
		}
	}
}

// golden compares got with a file, or rewrites the file with -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./rules -run OtherLanguages -update to write it)", err)
	}
	if string(want) == got {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(gl) && i < len(wl); i++ {
		if gl[i] != wl[i] {
			t.Fatalf("%s line %d:\n got  %q\n want %q", path, i+1, gl[i], wl[i])
		}
	}
	t.Fatalf("%s: %d lines; want %d", path, len(gl), len(wl))
}
