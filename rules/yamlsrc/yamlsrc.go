// Package yamlsrc loads the rules data from YAML files for native Go: the
// command-line tool and the tests. The browser gets the same data from Hugo
// as JSON and never links this package, so its YAML library costs the
// WebAssembly module nothing.
package yamlsrc

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"

	"github.com/focusfamily/portal/rules"
)

// Load reads every *.yaml file in dir of fsys and decodes the rules data.
// name is the folder as error messages should show it (e.g. "data/rules").
func Load(fsys fs.FS, dir, name string) (*rules.Model, error) {
	tree, err := Tree(fsys, dir, name)
	if err != nil {
		return nil, err
	}
	return rules.Decode(rules.FromAny(tree), name)
}

// Tree reads every *.yaml file in dir into the shape Hugo gives data/rules/:
// a map from file base name to the file's content.
func Tree(fsys fs.FS, dir, name string) (map[string]any, error) {
	files, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no .yaml files found", name)
	}
	sort.Strings(files)
	tree := map[string]any{}
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		base := path.Base(f)
		v, err := Parse(b)
		if err != nil {
			return nil, fmt.Errorf("%s/%s: %w", name, base, err)
		}
		tree[strings.TrimSuffix(base, ".yaml")] = v
	}
	return tree, nil
}

// Parse checks and decodes one YAML file (see ParseNode) into plain values
// (maps, lists, strings, numbers, booleans), turning any timestamp back
// into a YYYY-MM-DD string, which is what the rules decoder reads.
func Parse(b []byte) (any, error) {
	body, err := ParseNode(b)
	if err != nil || body == nil {
		return nil, err
	}
	return Value(body)
}

// Value decodes a node that ParseNode returned into plain values.
func Value(body ast.Node) (any, error) {
	var v any
	if err := yaml.NodeToValue(body, &v); err != nil {
		// One line, without the source excerpt, so each error stays on one line.
		return nil, errors.New(yaml.FormatError(err, false, false))
	}
	return normalise(v), nil
}

// Lines maps the path of every value under body, such as
// "services[2].email", to the line it starts on, so that a check of the
// decoded values can say where to look.
func Lines(body ast.Node) map[string]int {
	lines := map[string]int{}
	ast.Walk(lineVisitor(lines), body)
	return lines
}

type lineVisitor map[string]int

func (l lineVisitor) Visit(n ast.Node) ast.Visitor {
	if p := entryPath(n); n.GetToken() != nil {
		if _, seen := l[p]; !seen {
			l[p] = n.GetToken().Position.Line
		}
	}
	return l
}

func normalise(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = normalise(e)
		}
	case map[any]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[fmt.Sprint(k)] = normalise(e)
		}
		return m
	case []any:
		for i, e := range x {
			x[i] = normalise(e)
		}
	case time.Time:
		return x.Format(time.DateOnly)
	}
	return v
}
