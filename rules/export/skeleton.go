package export

import (
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/focusfamily/portal/rules/yamlsrc"
)

// Skeleton is a translations file with every text of the English rules, in
// file order, for a translator to start a new language from: copy it to
// translations/<lang>.yaml and translate each text, keeping {threshold_id}.
func Skeleton(src Source) ([]byte, error) {
	tree, err := yamlsrc.Tree(src.Rules, ".", src.RulesName)
	if err != nil {
		return nil, err
	}
	var root yaml.MapSlice
	for _, f := range fields(tree) {
		root = put(root, strings.Split(f.key, "."), f.text())
	}
	return yaml.MarshalWithOptions(root, yaml.UseLiteralStyleIfMultiline(false))
}

// put sets the value at path in a nested, ordered map.
func put(m yaml.MapSlice, path []string, v string) yaml.MapSlice {
	for i := range m {
		if m[i].Key == path[0] {
			if len(path) > 1 {
				sub, _ := m[i].Value.(yaml.MapSlice)
				m[i].Value = put(sub, path[1:], v)
			}
			return m
		}
	}
	if len(path) == 1 {
		return append(m, yaml.MapItem{Key: path[0], Value: v})
	}
	return append(m, yaml.MapItem{Key: path[0], Value: put(nil, path[1:], v)})
}
