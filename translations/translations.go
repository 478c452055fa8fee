// Package translations checks that every word of the portal exists in every
// language the site builds: the interface strings (i18n/), the pages
// (content/, one file per language beside the English one), and the words laid
// over the services and glossary data (data/translations/<lang>/).
//
// The rules' own words are checked by the rules export (cmd/focuscheck).
package translations

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/pelletier/go-toml/v2"
)

// Languages reads the codes of the languages config.toml builds: the default
// language first, then every language not marked disabled.
func Languages(configFile string) (def string, others []string, err error) {
	b, err := os.ReadFile(configFile)
	if err != nil {
		return "", nil, err
	}
	var cfg struct {
		DefaultContentLanguage string
		Languages              map[string]struct{ Disabled bool }
	}
	if err := toml.Unmarshal(b, &cfg); err != nil {
		return "", nil, fmt.Errorf("%s: %w", configFile, err)
	}
	def = cfg.DefaultContentLanguage
	for code, l := range cfg.Languages {
		if code != def && !l.Disabled {
			others = append(others, code)
		}
	}
	sort.Strings(others)
	return def, others, nil
}

// Keys lists the message ids of one i18n file. A message is a string or a map
// of plural forms; either way it is one key.
func Keys(file string) (map[string]bool, error) {
	m, err := readYAML(file)
	if err != nil {
		return nil, err
	}
	keys := make(map[string]bool, len(m))
	for k := range m {
		keys[k] = true
	}
	return keys, nil
}

// readYAML reads an i18n file as its top-level map.
func readYAML(file string) (map[string]any, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := yaml.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return m, nil
}

// CheckI18n compares, in every folder under dir, the file of each language with
// the default language's file, and reports each key one has and the other lacks.
func CheckI18n(dir, def string, langs []string) ([]string, error) {
	var problems []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Base(p) != def+".yaml" {
			return err
		}
		base, err := Keys(p)
		if err != nil {
			return err
		}
		for _, l := range langs {
			other := filepath.Join(filepath.Dir(p), l+".yaml")
			keys, err := Keys(other)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: %v", other, err))
				continue
			}
			problems = append(problems, diffKeys(other, base, keys)...)
		}
		return nil
	})
	return problems, err
}

func diffKeys(file string, want, have map[string]bool) []string {
	var out []string
	for k := range want {
		if !have[k] {
			out = append(out, fmt.Sprintf("%s: no %q (the default language has it)", file, k))
		}
	}
	for k := range have {
		if !want[k] {
			out = append(out, fmt.Sprintf("%s: %q is not in the default language's file", file, k))
		}
	}
	sort.Strings(out)
	return out
}

// CheckContent reports every English page under dir with no translation in one
// of langs, and every translation with no English page.
func CheckContent(dir string, langs []string) ([]string, error) {
	files := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			rel, _ := filepath.Rel(dir, p)
			files[filepath.ToSlash(rel)] = true
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	var problems []string
	for f := range files {
		base, lang := split(f, langs)
		switch {
		case lang == "":
			for _, l := range langs {
				if t := strings.TrimSuffix(f, ".md") + "." + l + ".md"; !files[t] {
					problems = append(problems, fmt.Sprintf("content/%s: no %s translation (content/%s)", f, l, t))
				}
			}
		case !files[base]:
			problems = append(problems, fmt.Sprintf("content/%s: there is no English page content/%s", f, base))
		}
	}
	sort.Strings(problems)
	return problems, nil
}

// split returns the English page a content file translates and its language,
// or the file itself and "" for an English page.
func split(rel string, langs []string) (base, lang string) {
	for _, l := range langs {
		if strings.HasSuffix(rel, "."+l+".md") {
			return strings.TrimSuffix(rel, "."+l+".md") + ".md", l
		}
	}
	return rel, ""
}
