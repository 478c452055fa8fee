//go:build js && wasm

package main

import (
	"encoding/json"
	"syscall/js"
	"testing"

	"github.com/focusfamily/portal/rules"
	"github.com/focusfamily/portal/rules/export"
)

// parse turns JSON text into a JavaScript value, as the page's fetch().json() does.
func parse(t *testing.T, text string) js.Value {
	t.Helper()
	return js.Global().Get("JSON").Call("parse", text)
}

func TestJSNodeKinds(t *testing.T) {
	n := wrap(parse(t, `{"b": true, "n": 85.5, "s": "yes", "l": [1, 2], "m": {"x": null}}`))
	tests := []struct {
		name string
		got  rules.NodeKind
		want rules.NodeKind
	}{
		{"map", n.Kind(), rules.KindMap},
		{"bool", n.Get("b").Kind(), rules.KindBool},
		{"number", n.Get("n").Kind(), rules.KindNumber},
		{"string", n.Get("s").Kind(), rules.KindString},
		{"list", n.Get("l").Kind(), rules.KindList},
		{"null", n.Get("m").Get("x").Kind(), rules.KindNull},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: kind %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	if n.Get("missing") != nil || n.Get("l").Index(5) != nil || n.Get("s").Get("x") != nil {
		t.Error("absent keys and indexes must read as nil")
	}
	if n.Get("n").Num() != 85.5 || n.Get("s").Str() != "yes" || !n.Get("b").Bool() || n.Get("l").Len() != 2 {
		t.Error("values do not read back")
	}
	if len(n.Keys()) != 5 || n.Len() != 5 {
		t.Errorf("keys %v", n.Keys())
	}
}

// reply calls one of the shell's functions as the worker does and reads its
// JSON reply back into Go values.
func reply(t *testing.T, f func(*jsonw, rules.Node), arg js.Value) any {
	t.Helper()
	w := &jsonw{}
	f(w, wrap(arg))
	var v any
	if err := json.Unmarshal(w.b, &v); err != nil {
		t.Fatalf("reply %q is not JSON: %v", w.b, err)
	}
	return v
}

// loadModel loads the exported model of lang, as the page does with the
// fetched build/model/<lang>.json.
func loadModel(t *testing.T, lang string) {
	t.Helper()
	m, err := export.Build(export.Default(".."), lang)
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if got := reply(t, load, parse(t, string(data))).(map[string]any); got["ok"] != true {
		t.Fatalf("load: %v", got)
	}
}

// TestEvaluateThroughJS runs the shell as the page does: the model as a
// JavaScript object, answers as another, the result as plain values.
func TestEvaluateThroughJS(t *testing.T) {
	loadModel(t, "en")
	answers := parse(t, `{"attendance_percent": "85"}`)
	errs := reply(t, validate, answers).([]any)
	if len(errs) == 0 {
		t.Fatal("missing answers must be reported")
	}
	if msg := errs[0].(map[string]any)["message"].(string); msg == "" || msg[0] == '[' || msg != "Answer the question about the child's school place" {
		t.Errorf("validation message %q is not written out", msg)
	}
	if got := reply(t, relevant, answers).([]any); len(got) == 0 || got[0] != "attendance_percent" {
		t.Errorf("relevant: %v", got)
	}
	if got := reply(t, evaluate, parse(t, `{"attendance_percent": 1}`)).(map[string]any); got["errors"] == nil {
		t.Error("evaluate must refuse incomplete answers")
	}
	if got := reply(t, load, parse(t, `{"rules": {}}`)).(map[string]any); got["ok"] != false {
		t.Errorf("a model without rules must not load: %v", got)
	}
}

// TestReasonsInTheModelsLanguage loads the Polish model and checks that the
// reasons and the validation messages come back in Polish, in the shape the
// page reads.
func TestReasonsInTheModelsLanguage(t *testing.T) {
	loadModel(t, "pl")
	errs := reply(t, validate, parse(t, `{"attendance_percent": "120"}`)).([]any)
	first := errs[0].(map[string]any)
	if first["question"] != "attendance_percent" || first["message"] != "Obecność dziecka: wpisz wartość od 0% do 100%" {
		t.Errorf("validation in Polish: %v", first)
	}
	answers := `{"attendance_percent": "85,5", "school_place": "school", "fixed_term_exclusions": 0,
		"permanently_excluded": "no", "education_concern_nomination": "no", "school_anxiety": "no", "send": "none",
		"health_absence": "no", "unauthorised_sessions": 0, "social_care": "child_protection",
		"previously_looked_after": "no", "cse_risk": "no", "young_carer": "no", "help_concern_nomination": "no", "harm_concern": "no", "child_offence": "no",
		"asb_intervention": "no", "parent_in_justice_system": "no", "adult_out_of_work": "no", "young_person_neet": "no",
		"serious_debt": "no", "domestic_abuse": "no", "mental_health": "no", "substance_misuse": "no",
		"long_term_health_condition": "no"}`
	got := reply(t, evaluate, parse(t, answers)).(map[string]any)
	if got["errors"] != nil {
		t.Fatalf("evaluate: %v", got["errors"])
	}
	if got["verdict"] != "likely" || got["verdictReason"] != "Kryteria są spełnione w 2 obszarach (obecność w szkole i dzieci potrzebujące pomocy). "+
		"Rodzina się kwalifikuje, gdy spełnia kryteria w co najmniej 2 obszarach albo gdy dziecko w rodzinie ma plan ochrony dziecka (Child Protection Plan) i spełnione jest co najmniej 1 inne kryterium." {
		t.Errorf("verdict in Polish: %v: %q", got["verdict"], got["verdictReason"])
	}
	for _, c := range got["criteria"].([]any) {
		c := c.(map[string]any)
		if c["id"] == "t2-not-attending" && c["reason"] != "Podano: obecność dziecka – 85,5%, czyli poniżej 90%. To tak zwana stała absencja (persistent absence): obecność na 90% zajęć lub mniej." {
			t.Errorf("reason in Polish: %q", c["reason"])
		}
	}
}

// TestJSONWriter checks the replies' JSON text: commas, escapes and
// non-ASCII text, read back by a real JSON parser.
func TestJSONWriter(t *testing.T) {
	w := &jsonw{}
	w.open('{')
	w.field("a", "x\"\\\n\x01ł")
	w.key("n")
	w.int(-12)
	w.key("l")
	w.strs([]string{"p", "q"})
	w.key("e")
	w.strs(nil)
	w.key("b")
	w.bool(true)
	w.close('}')
	want := `{"a":"x\"\\\u000a\u0001ł","n":-12,"l":["p","q"],"e":[],"b":true}`
	if string(w.b) != want {
		t.Errorf("got  %s\nwant %s", w.b, want)
	}
	var v map[string]any
	if err := json.Unmarshal(w.b, &v); err != nil || v["a"] != "x\"\\\n\x01ł" {
		t.Errorf("does not read back: %v %v", v, err)
	}
	w = &jsonw{}
	failure(w, "bad")
	if string(w.b) != `{"ok":false,"errors":["bad"]}` {
		t.Errorf("failure: %s", w.b)
	}
}
