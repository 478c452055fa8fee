package rules_test

import (
	"encoding/json"
	"testing"

	"github.com/focusfamily/portal/rules"
)

// FuzzEvaluate feeds arbitrary JSON to every function that reads answers or
// progress data. None may panic, and each must give either a result or
// errors. The seeds run in every plain `go test`.
func FuzzEvaluate(f *testing.F) {
	m, w := langData(f, "pl")
	for _, seed := range []string{
		`{}`,
		`null`,
		`[]`,
		`"unknown"`,
		`{"attendance_percent": 85, "cse_risk": "yes"}`,
		`{"attendance_percent": "unknown", "social_care": "unknown", "health_absence": "unknown", "medical_days_missed": 1e308}`,
		`{"attendance_percent": {"attended": 3, "possible": 0}}`,
		`{"attendance_percent": {"attended": -1}, "send": ["x"], "young_carer": {"a": 1}}`,
		`{"fixed_term_exclusions": "NaN", "unauthorised_sessions": "Inf", "attendance_percent": "-0%"}`,
		`{"criteria": ["t2-not-attending"], "entry": {"fixed_term_exclusions": 3}, "terms": [{"attendance_percent": 90}, null, 7]}`,
		`{"criteria": ["t4-young-carer", "t6-mental-health"], "terms": [{"attendance_percent": "unknown", "settled_home": true, "health_support": "yes"}]}`,
		`{"attendance_percent": "306 z 0", "fixed_term_exclusions": "1,5", "send": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}`,
		`{"criteria": ["t1-asb"], "entry": {"asb_incidents": 0}, "terms": [{"name": "", "asb_incidents": 3}, {"asb_incidents": "unknown"}]}`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, input string) {
		var v any
		if json.Unmarshal([]byte(input), &v) != nil {
			return
		}
		n := rules.FromAny(v)
		r, errs := rules.Evaluate(m, n)
		if (r == nil) == (len(errs) == 0) {
			t.Fatalf("Evaluate gave result %v and errors %v; want exactly one", r != nil, errs)
		}
		if r != nil && r.Verdict != rules.VerdictLikely && r.Verdict != rules.VerdictPossible && r.Verdict != rules.VerdictUnlikely {
			t.Fatalf("verdict %q", r.Verdict)
		}
		if len(rules.ValidateAnswers(m, n)) != len(errs) {
			t.Fatal("ValidateAnswers and Evaluate disagree")
		}
		rules.Relevant(m, n)
		p, perrs := rules.Progress(m, n)
		if (p == nil) == (len(perrs) == 0) {
			t.Fatalf("Progress gave result %v and errors %v; want exactly one", p != nil, perrs)
		}
		// Writing the reasons and errors must not fail either, and every
		// error gets a message.
		w.Errors(errs)
		w.Errors(perrs)
		for _, e := range append(errs, perrs...) {
			if e.Message == "" || e.Message[0] == '[' {
				t.Fatalf("error %q has no message: %q", e.Question, e.Message)
			}
		}
		if r != nil {
			w.Result(r)
		}
		if p != nil {
			w.Progress(p)
		}
	})
}

// BenchmarkEvaluate is one full evaluation of a family with three unknown
// answers: validation, every criterion and pathway, the verdict, every
// reason, and the search for what each unknown could change.
func BenchmarkEvaluate(b *testing.B) {
	m := realData(b)
	n := benchAnswers(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, errs := rules.Evaluate(m, n); errs != nil {
			b.Fatal(errs)
		}
	}
}

// BenchmarkEvaluateInPolish is the browser's evaluation: a Workspace's
// EvaluateMet, and the reasons the page shows written in Polish into one buffer.
func BenchmarkEvaluateInPolish(b *testing.B) {
	m, w := langData(b, "pl")
	n := benchAnswers(b)
	b.ReportAllocs()
	var words []byte
	var ws rules.Workspace
	for b.Loop() {
		r, errs := ws.EvaluateMet(m, n)
		if errs != nil {
			b.Fatal(errs)
		}
		words = w.AppendSentences(words[:0], r.VerdictWhy)
		for _, t := range r.Themes {
			for _, c := range t.Criteria {
				words = w.AppendSentences(words, c.Why)
			}
		}
		for _, p := range r.Pathways {
			words = w.AppendSentences(words, p.Why)
		}
	}
}

// benchAnswers is a family with needs in several themes and some unknowns.
func benchAnswers(b testing.TB) rules.Node {
	var v any
	if err := json.Unmarshal([]byte(`{
		"attendance_percent": 75, "school_place": "school", "fixed_term_exclusions": 0,
		"permanently_excluded": "no", "education_concern_nomination": "no", "school_anxiety": "no",
		"send": "none", "health_absence": "yes", "medical_days_missed": "unknown",
		"unauthorised_sessions": 12, "term_time_leave": "no", "support_not_worked": "unknown", "social_care": "none",
		"previously_looked_after": "no", "cse_risk": "no", "young_carer": "no",
		"help_concern_nomination": "no", "harm_concern": "no", "child_offence": "no",
		"asb_intervention": "no", "parent_in_justice_system": "no", "adult_out_of_work": "no",
		"young_person_neet": "no", "serious_debt": "no", "domestic_abuse": "no",
		"mental_health": "unknown", "substance_misuse": "no", "long_term_health_condition": "yes"}`), &v); err != nil {
		b.Fatal(err)
	}
	return rules.FromAny(v)
}
