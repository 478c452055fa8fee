// Package export writes the checked rules model that the site and the
// browser read, one JSON file per language: the rules data in that language
// with thresholds filled in, the engine's message templates, and what the
// pages would otherwise work out from the conditions. Go is then the only
// reader of data/rules/: templates read the model, never the YAML.
package export

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/focusfamily/portal/rules"
	"github.com/focusfamily/portal/rules/yamlsrc"
	"github.com/focusfamily/portal/wording"
)

// Source says where the rules data and the message templates are.
type Source struct {
	Rules        fs.FS  // the rules data; its translations are in translations/<lang>.yaml
	RulesName    string // the rules folder as messages name it, e.g. "data/rules"
	Messages     fs.FS  // the engine's message templates, <lang>.yaml
	MessagesName string // e.g. "i18n/engine"
}

// Folders reads the rules and the message templates from two folders.
func Folders(rules, messages string) Source {
	return Source{Rules: os.DirFS(rules), RulesName: strings.TrimSuffix(rules, "/"),
		Messages: os.DirFS(messages), MessagesName: strings.TrimSuffix(messages, "/")}
}

// Default is the layout of the repository in dir.
func Default(dir string) Source {
	s := Folders(filepath.Join(dir, "data/rules"), filepath.Join(dir, "i18n/engine"))
	s.RulesName, s.MessagesName = "data/rules", "i18n/engine"
	return s
}

// Model is the rules of one language, as written to <lang>.json.
type Model struct {
	Lang     string            `json:"lang"`
	Dir      string            `json:"dir"` // "ltr" or "rtl"
	Rules    map[string]any    `json:"rules"`
	Messages map[string]string `json:"messages"`
	Derived  map[string]any    `json:"derived"`

	Checked *rules.Model      `json:"-"`
	Words   *wording.Words    `json:"-"`
	Raw     map[string]string `json:"-"` // each text before thresholds were filled in, by key
}

// rtl lists the languages written right to left.
var rtl = map[string]bool{"ar": true, "fa": true, "he": true, "ur": true}

// Languages lists English, then every language with a translations file,
// in alphabetical order.
func Languages(src Source) ([]string, error) {
	files, err := fs.Glob(src.Rules, "translations/*.yaml")
	if err != nil {
		return nil, err
	}
	langs := []string{"en"}
	for _, f := range files {
		langs = append(langs, strings.TrimSuffix(path.Base(f), ".yaml"))
	}
	sort.Strings(langs[1:])
	return langs, nil
}

// Build loads, checks and translates the rules for lang. Its errors name
// the file and the entry or key at fault.
func Build(src Source, lang string) (*Model, error) {
	tree, err := yamlsrc.Tree(src.Rules, ".", src.RulesName)
	if err != nil {
		return nil, err
	}
	english, err := rules.Decode(rules.FromAny(tree), src.RulesName)
	if err != nil {
		return nil, err
	}
	fs := fields(tree)
	if lang != "en" {
		if err := translate(src, lang, fs); err != nil {
			return nil, err
		}
	}
	raw := Texts(tree)
	if err := fill(src, lang, fs, english.Thresholds); err != nil {
		return nil, err
	}
	checked, err := rules.Decode(rules.FromAny(tree), src.RulesName)
	if err != nil {
		return nil, err
	}
	msgs, err := loadMessages(src, lang)
	if err != nil {
		return nil, err
	}
	if err := checkMessages(src, lang, msgs); err != nil {
		return nil, err
	}
	dropMaintainerFields(tree)
	m := &Model{Lang: lang, Dir: "ltr", Rules: tree, Messages: msgs, Checked: checked,
		Words: wording.New(lang, msgs, checked), Raw: raw}
	if rtl[lang] {
		m.Dir = "rtl"
	}
	m.Derived = derive(m)
	return m, nil
}

// maintainerFields say how sure the maintainers are of an entry and which
// commissioning document it came from. They are checked above but stay in
// data/rules/: the model is served to every browser.
var maintainerFields = []string{"marker", "seed"}

// dropMaintainerFields removes maintainerFields from every entry of tree.
func dropMaintainerFields(v any) {
	switch t := v.(type) {
	case map[string]any:
		for _, k := range maintainerFields {
			delete(t, k)
		}
		for _, e := range t {
			dropMaintainerFields(e)
		}
	case []any:
		for _, e := range t {
			dropMaintainerFields(e)
		}
	}
}

// fill puts the thresholds' values, written for lang, into every text.
func fill(src Source, lang string, fs []field, ts []rules.Threshold) error {
	var errs []error
	for _, f := range fs {
		s, err := wording.Fill(f.text(), lang, ts)
		if err != nil {
			file := src.RulesName + "/" + f.file + ".yaml"
			if lang != "en" {
				file = translationsFile(src, lang)
			}
			errs = append(errs, fmt.Errorf("%s: %s: %w", file, f.key, err))
			continue
		}
		f.m[f.name] = s
	}
	return errors.Join(errs...)
}

func loadMessages(src Source, lang string) (map[string]string, error) {
	name := path.Join(src.MessagesName, lang+".yaml")
	b, err := fs.ReadFile(src.Messages, lang+".yaml")
	if err != nil {
		return nil, fmt.Errorf("%s: no message templates for %q: %w", name, lang, err)
	}
	v, err := yamlsrc.Parse(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	msgs, err := wording.Messages(rules.FromAny(v))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return msgs, nil
}

// checkMessages checks that every template is well formed and that a
// language has exactly the codes English has, naming the file and the code.
func checkMessages(src Source, lang string, msgs map[string]string) error {
	name := path.Join(src.MessagesName, lang+".yaml")
	var errs []error
	for _, k := range sortedKeys(msgs) {
		if err := wording.CheckTemplate(msgs[k]); err != nil {
			errs = append(errs, fmt.Errorf("%s: %s: %w", name, k, err))
		}
	}
	if lang == "en" {
		return errors.Join(errs...)
	}
	english, err := loadMessages(src, "en")
	if err != nil {
		return err
	}
	for _, k := range sortedKeys(english) {
		if _, ok := msgs[k]; !ok {
			errs = append(errs, fmt.Errorf("%s: %s: missing: translate %q", name, k, english[k]))
		}
	}
	for _, k := range sortedKeys(msgs) {
		if _, ok := english[k]; !ok {
			errs = append(errs, fmt.Errorf("%s: %s: unknown code: English has no such message", name, k))
		}
	}
	return errors.Join(errs...)
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// WriteAll writes <lang>.json for every language into dir.
func WriteAll(src Source, dir string) ([]string, error) {
	langs, err := Languages(src)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var written []string
	for _, lang := range langs {
		m, err := Build(src, lang)
		if err != nil {
			return written, err
		}
		b, err := json.Marshal(m)
		if err != nil {
			return written, err
		}
		name := filepath.Join(dir, lang+".json")
		if err := os.WriteFile(name, b, 0o644); err != nil {
			return written, err
		}
		written = append(written, name)
	}
	return written, nil
}
