package rules_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/focusfamily/portal/rules"
)

// TestTypedNumbers checks the forms families type in the main field: a
// decimal comma, and sessions attended out of possible in any of the
// portal's languages.
func TestTypedNumbers(t *testing.T) {
	tests := []struct {
		answer any
		want   string // the reason of t2-not-attending, or the error
	}{
		{"85,5", "85.5%, which is below 90%"},
		{"85,5%", "85.5%, which is below 90%"},
		{"306/360", "306 of 360 possible sessions (85%)"},
		{"306 / 360", "306 of 360 possible sessions (85%)"},
		{"306 out of 360", "306 of 360 possible sessions (85%)"},
		{"306 of 360", "306 of 360 possible sessions (85%)"},
		{"306 z 360", "306 of 360 possible sessions (85%)"},
		{"306 من 360", "306 of 360 possible sessions (85%)"},
		{"360 z 306", "error: Enter the sessions attended and the sessions possible"},
		{"306,5 z 360", "error: Enter the sessions attended and the sessions possible"},
		{"85,5,5", "error: Enter the child's attendance as a number"},
	}
	for _, tt := range tests {
		answers := baseAnswers(t)
		answers["attendance_percent"] = tt.answer
		r, errs := evaluate(t, "en", answers)
		got := ""
		if len(errs) > 0 {
			got = "error: " + errs[0].Message
		} else {
			got = r.Themes[1].Criteria[0].Reason
		}
		if !strings.Contains(got, tt.want) {
			t.Errorf("%q: %q; want it to contain %q", tt.answer, got, tt.want)
		}
	}
}

// TestInputBounds checks that oversized or unknown input is refused with a
// clear error for each item, never a crash.
func TestInputBounds(t *testing.T) {
	long := strings.Repeat("9", rules.MaxTextAnswer+1)
	answers := baseAnswers(t)
	answers["attendance_percent"] = long
	answers["pets"] = 2.0
	answers[strings.Repeat("k", 500)] = "yes"
	_, errs := evaluate(t, "en", answers)
	want := map[string]string{
		"attendance_percent":          "is too long: use at most 200 characters",
		"pets":                        `There is no question with the id "pets"`,
		strings.Repeat("k", 40) + "…": "There is no question with the id",
	}
	checkErrorMessages(t, errs, want)

	terms := make([]any, rules.MaxTerms+1)
	for i := range terms {
		terms[i] = map[string]any{"attendance_percent": 95.0}
	}
	m, _ := langData(t, "en")
	crits := make([]any, 0, 40)
	for _, th := range m.Themes {
		for _, c := range th.Criteria {
			crits = append(crits, c.ID)
		}
	}
	progressBounds := []struct {
		name  string
		input map[string]any
		want  map[string]string
	}{
		{"more than 12 terms", map[string]any{"criteria": []any{"t2-not-attending"}, "terms": terms},
			map[string]string{"terms": "Give at most 12 terms"}},
		{"more criteria than exist", map[string]any{"criteria": append(crits, "t2-not-attending")},
			map[string]string{"criteria": "There are only " + scalar(float64(len(crits))) + " criteria"}},
		{"a term name too long", map[string]any{"criteria": []any{"t2-not-attending"}, "terms": []any{map[string]any{"name": long}}},
			map[string]string{"terms[0].name": "at most 200 characters"}},
	}
	for _, tt := range progressBounds {
		_, errs := progress(t, "en", tt.input)
		checkErrorMessages(t, errs, tt.want)
	}
}

func checkErrorMessages(t *testing.T, errs []rules.AnswerError, want map[string]string) {
	t.Helper()
	got := map[string]string{}
	for _, e := range errs {
		got[e.Question] = e.Message
	}
	for q, sub := range want {
		if !strings.Contains(got[q], sub) {
			t.Errorf("error for %q = %q; want it to contain %q (all: %v)", q, got[q], sub, errs)
		}
	}
}

// TestMissingValueReasons leaves each measure out of the latest review in
// turn, for every criterion that reads it, and checks in English and
// Polish that the reasons and what is still needed are whole sentences
// that name the measure, with no clause glued after "with" (issue 13:
// "3 more terms in a row with the child was not permanently excluded").
func TestMissingValueReasons(t *testing.T) {
	m, _ := langData(t, "en")
	for _, ms := range m.Measures {
		for _, lang := range []string{"en", "pl"} {
			lm, _ := langData(t, lang)
			label := lm.Measure(ms.ID).Label
			for _, th := range m.Themes {
				for _, c := range th.Criteria {
					if !slices.Contains(c.ProgressMeasures(m), ms.ID) {
						continue
					}
					checkMissingValue(t, lang, c.ID, ms.ID, label, lm)
				}
			}
		}
	}
}

func checkMissingValue(t *testing.T, lang, crit, measure, label string, lm *rules.Model) {
	t.Helper()
	term := map[string]any{"name": "Spring 2026"}
	for _, other := range lm.Measures {
		if other.ID != measure {
			term[other.ID] = sampleValue(other.Type)
		}
	}
	input := map[string]any{"criteria": []any{crit}, "entry": map[string]any{}, "terms": []any{term, term, term}}
	r, errs := progress(t, lang, input)
	if len(errs) > 0 {
		t.Fatalf("%s %s without %s: %v", lang, crit, measure, errs)
	}
	all := []string{}
	for _, ch := range []rules.ProgressCheck{r.Criteria[0].Significant, r.Criteria[0].Sustained} {
		all = append(all, ch.Reason)
		all = append(all, ch.Missing...)
	}
	text := strings.Join(all, " | ")
	what := lang + " " + crit + " without " + measure
	if !strings.Contains(strings.ToLower(text), strings.ToLower(label)) {
		t.Errorf("%s: %q does not name %q", what, text, label)
	}
	for _, s := range all {
		written(t, what, s)
	}
	for _, f := range lm.Measures {
		for _, clause := range []string{f.IfYes, f.IfNo} {
			if clause != "" && (strings.Contains(text, "with "+clause) || strings.Contains(text, "z "+clause)) {
				t.Errorf("%s: a clause glued after a preposition: %q", what, text)
			}
		}
	}
}

func sampleValue(ty rules.ValueType) any {
	if ty == rules.TypeYesNo {
		return "no"
	}
	return 1.0
}

// TestAbsenceLevels checks that reasons name persistent and severe absence
// from the thresholds data (issue 11), in English and Polish, and only
// where they apply.
func TestAbsenceLevels(t *testing.T) {
	tests := []struct {
		attendance any
		en, pl     string
	}{
		{45.0, "This is called severe absence: attending 50% of sessions or less.", "poważna absencja (severe absence): obecność na 50% zajęć lub mniej"},
		{"180/360", "This is called severe absence", "poważna absencja"},
		{85.0, "This is called persistent absence: attending 90% of sessions or less.", "stała absencja (persistent absence): obecność na 90% zajęć lub mniej"},
		{90.0, "persistent absence", "stała absencja"},
		{92.0, "", ""},
	}
	for _, tt := range tests {
		for _, lang := range []string{"en", "pl"} {
			answers := baseAnswers(t)
			answers["attendance_percent"] = tt.attendance
			r, errs := evaluate(t, lang, answers)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			var got string
			for _, p := range r.Pathways {
				if p.ID == "early-help" || p.ID == "attendance-team" {
					got += p.Reason + " "
				}
			}
			got += r.Themes[1].Criteria[0].Reason
			want := map[string]string{"en": tt.en, "pl": tt.pl}[lang]
			named := strings.Contains(got, "absence") || strings.Contains(got, "absencja")
			if want == "" && named || want != "" && !strings.Contains(got, want) {
				t.Errorf("%s at %v: %q; want %q", lang, tt.attendance, got, want)
			}
			if strings.Contains(got, "severe") && strings.Contains(got, "persistent absence") {
				t.Errorf("%s at %v names both levels: %q", lang, tt.attendance, got)
			}
		}
	}
}
