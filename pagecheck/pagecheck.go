// Package pagecheck reads the built site (public/) and checks what a family
// meets on every page against the data it must come from:
//
//   - no maintainers' codes reach a page ("Seed 004", "[S 004]", "S 000",
//     "[C]", "[U]", "is a guess", "may be local or out of date");
//   - a national helpline's number is written exactly as its one entry in
//     data/helplines.yaml, and dialled with that entry's digits;
//   - Exit this page is on exactly the pages data/sensitive.yaml lists, those
//     pages show the helplines, and the page that says which pages have the
//     button (data-exit-pages) says so truly.
package pagecheck

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
	"golang.org/x/net/html"

	"github.com/focusfamily/portal/translations"
)

// Helpline is one entry of data/helplines.yaml.
type Helpline struct {
	ID     string `yaml:"id"`
	Name   string `yaml:"name"`
	Number string `yaml:"number"`
	Tel    string `yaml:"tel"`
}

// Data is what the built pages are checked against.
type Data struct {
	Helplines []Helpline
	// Sensitive holds the paths of data/sensitive.yaml, such as "/themes/domestic-abuse".
	Sensitive map[string]bool
	// Claim is the path of the page that lists the pages with Exit this page.
	Claim string
	// Languages are the codes whose pages are served under /<code>/.
	Languages map[string]bool
}

// Problem is one fault on one built page.
type Problem struct {
	Page    string
	Message string
}

func (p Problem) String() string { return p.Page + ": " + p.Message }

// LoadData reads the helplines, the sensitive pages and the languages of the
// project at root.
func LoadData(root string) (*Data, error) {
	var h struct {
		Helplines []Helpline `yaml:"helplines"`
	}
	if err := readYAML(filepath.Join(root, "data", "helplines.yaml"), &h); err != nil {
		return nil, err
	}
	var s struct {
		Claim string   `yaml:"claim"`
		Pages []string `yaml:"pages"`
	}
	if err := readYAML(filepath.Join(root, "data", "sensitive.yaml"), &s); err != nil {
		return nil, err
	}
	langs, err := languages(filepath.Join(root, "config.toml"))
	if err != nil {
		return nil, err
	}
	d := &Data{Helplines: h.Helplines, Sensitive: map[string]bool{}, Claim: s.Claim, Languages: langs}
	for _, p := range s.Pages {
		d.Sensitive[p] = true
	}
	return d, nil
}

func readYAML(file string, v any) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return nil
}

// languages lists the languages built besides the default one, whose pages
// live under /<code>/.
func languages(configFile string) (map[string]bool, error) {
	_, others, err := translations.Languages(configFile)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, code := range others {
		out[code] = true
	}
	return out, nil
}

// ---------------------------------------------------------------------------

// builtPage is what the checks need from one HTML file.
type builtPage struct {
	file      string
	lang      string // "" for the default language
	path      string // the logical path, as data/sensitive.yaml writes it
	exit      bool   // has the Exit this page component
	helplines bool   // has the national helplines (data-helplines)
	lines     []string
	attrs     []string    // attribute values a reader can meet (title, alt, aria-label...)
	tels      [][2]string // tel: links as {href, link text}
	claim     []string    // the hrefs of the data-exit-pages list, if the page has one
	hasClaim  bool
}

// Check reads every HTML page of site and returns every problem, sorted.
func Check(site fs.FS, d *Data) ([]Problem, error) {
	var pages []*builtPage
	err := fs.WalkDir(site, ".", func(name string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() && name == "pagefind" {
			return fs.SkipDir
		}
		if e.IsDir() || !strings.HasSuffix(name, ".html") {
			return nil
		}
		p, err := readPage(site, name, d.Languages)
		if err != nil {
			return err
		}
		pages = append(pages, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	var out []Problem
	for _, p := range pages {
		out = append(out, codeProblems(p)...)
		out = append(out, helplineProblems(p, d.Helplines)...)
	}
	out = append(out, exitProblems(pages, d)...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Page != out[j].Page {
			return out[i].Page < out[j].Page
		}
		return out[i].Message < out[j].Message
	})
	return out, nil
}

// readAttrs are the attributes whose values a reader can see or hear.
var readAttrs = map[string]bool{"title": true, "alt": true, "aria-label": true, "content": true, "placeholder": true, "data-title": true, "value": true}

func readPage(site fs.FS, name string, langs map[string]bool) (*builtPage, error) {
	f, err := site.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	p := &builtPage{file: name}
	p.lang, p.path = logicalPath(name, langs)
	p.walk(doc, false)
	return p, nil
}

func (p *builtPage) walk(n *html.Node, inClaim bool) {
	switch n.Type {
	case html.TextNode:
		if t := strings.TrimSpace(n.Data); t != "" {
			p.lines = append(p.lines, t)
		}
	case html.ElementNode:
		if n.Data == "script" || n.Data == "style" {
			return
		}
		for _, a := range n.Attr {
			switch {
			case a.Key == "class" && hasClass(a.Val, "govuk-exit-this-page"):
				p.exit = true
			case a.Key == "data-helplines":
				p.helplines = true
			case a.Key == "data-exit-pages":
				p.hasClaim, inClaim = true, true
			case readAttrs[a.Key]:
				p.attrs = append(p.attrs, a.Val)
			}
		}
		if n.Data == "a" {
			href := attr(n, "href")
			if strings.HasPrefix(href, "tel:") {
				p.tels = append(p.tels, [2]string{href, strings.TrimSpace(textOf(n))})
			}
			if inClaim {
				p.claim = append(p.claim, href)
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.walk(c, inClaim)
	}
}

func hasClass(list, class string) bool {
	for _, c := range strings.Fields(list) {
		if c == class {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// logicalPath turns a built file's name into its language and the path that
// data/sensitive.yaml uses: "pl/themes/health/index.html" -> "pl", "/themes/health".
func logicalPath(name string, langs map[string]bool) (lang, p string) {
	p = "/" + strings.TrimSuffix(strings.TrimSuffix(name, "index.html"), "/")
	return splitLanguage(p, langs)
}

// hrefPath does the same for a site-relative link such as "/pl/themes/health/".
func hrefPath(href string, langs map[string]bool) (lang, p string) {
	if i := strings.IndexAny(href, "?#"); i >= 0 {
		href = href[:i]
	}
	p = path.Clean("/" + href)
	return splitLanguage(p, langs)
}

func splitLanguage(p string, langs map[string]bool) (string, string) {
	first, rest, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	if langs[first] {
		return first, path.Clean("/" + rest)
	}
	return "", p
}

// ---------------------------------------------------------------------------
// Maintainers' codes.

// InternalCodes are the maintainers' notes that must never reach a page.
var InternalCodes = []*regexp.Regexp{
	regexp.MustCompile(`Seed \d`),
	regexp.MustCompile(`\[S \d`),
	regexp.MustCompile(`\bS \d{3}\b`),
	regexp.MustCompile(`\[C\]`),
	regexp.MustCompile(`\[U\]`),
	regexp.MustCompile(`(?i)is a guess`),
	regexp.MustCompile(`(?i)may be local or out of date`),
	// Maintainers' reasoning about the documents ("the source gives no
	// measure for this row") belongs in a YAML comment, not in a reader's note.
	regexp.MustCompile(`(?i)\bthe source (gives|table|says|is)\b|\bin the source\b|\bfor this row\b`),
	regexp.MustCompile(`(?i)źródło nie podaje|tabeli źródłowej|w źródle`),
	regexp.MustCompile(`لا يذكر المصدر|في المصدر`),
	regexp.MustCompile(`(?i)for maintainers`),
}

func codeProblems(p *builtPage) []Problem {
	var out []Problem
	seen := map[string]bool{}
	for _, t := range append(append([]string{}, p.lines...), p.attrs...) {
		for _, re := range InternalCodes {
			if m := re.FindString(t); m != "" && !seen[m] {
				seen[m] = true
				out = append(out, Problem{p.file, fmt.Sprintf("internal code %q in %q", m, clip(t))})
			}
		}
	}
	return out
}

func clip(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return s
}

// ---------------------------------------------------------------------------
// Helplines.

// phoneRun is a run of digits with the spaces, hyphens and brackets people
// write inside phone numbers (never across a line of text).
var phoneRun = regexp.MustCompile(`(?:\+44[ \x{00a0}]?)?\(?\d[\d \x{00a0}()-]*\d|\d`)

// digits keeps a number's digits, reading +44 as the leading 0.
func digits(s string) string {
	s = strings.TrimSpace(s)
	intl := strings.HasPrefix(s, "+44")
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	d := b.String()
	if intl {
		d = "0" + strings.TrimPrefix(d, "44")
	}
	return d
}

func normalSpace(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), "\u00a0", " ") }

func helplineProblems(p *builtPage, helplines []Helpline) []Problem {
	var out []Problem
	add := func(format string, args ...any) { out = append(out, Problem{p.file, fmt.Sprintf(format, args...)}) }
	for _, line := range p.lines {
		for _, run := range phoneRun.FindAllString(line, -1) {
			for _, h := range helplines {
				if digits(run) == digits(h.Number) && normalSpace(run) != h.Number {
					add("the %s number is written %q; data/helplines.yaml writes it %q", h.Name, normalSpace(run), h.Number)
				}
			}
		}
		out = append(out, numberAfterName(p.file, line, helplines)...)
	}
	for _, t := range p.tels {
		href, text := t[0], normalSpace(t[1])
		for _, h := range helplines {
			byDigits := digits(strings.TrimPrefix(href, "tel:")) == digits(h.Number)
			if (byDigits || text == h.Number) && href != "tel:"+h.Tel {
				add("the %s link %q (%q) does not dial tel:%s from data/helplines.yaml", h.Name, href, text, h.Tel)
			}
		}
	}
	return out
}

// numberAfterName checks the first number after a helpline's name in a line
// of text, such as "call Childline on 0800 1111": it must be that helpline's.
// Names that hold a number ("NHS 111") are skipped.
func numberAfterName(file, line string, helplines []Helpline) []Problem {
	var out []Problem
	lower := strings.ToLower(line)
	for _, h := range helplines {
		if strings.ContainsAny(h.Name, "0123456789") {
			continue
		}
		name := strings.ToLower(h.Name)
		for from := 0; ; {
			i := strings.Index(lower[from:], name)
			if i < 0 {
				break
			}
			after := lower[from+i+len(name):] // lower, not line: lower-casing can change a text's length
			from += i + len(name)
			if len(after) > 60 {
				after = after[:60]
			}
			run := phoneRun.FindString(after)
			if len(digits(run)) < 3 {
				continue
			}
			if !strings.HasPrefix(digits(run), digits(h.Number)) {
				out = append(out, Problem{file, fmt.Sprintf("%s is followed by the number %q; data/helplines.yaml gives %q", h.Name, normalSpace(run), h.Number)})
			}
		}
	}
	return out
}

// ---------------------------------------------------------------------------
// Exit this page.

type pageKey struct{ lang, path string }

func exitProblems(pages []*builtPage, d *Data) []Problem {
	var out []Problem
	withExit := map[string]map[string]bool{} // lang -> paths with the button
	built := map[pageKey]bool{}
	for _, p := range pages {
		built[pageKey{p.lang, p.path}] = true
		if withExit[p.lang] == nil {
			withExit[p.lang] = map[string]bool{}
		}
		if p.exit {
			withExit[p.lang][p.path] = true
		}
		if d.Sensitive[p.path] && !p.helplines {
			out = append(out, Problem{p.file, "data/sensitive.yaml lists this page, but it has no national helplines"})
		}
		switch {
		case d.Sensitive[p.path] && !p.exit:
			out = append(out, Problem{p.file, "data/sensitive.yaml lists this page, but it has no Exit this page button"})
		case !d.Sensitive[p.path] && p.exit:
			out = append(out, Problem{p.file, "this page has an Exit this page button, but data/sensitive.yaml does not list it"})
		}
	}
	for s := range d.Sensitive {
		if !built[pageKey{"", s}] {
			out = append(out, Problem{"data/sensitive.yaml", fmt.Sprintf("%q is not a built page", s)})
		}
	}
	claims := 0
	for _, p := range pages {
		if p.path == d.Claim && !p.hasClaim {
			out = append(out, Problem{p.file, "this page must list the pages that have Exit this page (the exit-pages shortcode)"})
		}
		if !p.hasClaim {
			continue
		}
		claims++
		out = append(out, claimProblems(p, withExit[p.lang], d.Languages)...)
	}
	if claims == 0 {
		out = append(out, Problem{"(site)", "no page lists the pages that have Exit this page (a data-exit-pages list)"})
	}
	return out
}

// claimProblems compares a page's list of the pages with Exit this page with
// the built pages of its language that have the button.
func claimProblems(p *builtPage, have map[string]bool, langs map[string]bool) []Problem {
	var out []Problem
	claimed := map[string]bool{}
	for _, href := range p.claim {
		lang, path := hrefPath(href, langs)
		if lang != p.lang {
			out = append(out, Problem{p.file, fmt.Sprintf("the list of pages with Exit this page links %q, a page in another language", href)})
		}
		claimed[path] = true
		if !have[path] {
			out = append(out, Problem{p.file, fmt.Sprintf("says %q has Exit this page, but the built page does not", href)})
		}
	}
	for path := range have {
		if !claimed[path] {
			out = append(out, Problem{p.file, fmt.Sprintf("does not list %q, which has Exit this page", path)})
		}
	}
	return out
}
