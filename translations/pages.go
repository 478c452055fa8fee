package translations

import (
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Strings reads an i18n file as key → every text it holds (a plain message,
// or each plural form of a plural one, as "key.form").
func Strings(file string) (map[string]string, error) {
	m, err := readYAML(file)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for k, v := range m {
		switch v := v.(type) {
		case string:
			out[k] = v
		case map[string]any:
			for form, s := range v {
				if s, ok := s.(string); ok {
					out[k+"."+form] = s
				}
			}
		}
	}
	return out, nil
}

var (
	templateAction = regexp.MustCompile(`\{\{.*?\}\}|\{[a-zA-Z_]+\}`)
	scriptOrStyle  = regexp.MustCompile(`(?is)<(script|style)\b.*?</(script|style)>`)
	markedEnglish  = regexp.MustCompile(`(?is)<(a|span|abbr|cite|q)\b[^>]*\blang=["']?en\b[^>]*>.*?</(a|span|abbr|cite|q)>`)
	inBrackets     = regexp.MustCompile(`\([^()]*\)`)
	tag            = regexp.MustCompile(`<[^>]*>`)
	space          = regexp.MustCompile(`\s+`)
)

// Phrases lists the English runs of words (three words or more, between any
// placeholders) of every message whose translation differs from the English:
// if one of them is on a translated page, that page shows English.
func Phrases(en, other map[string]string) map[string]string {
	out := map[string]string{}
	for k, s := range en {
		if other[k] == s {
			continue
		}
		for _, part := range templateAction.Split(s, -1) {
			part = strings.Trim(space.ReplaceAllString(part, " "), " .,:;()\"'")
			if len(strings.Fields(part)) >= 3 {
				out[part] = k
			}
		}
	}
	return out
}

// PageText is what a reader can meet on a built page: its text and the values
// of its attributes (labels, titles, the messages scripts show), with
// scripts, styles and tags taken out. English the page means to show is left
// out too: text marked lang="en" (the titles of sources) and English terms in
// brackets beside their translation, "plan ochrony dziecka (Child Protection Plan)".
func PageText(src string) string {
	src = scriptOrStyle.ReplaceAllString(src, " ")
	src = markedEnglish.ReplaceAllString(src, " ")
	src = tag.ReplaceAllStringFunc(src, func(t string) string { return " " + attrValues(t) + " " })
	return inBrackets.ReplaceAllString(space.ReplaceAllString(html.UnescapeString(src), " "), " ")
}

var attrValue = regexp.MustCompile(`\s(?:aria-label|title|alt|placeholder|content|data-[\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))`)

func attrValues(t string) string {
	var vals []string
	for _, m := range attrValue.FindAllStringSubmatch(t, -1) {
		vals = append(vals, m[1]+m[2]+m[3])
	}
	return strings.Join(vals, " ")
}

// CheckPages reports every page of the site built in dir/<lang>/ that shows
// one of phrases, naming the page and the message key.
func CheckPages(dir, lang string, phrases map[string]string) ([]string, error) {
	var problems []string
	root := filepath.Join(dir, lang)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		text := PageText(string(b))
		rel, _ := filepath.Rel(dir, p)
		for phrase, key := range phrases {
			if strings.Contains(text, phrase) {
				problems = append(problems, fmt.Sprintf("%s shows the English of %q: %q", rel, key, phrase))
			}
		}
		return nil
	})
	sort.Strings(problems)
	return problems, err
}
