package export_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/focusfamily/portal/rules"
	"github.com/focusfamily/portal/rules/export"
)

// A council changes three thresholds. change is each one: its id, the old
// and new value, the new value as every language writes it, and how each
// language would write the old value with its noun, were it typed into a text.
var changes = []struct {
	id, from, to string
	written      map[string]string
	old          *regexp.Regexp
}{
	{"attendance_target", "90", "95", map[string]string{"en": "95%", "pl": "95%", "ar": "95%"},
		regexp.MustCompile(`(^|[^0-9.,])90 ?%`)},
	{"medical_days", "15", "10", map[string]string{"en": "10", "pl": "10", "ar": "10"},
		regexp.MustCompile(`(^|[^0-9])15 (school days|days|dni|يوم)`)},
	{"penalty_notice_sessions", "10", "8", map[string]string{"en": "8", "pl": "8", "ar": "8"},
		regexp.MustCompile(`(^|[^0-9])10 (unauthorised sessions|sessions|nieusprawiedliwionych|sesji|جلسة)`)},
}

// quoted are the texts that may name an old figure as a fact about
// someone else's rule, not this council's threshold.
var quoted = map[string]string{
	"thresholds.medical_days.note": "the national guidance's own figure",
}

func changedThresholds(t *testing.T) export.Source {
	t.Helper()
	src, _ := repoFS(t, func(name, text string) string {
		if name != "data/rules/thresholds.yaml" {
			return text
		}
		for _, c := range changes {
			from := "  - id: " + c.id + "\n    value: " + c.from + "\n"
			if !strings.Contains(text, from) {
				t.Fatalf("thresholds.yaml no longer has %q", from)
			}
			text = strings.Replace(text, from, "  - id: "+c.id+"\n    value: "+c.to+"\n", 1)
		}
		return text
	})
	return src
}

// TestHiddenThresholds changes attendance_target (90 to 95), medical_days
// (15 to 10) and penalty_notice_sessions (10 to 8) in a copy of the data.
// Every exported text that names one of them shows the new number, in
// every language, and no text carries an old number typed in by hand.
func TestHiddenThresholds(t *testing.T) {
	src := changedThresholds(t)
	for _, lang := range languages(t, src) {
		m, err := export.Build(src, lang)
		if err != nil {
			t.Fatal(err)
		}
		out := export.Texts(m.Rules)
		seen := map[string]bool{}
		for key, raw := range m.Raw {
			for _, c := range changes {
				if strings.Contains(raw, "{"+c.id+"}") {
					seen[c.id] = true
					if !strings.Contains(out[key], c.written[lang]) {
						t.Errorf("%s %s = %q; want it to show %s", lang, key, out[key], c.written[lang])
					}
				}
				if _, ok := quoted[key]; !ok && c.old.MatchString(withoutPlaceholders(raw)) {
					t.Errorf("%s %s has the old %s typed in: %q; write {%s}", lang, key, c.id, raw, c.id)
				}
			}
		}
		for _, c := range changes {
			if !seen[c.id] {
				t.Errorf("%s: no text names {%s}", lang, c.id)
			}
		}
		if rule := m.Derived["thresholds"].(map[string]string)["attendance_target"]; rule != "95%" {
			t.Errorf("%s: derived attendance_target = %q", lang, rule)
		}
	}
}

var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

func withoutPlaceholders(s string) string { return placeholder.ReplaceAllString(s, "") }

// TestHiddenThresholdsInReasons checks the checker's and the progress
// check's reasons, in English and Polish, with the changed thresholds.
func TestHiddenThresholdsInReasons(t *testing.T) {
	src := changedThresholds(t)
	base := map[string]any{
		"attendance_percent": 92.0, "school_place": "school", "fixed_term_exclusions": 0.0, "permanently_excluded": "no",
		"education_concern_nomination": "no", "school_anxiety": "no", "send": "none", "health_absence": "yes",
		"medical_days_missed": 12.0, "unauthorised_sessions": 9.0, "term_time_leave": "no", "support_not_worked": "yes",
		"social_care": "none", "previously_looked_after": "no", "cse_risk": "no", "young_carer": "no",
		"help_concern_nomination": "no", "harm_concern": "no", "child_offence": "no", "asb_intervention": "no",
		"parent_in_justice_system": "no", "adult_out_of_work": "no", "young_person_neet": "no", "serious_debt": "no",
		"domestic_abuse": "no", "mental_health": "no", "substance_misuse": "no", "long_term_health_condition": "no",
	}
	want := map[string][]struct{ id, has, not string }{
		"en": {
			{"t2-not-attending", "below 95%", "90%"},
			{"medical-needs", "at least 10 days", "15"},
			{"legal-measures", "at least 8 sessions", "10 sessions"},
		},
		"pl": {
			{"t2-not-attending", "poniżej 95%", "90%"},
			{"medical-needs", "co najmniej 10 dni", "15"},
			{"legal-measures", "co najmniej 8 sesji", "10 sesji"},
		},
	}
	for _, lang := range []string{"en", "pl"} {
		m, err := export.Build(src, lang)
		if err != nil {
			t.Fatal(err)
		}
		r, errs := rules.Evaluate(m.Checked, rules.FromAny(base))
		if len(errs) > 0 {
			m.Words.Errors(errs)
			t.Fatalf("%s: %v", lang, errs)
		}
		m.Words.Result(r)
		reasons := map[string]string{}
		for _, th := range r.Themes {
			for _, c := range th.Criteria {
				reasons[c.ID] = c.Met + " " + c.Reason
			}
		}
		for _, p := range r.Pathways {
			reasons[p.ID] = p.Suggested + " " + p.Reason
		}
		for _, w := range want[lang] {
			got := reasons[w.id]
			if !strings.HasPrefix(got, "yes ") || !strings.Contains(got, w.has) || strings.Contains(got, w.not) {
				t.Errorf("%s %s: %q; want it met, showing %q and never %q", lang, w.id, got, w.has, w.not)
			}
		}
		p, perrs := rules.Progress(m.Checked, rules.FromAny(map[string]any{
			"criteria": []any{"t2-not-attending"},
			"entry":    map[string]any{"fixed_term_exclusions": 0.0},
			"terms":    []any{map[string]any{"attendance_percent": 92.0, "fixed_term_exclusions": 0.0, "permanently_excluded": "no"}},
		}))
		if len(perrs) > 0 {
			t.Fatal(perrs)
		}
		m.Words.Progress(p)
		sig := p.Criteria[0].Significant
		if sig.Met != "no" || !strings.Contains(sig.Reason, "95%") || strings.Contains(sig.Reason, "90%") ||
			!strings.Contains(strings.Join(sig.Missing, " "), "95%") {
			t.Errorf("%s progress: %s, %q, missing %q; want not met against 95%%", lang, sig.Met, sig.Reason, sig.Missing)
		}
	}
}
