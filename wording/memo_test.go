package wording

import (
	"strings"
	"testing"

	"github.com/focusfamily/portal/rules"
)

// TestMemo: a memo answers as its lookup would, whatever string it is
// given, and looks a string up again only when its slot holds another.
func TestMemo(t *testing.T) {
	table := map[string]int{"reason.said": 1, "reason.chose": 2, "list.and": 3}
	calls := 0
	lookup := func(k string) (int, bool) { calls++; v, ok := table[k]; return v, ok }
	var c memo[int]
	for _, tt := range []struct {
		key     string
		want    int
		ok      bool
		lookups int // -1: either, as it depends on where the string's bytes are
	}{
		{"reason.said", 1, true, 1},
		{"reason.said", 1, true, 0}, // remembered
		{strings.Clone("reason.said"), 1, true, -1},
		{"reason.chose", 2, true, 1},
		{"missing", 0, false, 1},
		{"missing", 0, false, 1}, // a miss is never remembered
		{"", 0, false, 1},
	} {
		before := calls
		v, ok := c.get(tt.key, lookup)
		if v != tt.want || ok != tt.ok || tt.lookups >= 0 && calls-before != tt.lookups {
			t.Errorf("get(%q) = %d, %v with %d lookups; want %d, %v with %d", tt.key, v, ok, calls-before, tt.want, tt.ok, tt.lookups)
		}
	}
}

// TestFixedWords: a message that depends on the rules data alone is
// written once and then copied, whatever messages share its slot; one with
// a number from an answer is written every time, one the rules set is not,
// and so is a fixed phrase inside another message.
func TestFixedWords(t *testing.T) {
	model := &rules.Model{Programme: rules.Programme{Name: "Focus Family"}}
	for n := 1; n <= 6; n++ {
		model.Themes = append(model.Themes, rules.Theme{Number: n, Short: "theme " + strings.Repeat("i", n)})
	}
	msgs := map[string]string{"in": "met in {theme}", "by": "{who} decides on {theme}", "count": "{n} met",
		"least": "at least {n, plural, one {# theme} other {# themes}}", "with": "{n} and {inner}"}
	var all []rules.Msg
	for _, code := range []string{"in", "by"} {
		for n := 1; n <= 6; n++ {
			args := []rules.Arg{{Name: "theme", Kind: rules.ArgTheme, Num: float64(n)}}
			if code == "by" {
				args = append(args, rules.Arg{Name: "who", Kind: rules.ArgProgramme})
			}
			all = append(all, rules.Msg{Code: code, Args: args})
		}
	}
	w := New("en", msgs, model)
	for round := range 3 {
		for i := range all {
			m := all[(i*7+round)%len(all)]
			if got, want := string(w.AppendText(nil, m)), New("en", msgs, model).Text(m); got != want {
				t.Fatalf("round %d: %q, want %q", round, got, want)
			}
		}
	}
	fixedMsg := all[0]
	counted := rules.Msg{Code: "count", Args: []rules.Arg{{Name: "n", Kind: rules.ArgNum, Num: 2}}}
	setting := rules.Msg{Code: "least", Args: []rules.Arg{{Name: "n", Kind: rules.ArgSetting, Num: 2}}}
	with := rules.Msg{Code: "with", Args: []rules.Arg{{Name: "n", Kind: rules.ArgNum, Num: 3}, {Name: "inner", Kind: rules.ArgMsg, Msg: setting}}}
	before := w.Text(fixedMsg)
	w.Text(counted)
	if got := w.Text(with); got != "3 and at least 2 themes" {
		t.Fatalf("a phrase inside a message is written %q", got)
	}
	if got := w.Text(setting); got != "At least 2 themes" {
		t.Fatalf("a number the rules set is written %q", got)
	}
	msgs["in"], msgs["count"], msgs["least"], msgs["with"] = "changed", "changed {n}", "changed", "{inner} with {n}"
	w.templates, w.compiled = memo[*template]{}, map[string]*template{}
	if got := w.Text(fixedMsg); got != before {
		t.Errorf("a fixed message is written again: %q, not %q", got, before)
	}
	if got := w.Text(setting); got != "At least 2 themes" {
		t.Errorf("a message with a number the rules set is written again: %q", got)
	}
	if got := w.Text(with); got != "At least 2 themes with 3" {
		t.Errorf("inside a message written again, a fixed phrase must be copied: %q", got)
	}
	if got := w.Text(counted); got != "Changed 2" {
		t.Errorf("a message with a number must be written every time: %q", got)
	}
}
