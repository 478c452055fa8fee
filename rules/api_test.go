package rules_test

import (
	"reflect"
	"runtime"
	"slices"
	"testing"

	"github.com/focusfamily/portal/rules"
)

func TestFromAny(t *testing.T) {
	n := rules.FromAny(map[string]any{
		"b": true, "n": 2.5, "i": int64(3), "u": uint64(4), "s": "x",
		"l": []any{"a", nil}, "m": map[string]any{}, "z": nil, "odd": struct{}{},
	})
	tests := []struct {
		key  string
		kind rules.NodeKind
	}{
		{"b", rules.KindBool}, {"n", rules.KindNumber}, {"i", rules.KindNumber}, {"u", rules.KindNumber},
		{"s", rules.KindString}, {"l", rules.KindList}, {"m", rules.KindMap}, {"z", rules.KindNull}, {"odd", rules.KindNull},
	}
	for _, tt := range tests {
		if got := n.Get(tt.key).Kind(); got != tt.kind {
			t.Errorf("%s: kind %d; want %d", tt.key, got, tt.kind)
		}
	}
	if !slices.Equal(n.Keys(), []string{"b", "i", "l", "m", "n", "odd", "s", "u", "z"}) {
		t.Errorf("keys not sorted: %v", n.Keys())
	}
	if n.Get("absent") != nil || n.Get("s").Get("x") != nil || n.Get("l").Index(5) != nil || n.Index(0) != nil {
		t.Error("absent values must be nil")
	}
	if n.Get("i").Num() != 3 || n.Get("u").Num() != 4 || !n.Get("b").Bool() || n.Get("s").Str() != "x" || n.Get("l").Len() != 2 || n.Len() != 9 {
		t.Error("values read wrongly")
	}
	if n.Get("s").Num() != 0 || n.Get("n").Str() != "" || n.Get("s").Bool() || n.Get("s").Keys() != nil || n.Get("s").Len() != 0 {
		t.Error("mismatched kinds must read as zero values")
	}
}

func TestRelevantFollowsAskIf(t *testing.T) {
	m := realData(t)
	tests := []struct {
		name    string
		answers map[string]any
		asked   []string
		skipped []string
	}{
		{"nothing answered asks every question without askIf, and those whose askIf is unknown",
			map[string]any{}, []string{"medical_days_missed", "support_not_worked", "previously_looked_after"}, nil},
		{"no illness skips the days missed",
			map[string]any{"health_absence": "no"}, nil, []string{"medical_days_missed"}},
		{"illness asks for the days missed",
			map[string]any{"health_absence": "yes"}, []string{"medical_days_missed"}, nil},
		{"no unauthorised absence skips the question on support",
			map[string]any{"unauthorised_sessions": 0}, nil, []string{"support_not_worked", "term_time_leave"}},
		{"a child in care is not asked whether they were in care before",
			map[string]any{"social_care": "looked_after"}, nil, []string{"previously_looked_after"}},
		{"an invalid answer counts as not given",
			map[string]any{"health_absence": 42}, []string{"medical_days_missed"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rules.Relevant(m, rules.FromAny(tt.answers))
			for _, id := range tt.asked {
				if !slices.Contains(got, id) {
					t.Errorf("%s not asked", id)
				}
			}
			for _, id := range tt.skipped {
				if slices.Contains(got, id) {
					t.Errorf("%s asked", id)
				}
			}
			if len(got)+len(tt.skipped) != len(m.Questions) {
				t.Errorf("asked %d of %d questions, skipped %d", len(got), len(m.Questions), len(tt.skipped))
			}
		})
	}
}

func TestAnswersMustBeAMap(t *testing.T) {
	m := realData(t)
	for _, v := range []any{nil, "yes", []any{1}} {
		r, errs := rules.Evaluate(m, rules.FromAny(v))
		if r != nil || len(errs) != 1 || errs[0].Question != "" {
			t.Errorf("%v: want one general error, got %v", v, errs)
		}
	}
}

func TestModelLookups(t *testing.T) {
	m := realData(t)
	if c := m.Criterion("t4-cp-plan"); c == nil || c.Theme != 4 || m.Programme.CPCriterion != c.ID {
		t.Errorf("Criterion(t4-cp-plan) = %+v", c)
	}
	if q := m.Question("medical_days_missed"); q == nil || q.Type != rules.TypeCount || q.Unit != "days" {
		t.Errorf("Question(medical_days_missed) = %+v", q)
	}
	if m.Criterion("nope") != nil || m.Question("nope") != nil {
		t.Error("unknown ids must give nil")
	}
}

// TestRealDataShape pins what the pages and the checker rely on: six themes,
// themes 2 and 4 local and the rest national examples, every criterion with
// a source, and the medical needs threshold at 15 days or more.
func TestRealDataShape(t *testing.T) {
	m := realData(t)
	if len(m.Themes) != 6 {
		t.Fatalf("%d themes; want 6", len(m.Themes))
	}
	for _, th := range m.Themes {
		want := rules.StatusNationalExample
		if th.Number == 2 || th.Number == 4 {
			want = rules.StatusLocal
		}
		if th.Status != want {
			t.Errorf("theme %d status %q; want %q", th.Number, th.Status, want)
		}
		for _, c := range th.Criteria {
			if len(c.Sources) == 0 || c.From == "" || c.Marker == "" {
				t.Errorf("%s has no source, marker or date", c.ID)
			}
		}
	}
	for _, th := range m.Thresholds {
		if th.ID == "medical_days" && (th.Value != 15 || len(th.Sources) < 2 || th.Note == "") {
			t.Errorf("medical_days = %+v; want 15 with both sources and a note", th)
		}
	}
}

// TestWorkspace: the browser's evaluation (a Workspace's EvaluateMet) gives
// Evaluate's result, with reasons only where a criterion is met or a pathway
// suggested. One Workspace goes through every case file's answers twice,
// so nothing one evaluation leaves in its memory can change the next.
func TestWorkspace(t *testing.T) {
	m := realData(t)
	var answers []rules.Node
	for _, cases := range loadCases(t) {
		for _, c := range cases {
			answers = append(answers, rules.FromAny(c["answers"]))
		}
	}
	answers = append(answers, benchAnswers(t), rules.FromAny("not a map"))
	var ws rules.Workspace
	shown, hidden := 0, 0
	for round := range 2 {
		for i, n := range answers {
			full, fullErrs := rules.Evaluate(m, n)
			met, errs := ws.EvaluateMet(m, n)
			if !reflect.DeepEqual(errs, fullErrs) {
				t.Fatalf("round %d, answers %d: errors %v, want %v", round, i, errs, fullErrs)
			}
			if full == nil {
				continue
			}
			s, h := sameAsFull(t, met, full)
			shown, hidden = shown+s, hidden+h
		}
	}
	if shown == 0 || hidden == 0 {
		t.Errorf("the answers must meet some criteria and not others (%d met, %d not)", shown, hidden)
	}
}

// sameAsFull compares EvaluateMet's result with Evaluate's, counting the
// criteria whose reasons are shown and hidden.
func sameAsFull(t *testing.T, met, full *rules.Result) (shown, hidden int) {
	t.Helper()
	if met.Verdict != full.Verdict || met.Basis != full.Basis || !reflect.DeepEqual(met.VerdictWhy, full.VerdictWhy) ||
		!reflect.DeepEqual(met.Unknowns, full.Unknowns) || !reflect.DeepEqual(met.ThemesMet, full.ThemesMet) ||
		!reflect.DeepEqual(met.Services, full.Services) {
		t.Fatalf("the verdict differs: %+v, want %+v", met, full)
	}
	for i, th := range full.Themes {
		for j, c := range th.Criteria {
			got := met.Themes[i].Criteria[j]
			switch {
			case got.Met != c.Met:
				t.Errorf("%s: met %s, want %s", c.ID, got.Met, c.Met)
			case c.Met == "yes" && !reflect.DeepEqual(got.Why, c.Why):
				t.Errorf("%s: reasons %v, want %v", c.ID, got.Why, c.Why)
			case c.Met == "yes":
				shown++
			case got.Why != nil:
				t.Errorf("%s is not met but has reasons", c.ID)
			default:
				hidden++
			}
		}
	}
	for i, p := range full.Pathways {
		if got := met.Pathways[i]; got.Suggested != p.Suggested || p.Suggested == "yes" && !reflect.DeepEqual(got.Why, p.Why) || p.Suggested != "yes" && got.Why != nil {
			t.Errorf("pathway %s: %+v, want %+v", p.ID, got, p)
		}
	}
	return shown, hidden
}

// TestWorkspaceAllocates: once a Workspace has grown to fit, an evaluation
// allocates nothing, so the browser's engine neither allocates nor collects
// memory as a family changes an answer. (The answers are read through a
// Node that allocates nothing itself; FromAny's does.)
func TestWorkspaceAllocates(t *testing.T) {
	m := realData(t)
	n := flatAnswers(t, benchAnswers(t))
	var ws rules.Workspace
	if r, errs := ws.EvaluateMet(m, n); errs != nil || len(r.Unknowns) == 0 {
		t.Fatalf("the answers must be valid and have unknowns: %v", errs)
	}
	// Counted over many runs, not averaged, so that an array taken once in
	// a while is seen too.
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range 200 {
		ws.EvaluateMet(m, n)
	}
	runtime.ReadMemStats(&after)
	if got := after.Mallocs - before.Mallocs; got != 0 {
		t.Errorf("200 evaluations allocate %d times; want 0", got)
	}
}

// flatNode is a map of answers whose values are built in advance.
type flatNode struct {
	keys []string
	vals []rules.Node
	leaf rules.Node
}

func flatAnswers(t *testing.T, n rules.Node) *flatNode {
	f := &flatNode{keys: n.Keys()}
	for _, k := range f.keys {
		f.vals = append(f.vals, &flatNode{leaf: n.Get(k)})
	}
	return f
}

func (f *flatNode) Kind() rules.NodeKind {
	if f.leaf != nil {
		return f.leaf.Kind()
	}
	return rules.KindMap
}

func (f *flatNode) Get(key string) rules.Node {
	for i, k := range f.keys {
		if k == key {
			return f.vals[i]
		}
	}
	return nil
}

func (f *flatNode) Keys() []string       { return f.keys }
func (f *flatNode) Len() int             { return len(f.keys) }
func (f *flatNode) Index(int) rules.Node { return nil }
func (f *flatNode) Str() string          { return f.leaf.Str() }
func (f *flatNode) Num() float64         { return f.leaf.Num() }
func (f *flatNode) Bool() bool           { return f.leaf.Bool() }

// TestRepeatedTestsShareReasons: where the rules make the same test twice
// (a pathway repeats a criterion's), an evaluation gives the very same
// reason, so the browser's module writes it once (wasm/convert.go); a
// different test of the same question has its own.
func TestRepeatedTestsShareReasons(t *testing.T) {
	m := realData(t)
	answers := rules.FromAny(map[string]any{
		"attendance_percent": 50, "school_place": "school", "fixed_term_exclusions": 0,
		"permanently_excluded": "no", "education_concern_nomination": "no", "school_anxiety": "no",
		"send": "none", "health_absence": "no", "unauthorised_sessions": 0, "social_care": "none",
		"previously_looked_after": "no", "cse_risk": "no", "young_carer": "no",
		"help_concern_nomination": "no", "harm_concern": "no", "child_offence": "no",
		"asb_intervention": "no", "parent_in_justice_system": "no", "adult_out_of_work": "no",
		"young_person_neet": "no", "serious_debt": "no", "domestic_abuse": "no",
		"mental_health": "no", "substance_misuse": "no", "long_term_health_condition": "no",
	})
	var ws rules.Workspace
	r, errs := ws.EvaluateMet(m, answers)
	if errs != nil {
		t.Fatal(errs)
	}
	why := map[string][]rules.Msg{}
	for _, th := range r.Themes {
		for _, c := range th.Criteria {
			why[c.ID] = c.Why
		}
	}
	for _, p := range r.Pathways {
		why[p.ID] = p.Why
	}
	first := func(id string) *rules.Arg {
		for _, msg := range why[id] {
			if msg.Code == "reason.compare" {
				return &msg.Args[0]
			}
		}
		t.Fatalf("%s gives no comparison: %v", id, why[id])
		return nil
	}
	if first("t2-not-attending") != first("early-help") {
		t.Error("attendance below the target: early-help must give the criterion's own reason")
	}
	if first("t2-not-attending") == first("attendance-team") {
		t.Error("attendance at most the persistent absence level is another test and needs its own reason")
	}
}
