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
	if got := load(js.Undefined(), []js.Value{parse(t, string(data))}).(map[string]any); got["ok"] != true {
		t.Fatalf("load: %v", got)
	}
}

// TestEvaluateThroughJS runs the shell as the page does: the model as a
// JavaScript object, answers as another, the result as plain values.
func TestEvaluateThroughJS(t *testing.T) {
	loadModel(t, "en")
	answers := parse(t, `{"attendance_percent": "85"}`)
	errs := validate(wrap(answers)).([]any)
	if len(errs) == 0 {
		t.Fatal("missing answers must be reported")
	}
	if msg := errs[0].(map[string]any)["message"].(string); msg == "" || msg[0] == '[' || msg != "Answer the question about the child's school place" {
		t.Errorf("validation message %q is not written out", msg)
	}
	if got := relevant(wrap(answers)).([]any); len(got) == 0 || got[0] != "attendance_percent" {
		t.Errorf("relevant: %v", got)
	}
	if got := evaluate(wrap(parse(t, `{"attendance_percent": 1}`))).(map[string]any); got["errors"] == nil {
		t.Error("evaluate must refuse incomplete answers")
	}
	if got := load(js.Undefined(), []js.Value{parse(t, `{"rules": {}}`)}).(map[string]any); got["ok"] != false {
		t.Errorf("a model without rules must not load: %v", got)
	}
}
