package wording_test

import (
	"strings"
	"testing"

	"github.com/focusfamily/portal/rules"
	"github.com/focusfamily/portal/wording"
)

// TestPlural checks CLDR's cardinal categories for the three languages.
func TestPlural(t *testing.T) {
	tests := []struct {
		lang string
		want map[string][]float64
	}{
		{"en", map[string][]float64{"one": {1}, "other": {0, 2, 5, 11, 21, 1.5, 100}}},
		{"pl", map[string][]float64{
			"one":   {1},
			"few":   {2, 3, 4, 22, 23, 24, 102, 1004},
			"many":  {0, 5, 9, 10, 11, 12, 13, 14, 15, 20, 21, 25, 111, 112, 1000},
			"other": {1.5, 0.5, 2.25},
		}},
		{"ar", map[string][]float64{
			"zero":  {0},
			"one":   {1},
			"two":   {2},
			"few":   {3, 7, 10, 103, 110},
			"many":  {11, 26, 99, 111, 1011},
			"other": {100, 101, 102, 200, 1000, 0.5, 2.5},
		}},
		{"xx", map[string][]float64{"one": {1}, "other": {3}}},
	}
	for _, tt := range tests {
		for cat, ns := range tt.want {
			for _, n := range ns {
				if got := wording.Plural(tt.lang, n); got != cat {
					t.Errorf("Plural(%s, %v) = %s; want %s", tt.lang, n, got, cat)
				}
			}
		}
	}
}

func TestNumber(t *testing.T) {
	tests := []struct {
		lang string
		n    float64
		want string
	}{
		{"en", 85.5, "85.5"}, {"pl", 85.5, "85,5"}, {"ar", 85.5, "85.5"},
		{"en", 89.7222, "89.72"}, {"pl", 90, "90"}, {"en", -0.001, "0"},
	}
	for _, tt := range tests {
		if got := wording.Number(tt.n, tt.lang); got != tt.want {
			t.Errorf("Number(%v, %s) = %q; want %q", tt.n, tt.lang, got, tt.want)
		}
	}
}

func TestFill(t *testing.T) {
	ts := []rules.Threshold{{ID: "target", Value: 92.5, Unit: "%"}, {ID: "days", Value: 15, Unit: "days"}}
	tests := []struct{ lang, in, want string }{
		{"en", "below {target}, after {days} school days", "below 92.5%, after 15 school days"},
		{"pl", "poniżej {target}", "poniżej 92,5%"},
		{"en", "no numbers", "no numbers"},
	}
	for _, tt := range tests {
		got, err := wording.Fill(tt.in, tt.lang, ts)
		if err != nil || got != tt.want {
			t.Errorf("Fill(%q, %s) = %q, %v; want %q", tt.in, tt.lang, got, err, tt.want)
		}
	}
	for _, bad := range []string{"{nope}", "open { only"} {
		if _, err := wording.Fill(bad, "en", ts); err == nil {
			t.Errorf("Fill(%q) gave no error", bad)
		}
	}
}

// TestTemplates renders messages with plurals, units, lists and nested
// messages, in English and Polish.
func TestTemplates(t *testing.T) {
	msgs := map[string]map[string]string{
		"en": {
			"days":           "{n, plural, =0 {no days} one {# day} other {# days}} and {rest}",
			"unit.days":      "{n, plural, one {# day} other {# days}}",
			"list.separator": ", ", "list.and": "{a} and {b}",
			"missed": "missed {d}; see {items}",
			"inner":  "{x}",
		},
		"pl": {
			"days":           "{n, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}} i {rest}",
			"unit.days":      "{n, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}}",
			"list.separator": ", ", "list.and": "{a} i {b}",
			"missed": "opuszczono {d}; zob. {items}",
			"inner":  "{x}",
		},
	}
	rest := rules.Arg{Name: "rest", Kind: rules.ArgText, Text: "more"}
	tests := []struct {
		lang string
		m    rules.Msg
		want string
	}{
		{"en", rules.Msg{Code: "days", Args: []rules.Arg{{Name: "n", Kind: rules.ArgNum, Num: 0}, rest}}, "No days and more"},
		{"en", rules.Msg{Code: "days", Args: []rules.Arg{{Name: "n", Kind: rules.ArgNum, Num: 1}, rest}}, "1 day and more"},
		{"en", rules.Msg{Code: "days", Args: []rules.Arg{{Name: "n", Kind: rules.ArgNum, Num: 3}, rest}}, "3 days and more"},
		{"pl", rules.Msg{Code: "days", Args: []rules.Arg{{Name: "n", Kind: rules.ArgNum, Num: 3}, rest}}, "3 dni i more"},
		{"pl", rules.Msg{Code: "days", Args: []rules.Arg{{Name: "n", Kind: rules.ArgNum, Num: 1.5}, rest}}, "1,5 dnia i more"},
		{"pl", rules.Msg{Code: "missed", Args: []rules.Arg{
			{Name: "d", Kind: rules.ArgNum, Num: 22, Field: "days"},
			{Name: "items", Kind: rules.ArgList, List: []rules.Arg{{Kind: rules.ArgText, Text: "a"}, {Kind: rules.ArgText, Text: "b"}, {Kind: rules.ArgText, Text: "c"}}},
		}}, "Opuszczono 22 dni; zob. a, b i c"},
		{"en", rules.Msg{Code: "missed", Args: []rules.Arg{
			{Name: "d", Kind: rules.ArgNum, Num: 85.5, Field: "%"},
			{Name: "items", Kind: rules.ArgMsg, Msg: rules.Msg{Code: "inner", Args: []rules.Arg{{Name: "x", Kind: rules.ArgText, Text: "one"}}}},
		}}, "Missed 85.5%; see one"},
		{"en", rules.Msg{Code: "no.such.code"}, "[no.such.code]"},
	}
	for _, tt := range tests {
		w := wording.New(tt.lang, msgs[tt.lang], nil)
		if got := w.Text(tt.m); got != tt.want {
			t.Errorf("%s %s: %q; want %q", tt.lang, tt.m.Code, got, tt.want)
		}
	}
}

// TestCheckTemplate: the build refuses a template that is not well formed,
// naming what is wrong, and never fails on it in another way.
func TestCheckTemplate(t *testing.T) {
	tests := []struct {
		tmpl, err string // err is part of the error; "" for none
	}{
		{"You said {label} was {value}.", ""},
		{"{n, plural, =0 {none} one {# day} other {# days of {what}}}", ""},
		{"# is plain text outside a plural", ""},
		{"an unclosed {label", "a { with no }"},
		{"a stray } here", "a } with no {"},
		{"{}", "no name"},
		{"{n, select, a {b} other {c}}", "only plural"},
		{"{n, plural, one {# day}}", `no "other"`},
		{"{n, plural, one day other {# days}}", "malformed"},
		{"{n, plural, other {# days {x}}", "a { with no }"},
		{"{n, plural, other {# days }}}", "a } with no {"},
	}
	for _, tt := range tests {
		err := wording.CheckTemplate(tt.tmpl)
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("%q: %v", tt.tmpl, err)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%q: error %v, want one saying %q", tt.tmpl, err, tt.err)
		}
	}
}
