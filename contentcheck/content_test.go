package contentcheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestContent checks every Markdown page under ../content.
func TestContent(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	problems, err := CheckSite(root)
	if err != nil {
		t.Fatal(err)
	}
	Sort(problems)
	for _, p := range problems {
		t.Error(p.String())
	}
	// Pages whose sources were checked more than 12 months ago are listed for
	// the maintainers in build/stale-sources.txt (they are not an error: the
	// source may still be right, it only needs checking again).
	stale, err := Stale(root, time.Now().AddDate(-1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	var list strings.Builder
	list.WriteString("# Pages whose sources were last checked more than 12 months ago. Written by `go test ./contentcheck`.\n")
	for _, s := range stale {
		list.WriteString(s.String() + "\n")
		t.Logf("check again: %s", s)
	}
	report := filepath.Join(root, "build", "stale-sources.txt")
	os.Stat(report) // so that `go test` caching reruns this test when the report is deleted
	if err := os.MkdirAll(filepath.Dir(report), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(report, []byte(list.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestGlossaryLoads checks the glossary parses and covers the programme's core abbreviations.
func TestGlossaryLoads(t *testing.T) {
	g, err := LoadGlossary(filepath.Join("..", "data", "glossary.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []string{"EBSA", "SEND", "SEN", "EHCP", "EHC", "CIN", "CP", "TAF", "PEP", "SASO", "ACE",
		"CSE", "ASB", "NEET", "SENCO", "CAMHS", "LA", "DfE", "VSH", "MARAC", "EHA"} {
		if _, ok := g[a]; !ok {
			t.Errorf("data/glossary.yaml has no entry for %s", a)
		}
	}
}

// testConfig is a small glossary and site for the unit tests.
func testConfig() *Config {
	return &Config{
		Glossary: map[string][]string{
			"SEND": {"special educational needs and disabilities"},
			"EBSA": {"emotionally based school avoidance"},
			"DfE":  {"Department for Education"},
			"EHC":  {"Education, health and care plan", "education, health and care"},
			"UK":   {"United Kingdom"},
		},
		Pages:   map[string]bool{"/": true, "/pathways/": true, "/pathways/ebsa/": true, "/services/early-help/": true},
		Sources: map[string]time.Time{"dfe-attendance-2024": time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)},
	}
}

const goodFM = "---\ntitle: A page\ndescription: What the page is for.\nlastReviewed: 2026-11-23\n---\n"

func TestChecks(t *testing.T) {
	long := strings.Repeat("word ", 36) + "end. Short one. Short two. Short three."
	avg := strings.Repeat(strings.Repeat("word ", 29)+"end. ", 5)
	tests := []struct {
		name string
		src  string
		want string // a part of the one expected message; "" means no problems
	}{
		{"a good page", goodFM + "## Heading\n\nYou can [read about emotionally based school avoidance (EBSA)](/pathways/ebsa/).\n\n### Sub\n\nShort.\n", ""},
		{"no front matter", "## Heading\n\nText.\n", "no front matter"},
		{"no title", "---\ndescription: d.\nlastReviewed: 2026-11-23\n---\nText.\n", "no title"},
		{"no description", "---\ntitle: T\nlastReviewed: 2026-11-23\n---\nText.\n", "no description"},
		{"no lastReviewed", "---\ntitle: T\ndescription: d.\n---\nText.\n", "no lastReviewed"},
		{"bad lastReviewed", "---\ntitle: T\ndescription: d.\nlastReviewed: soon\n---\nText.\n", "is not a date"},
		{"bad audience", "---\ntitle: T\ndescription: d.\nlastReviewed: 2026-11-23\naudience: everyone\n---\nText.\n", "must be family or professional"},
		{"h1 in the body", goodFM + "# Title\n\nText.\n", "heading level 1"},
		{"skipped heading level", goodFM + "## One\n\n#### Three\n\nText.\n", "skips from level 2 to level 4"},
		{"starts at h3", goodFM + "### Three\n\nText.\n", "skips from level 1 to level 3"},
		{"click here", goodFM + "For help [click here](/pathways/ebsa/).\n", `link text "click here"`},
		{"here", goodFM + "Help is [here](/pathways/ebsa/).\n", `link text "here"`},
		{"read more", goodFM + "Avoidance. [Read more](/pathways/ebsa/).\n", `link text "read more"`},
		{"more", goodFM + "There is [more](/pathways/ebsa/).\n", `link text "more"`},
		{"bare URL", goodFM + "Go to https://www.example.org/help today.\n", "bare web address"},
		{"bare www", goodFM + "Go to www.example.org today.\n", "bare web address"},
		{"angle autolink", goodFM + "Go to <https://example.org> today.\n", "bare web address"},
		{"URL as link text", goodFM + "Go to [https://example.org](https://example.org).\n", "link text is a web address"},
		{"broken internal link", goodFM + "Read [the school avoidance pathway](/pathways/ebsaa/).\n", "does not lead to a page"},
		{"broken relative link", goodFM + "Read [the school avoidance pathway](nowhere/).\n", "does not lead to a page"},
		{"internal link with fragment", goodFM + "Read [the school avoidance pathway](/pathways/ebsa/#signs).\n", ""},
		{"service page link", goodFM + "Contact [Early Help](/services/early-help/).\n", ""},
		{"external link", goodFM + "See [the example site](https://example.org/).\n", ""},
		{"sentence too long", goodFM + long + "\n", "sentence has 37 words"},
		{"average too long", goodFM + avg + "\n", "sentences average 25.8 words"},
		{"long sentences allowed for professionals", "---\ntitle: T\ndescription: d.\nlastReviewed: 2026-11-23\naudience: professional\n---\n" + long + "\n", ""},
		{"long step text", goodFM[:len(goodFM)-4] + "steps:\n  - title: One\n    text: " + long + "\n---\nText.\n", "sentence has 37 words"},
		{"unknown abbreviation", goodFM + "The XYZ team helps.\n", `abbreviation "XYZ" is not in data/glossary.yaml`},
		{"abbreviation not spelled out", goodFM + "Ask for SEND support.\n", `abbreviation "SEND" is not spelled out`},
		{"abbreviation spelled out", goodFM + "Ask about special educational needs and disabilities (SEND). SEND support helps.\n", ""},
		{"abbreviation spelled out by an expansion", goodFM + "Ask for an education, health and care (EHC) plan.\n", ""},
		{"plural abbreviation", goodFM + "The Department for Education (DfE) writes guidance. DfEs are rare.\n", ""},
		{"well-known abbreviation", goodFM + "This is for the UK.\n", ""},
		{"abbreviation in the title", "---\ntitle: The ABC page\ndescription: d.\nlastReviewed: 2026-11-23\n---\nText.\n", `"ABC" is not in data/glossary.yaml`},
		{"exception", goodFM + "The site meets level AA.\n", ""},
		{"not an abbreviation", goodFM + "Use InPrivate mode, or ask AbilityNet.\n", ""},
		{"raw HTML", goodFM + "<div>hello</div>\n", "raw HTML"},
		{"summary divider is allowed", goodFM + "Intro.\n\n<!--more-->\n\nMore text.\n", ""},
		{"known sources", goodFM[:len(goodFM)-4] + "sources: [dfe-attendance-2024]\n---\nText.\n", ""},
		{"unknown source in front matter", goodFM[:len(goodFM)-4] + "sources: [dfe-attendance-2042]\n---\nText.\n", `unknown source "dfe-attendance-2042"`},
		{"sources not a list", goodFM[:len(goodFM)-4] + "sources: dfe-attendance-2024\n---\nText.\n", "sources must be a list of ids"},
		{"unknown source in a cite", goodFM + "Text. {{< cite \"no-such-source\" >}}\n", `unknown source "no-such-source"`},
		{"money without a source", goodFM + "The fine is £80.\n", `"£80" is a statement about law, guidance, money, a threshold or a timescale with no source`},
		{"money with a source", goodFM + "The fine is £80. {{< cite \"dfe-attendance-2024\" >}}\n", ""},
		{"law without a source", goodFM + "The Education Act 1996 says so.\n", `"Act 1996"`},
		{"section without a source", goodFM + "Read section 19 first.\n", `"section 19"`},
		{"guidance without a source", goodFM + "The guidance says schools must act.\n", `"guidance says"`},
		{"threshold without a source", goodFM + "Attendance below 90% is a concern.\n", `"below 90%"`},
		{"threshold from the data", goodFM + "Attendance below {{< threshold \"attendance_target\" >}} is a concern.\n", ""},
		{"timescale without a source", goodFM + "The council acts within 15 working days.\n", `"15 working days"`},
		{"cite in another paragraph", goodFM + "Pay £80.\n\nSee the guidance. {{< cite \"dfe-attendance-2024\" >}}\n", `"£80"`},
		{"cite elsewhere in the same list", goodFM + "- £80 at first\n- £160 later {{< cite \"dfe-attendance-2024\" >}}\n", ""},
		{"cite elsewhere in the same table", goodFM + "| a | b |\n|---|---|\n| £80 | £160 {{< cite \"dfe-attendance-2024\" >}} |\n", ""},
		{"the council's own promise", goodFM + "We will reply within 5 working days.\n", ""},
		{"a story's timeline", goodFM + "After 14 weeks, Jamie was back.\n", ""},
		{"claim in a step, page names no source", goodFM[:len(goodFM)-4] + "steps:\n  - title: One\n    text: Pay £80.\n---\nText.\n", "name its source in the front matter"},
		{"claim in a step, page names a source", goodFM[:len(goodFM)-4] + "sources: [dfe-attendance-2024]\nsteps:\n  - title: One\n    text: Pay £80.\n---\nText.\n", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := CheckPage("content/test.md", "/test/", []byte(tc.src), testConfig())
			if tc.want == "" {
				for _, p := range got {
					t.Errorf("unexpected problem: %s", p)
				}
				return
			}
			if len(got) != 1 || !strings.Contains(got[0].Message, tc.want) {
				t.Errorf("want one problem containing %q, got %v", tc.want, got)
			}
		})
	}
}

// TestLines checks that problems name the right line of the file.
func TestLines(t *testing.T) {
	src := goodFM + "## One\n\nFine.\n\nGo [here](/pathways/ebsa/).\n"
	got := CheckPage("content/x.md", "/x/", []byte(src), testConfig())
	if len(got) != 1 {
		t.Fatalf("want 1 problem, got %v", got)
	}
	if got[0].Line != 10 {
		t.Errorf("want line 10, got %d (%s)", got[0].Line, got[0])
	}
	if want := "content/x.md:10: "; !strings.HasPrefix(got[0].String(), want) {
		t.Errorf("want the report to start %q, got %q", want, got[0].String())
	}
	src = "---\ntitle: T\ndescription: d.\nlastReviewed: 2026-11-23\nsteps:\n  - title: One\n    text: " + strings.Repeat("word ", 36) + "end.\n---\nText.\n"
	got = CheckPage("content/x.md", "/x/", []byte(src), testConfig())
	if len(got) != 1 || got[0].Line != 7 {
		t.Errorf("want one problem on line 7 (the step's text), got %v", got)
	}
}

func TestSitePath(t *testing.T) {
	for in, want := range map[string]string{
		"_index.md":               "/",
		"about.md":                "/about/",
		"themes/_index.md":        "/themes/",
		"themes/health.md":        "/themes/health/",
		"case-studies/x/index.md": "/case-studies/x/",
	} {
		if got := SitePath(in); got != want {
			t.Errorf("SitePath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSentencesAndWords(t *testing.T) {
	s := Sentences("One two. Three four five! Six? WCAG 2.2 AA counts as one (really).")
	if len(s) != 4 {
		t.Fatalf("want 4 sentences, got %d: %q", len(s), s)
	}
	if n := Words("It costs £80 – or £160 – if late."); n != 7 {
		t.Errorf("want 7 words, got %d", n)
	}
}

func TestAcronymsIn(t *testing.T) {
	got := strings.Join(acronymsIn("SEND, DfE's guidance, GPs, EHCPs, McDonald, InPrivate, I, A, CP plan"), " ")
	if want := "SEND DfE GP EHCP CP"; got != want {
		t.Errorf("acronymsIn = %q, want %q", got, want)
	}
}

// TestTranslation checks how a translated file is matched to its English page.
func TestTranslation(t *testing.T) {
	for _, tc := range []struct{ rel, base, lang string }{
		{"about.md", "about.md", ""},
		{"about.pl.md", "about.md", "pl"},
		{"themes/health.ar.md", "themes/health.md", "ar"},
		{"themes/_index.pl.md", "themes/_index.md", "pl"},
		{"case-studies/ben-and-josh-calmer-home.md", "case-studies/ben-and-josh-calmer-home.md", ""},
		{"v1.2/page.md", "v1.2/page.md", ""},
	} {
		base, lang := Translation(tc.rel)
		if base != tc.base || lang != tc.lang {
			t.Errorf("Translation(%q) = %q, %q; want %q, %q", tc.rel, base, lang, tc.base, tc.lang)
		}
	}
}

// TestStale lists a page's sources checked before the cutoff, and only those.
func TestStale(t *testing.T) {
	all, err := Stale("..", time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range all {
		if s.File == "content/pathways/legal-measures.md" && s.Source == "education-act-1996" {
			found = true
		}
	}
	if !found {
		t.Errorf("with a cutoff in 2100, every source is stale; legal-measures' education-act-1996 is missing from %v", all)
	}
	none, err := Stale("..", time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(none) != 0 {
		t.Errorf("nothing was checked before 2000, got %v", none)
	}
}
