package export_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/focusfamily/portal/rules/export"
)

// repoFS copies the rules data, its translations and the engine's messages
// into memory, applying edit to each file's text (name relative to the repo).
func repoFS(t *testing.T, edit func(name, text string) string) (export.Source, fstest.MapFS) {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, pattern := range []string{"data/rules/*.yaml", "data/rules/translations/*.yaml", "i18n/engine/*.yaml"} {
		files, err := filepath.Glob(filepath.Join("../..", pattern))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.ToSlash(strings.TrimPrefix(f, "../../"))
			text := string(b)
			if edit != nil {
				text = edit(name, text)
			}
			fsys[name] = &fstest.MapFile{Data: []byte(text)}
		}
	}
	rules, err := fs.Sub(fsys, "data/rules")
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := fs.Sub(fsys, "i18n/engine")
	if err != nil {
		t.Fatal(err)
	}
	return export.Source{Rules: rules, RulesName: "data/rules", Messages: msgs, MessagesName: "i18n/engine"}, fsys
}

func languages(t *testing.T, src export.Source) []string {
	t.Helper()
	langs, err := export.Languages(src)
	if err != nil {
		t.Fatal(err)
	}
	return langs
}

// TestExportShape writes every language and reads each file back as the
// browser would: the rules decode, and the derived parts are there.
func TestExportShape(t *testing.T) {
	src, _ := repoFS(t, nil)
	dir := t.TempDir()
	written, err := export.WriteAll(src, dir)
	if err != nil {
		t.Fatal(err)
	}
	langs := languages(t, src)
	if len(written) != len(langs) {
		t.Fatalf("wrote %v for languages %v", written, langs)
	}
	for _, lang := range langs {
		b, err := os.ReadFile(filepath.Join(dir, lang+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		wantDir := "ltr"
		if lang == "ar" {
			wantDir = "rtl"
		}
		if doc["lang"] != lang || doc["dir"] != wantDir {
			t.Errorf("%s: lang %v dir %v", lang, doc["lang"], doc["dir"])
		}
		// The browser decodes the model without the maintainers' checks
		// (wasm/main_test.go runs that); here its shape and privacy.
		rs, _ := doc["rules"].(map[string]any)
		if qs, ts := fileEntries(rs, "questions"), fileEntries(rs, "themes"); len(qs) == 0 || len(ts) != 6 {
			t.Errorf("%s: %d questions, %d themes", lang, len(qs), len(ts))
		}
		for _, field := range []string{`"marker"`, `"seed"`} {
			if bytes.Contains(b, []byte(field)) {
				t.Errorf("%s: the model served to browsers holds the maintainers' field %s", lang, field)
			}
		}
		derived, _ := doc["derived"].(map[string]any)
		crit, _ := derived["criteria"].(map[string]any)
		t2, _ := crit["t2-not-attending"].(map[string]any)
		if got := strings.Join(strs(t2["measures"]), " "); got != "attendance_percent permanently_excluded fixed_term_exclusions" {
			t.Errorf("%s: t2-not-attending reads measures %q", lang, got)
		}
		prog, _ := derived["programme"].(map[string]any)
		if rule, _ := prog["rule"].(string); rule == "" || strings.Contains(rule, "{") {
			t.Errorf("%s: programme rule %q", lang, rule)
		}
		themes, _ := derived["themes"].(map[string]any)
		if th1, _ := themes["1"].(map[string]any); th1["tag"] == "" || th1["tag"] == nil {
			t.Errorf("%s: theme 1 is a national example but has no tag: %v", lang, th1)
		}
		if msgs, _ := doc["messages"].(map[string]any); msgs["programme.rule"] == nil {
			t.Errorf("%s: messages lack programme.rule", lang)
		}
	}
}

func strs(v any) []string {
	l, _ := v.([]any)
	out := make([]string, len(l))
	for i, x := range l {
		out[i], _ = x.(string)
	}
	return out
}

// TestExportRefusesBadData checks that no model is written from bad data,
// and that the error names the file and the entry or key.
func TestExportRefusesBadData(t *testing.T) {
	tests := []struct {
		name, file, from, to string
		lang                 string
		want                 []string
	}{
		{"invalid rule", "data/rules/themes.yaml", "condition: {q: attendance_percent, lt: attendance_target}",
			"condition: {q: attendance_percent, lt: no_such_threshold}", "en",
			[]string{"data/rules/themes.yaml", `criterion "t2-not-attending"`, `unknown threshold "no_such_threshold"`}},
		{"unknown placeholder", "data/rules/themes.yaml", "attendance is below {attendance_target}.",
			"attendance is below {attendance_targt}.", "en",
			[]string{"data/rules/themes.yaml", "criteria.t2-not-attending.text", "{attendance_targt}"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, _ := repoFS(t, func(name, text string) string {
				if name != tt.file {
					return text
				}
				if !strings.Contains(text, tt.from) {
					t.Fatalf("%s no longer has %q", name, tt.from)
				}
				return strings.Replace(text, tt.from, tt.to, 1)
			})
			_, err := export.Build(src, tt.lang)
			if err == nil {
				t.Fatal("bad data was exported")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not name %q", err, w)
				}
			}
		})
	}
}

// TestTranslationKeys checks that a translations file must have exactly
// the texts of the English rules: a missing or an unknown key stops the
// export, naming the file and the key.
func TestTranslationKeys(t *testing.T) {
	src, fsys := repoFS(t, nil)
	langs := languages(t, src)
	if len(langs) < 3 {
		t.Fatalf("languages %v; want en, pl and ar", langs)
	}
	for _, lang := range langs[1:] {
		name := "data/rules/translations/" + lang + ".yaml"
		orig := string(fsys[name].Data)
		for _, tt := range []struct{ what, text, want string }{
			{"unknown key", orig + "\nextra:\n  words: \"x\"\n", "extra.words: unknown key"},
			{"missing key", dropLine(t, orig, "    hint:"), ": missing"},
		} {
			fsys[name] = &fstest.MapFile{Data: []byte(tt.text)}
			_, err := export.Build(src, lang)
			if err == nil || !strings.Contains(err.Error(), name) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%s %s: error %v; want it to name %s and %q", lang, tt.what, err, name, tt.want)
			}
		}
		fsys[name] = &fstest.MapFile{Data: []byte(orig)}
	}
}

func dropLine(t *testing.T, text, prefix string) string {
	t.Helper()
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return strings.Join(append(lines[:i:i], lines[i+1:]...), "\n")
		}
	}
	t.Fatalf("no line starts with %q", prefix)
	return ""
}

// TestMessageKeys checks that every language has exactly the engine's
// message codes that English has, each a well-formed template: a code
// missing or unknown in any language stops the export, naming the file and
// the code.
func TestMessageKeys(t *testing.T) {
	src, fsys := repoFS(t, nil)
	for _, lang := range languages(t, src) {
		name := "i18n/engine/" + lang + ".yaml"
		orig := string(fsys[name].Data)
		if _, err := export.Build(src, lang); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		cases := []struct{ what, text, want string }{
			{"unknown code", orig + "\nno.such.code: \"x\"\n", "no.such.code: unknown code"},
			{"broken template", dropLine(t, orig, "reason.noneOfAny:") + "\nreason.noneOfAny: \"{count, plural, one {#}}\"\n", `reason.noneOfAny: {count, plural}`},
		}
		if lang != "en" {
			cases = append(cases, struct{ what, text, want string }{"missing code", dropLine(t, orig, "reason.said:"), "reason.said: missing"})
		}
		for _, tt := range cases {
			fsys[name] = &fstest.MapFile{Data: []byte(tt.text)}
			_, err := export.Build(src, lang)
			if lang == "en" && tt.what == "unknown code" {
				// English defines the codes: an extra English code is
				// reported in every other language instead.
				_, err = export.Build(src, "pl")
				tt.want = "no.such.code: missing"
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%s %s: error %v; want it to contain %q", lang, tt.what, err, tt.want)
			}
		}
		fsys[name] = &fstest.MapFile{Data: []byte(orig)}
	}
}

// fileEntries is the list a rules file holds under its own name.
func fileEntries(rules map[string]any, file string) []any {
	f, _ := rules[file].(map[string]any)
	l, _ := f[file].([]any)
	return l
}
