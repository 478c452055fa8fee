package contentcheck

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// These tests hold the English pages to the corrections of issue 11: each
// fact that was once wrong on the site, each case study's origin, and a
// "How to refer" section on every pathway. They read the Markdown, so they
// fail before a build would publish a wrong statement again.

// englishPages lists the English Markdown files matching pattern under ../content.
func englishPages(t *testing.T, pattern string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "content", pattern))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range files {
		base := filepath.Base(f)
		if strings.HasPrefix(base, "_index") || strings.Count(base, ".") > 1 {
			continue
		}
		out = append(out, f)
	}
	if len(out) == 0 {
		t.Fatalf("no pages match %s", pattern)
	}
	return out
}

// split returns a page's front matter, decoded, and its body.
func split(t *testing.T, file string) (map[string]any, string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	parts := bytes.SplitN(b, []byte("\n---\n"), 2)
	if len(parts) != 2 || !bytes.HasPrefix(parts[0], []byte("---\n")) {
		t.Fatalf("%s: no front matter", file)
	}
	fm := map[string]any{}
	if err := yaml.Unmarshal(parts[0][4:], &fm); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return fm, string(parts[1])
}

func strs(v any) []string {
	var out []string
	if l, ok := v.([]any); ok {
		for _, x := range l {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

var criterionTheme = regexp.MustCompile(`^t(\d)-`)

// TestCaseStudiesSayWhereTheyComeFrom: every story names its origin on its own
// page, and a story that meets criteria in only one theme says it is not an
// example of a family that would qualify.
func TestCaseStudiesSayWhereTheyComeFrom(t *testing.T) {
	origin := map[string]string{
		"family-action-2012": "Family Action published in 2012. It is not a Focus Family case.",
		"cumbria-theme-2":    "Cumbria County Council's Focus Family pages",
		"cumbria-theme-4":    "Cumbria County Council's Focus Family pages",
	}
	for _, f := range englishPages(t, "case-studies/*.md") {
		fm, body := split(t, f)
		srcs := strs(fm["sources"])
		if len(srcs) != 1 || origin[srcs[0]] == "" {
			t.Errorf("%s: sources should be exactly one of the stories' origins, got %v", f, srcs)
			continue
		}
		if !strings.Contains(body, origin[srcs[0]]) {
			t.Errorf("%s: the story does not say where it comes from (%q)", f, origin[srcs[0]])
		}
		themes := map[string]bool{}
		for _, c := range strs(fm["criteria"]) {
			if m := criterionTheme.FindStringSubmatch(c); m != nil {
				themes[m[1]] = true
			}
		}
		note, _ := fm["criteriaNote"].(string)
		if one := len(themes) == 1; one != strings.Contains(note, "only one theme") {
			t.Errorf("%s: meets criteria in %d theme(s), but its note says %q", f, len(themes), note)
		}
		for _, phrase := range []string{"easier to make excuses", "must always come first", "shouted orders"} {
			if strings.Contains(body, phrase) {
				t.Errorf("%s: judgemental or wrong phrase %q", f, phrase)
			}
		}
	}
}

// TestLeoIsNotPreviouslyLookedAfter: a child who went home from foster care is
// not previously looked after, so the story does not point to the Virtual School.
func TestLeoIsNotPreviouslyLookedAfter(t *testing.T) {
	fm, _ := split(t, filepath.Join("..", "content", "case-studies", "leo-home-again.md"))
	for _, p := range strs(fm["pathways"]) {
		if p == "virtual-school" {
			t.Error("leo-home-again.md lists the virtual-school pathway")
		}
	}
}

// TestPathwaysHaveHowToRefer: every pathway page ends with a section for
// professionals, headed "How to refer", that uses the word "referral".
func TestPathwaysHaveHowToRefer(t *testing.T) {
	for _, f := range englishPages(t, "pathways/*.md") {
		_, body := split(t, f)
		i := strings.Index(body, "\n## How to refer\n")
		if i < 0 {
			t.Errorf("%s: no \"## How to refer\" section", f)
			continue
		}
		section := body[i+len("\n## How to refer\n"):]
		if j := strings.Index(section, "\n## "); j >= 0 {
			section = section[:j]
		}
		for _, want := range []string{"referral", "Consent", "What to include", "Timescales"} {
			if !strings.Contains(section, want) {
				t.Errorf("%s: the How to refer section does not mention %q", f, want)
			}
		}
	}
}

// TestCorrectedFacts: statements that were wrong on the site stay corrected.
func TestCorrectedFacts(t *testing.T) {
	read := func(rel string) string {
		b, err := os.ReadFile(filepath.Join("..", rel))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	tests := []struct {
		file  string
		want  []string
		never []string
	}{
		{"content/your-rights/penalty-notices.md",
			[]string{"£80", "21 days", "£160", "28 days", "You cannot appeal", "third notice", "does not have to take that action", "without being offered any support"},
			nil},
		{"content/pathways/legal-measures.md",
			[]string{"without offering any support first", "There is no appeal", "It does not have to take that action"},
			[]string{"You should always be offered support first", "the council must take other action"}},
		{"content/pathways/medical-needs.md",
			[]string{`{{< threshold "medical_days" >}} school days or more`, "Your child does not have to miss them first"},
			[]string{"more than 15"}},
		{"content/pathways/send.md",
			[]string{"has or may have special educational needs, and may need", "You do not have to show that the school cannot meet"},
			[]string{"If the school cannot meet your child's needs, you or the school can ask"}},
		{"content/pathways/virtual-school.md",
			[]string{"is not previously looked after", "strategic role", "That is a local choice"},
			nil},
		{"content/themes/_index.md",
			[]string{"Supporting Families ended in March 2025", "not the same programme under a new name", "10 headline outcomes"},
			[]string{"Today the national work is known as Families First"}},
		{"content/themes/school-attendance.md",
			[]string{`Attendance of {{< threshold "attendance_target" >}} means a child misses about one day every two weeks`},
			[]string{"Below 90% attendance means"}},
		{"content/accessibility.md",
			[]string{"version 2.1 at level AA", "partially compliant", "Content that has not been checked"},
			[]string{"fully compliant"}},
		{"README.md", nil, []string{"now Supporting Families"}},
		{"data/glossary.yaml", []string{"ended in March 2025"}, []string{"now called Families First", "must meet version 2.2"}},
	}
	for _, tc := range tests {
		s := read(tc.file)
		for _, w := range tc.want {
			if !strings.Contains(s, w) {
				t.Errorf("%s: should say %q", tc.file, w)
			}
		}
		for _, n := range tc.never {
			if strings.Contains(s, n) {
				t.Errorf("%s: must not say %q", tc.file, n)
			}
		}
	}
}

// TestNoMoreThanFifteen: the national health-needs rule is 15 school days or
// more; no English page or rules text presents "more than 15" as the rule.
func TestNoMoreThanFifteen(t *testing.T) {
	var files []string
	for _, pattern := range []string{"content/*.md", "content/*/*.md", "data/*.yaml", "data/rules/*.yaml", "i18n/en.yaml"} {
		m, err := filepath.Glob(filepath.Join("..", pattern))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	for _, f := range files {
		if strings.Count(filepath.Base(f), ".") > 1 {
			continue // translations follow the English
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			// The thresholds note may name the old 2013 wording as old.
			if strings.Contains(line, "more than 15") && !strings.Contains(line, "2013") {
				t.Errorf("%s:%d: says \"more than 15\"", f, i+1)
			}
		}
	}
}
