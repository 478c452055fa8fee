package pagecheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// TestBuiltSite checks every page `make build` wrote to public/.
func TestBuiltSite(t *testing.T) {
	public := filepath.Join("..", "public")
	if _, err := os.Stat(filepath.Join(public, "index.html")); err != nil {
		t.Fatal("no built site in public/: run `make build` first")
	}
	d, err := LoadData("..")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Helplines) < 6 || len(d.Sensitive) == 0 {
		t.Fatalf("data too small: %d helplines, %d sensitive pages", len(d.Helplines), len(d.Sensitive))
	}
	problems, err := Check(os.DirFS(public), d)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

// TestHelplineData checks each helpline's number and digits agree, and that
// the numbers the issue names are there.
func TestHelplineData(t *testing.T) {
	d, err := LoadData("..")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, h := range d.Helplines {
		if digits(h.Number) != h.Tel {
			t.Errorf("%s: number %q and tel %q differ", h.ID, h.Number, h.Tel)
		}
		got[h.Number] = true
	}
	for _, n := range []string{"0808 2000 247", "0808 800 5000", "0800 1111", "116 123", "111", "999"} {
		if !got[n] {
			t.Errorf("data/helplines.yaml has no helpline %s", n)
		}
	}
}

// testData is a small set of helplines and sensitive pages, with Polish pages under /pl/.
func testData() *Data {
	return &Data{
		Helplines: []Helpline{
			{ID: "childline", Name: "Childline", Number: "0800 1111", Tel: "08001111"},
			{ID: "samaritans", Name: "Samaritans", Number: "116 123", Tel: "116123"},
			{ID: "nhs-111", Name: "NHS 111", Number: "111", Tel: "111"},
		},
		Sensitive: map[string]bool{"/themes/abuse": true, "/safe": true},
		Claim:     "/safe",
		Languages: map[string]bool{"pl": true},
	}
}

const exitButton = `<div class="govuk-exit-this-page app-no-print"><a href="https://www.bbc.co.uk/weather">Exit this page</a></div>` +
	`<section data-helplines><a href="tel:08001111">0800 1111</a></section>`

func html5(body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(`<!DOCTYPE html><html><head><title>t</title></head><body><main>` + body + `</main></body></html>`)}
}

// goodSite is a tiny built site that passes every check; extra is added to
// the pages it names.
func goodSite(extra map[string]string) fstest.MapFS {
	bodies := map[string]string{
		"index.html":                 `<p>Call <a href="tel:08001111">0800 1111</a>. Ring Samaritans on 116 123 or NHS 111.</p>`,
		"themes/abuse/index.html":    exitButton + `<p>Childline: 0800 1111</p>`,
		"safe/index.html":            exitButton + `<ul data-exit-pages><li><a href="/themes/abuse/">Abuse</a></li><li><a href="/safe/">Safe</a></li></ul>`,
		"themes/index.html":          `<p>Attendance below 90% over 12 months.</p>`,
		"pl/themes/abuse/index.html": exitButton,
		"pl/safe/index.html":         exitButton + `<ul data-exit-pages><li><a href="/pl/themes/abuse/">A</a></li><li><a href="/pl/safe/">S</a></li></ul>`,
	}
	site := fstest.MapFS{"pagefind/x.html": html5(`Seed 004`)}
	for name, body := range bodies {
		site[name] = html5(body + extra[name])
	}
	for name, body := range extra {
		if _, ok := bodies[name]; !ok {
			site[name] = html5(body)
		}
	}
	return site
}

func TestGoodSitePasses(t *testing.T) {
	problems, err := Check(goodSite(nil), testData())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("unexpected problem: %s", p)
	}
}

// TestEachCheckCanFail breaks the good site one way at a time: each must be
// reported, naming the page.
func TestEachCheckCanFail(t *testing.T) {
	cases := []struct {
		name, page, body, want string
	}{
		{"seed code", "index.html", `<p>Seed 004: a council strategy</p>`, `internal code "Seed 0"`},
		{"bracketed source marker", "themes/index.html", `<li>A strategy [S 004]</li>`, `internal code "[S 0"`},
		{"bare source marker", "themes/index.html", `<p>(S 000)</p>`, `internal code "S 000"`},
		{"confirmed marker", "index.html", `<li>Children Act 1989 [C]</li>`, `internal code "[C]"`},
		{"uncertain marker", "index.html", `<li>Recalled [U]</li>`, `internal code "[U]"`},
		{"a guess", "index.html", `<p>The theme's number is a guess.</p>`, `internal code "is a guess"`},
		{"maintainers' reasoning", "themes/index.html", `<dd>The source gives no measure for this row.</dd>`, `internal code "The source gives"`},
		{"maintainers' reasoning in Polish", "pl/themes/index.html", `<dd>Źródło nie podaje miernika.</dd>`, `internal code "Źródło nie podaje"`},
		{"maintainers' reasoning in Arabic", "ar/themes/index.html", `<dd>لا يذكر المصدر مقياسًا.</dd>`, `internal code "لا يذكر المصدر"`},
		{"code in an attribute", "index.html", `<img alt="Seed 001 chart" src="x.png">`, `internal code "Seed 0"`},
		{"helpline without its spaces", "index.html", `<p>Call 08001111 today.</p>`, `the Childline number is written "08001111"`},
		{"helpline with other spacing", "index.html", `<p>Call 116123.</p>`, `the Samaritans number is written "116123"`},
		{"helpline in international form", "index.html", `<p>Call +44 800 1111.</p>`, `the Childline number is written "+44 800 1111"`},
		{"wrong number after a name", "index.html", `<p>Call Childline on 0800 1112.</p>`, `Childline is followed by the number "0800 1112"`},
		{"tel link dials other digits", "index.html", `<a href="tel:08001112">0800 1111</a>`, `does not dial tel:08001111`},
		{"tel link written differently", "index.html", `<a href="tel:+448001111">call</a>`, `does not dial tel:08001111`},
		{"sensitive page without the button", "themes/abuse/index.html", `<script>/* no button */</script>`, ""},
		{"button on a page not listed", "themes/index.html", exitButton, "data/sensitive.yaml does not list it"},
		{"sensitive page without the helplines", "safe/index.html", "", "it has no national helplines"},
		{"button on a translated page not listed", "pl/themes/index.html", exitButton, "data/sensitive.yaml does not list it"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			site := goodSite(map[string]string{tc.page: tc.body})
			switch { // replace the page instead of adding to it
			case tc.want == "":
				site[tc.page] = html5(`<p>No button here.</p>`)
				tc.want = "it has no Exit this page button"
			case tc.body == "":
				site[tc.page] = html5(`<div class="govuk-exit-this-page"></div><ul data-exit-pages><li><a href="/themes/abuse/">A</a></li><li><a href="/safe/">S</a></li></ul>`)
			}
			problems, err := Check(site, testData())
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, p := range problems {
				if p.Page == tc.page && strings.Contains(p.Message, tc.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("want a problem on %s containing %q, got %v", tc.page, tc.want, problems)
			}
		})
	}
}

func TestExitClaimMustMatchTheBuiltPages(t *testing.T) {
	cases := []struct {
		name, claim, want string
	}{
		{"a page left out", `<ul data-exit-pages><li><a href="/safe/">Safe</a></li></ul>`, `does not list "/themes/abuse"`},
		{"a page without the button", `<ul data-exit-pages><li><a href="/themes/abuse/">A</a></li><li><a href="/safe/">S</a></li><li><a href="/themes/">T</a></li></ul>`, `says "/themes/" has Exit this page, but the built page does not`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			site := goodSite(nil)
			site["safe/index.html"] = html5(exitButton + tc.claim)
			problems, err := Check(site, testData())
			if err != nil {
				t.Fatal(err)
			}
			if len(problems) != 1 || problems[0].Page != "safe/index.html" || !strings.Contains(problems[0].Message, tc.want) {
				t.Errorf("want one problem on safe/index.html containing %q, got %v", tc.want, problems)
			}
		})
	}
	site := goodSite(nil)
	site["pl/safe/index.html"] = html5(exitButton)
	problems, _ := Check(site, testData())
	if len(problems) != 1 || problems[0].Page != "pl/safe/index.html" || !strings.Contains(problems[0].Message, "must list the pages that have Exit this page") {
		t.Errorf("a translated page without the list must fail, got %v", problems)
	}
	d := testData()
	d.Claim = "/elsewhere"
	site["safe/index.html"] = html5(exitButton)
	problems, _ = Check(site, d)
	if len(problems) != 1 || !strings.Contains(problems[0].Message, "no page lists the pages that have Exit this page") {
		t.Errorf("a site with no list of pages must fail, got %v", problems)
	}
}

func TestListedPageMustBeBuilt(t *testing.T) {
	d := testData()
	d.Sensitive["/themes/gone"] = true
	problems, err := Check(goodSite(nil), d)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || !strings.Contains(problems[0].Message, `"/themes/gone" is not a built page`) {
		t.Errorf("want the missing page named, got %v", problems)
	}
}

func TestLogicalPath(t *testing.T) {
	langs := map[string]bool{"pl": true, "ar": true}
	for name, want := range map[string][2]string{
		"index.html":                  {"", "/"},
		"themes/index.html":           {"", "/themes"},
		"themes/health/index.html":    {"", "/themes/health"},
		"pl/themes/health/index.html": {"pl", "/themes/health"},
		"ar/index.html":               {"ar", "/"},
		"404.html":                    {"", "/404.html"},
	} {
		if lang, p := logicalPath(name, langs); lang != want[0] || p != want[1] {
			t.Errorf("logicalPath(%q) = %q, %q; want %q, %q", name, lang, p, want[0], want[1])
		}
	}
	if lang, p := hrefPath("/pl/themes/health/#x", langs); lang != "pl" || p != "/themes/health" {
		t.Errorf("hrefPath = %q, %q", lang, p)
	}
}

// TestSensitiveAnswersExist checks that every answer data/sensitive.yaml lists
// is a real answer to a real checker question, so a renamed question or option
// cannot silently stop the helplines showing.
func TestSensitiveAnswersExist(t *testing.T) {
	var s struct {
		Answers map[string][]string `yaml:"answers"`
	}
	if err := readYAML(filepath.Join("..", "data", "sensitive.yaml"), &s); err != nil {
		t.Fatal(err)
	}
	var q struct {
		Questions []struct {
			ID      string `yaml:"id"`
			Type    string `yaml:"type"`
			Options []struct {
				Value string `yaml:"value"`
			} `yaml:"options"`
		} `yaml:"questions"`
	}
	if err := readYAML(filepath.Join("..", "data", "rules", "questions.yaml"), &q); err != nil {
		t.Fatal(err)
	}
	values := map[string]map[string]bool{}
	for _, question := range q.Questions {
		v := map[string]bool{"unknown": true}
		if question.Type == "yesno" {
			v["yes"], v["no"] = true, true
		}
		for _, o := range question.Options {
			v[o.Value] = true
		}
		values[question.ID] = v
	}
	if len(s.Answers) == 0 {
		t.Fatal("data/sensitive.yaml lists no answers")
	}
	for id, answers := range s.Answers {
		if values[id] == nil {
			t.Errorf("data/sensitive.yaml: %q is not a checker question", id)
			continue
		}
		for _, a := range answers {
			if !values[id][a] {
				t.Errorf("data/sensitive.yaml: %q is not an answer to %s", a, id)
			}
		}
	}
}

// TestLanguages reads the languages served under /<code>/ from config.toml,
// indented or not, leaving out the default language and any language a
// council has switched off (Hugo builds no pages for it).
func TestLanguages(t *testing.T) {
	file := filepath.Join(t.TempDir(), "config.toml")
	config := "defaultContentLanguage = \"en\"\n[languages]\n  [languages.en]\n    weight = 1\n  [languages.pl]\n    disabled = true\n[languages.ar]\n"
	if err := os.WriteFile(file, []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := languages(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !got["ar"] {
		t.Errorf("languages = %v, want only ar", got)
	}
}

// TestNumberAfterNameAnyText: a text whose lower case is longer than itself
// neither panics nor hides a wrong number.
func TestNumberAfterNameAnyText(t *testing.T) {
	h := testData().Helplines
	if got := numberAfterName("x", "İİİİ İİİİ Childline: 0800 1111", h); len(got) != 0 {
		t.Errorf("the right number was reported: %v", got)
	}
	if got := numberAfterName("x", "İİİİ İİİİ Childline: 0800 1112", h); len(got) != 1 {
		t.Errorf("want the wrong number reported, got %v", got)
	}
}
