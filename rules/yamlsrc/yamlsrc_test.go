package yamlsrc

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestParse(t *testing.T) {
	v, err := Parse([]byte("a: 2024-08-19\nb: [1, {c: yes}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	m := v.(map[string]any)
	if m["a"] != "2024-08-19" {
		t.Errorf("a = %#v; want the date as text", m["a"])
	}
	if c := m["b"].([]any)[1].(map[string]any)["c"]; c != "yes" && c != true {
		t.Errorf("c = %#v", c)
	}
}

func TestNormaliseTimestamps(t *testing.T) {
	in := map[string]any{"from": time.Date(2024, 8, 19, 0, 0, 0, 0, time.UTC), "l": []any{map[any]any{1: "x"}}}
	out := normalise(in).(map[string]any)
	if out["from"] != "2024-08-19" {
		t.Errorf("from = %#v", out["from"])
	}
	if out["l"].([]any)[0].(map[string]any)["1"] != "x" {
		t.Errorf("non-string keys not turned into text: %#v", out["l"])
	}
}

func TestErrorsNameTheFile(t *testing.T) {
	tests := []struct {
		name string
		fsys fstest.MapFS
		want string
	}{
		{"no files", fstest.MapFS{}, "data/rules: no .yaml files found"},
		{"bad yaml", fstest.MapFS{"questions.yaml": {Data: []byte("questions: [x\n")}}, "data/rules/questions.yaml: line 1, column 12: YAML syntax error: "},
		{"bad data", fstest.MapFS{"questions.yaml": {Data: []byte("questions: []\n")}}, "data/rules/sources.yaml: file is missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(tt.fsys, ".", "data/rules")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v; want it to contain %q", err, tt.want)
			}
			if err != nil && strings.Count(err.Error(), "\n") > 7 {
				t.Errorf("error spreads over too many lines:\n%v", err)
			}
		})
	}
}

func TestLines(t *testing.T) {
	body, err := ParseNode([]byte("# a comment\nservices:\n  - id: a\n    email: x\n  - id: b\n"))
	if err != nil {
		t.Fatal(err)
	}
	lines := Lines(body)
	for path, want := range map[string]int{"services[0].email": 4, "services[1]": 5, "services[1].id": 5} {
		if lines[path] != want {
			t.Errorf("line of %s = %d; want %d (all: %v)", path, lines[path], want, lines)
		}
	}
}
