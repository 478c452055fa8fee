package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const data = "../../data/rules"

// brokenData copies the minimal test data set and misspells a question id.
func brokenData(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files, _ := filepath.Glob("../../rules/testdata/minimal/*.yaml")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(f) == "themes.yaml" {
			b = bytes.Replace(b, []byte("{q: attendance, lt"), []byte("{q: attendence, lt"), 1)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// bigProgress writes a 5 MB progress file of empty terms, which once drove
// focuscheck to 2.8 GB of memory.
func bigProgress(t *testing.T) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "big.json")
	body := `{"terms": [{}` + strings.Repeat(`,{}`, 5<<20/3) + `]}`
	if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

func brokenServices(t *testing.T) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "services.yaml")
	if err := os.WriteFile(name, []byte("a: [b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// yamlTree makes a folder of YAML files, one of them with a mis-indented line.
func yamlTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"a.yaml":          "a: 1\n",
		"b/glossary.yaml": "terms:\n  - term: x\n   abbr: X\n",
		"b/c.yaml":        "c: [1, 2]\n",
		"notes.txt":       "not: [yaml\n",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestRun(t *testing.T) {
	broken := brokenData(t)
	answers, _ := os.ReadFile("testdata/answers.json")
	tests := []struct {
		name     string
		args     []string
		stdin    string
		code     int
		stdout   []string // each must appear in standard output
		stderr   []string // each must appear in standard error
		jsonKeys []string // standard output is JSON with these top-level keys
	}{
		{name: "no command", args: nil, code: 2, stderr: []string{"usage:"}},
		{name: "unknown command", args: []string{"frobnicate"}, code: 2, stderr: []string{"usage:"}},
		{name: "bad format", args: []string{"eval", "--format", "xml"}, code: 2, stderr: []string{`unknown format "xml"`}},
		{name: "validate real data", args: []string{"validate", "--data", data}, code: 0,
			stdout: []string{"the rules data is valid (28 questions, 6 themes, 9 pathways"}},
		{name: "validate broken data", args: []string{"validate", "--data", broken}, code: 1,
			stderr: []string{`themes.yaml: theme 1 criterion "t1-attendance": condition: unknown question "attendence"`}},
		{name: "validate missing folder", args: []string{"validate", "--data", "no/such/dir"}, code: 1, stderr: []string{"no/such/dir"}},
		{name: "eval file as json", args: []string{"eval", "--data", data, "testdata/answers.json"}, code: 0,
			jsonKeys: []string{"verdict", "basis", "verdictReason", "themesMet", "themes", "pathways", "services", "unknowns"},
			stdout:   []string{`"verdict": "likely"`, "306 of 360 possible sessions (85%), which is below 90%"}},
		{name: "eval stdin as text", args: []string{"eval", "--data", data, "--format", "text", "-"}, stdin: string(answers), code: 0,
			stdout: []string{"Verdict: likely (themes)", "[yes]   t4-young-carer: You said the child is a young carer.",
				"whether someone has a mental health problem (could change themes [6]"}},
		{name: "eval invalid answers", args: []string{"eval", "--data", data}, stdin: `{"attendance_percent": 120, "pets": 2}`, code: 1,
			stderr: []string{"attendance_percent: The child's attendance must be between 0% and 100%", `pets: There is no question with the id "pets"`}},
		{name: "eval not json", args: []string{"eval", "--data", data}, stdin: `{"a":`, code: 1, stderr: []string{"standard input: not valid JSON"}},
		{name: "eval missing file", args: []string{"eval", "--data", data, "testdata/none.json"}, code: 1, stderr: []string{"none.json"}},
		{name: "progress as text", args: []string{"progress", "--data", data, "--format", "text", "testdata/progress.json"}, code: 0,
			stdout: []string{"Sustained progress: no. Attendance has been at least 90% in 2 of the 3 consecutive terms needed.",
				"still needed: 1 more term in a row with attendance at least 90%"}},
		{name: "progress in Polish", args: []string{"progress", "--data", data, "--lang", "pl", "--format", "text", "testdata/progress.json"}, code: 0,
			stdout: []string{"Obecność: co najmniej 90% w 2 z 3 kolejnych wymaganych trymestrów.",
				"still needed: jeszcze 1 trymestr z rzędu, w którym obecność: co najmniej 90%"}},
		{name: "eval in Arabic", args: []string{"eval", "--data", data, "--lang", "ar", "testdata/answers.json"}, code: 0,
			stdout: []string{"306 من أصل 360", "(85%)", "(persistent absence)"}},
		{name: "invalid answers in Polish", args: []string{"eval", "--data", data, "--lang", "pl"}, stdin: `{"attendance_percent": 120}`, code: 1,
			stderr: []string{"attendance_percent: Obecność dziecka: wpisz wartość od 0% do 100%"}},
		{name: "unknown language", args: []string{"eval", "--data", data, "--lang", "xx", "testdata/answers.json"}, code: 1,
			stderr: []string{"translations/xx.yaml"}},
		{name: "progress as json", args: []string{"progress", "--data", data, "testdata/progress.json"}, code: 0,
			jsonKeys: []string{"terms", "themes", "criteria"}},
		{name: "progress invalid", args: []string{"progress", "--data", data}, stdin: `{"criteria": ["t0"]}`, code: 1,
			stderr: []string{`criteria[0]: There is no criterion with the id "t0"`}},
		{name: "answers over 1 MB", args: []string{"eval", "--data", data}, stdin: `{"a": "` + strings.Repeat("x", maxInput) + `"}`, code: 1,
			stderr: []string{"standard input: larger than the limit of 1 MB"}},
		{name: "progress file over 1 MB", args: []string{"progress", "--data", data, bigProgress(t)}, code: 1,
			stderr: []string{"big.json: larger than the limit of 1 MB"}},
		{name: "services valid", args: []string{"services", "../../data/services.yaml"}, code: 0,
			stdout: []string{"../../data/services.yaml: the services directory is valid"}},
		{name: "services broken", args: []string{"services", brokenServices(t)}, code: 1,
			stderr: []string{`services.yaml: line 1, column 4: YAML syntax error`}},
		{name: "services missing", args: []string{"services", "no/such.yaml"}, code: 1, stderr: []string{"no/such.yaml"}},
		{name: "yaml sound", args: []string{"yaml", "../../data", "../../i18n"}, code: 0, stdout: []string{"YAML files read: the syntax is sound"}},
		{name: "yaml broken", args: []string{"yaml", yamlTree(t)}, code: 1, stderr: []string{"b/glossary.yaml: line 3, column 4: YAML syntax error: value is not allowed in this context\n"}},
		{name: "yaml no folder", args: []string{"yaml"}, code: 2, stderr: []string{"usage:"}},
		{name: "too many files", args: []string{"eval", "--data", data, "a.json", "b.json"}, code: 2, stderr: []string{"usage:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tt.args, strings.NewReader(tt.stdin), &out, &errOut)
			if code != tt.code {
				t.Errorf("exit %d; want %d\nstdout: %s\nstderr: %s", code, tt.code, out.String(), errOut.String())
			}
			for _, s := range tt.stdout {
				if !strings.Contains(out.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, out.String())
				}
			}
			for _, s := range tt.stderr {
				if !strings.Contains(errOut.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, errOut.String())
				}
			}
			if tt.jsonKeys != nil {
				var v map[string]any
				if err := json.Unmarshal(out.Bytes(), &v); err != nil {
					t.Fatalf("stdout is not JSON: %v", err)
				}
				for _, k := range tt.jsonKeys {
					if _, ok := v[k]; !ok {
						t.Errorf("JSON lacks %q", k)
					}
				}
			}
		})
	}
}

// TestValidateErrorsOnePerLine checks that every data error is on its own line.
func TestValidateErrorsOnePerLine(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"validate", "--data", brokenData(t)}, nil, &out, &errOut); code != 1 {
		t.Fatalf("exit %d", code)
	}
	for _, line := range strings.Split(strings.TrimSpace(errOut.String()), "\n") {
		if !strings.Contains(line, ".yaml: ") {
			t.Errorf("line without a file name: %q", line)
		}
	}
}

// TestYAMLErrorAlone checks a syntax error is the one and only message.
func TestYAMLErrorAlone(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"yaml", yamlTree(t)}, nil, &out, &errOut); code != 1 {
		t.Fatalf("exit %d", code)
	}
	if lines := strings.Split(strings.TrimSpace(errOut.String()), "\n"); len(lines) != 1 {
		t.Errorf("%d lines; want the syntax error alone:\n%s", len(lines), errOut.String())
	}
}
