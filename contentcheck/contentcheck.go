// Package contentcheck checks the portal's Markdown pages for the house rules
// that a build cannot see: front matter every page needs, heading order, link
// text, bare addresses, plain-English sentence length on family pages,
// abbreviations that the glossary explains, and internal links that lead to a
// page.
//
// Every problem is reported as "file:line: message", so an editor or CI log
// can jump to it. The checks parse Markdown with goldmark (the parser Hugo
// uses) and front matter with goccy/go-yaml.
package contentcheck

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// Limits for family-facing pages.
const (
	MaxAverageSentenceWords = 20
	MaxSentenceWords        = 35
)

// Problem is one rule broken at one place.
type Problem struct {
	File    string
	Line    int
	Message string
}

func (p Problem) String() string { return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message) }

// Config is what the checks need to know beyond the page itself.
type Config struct {
	// Glossary maps every abbreviation the glossary explains (upper-cased as
	// written, e.g. "DfE", "EHCP") to the full forms that explain it.
	Glossary map[string][]string
	// Pages is the set of site paths that lead to a page, such as "/pathways/ebsa/".
	Pages map[string]bool
	// Sources maps each id of data/rules/sources.yaml to the date it was last
	// checked. When nil, source ids are not checked.
	Sources map[string]time.Time
}

// Exceptions are words of two or more capitals that are not abbreviations a
// reader needs explained: WCAG conformance levels and roman numerals.
var Exceptions = map[string]bool{
	"AA": true, "AAA": true, "OK": true, "TV": true,
	"II": true, "III": true, "IV": true, "VI": true, "VII": true, "VIII": true, "IX": true, "XI": true, "XII": true,
}

// WellKnown abbreviations must be in the glossary but need no expansion on the page.
var WellKnown = map[string]bool{"UK": true, "NHS": true}

// BadLinkText is link text that says nothing about where the link goes.
var BadLinkText = map[string]bool{
	"click here": true, "here": true, "read more": true, "more": true,
	"click": true, "link": true, "this link": true, "this page": true, "this": true, "more info": true,
}

// ---------------------------------------------------------------------------
// Loading the site's data.

type glossaryFile struct {
	Terms []struct {
		Term       string   `yaml:"term"`
		Abbr       string   `yaml:"abbr"`
		Also       []string `yaml:"also"`
		Expansions []string `yaml:"expansions"`
	} `yaml:"terms"`
}

// LoadGlossary reads data/glossary.yaml: every abbr, and every abbreviation
// inside an `also` entry, maps to the entry's term and its expansions.
func LoadGlossary(file string) (map[string][]string, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var g glossaryFile
	if err := yaml.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	out := map[string][]string{}
	for i, t := range g.Terms {
		if strings.TrimSpace(t.Term) == "" {
			return nil, fmt.Errorf("%s: entry %d has no term", file, i+1)
		}
		full := append([]string{t.Term}, t.Expansions...)
		names := append([]string{t.Abbr}, t.Also...)
		for _, n := range names {
			for _, w := range acronymsIn(n) {
				out[w] = append(out[w], full...)
			}
		}
	}
	return out, nil
}

type servicesFile struct {
	Services []struct {
		ID string `yaml:"id"`
	} `yaml:"services"`
}

// CollectPages lists the site paths of every Markdown page under contentDir,
// and of every service page the content adapter makes from servicesFile
// (/services/<id>/). servicesFile may be empty.
func CollectPages(contentDir, servicesYAML string) (map[string]bool, error) {
	pages := map[string]bool{"/": true}
	err := filepath.WalkDir(contentDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		rel, _ := filepath.Rel(contentDir, p)
		if base, _ := Translation(filepath.ToSlash(rel)); base == filepath.ToSlash(rel) {
			pages[SitePath(base)] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if servicesYAML != "" {
		b, err := os.ReadFile(servicesYAML)
		if err != nil {
			return nil, err
		}
		var s servicesFile
		if err := yaml.Unmarshal(b, &s); err != nil {
			return nil, fmt.Errorf("%s: %w", servicesYAML, err)
		}
		for _, svc := range s.Services {
			pages["/services/"+svc.ID+"/"] = true
		}
	}
	return pages, nil
}

// Translation splits a content path such as "themes/health.pl.md" into the
// English page's path ("themes/health.md") and the language ("pl"). An English
// file comes back unchanged, with no language.
func Translation(rel string) (base, lang string) {
	name := strings.TrimSuffix(rel, ".md")
	if i := strings.LastIndexByte(name, '.'); i > 0 && i >= strings.LastIndexByte(name, '/') {
		if l := name[i+1:]; len(l) == 2 || len(l) == 3 {
			return name[:i] + ".md", l
		}
	}
	return rel, ""
}

// SitePath turns a content file's path (relative to content/, with slashes)
// into the path the site serves it at.
func SitePath(rel string) string {
	rel = strings.TrimSuffix(rel, ".md")
	switch {
	case rel == "_index" || rel == "index":
		return "/"
	case strings.HasSuffix(rel, "/_index"):
		rel = strings.TrimSuffix(rel, "/_index")
	case strings.HasSuffix(rel, "/index"):
		rel = strings.TrimSuffix(rel, "/index")
	}
	return "/" + rel + "/"
}

// CheckSite checks every Markdown file under root/content against the glossary
// and pages of the site at root. Files are reported relative to root.
func CheckSite(root string) ([]Problem, error) {
	cfg, err := loadConfig(root)
	if err != nil {
		return nil, err
	}
	var problems []Problem
	err = eachPage(root, func(file, sitePath, lang string, src []byte) {
		if lang != "" {
			problems = append(problems, CheckTranslatedPage(file, sitePath, src, cfg)...)
			return
		}
		problems = append(problems, CheckPage(file, sitePath, src, cfg)...)
	})
	return problems, err
}

// loadConfig reads the glossary, the pages and the sources of the site at root.
func loadConfig(root string) (*Config, error) {
	gl, err := LoadGlossary(filepath.Join(root, "data", "glossary.yaml"))
	if err != nil {
		return nil, err
	}
	pages, err := CollectPages(filepath.Join(root, "content"), filepath.Join(root, "data", "services.yaml"))
	if err != nil {
		return nil, err
	}
	sources, err := LoadSources(filepath.Join(root, "data", "rules", "sources.yaml"))
	if err != nil {
		return nil, err
	}
	return &Config{Glossary: gl, Pages: pages, Sources: sources}, nil
}

// eachPage calls fn for every Markdown file under root/content, with its path
// relative to root, the site path of its English page, and its language ("" for English).
func eachPage(root string, fn func(file, sitePath, lang string, src []byte)) error {
	contentDir := filepath.Join(root, "content")
	return filepath.WalkDir(contentDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		crel, _ := filepath.Rel(contentDir, p)
		base, lang := Translation(filepath.ToSlash(crel))
		fn(filepath.ToSlash(rel), SitePath(base), lang, src)
		return nil
	})
}

// ---------------------------------------------------------------------------
// Checking one page.

// page is what the checks share while looking at one file.
type page struct {
	file     string
	sitePath string
	src      []byte
	fm       map[string]any
	fmLines  []string // the front matter's lines
	bodyLine int      // the file line the body starts on (1-based)
	body     []byte
	cfg      *Config
	problems []Problem
}

func (p *page) add(line int, format string, args ...any) {
	p.problems = append(p.problems, Problem{File: p.file, Line: line, Message: fmt.Sprintf(format, args...)})
}

// lineOf is the file line of a byte offset in the body.
func (p *page) lineOf(offset int) int {
	if offset > len(p.body) {
		offset = len(p.body)
	}
	return p.bodyLine + bytes.Count(p.body[:offset], []byte("\n"))
}

// fmLine is the file line of a front matter key (or of the front matter's start if not found).
func (p *page) fmLine(key string) int {
	for i, l := range p.fmLines {
		if strings.HasPrefix(l, key+":") {
			return i + 2
		}
	}
	return 1
}

// fmLineContaining is the file line of the front matter line that contains s.
func (p *page) fmLineContaining(s string) int {
	probe := s
	if len(probe) > 40 {
		probe = probe[:40]
	}
	for i, l := range p.fmLines {
		if strings.Contains(l, probe) {
			return i + 2
		}
	}
	return 1
}

var markdown = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify))

// CheckPage checks one Markdown file. file names it in reports; sitePath is
// where the site serves it (for relative links).
func CheckPage(file, sitePath string, src []byte, cfg *Config) []Problem {
	p := &page{file: file, sitePath: sitePath, src: src, cfg: cfg, bodyLine: 1, body: src}
	if !p.splitFrontMatter() {
		return p.problems
	}
	p.checkFrontMatter()
	doc := markdown.Parser().Parse(text.NewReader(p.body))
	blocks := p.walk(doc)
	family := p.audience() == "family"
	p.checkSentences(blocks, family)
	p.checkAcronyms(blocks)
	p.checkClaims(blocks, p.checkSourceIDs())
	return p.problems
}

// CheckTranslatedPage checks a page in another language: its front matter and
// its links. The sentence and acronym checks are written for English, so they
// apply to the English page it is translated from.
func CheckTranslatedPage(file, sitePath string, src []byte, cfg *Config) []Problem {
	p := &page{file: file, sitePath: sitePath, src: src, cfg: cfg, bodyLine: 1, body: src}
	if !p.splitFrontMatter() {
		return p.problems
	}
	p.checkFrontMatter()
	p.walk(markdown.Parser().Parse(text.NewReader(p.body)))
	p.checkSourceIDs()
	return p.problems
}

func (p *page) splitFrontMatter() bool {
	s := p.src
	if !bytes.HasPrefix(s, []byte("---\n")) && !bytes.HasPrefix(s, []byte("---\r\n")) {
		p.add(1, "the page has no front matter: start it with a line of three dashes (---)")
		p.fm = map[string]any{}
		return false
	}
	rest := s[bytes.IndexByte(s, '\n')+1:]
	end := regexp.MustCompile(`(?m)^---\s*$`).FindIndex(rest)
	if end == nil {
		p.add(1, "the front matter is not closed with a line of three dashes (---)")
		return false
	}
	fm := rest[:end[0]]
	p.fmLines = strings.Split(string(fm), "\n")
	p.fm = map[string]any{}
	if err := yaml.Unmarshal(fm, &p.fm); err != nil {
		p.add(1, "the front matter is not valid YAML: %s", firstLine(err.Error()))
		return false
	}
	if p.fm == nil {
		p.fm = map[string]any{}
	}
	bodyStart := len(s) - len(rest) + end[1]
	if bodyStart < len(s) && s[bodyStart] == '\r' {
		bodyStart++
	}
	if bodyStart < len(s) && s[bodyStart] == '\n' {
		bodyStart++
	}
	p.body = s[bodyStart:]
	p.bodyLine = 1 + bytes.Count(s[:bodyStart], []byte("\n"))
	return true
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func (p *page) str(key string) string {
	if v, ok := p.fm[key].(string); ok {
		return strings.TrimSpace(v)
	}
	return ""
}

func (p *page) audience() string {
	if a := p.str("audience"); a != "" {
		return a
	}
	return "family"
}

func (p *page) checkFrontMatter() {
	if p.str("title") == "" {
		p.add(1, "front matter has no title")
	}
	if p.str("description") == "" {
		p.add(1, "front matter has no description")
	}
	switch v := p.fm["lastReviewed"].(type) {
	case nil:
		p.add(1, "front matter has no lastReviewed date (YYYY-MM-DD)")
	case time.Time:
	case string:
		if _, err := time.Parse("2006-01-02", strings.TrimSpace(v)); err != nil {
			if _, err := time.Parse(time.RFC3339, strings.TrimSpace(v)); err != nil {
				p.add(p.fmLine("lastReviewed"), "lastReviewed %q is not a date (YYYY-MM-DD)", v)
			}
		}
	default:
		p.add(p.fmLine("lastReviewed"), "lastReviewed is not a date (YYYY-MM-DD)")
	}
	if a := p.str("audience"); a != "" && a != "family" && a != "professional" {
		p.add(p.fmLine("audience"), "audience %q must be family or professional", a)
	}
}

// ---------------------------------------------------------------------------
// Walking the Markdown.

// block is a run of prose read as sentences: a paragraph, a tight list item's
// text, a table cell, or a front matter text. Headings are blocks too, but are
// not counted as sentences.
type block struct {
	text        string
	line        int
	heading     bool
	frontMatter bool     // a text kept in front matter, which cannot hold a shortcode
	unit        ast.Node // the top-level block it is part of (a paragraph, list, table or quote)
}

func (p *page) walk(doc ast.Node) []block {
	var blocks []block
	// The title and description come first: they are the first words a reader sees.
	if t := p.str("title"); t != "" {
		blocks = append(blocks, block{text: t, line: p.fmLine("title"), heading: true})
	}
	if d := p.str("description"); d != "" {
		blocks = append(blocks, block{text: d, line: p.fmLine("description"), frontMatter: true})
	}
	lastLevel := 1 // the layout prints the h1
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			line := p.blockLine(n)
			switch {
			case n.Level == 1:
				p.add(line, "heading level 1 in the page: the layout prints the title as the h1, so start at ## (level 2)")
			case n.Level > lastLevel+1:
				p.add(line, "heading skips from level %d to level %d", lastLevel, n.Level)
			}
			lastLevel = n.Level
			blocks = append(blocks, block{text: p.inlineText(n), line: line, heading: true})
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock, *east.TableCell:
			blocks = append(blocks, block{text: p.inlineText(n), line: p.blockLine(n), unit: topLevel(n)})
			p.checkInlines(n)
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			if n.HTMLBlockType == ast.HTMLBlockType2 {
				return ast.WalkSkipChildren, nil // a comment, such as the <!--more--> summary divider
			}
			p.add(p.blockLine(n), "raw HTML in Markdown: write Markdown only (the layouts add the markup)")
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	// Texts kept in front matter that the layouts print as prose.
	if steps, ok := p.fm["steps"].([]any); ok {
		for _, s := range steps {
			if m, ok := s.(map[string]any); ok {
				if t, ok := m["title"].(string); ok {
					blocks = append(blocks, block{text: t, line: p.fmLineContaining(t), heading: true})
				}
				if t, ok := m["text"].(string); ok {
					blocks = append(blocks, block{text: t, line: p.fmLineContaining(t), frontMatter: true})
				}
			}
		}
	}
	if t := p.str("criteriaNote"); t != "" {
		blocks = append(blocks, block{text: t, line: p.fmLine("criteriaNote"), frontMatter: true})
	}
	return blocks
}

// topLevel is the block of the document that holds n: n itself for a
// paragraph, or the whole list, table or quote it is inside.
func topLevel(n ast.Node) ast.Node {
	for n.Parent() != nil && n.Parent().Kind() != ast.KindDocument {
		n = n.Parent()
	}
	return n
}

func (p *page) blockLine(n ast.Node) int {
	if l := n.Lines(); l != nil && l.Len() > 0 {
		return p.lineOf(l.At(0).Start)
	}
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return p.lineOf(t.Segment.Start)
		}
	}
	return p.bodyLine
}

// inlineLine is the line of an inline node: that of its first text.
func (p *page) inlineLine(n ast.Node) int {
	var line int
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			line = p.lineOf(t.Segment.Start)
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if line == 0 {
		for a := n.Parent(); a != nil; a = a.Parent() {
			if a.Type() == ast.TypeBlock {
				return p.blockLine(a)
			}
		}
		return p.bodyLine
	}
	return line
}

// inlineText is the plain text of a node's inlines, with line breaks as spaces.
func (p *page) inlineText(n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(p.body))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.URL(p.body))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

var bareURL = regexp.MustCompile(`(?i)\b(https?://|www\.)\S+`)

// checkInlines checks the links inside a block.
func (p *page) checkInlines(n ast.Node) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.AutoLink:
			p.add(p.inlineLine(c.Parent()), "bare web address %q: write a link with words that say where it goes", string(c.URL(p.body)))
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			line := p.inlineLine(c)
			label := strings.ToLower(strings.Trim(strings.Join(strings.Fields(p.inlineText(c)), " "), " .,:;!?…"))
			switch {
			case label == "":
				p.add(line, "link to %q has no text", string(c.Destination))
			case BadLinkText[label]:
				p.add(line, "link text %q does not say where the link goes", label)
			case bareURL.MatchString(label):
				p.add(line, "link text is a web address (%q): use words that say where it goes", label)
			}
			p.checkDestination(line, string(c.Destination))
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if m := bareURL.Find(c.Segment.Value(p.body)); m != nil {
				p.add(p.lineOf(c.Segment.Start), "bare web address %q: write a link with words that say where it goes", string(m))
			}
		}
		return ast.WalkContinue, nil
	})
}

var scheme = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// checkDestination checks that an internal link leads to a page.
func (p *page) checkDestination(line int, dest string) {
	if dest == "" || strings.HasPrefix(dest, "#") || scheme.MatchString(dest) || strings.HasPrefix(dest, "//") {
		return
	}
	target := dest
	if i := strings.IndexAny(target, "#?"); i >= 0 {
		target = target[:i]
	}
	if !strings.HasPrefix(target, "/") {
		target = path.Join(p.sitePath, target)
	}
	target = path.Clean(target)
	if target != "/" {
		target += "/"
	}
	if p.cfg == nil || !p.cfg.Pages[target] {
		p.add(line, "link to %q does not lead to a page (looked for %s)", dest, target)
	}
}

// ---------------------------------------------------------------------------
// Sentences.

var sentenceEnd = regexp.MustCompile(`[.!?]+["'”’)\]]*(\s+|$)`)
var wordRe = regexp.MustCompile(`[\p{L}\p{N}]`)

// Sentences splits prose into sentences.
func Sentences(s string) []string {
	var out []string
	start := 0
	for _, m := range sentenceEnd.FindAllStringIndex(s, -1) {
		if t := strings.TrimSpace(s[start:m[1]]); t != "" {
			out = append(out, t)
		}
		start = m[1]
	}
	if t := strings.TrimSpace(s[start:]); t != "" {
		out = append(out, t)
	}
	return out
}

// Words counts the words in a sentence: runs of characters that hold a letter or digit.
func Words(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if wordRe.MatchString(f) {
			n++
		}
	}
	return n
}

func (p *page) checkSentences(blocks []block, family bool) {
	if !family {
		return
	}
	total, count := 0, 0
	for _, b := range blocks {
		if b.heading {
			continue
		}
		for _, s := range Sentences(b.text) {
			w := Words(s)
			if w == 0 {
				continue
			}
			total += w
			count++
			if w > MaxSentenceWords {
				p.add(b.line, "sentence has %d words (family pages allow at most %d): %q", w, MaxSentenceWords, clip(s))
			}
		}
	}
	if count > 0 {
		if avg := float64(total) / float64(count); avg > MaxAverageSentenceWords {
			p.add(1, "sentences average %.1f words (family pages allow at most %d)", avg, MaxAverageSentenceWords)
		}
	}
}

func clip(s string) string {
	w := strings.Fields(s)
	if len(w) > 8 {
		return strings.Join(w[:8], " ") + " …"
	}
	return s
}

// ---------------------------------------------------------------------------
// Abbreviations.

var letterRun = regexp.MustCompile(`[A-Za-z]+`)

// acronymsIn lists the abbreviations in a text: words with two or more
// capitals where capitals are at least half the letters (SEND, DfE, EHCPs),
// with a plural s dropped (GPs -> GP).
func acronymsIn(s string) []string {
	var out []string
	for _, w := range letterRun.FindAllString(s, -1) {
		if len(w) > 2 && w[len(w)-1] == 's' && w[len(w)-2] >= 'A' && w[len(w)-2] <= 'Z' {
			w = w[:len(w)-1]
		}
		upper := 0
		for _, r := range w {
			if r >= 'A' && r <= 'Z' {
				upper++
			}
		}
		if upper >= 2 && upper*2 >= len(w) {
			out = append(out, w)
		}
	}
	return out
}

var nonWord = regexp.MustCompile(`[^a-z0-9]+`)

func normalise(s string) string {
	return strings.TrimSpace(nonWord.ReplaceAllString(strings.ToLower(s), " "))
}

// checkAcronyms checks that every abbreviation is in the glossary, and that
// the page spells it out, before or in the block where it is first used.
func (p *page) checkAcronyms(blocks []block) {
	seen := map[string]bool{}
	var sofar strings.Builder
	for _, b := range blocks {
		sofar.WriteString(" " + normalise(b.text) + " ")
		for _, a := range acronymsIn(b.text) {
			if Exceptions[a] || seen[a] {
				continue
			}
			seen[a] = true
			full, ok := p.cfg.Glossary[a]
			if !ok {
				p.add(b.line, "abbreviation %q is not in data/glossary.yaml", a)
				continue
			}
			if WellKnown[a] {
				continue
			}
			explained := false
			for _, f := range full {
				if nf := normalise(f); nf != "" && strings.Contains(sofar.String(), " "+nf+" ") {
					explained = true
					break
				}
			}
			if !explained {
				p.add(b.line, "abbreviation %q is not spelled out on this page before or where it is first used (for example %q)", a, full[0])
			}
		}
	}
}

// Sort orders problems by file and line.
func Sort(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].File != ps[j].File {
			return ps[i].File < ps[j].File
		}
		return ps[i].Line < ps[j].Line
	})
}
