//go:build js && wasm

package main

import (
	"encoding/json"
	"strings"
	"testing"
	"unsafe"

	"github.com/focusfamily/portal/rules"
	"github.com/focusfamily/portal/rules/export"
)

// send calls one of the module's exported functions as the engine's worker
// does: the JSON text written into the buffer input returns, the reply read
// from output. It returns the reply read back into Go values.
func send(t *testing.T, f func() int32, text string) any {
	t.Helper()
	copy(unsafe.Slice((*byte)(input(int32(len(text)))), len(text)), text)
	n := f()
	reply := unsafe.Slice((*byte)(output()), n)
	var v any
	if err := json.Unmarshal(reply, &v); err != nil {
		t.Fatalf("reply %q is not JSON: %v", reply, err)
	}
	return v
}

// loadModel loads the exported model of lang, as the worker does with the
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
	if got := send(t, loadCall, string(data)).(map[string]any); got["ok"] != true {
		t.Fatalf("load: %v", got)
	}
}

// TestEvaluateThroughExports runs the module as the worker does.
func TestEvaluateThroughExports(t *testing.T) {
	loadModel(t, "en")
	answers := `{"attendance_percent": "85"}`
	errs := send(t, validateCall, answers).([]any)
	if len(errs) == 0 {
		t.Fatal("missing answers must be reported")
	}
	if msg := errs[0].(map[string]any)["message"].(string); msg != "Answer the question about the child's school place" {
		t.Errorf("validation message %q is not written out", msg)
	}
	if got := send(t, relevantCall, answers).([]any); len(got) == 0 || got[0] != "attendance_percent" {
		t.Errorf("relevant: %v", got)
	}
	if got := send(t, evaluateCall, `{"attendance_percent": 1}`).(map[string]any); got["errors"] == nil {
		t.Error("evaluate must refuse incomplete answers")
	}
	if got := send(t, loadCall, `{"rules": {}}`).(map[string]any); got["ok"] != false {
		t.Errorf("a model without rules must not load: %v", got)
	}
}

// TestInputThatIsNotJSON: text the reader refuses gets an error reply that
// names the byte, and the module goes on answering.
func TestInputThatIsNotJSON(t *testing.T) {
	loadModel(t, "en")
	for _, text := range []string{"", "{", `{"attendance_percent": }`, strings.Repeat("[", 100) + strings.Repeat("]", 100)} {
		got := send(t, evaluateCall, text).(map[string]any)
		errs, _ := got["errors"].([]any)
		if got["ok"] != false || len(errs) != 1 || !strings.Contains(errs[0].(string), "at byte") {
			t.Errorf("%.20q: %v", text, got)
		}
	}
	if got := send(t, relevantCall, `{"attendance_percent": "85"}`).([]any); len(got) == 0 {
		t.Error("the module stopped answering after bad input")
	}
}

func TestJSONReader(t *testing.T) {
	n, err := new(reader).read([]byte(` {"b": true, "f": false, "n": -85.5, "s": "yes", "e": "a\"b\\c\/\n\u00e9\ud83d\ude00",
		"l": [1, [2], {}], "m": {"x": null}, "": ""} `))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		got  rules.NodeKind
		want rules.NodeKind
	}{
		{"map", n.Kind(), rules.KindMap},
		{"true", n.Get("b").Kind(), rules.KindBool},
		{"false", n.Get("f").Kind(), rules.KindBool},
		{"number", n.Get("n").Kind(), rules.KindNumber},
		{"string", n.Get("s").Kind(), rules.KindString},
		{"list", n.Get("l").Kind(), rules.KindList},
		{"list in a list", n.Get("l").Index(1).Kind(), rules.KindList},
		{"null", n.Get("m").Get("x").Kind(), rules.KindNull},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: kind %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	if n.Get("missing") != nil || n.Get("l").Index(3) != nil || n.Get("l").Index(-1) != nil || n.Get("s").Get("x") != nil || n.Index(0) != nil {
		t.Error("absent keys and indexes must read as nil")
	}
	if n.Get("n").Num() != -85.5 || n.Get("s").Str() != "yes" || !n.Get("b").Bool() || n.Get("f").Bool() || n.Get("l").Len() != 3 {
		t.Error("values do not read back")
	}
	if got := n.Get("e").Str(); got != "a\"b\\c/\né😀" {
		t.Errorf("escapes read as %q", got)
	}
	if keys := n.Keys(); len(keys) != 8 || n.Len() != 8 || keys[0] != "b" || keys[7] != "" {
		t.Errorf("keys %q", keys)
	}
}

// TestGetInAnyOrder: Get starts where the last key was found, so it must
// still find every key asked in any order, and nothing for a key not there.
func TestGetInAnyOrder(t *testing.T) {
	n, err := new(reader).read([]byte(`{"a": 1, "b": 2, "c": 3, "d": 4}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, order := range []string{"abcd", "dcba", "bdac", "aacc", "cxa", "dd"} {
		for _, k := range order {
			got := n.Get(string(k))
			if k == 'x' {
				if got != nil {
					t.Errorf("order %s: found %q, which is not there", order, k)
				}
				continue
			}
			if got == nil || got.Num() != float64(k-'a'+1) {
				t.Errorf("order %s: %q reads %v", order, k, got)
			}
		}
	}
}

func TestJSONReaderRefuses(t *testing.T) {
	for _, text := range []string{
		``, `{`, `[1,]`, `{"a" 1}`, `{"a":1,}`, `{a:1}`, `"open`, `"bad \x escape"`, `"\u12"`, `"\ud83d\u0041"`,
		`1 2`, `1e5`, `12345678901234567`, `tru`, `nul`, `-`, strings.Repeat("[", maxDepth+2) + strings.Repeat("]", maxDepth+2),
	} {
		if _, err := new(reader).read([]byte(text)); err == nil {
			t.Errorf("%.30q was read", text)
		}
	}
}

// TestReasonsInTheModelsLanguage loads the Polish model and checks that the
// reasons and the validation messages come back in Polish, in the shape the
// page reads.
func TestReasonsInTheModelsLanguage(t *testing.T) {
	loadModel(t, "pl")
	errs := send(t, validateCall, `{"attendance_percent": "120"}`).([]any)
	first := errs[0].(map[string]any)
	if first["question"] != "attendance_percent" || first["message"] != "Obecność dziecka: wpisz wartość od 0% do 100%" {
		t.Errorf("validation in Polish: %v", first)
	}
	got := send(t, evaluateCall, familyAnswers).(map[string]any)
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

// TestJSONStrings: every byte that needs an escape is escaped wherever it
// falls in the 8-byte steps, and the text reads back as it was.
func TestJSONStrings(t *testing.T) {
	for _, c := range []string{"\"", "\\", "\n", "\x00", "\x1f"} {
		for n := range 20 {
			for at := 0; at <= n; at++ {
				s := "ł" + strings.Repeat("x", n) // UTF-8, then ASCII
				s = s[:at+2] + c + s[at+2:]
				w := &jsonw{}
				w.str(s)
				var got string
				if err := json.Unmarshal(w.b, &got); err != nil || got != s {
					t.Fatalf("%q: written %s, read back %q (%v)", s, w.b, got, err)
				}
			}
		}
	}
}

// familyAnswers answer every question: a child with a Child Protection Plan
// and attendance of 85,5% (a decimal comma, as a Polish family writes it).
const familyAnswers = `{"attendance_percent": "85,5", "school_place": "school", "fixed_term_exclusions": 0,
	"permanently_excluded": "no", "education_concern_nomination": "no", "school_anxiety": "no", "send": "none",
	"health_absence": "no", "unauthorised_sessions": 0, "social_care": "child_protection",
	"previously_looked_after": "no", "cse_risk": "no", "young_carer": "no", "help_concern_nomination": "no", "harm_concern": "no", "child_offence": "no",
	"asb_intervention": "no", "parent_in_justice_system": "no", "adult_out_of_work": "no", "young_person_neet": "no",
	"serious_debt": "no", "domestic_abuse": "no", "mental_health": "no", "substance_misuse": "no",
	"long_term_health_condition": "no"}`

// TestCallsReuseMemory: each call reuses the input buffer, the reader's
// tree and the evaluation's memory of the last, so a call must give the
// same reply whatever came before it, longer or shorter, valid or not, and
// the model read by load must never be overwritten.
func TestCallsReuseMemory(t *testing.T) {
	loadModel(t, "en")
	answers := strings.NewReplacer(`"85,5"`, `"85"`, `"school_anxiety": "no"`, `"school_anxiety": "unknown"`,
		`"serious_debt": "no"`, `"serious_debt": "unknown"`).Replace(familyAnswers)
	other := strings.NewReplacer(`"85"`, `"40"`, `"no"`, `"yes"`, `"unknown"`, `"yes"`).Replace(answers)
	reply := func(f func() int32, text string) string {
		copy(unsafe.Slice((*byte)(input(int32(len(text)))), len(text)), text)
		return string(unsafe.Slice((*byte)(output()), f()))
	}
	first := reply(evaluateCall, answers)
	if !strings.Contains(first, `"verdict":"`) || strings.Contains(first, `"errors"`) {
		t.Fatalf("evaluate: %s", first)
	}
	for _, before := range []string{other, `{}`, strings.Repeat(" ", 20000) + other, `{"attendance_percent": 1}`, "{"} {
		reply(evaluateCall, before)
		reply(relevantCall, before)
		if got := reply(evaluateCall, answers); got != first {
			t.Fatalf("after %.30q the same answers give\n%s\nnot\n%s", before, got, first)
		}
	}
	if reply(evaluateCall, other) == first {
		t.Error("other answers must give another result")
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

// TestRepeatedReasons: a reason the result gives again (a pathway repeats a
// criterion's) is written once and copied; every reason must still read as
// the engine's own words for it, in each language.
func TestRepeatedReasons(t *testing.T) {
	heavy := strings.NewReplacer(`"no"`, `"yes"`, `"child_protection"`, `"none"`,
		`"health_absence": "no"`, `"health_absence": "yes", "medical_days_missed": 20`).Replace(familyAnswers)
	for _, lang := range []string{"en", "pl", "ar"} {
		loadModel(t, lang)
		got := send(t, evaluateCall, heavy).(map[string]any)
		var r reader
		answers, err := r.read([]byte(heavy))
		if err != nil {
			t.Fatal(err)
		}
		want, errs := rules.Evaluate(model, answers)
		if errs != nil {
			t.Fatal(errs)
		}
		reasons := map[string]string{}
		for _, th := range want.Themes {
			for _, c := range th.Criteria {
				reasons[c.ID] = words.Sentences(c.Why)
			}
		}
		for _, p := range want.Pathways {
			reasons[p.ID] = words.Sentences(p.Why)
		}
		if got["verdictReason"] != words.Sentences(want.VerdictWhy) {
			t.Errorf("%s: verdict reason %q", lang, got["verdictReason"])
		}
		for _, list := range []string{"criteria", "pathways"} {
			for _, item := range got[list].([]any) {
				item := item.(map[string]any)
				if id := item["id"].(string); item["reason"] != reasons[id] {
					t.Errorf("%s: %s reads\n%q\nnot\n%q", lang, id, item["reason"], reasons[id])
				}
			}
		}
		if attendance := reasons["t2-not-attending"]; !strings.Contains(reasons["early-help"], attendance) {
			t.Errorf("%s: the answers must make early-help repeat a criterion's reason (%q), to test the copy", lang, attendance)
		}
	}
}

// TestInputKeepsItsBytes: the worker asks for the most room a text can
// take, writes it, then cuts the buffer to the length written.
func TestInputKeepsItsBytes(t *testing.T) {
	loadModel(t, "en")
	text := `{"attendance_percent": "85"}`
	room := unsafe.Slice((*byte)(input(int32(3*len(text)))), 3*len(text))
	copy(room, text+"}}}")
	if at := input(int32(len(text))); at != unsafe.Pointer(&room[0]) {
		t.Fatal("input must keep the buffer when asked for less than it holds")
	}
	reply := string(unsafe.Slice((*byte)(output()), relevantCall()))
	if !strings.HasPrefix(reply, `["attendance_percent"`) {
		t.Errorf("relevant read %q, not the text written: %s", in, reply)
	}
}
