package export

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"

	"github.com/focusfamily/portal/rules/yamlsrc"
)

func translationsFile(src Source, lang string) string {
	return path.Join(src.RulesName, "translations", lang+".yaml")
}

// translate replaces each text with its translation from
// translations/<lang>.yaml, a tree keyed by id (questions.<id>.hint,
// criteria.<id>.significant, themes.<number>.title, ...). A text with no
// translation, or a translation of no text, is an error naming the key.
func translate(src Source, lang string, fs []field) error {
	name := translationsFile(src, lang)
	words, err := readFlat(src, lang, name)
	if err != nil {
		return err
	}
	var errs []error
	seen := map[string]bool{}
	for _, f := range fs {
		seen[f.key] = true
		t, ok := words[f.key]
		switch {
		case !ok:
			errs = append(errs, fmt.Errorf("%s: %s: missing: translate %q", name, f.key, f.text()))
		case t == "":
			errs = append(errs, fmt.Errorf("%s: %s: empty", name, f.key))
		default:
			f.m[f.name] = t
		}
	}
	var unknown []string
	for k := range words {
		if !seen[k] {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		errs = append(errs, fmt.Errorf("%s: %s: unknown key: the English rules have no such text", name, k))
	}
	return errors.Join(errs...)
}

// readFlat reads a translations file into a map from dotted key to text.
func readFlat(src Source, lang, name string) (map[string]string, error) {
	b, err := fs.ReadFile(src.Rules, "translations/"+lang+".yaml")
	if err != nil {
		return nil, err
	}
	v, err := yamlsrc.Parse(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	out := map[string]string{}
	var errs []error
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				key := k
				if prefix != "" {
					key = prefix + "." + k
				}
				walk(key, e)
			}
		case string:
			out[prefix] = x
		default:
			errs = append(errs, fmt.Errorf("%s: %s: must be text", name, prefix))
		}
	}
	walk("", v)
	return out, errors.Join(errs...)
}
