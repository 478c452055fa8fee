package contentcheck

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/yuin/goldmark/ast"
)

// Sources checks. A page names its sources by id from data/rules/sources.yaml,
// in its front matter (`sources: [id, ...]`) and in its text with the cite
// shortcode ({{< cite "id" >}}). An unknown id is a problem.
//
// A statement about law, guidance, money, a threshold or a timescale needs a
// source in its own top-level block: the same paragraph, or anywhere in the
// same list, table or quote. The test for
// such a statement is the claim patterns below: the words of law ("Act 1996",
// "section 19", "s.444", "Regulations 2024", "by law", "legal duty",
// "statutory"), guidance ("guidance says"), money ("£80"), a threshold (a
// number after "below", "above", "at least", "more than" and the like, or
// before "or more"/"or less"), and a timescale (a number of school or working
// days or weeks, or a number of days, weeks, months or years after "within"
// or "up to"). Sentences in which the council speaks of itself ("We will
// reply within 5 working days") are its own promises and are skipped. The paragraph passes when it
// holds a cite shortcode, or a threshold shortcode (a threshold's number
// comes with its own sources in data/rules/thresholds.yaml). Texts kept in
// front matter (such as steps) cannot hold a shortcode: a claim there needs
// the page to name at least one source in `sources:`.

// claimPatterns find a statement that needs a source.
var claimPatterns = []*regexp.Regexp{
	regexp.MustCompile(`\b(Act|Regulations) \d{4}\b`),
	regexp.MustCompile(`(?i)\bsection \d+\w*|\bs\.\s?\d+\w*`),
	regexp.MustCompile(`(?i)\b(by law|the law says|legal duty|statutory)\b`),
	regexp.MustCompile(`(?i)\bguidance (says|sets out|expects|requires|states)\b`),
	regexp.MustCompile(`£\s?\d+(?:[,.]\d+)*`),
	regexp.MustCompile(`(?i)\b(below|above|under|over|at least|at most|more than|less than|fewer than)\s+\d+(\.\d+)?%?`),
	regexp.MustCompile(`(?i)\b\d+(\.\d+)?\s?(%|percent)?\s+or (more|less|fewer|over|under)\b`),
	regexp.MustCompile(`(?i)\b\d+\s+(school|working)\s+(days?|weeks?)\b`),
	regexp.MustCompile(`(?i)\b(within|up to)\s+\d+\s+(calendar\s+)?(days?|weeks?|months?|years?)\b`),
}

var citeShortcode = regexp.MustCompile(`{{<\s*cite\s+"([^"]*)"\s*>}}`)
var sourcedShortcode = regexp.MustCompile(`{{<\s*(cite|threshold)\s`)

// ownWords are sentences in which the council speaks of itself ("We will
// reply within 5 working days"): its own promise, not a claim about law.
var ownWords = regexp.MustCompile(`^(We|I)\b`)

// Claim returns the words that make a text a statement needing a source, or "".
func Claim(text string) string {
	for _, sentence := range Sentences(text) {
		if ownWords.MatchString(sentence) {
			continue
		}
		for _, re := range claimPatterns {
			if m := re.FindString(sentence); m != "" {
				return m
			}
		}
	}
	return ""
}

// LoadSources reads data/rules/sources.yaml: each id and the date it was checked.
func LoadSources(file string) (map[string]time.Time, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var f struct {
		Sources []struct {
			ID      string `yaml:"id"`
			Checked string `yaml:"checked"`
		} `yaml:"sources"`
	}
	if err := yaml.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	out := map[string]time.Time{}
	for _, s := range f.Sources {
		checked, err := time.Parse("2006-01-02", s.Checked)
		if err != nil {
			return nil, fmt.Errorf("%s: source %q: checked %q is not a date (YYYY-MM-DD)", file, s.ID, s.Checked)
		}
		out[s.ID] = checked
	}
	return out, nil
}

// sourceIDs lists the ids a page names: front matter first, then cites in order.
func (p *page) sourceIDs() []string {
	var ids []string
	switch v := p.fm["sources"].(type) {
	case nil:
	case []any:
		for _, s := range v {
			id, ok := s.(string)
			if !ok {
				p.add(p.fmLine("sources"), "sources must be a list of ids from data/rules/sources.yaml")
				continue
			}
			ids = append(ids, id)
		}
	default:
		p.add(p.fmLine("sources"), "sources must be a list of ids from data/rules/sources.yaml, such as [dfe-attendance-2024]")
	}
	for _, m := range citeShortcode.FindAllSubmatch(p.body, -1) {
		ids = append(ids, string(m[1]))
	}
	return ids
}

// checkSourceIDs reports every id the page names that sources.yaml does not have.
func (p *page) checkSourceIDs() []string {
	ids := p.sourceIDs()
	if p.cfg == nil || p.cfg.Sources == nil {
		return ids
	}
	for _, id := range ids {
		if _, ok := p.cfg.Sources[id]; !ok {
			line := p.fmLineContaining(id)
			if i := strings.Index(string(p.body), `"`+id+`"`); i >= 0 {
				line = p.lineOf(i)
			}
			p.add(line, "unknown source %q: use an id from data/rules/sources.yaml", id)
		}
	}
	return ids
}

// checkClaims reports each block that makes a statement needing a source
// without one.
func (p *page) checkClaims(blocks []block, ids []string) {
	namesSource := len(ids) > 0
	sourced := map[ast.Node]bool{}
	for _, b := range blocks {
		if b.unit != nil && sourcedShortcode.MatchString(b.text) {
			sourced[b.unit] = true
		}
	}
	reported := map[ast.Node]bool{}
	for _, b := range blocks {
		if b.heading || (b.unit != nil && reported[b.unit]) {
			continue
		}
		claim := Claim(b.text)
		if claim != "" && b.unit != nil {
			reported[b.unit] = true
		}
		switch {
		case claim == "":
		case b.frontMatter && !namesSource:
			p.add(b.line, "%q is a statement about law, guidance, money, a threshold or a timescale: name its source in the front matter's sources", claim)
		case !b.frontMatter && !sourced[b.unit] && !sourcedShortcode.MatchString(b.text):
			p.add(b.line, `%q is a statement about law, guidance, money, a threshold or a timescale with no source in its paragraph: add {{< cite "id" >}}`, claim)
		}
	}
}

// StalePage is a page that names a source last checked too long ago.
type StalePage struct {
	File    string
	Source  string
	Checked time.Time
}

func (s StalePage) String() string {
	return fmt.Sprintf("%s: source %q was last checked on %s", s.File, s.Source, s.Checked.Format("2006-01-02"))
}

// Stale lists, for every page of root's content, the sources it names that
// were checked before cutoff (for example, 12 months before today).
func Stale(root string, cutoff time.Time) ([]StalePage, error) {
	cfg, err := loadConfig(root)
	if err != nil {
		return nil, err
	}
	var out []StalePage
	err = eachPage(root, func(file, _ string, _ string, src []byte) {
		p := &page{file: file, src: src, cfg: cfg, bodyLine: 1, body: src}
		if !p.splitFrontMatter() {
			return
		}
		seen := map[string]bool{}
		for _, id := range p.sourceIDs() {
			if checked, ok := cfg.Sources[id]; ok && !seen[id] && checked.Before(cutoff) {
				out = append(out, StalePage{file, id, checked})
			}
			seen[id] = true
		}
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out, err
}
