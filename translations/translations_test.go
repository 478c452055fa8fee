package translations

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func languages(t *testing.T) (string, []string) {
	t.Helper()
	def, others, err := Languages(filepath.Join("..", "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return def, others
}

// TestSiteLanguages: the portal is built in English, Polish and Arabic.
func TestSiteLanguages(t *testing.T) {
	def, others := languages(t)
	if def != "en" || strings.Join(others, ",") != "ar,pl" {
		t.Errorf("languages built: %s and %v; want en and [ar pl]", def, others)
	}
}

// TestI18nKeys: every interface string and engine message exists in every language built.
func TestI18nKeys(t *testing.T) {
	def, others := languages(t)
	problems, err := CheckI18n(filepath.Join("..", "i18n"), def, others)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

// TestContentTranslated: every page exists in every language built.
func TestContentTranslated(t *testing.T) {
	_, others := languages(t)
	problems, err := CheckContent(filepath.Join("..", "content"), others)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

// TestChecksFail: each check reports what is missing, naming the file and the key or page.
func TestChecksFail(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("i18n/en.yaml", "a: A\nb: {one: B, other: Bs}\n")
	write("i18n/pl.yaml", "a: A\nc: C\n")
	write("i18n/engine/en.yaml", "x: X\n")
	write("i18n/engine/pl.yaml", "x: X\n")
	write("content/about.md", "x")
	write("content/themes/health.md", "x")
	write("content/themes/health.pl.md", "x")
	write("content/gone.pl.md", "x")
	got, err := CheckI18n(filepath.Join(dir, "i18n"), "en", []string{"pl"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`pl.yaml: "c" is not in`, `pl.yaml: no "b"`}
	checkAll(t, got, want)
	got, err = CheckContent(filepath.Join(dir, "content"), []string{"pl"})
	if err != nil {
		t.Fatal(err)
	}
	checkAll(t, got, []string{"content/about.md: no pl translation", "content/gone.pl.md: there is no English page"})
}

func checkAll(t *testing.T, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d problems, want %d: %q", len(got), len(want), got)
		return
	}
	for i := range want {
		if !strings.Contains(got[i], want[i]) {
			t.Errorf("problem %d = %q; want it to contain %q", i, got[i], want[i])
		}
	}
}

// TestTemplatesDoNotReadRules: Go is the only reader of data/rules; templates
// read the checked model that `focuscheck export` writes, and walk no conditions.
func TestTemplatesDoNotReadRules(t *testing.T) {
	bad := regexp.MustCompile(`(?i)(site|hugo)\.Data\.rules|\.condition\b`)
	for _, dir := range []string{"layouts", "content"} {
		err := filepath.WalkDir(filepath.Join("..", dir), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".gotmpl") || strings.HasSuffix(p, ".json")) {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for i, line := range strings.Split(string(b), "\n") {
				if bad.MatchString(line) {
					t.Errorf("%s:%d reads the raw rules: %s", p, i+1, strings.TrimSpace(line))
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestNoEnglishOnTranslatedPages: a page built in Polish or Arabic shows no
// English interface string. It reads the site `make build` wrote in public/.
func TestNoEnglishOnTranslatedPages(t *testing.T) {
	def, others := languages(t)
	site := filepath.Join("..", "public")
	if _, err := os.Stat(filepath.Join(site, "index.html")); err != nil {
		t.Fatalf("no built site in public/: run `make build` first (%v)", err)
	}
	en, err := Strings(filepath.Join("..", "i18n", def+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range others {
		tr, err := Strings(filepath.Join("..", "i18n", lang+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		problems, err := CheckPages(site, lang, Phrases(en, tr))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Error(p)
		}
	}
}

// TestEnglishIsFound: the check finds an English message in a page's text or
// in an attribute a script shows, and passes a translated one.
func TestEnglishIsFound(t *testing.T) {
	en := map[string]string{"start": "Start now", "lost": "Your answers are not saved on this device", "same": "Focus Family team works here"}
	pl := map[string]string{"start": "Zacznij", "lost": "Odpowiedzi nie są zapisywane", "same": "Focus Family team works here"}
	phrases := Phrases(en, pl)
	if _, ok := phrases["Focus Family team works here"]; ok {
		t.Error("a message the translation keeps as it is counts as English")
	}
	dir := t.TempDir()
	for name, body := range map[string]string{
		"pl/a/index.html": `<p>Odpowiedzi</p><div data-message="Your answers are not saved on this device"></div>`,
		"pl/b/index.html": `<p>Odpowiedzi nie są zapisywane</p><script>"Your answers are not saved on this device"</script>`,
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := CheckPages(dir, "pl", phrases)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], filepath.Join("pl", "a", "index.html")) {
		t.Errorf("got %q; want one problem, on pl/a", got)
	}
}
