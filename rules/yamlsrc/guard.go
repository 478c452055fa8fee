package yamlsrc

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// Limits on a data file, checked before it is decoded. The real files are
// tens of kilobytes and about ten levels deep; the limits are far above
// that and far below what hurts: the YAML parser's cost grows with the
// square of the nesting, and aliases can make a tiny file expand to
// billions of values.
const (
	MaxFileSize = 1 << 20 // bytes
	MaxDepth    = 64      // levels of lists and maps
	MaxValues   = 200_000 // values once every alias is expanded
)

// ParseNode checks one YAML file and returns the body of its one document
// (nil for an empty file). Every error starts with the line, and a syntax
// error is the only one reported: later checks would only repeat it.
func ParseNode(b []byte) (ast.Node, error) {
	if len(b) > MaxFileSize {
		return nil, fmt.Errorf("the file is %d bytes, over the limit of %d (1 MB)", len(b), MaxFileSize)
	}
	tokens := lexer.Tokenize(string(b))
	if err := checkDepth(tokens); err != nil {
		return nil, err
	}
	file, err := parser.Parse(tokens, 0)
	if err != nil {
		return nil, syntaxError(err)
	}
	body, err := oneDocument(file)
	if err != nil || body == nil {
		return nil, err
	}
	c := counter{sizes: map[string]int{}}
	if _, err := c.count(body); err != nil {
		return nil, err
	}
	return body, nil
}

// syntaxError turns the YAML library's error into one line: where, then what.
func syntaxError(err error) error {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		return fmt.Errorf("%s: YAML syntax error: %s", at(ye.GetToken()), ye.GetMessage())
	}
	return fmt.Errorf("YAML syntax error: %v", err)
}

func at(tk *token.Token) string {
	return "line " + strconv.Itoa(tk.Position.Line) + ", column " + strconv.Itoa(tk.Position.Column)
}

// checkDepth estimates the nesting from the tokens, which the lexer makes
// in linear time: brackets and braces for flow style, the columns of list
// entries and keys for block style.
func checkDepth(tokens token.Tokens) error {
	var cols []int // the columns of the open block levels, increasing
	flow := 0
	for i, tk := range tokens {
		switch tk.Type {
		case token.SequenceStartType, token.MappingStartType:
			flow++
		case token.SequenceEndType, token.MappingEndType:
			flow = max(flow-1, 0)
		case token.SequenceEntryType, token.MappingValueType:
			if flow > 0 {
				continue
			}
			col := tk.Position.Column
			if tk.Type == token.MappingValueType && i > 0 {
				col = tokens[i-1].Position.Column // the key's column
			}
			for len(cols) > 0 && cols[len(cols)-1] > col {
				cols = cols[:len(cols)-1]
			}
			if len(cols) == 0 || cols[len(cols)-1] < col {
				cols = append(cols, col)
			}
		}
		if len(cols)+flow > MaxDepth {
			return fmt.Errorf("%s: nested more than %d levels deep", at(tk), MaxDepth)
		}
	}
	return nil
}

// oneDocument refuses a second document (after ---), which a decoder would
// silently drop.
func oneDocument(file *ast.File) (ast.Node, error) {
	var body ast.Node
	for _, doc := range file.Docs {
		if doc.Body == nil {
			continue
		}
		if body != nil {
			where := doc.Body.GetToken()
			if doc.Start != nil {
				where = doc.Start
			}
			return nil, fmt.Errorf("%s: a second YAML document starts here (after ---): a data file holds one", at(where))
		}
		body = doc.Body
	}
	return body, nil
}

// counter counts the values of a tree as a decoder would expand them, each
// alias counting as the whole value of its anchor, and refuses numbers that
// are not finite: a threshold of .nan would make every comparison false.
type counter struct {
	sizes map[string]int // per anchor, its expanded size
	total int
	ids   []string // the ids of the entries being walked, innermost last
}

func (c *counter) count(n ast.Node) (int, error) {
	size, err := c.size(n)
	if err != nil {
		return 0, err
	}
	c.total += size
	if c.total > MaxValues {
		return 0, fmt.Errorf("%s: the file expands to more than %d values (through its aliases, *names)", at(n.GetToken()), MaxValues)
	}
	return size, nil
}

// size is the expanded size of n, excluding the values counted below it.
func (c *counter) size(n ast.Node) (int, error) {
	switch x := n.(type) {
	case nil:
		return 0, nil
	case *ast.AliasNode:
		name := x.Value.GetToken().Value
		s, ok := c.sizes[name]
		if !ok {
			return 0, fmt.Errorf("%s: alias *%s is used before its anchor &%s is complete", at(x.GetToken()), name, name)
		}
		return s, nil
	case *ast.AnchorNode:
		before := c.total
		if _, err := c.count(x.Value); err != nil {
			return 0, err
		}
		c.sizes[x.Name.GetToken().Value] = c.total - before
		return 0, nil
	case *ast.FloatNode:
		if math.IsNaN(x.Value) || math.IsInf(x.Value, 0) {
			return 0, c.notFinite(x)
		}
	case *ast.NanNode, *ast.InfinityNode:
		return 0, c.notFinite(x)
	}
	return 1, c.children(n)
}

func (c *counter) children(n ast.Node) error {
	var kids []ast.Node
	switch x := n.(type) {
	case *ast.MappingNode:
		for _, v := range x.Values {
			kids = append(kids, v.Key, v.Value)
		}
		c.ids = append(c.ids, entryID(x))
		defer func() { c.ids = c.ids[:len(c.ids)-1] }()
	case *ast.MappingValueNode:
		kids = []ast.Node{x.Key, x.Value}
	case *ast.MappingKeyNode:
		kids = []ast.Node{x.Value}
	case *ast.SequenceNode:
		kids = x.Values
	case *ast.TagNode:
		kids = []ast.Node{x.Value}
	}
	for _, k := range kids {
		if _, err := c.count(k); err != nil {
			return err
		}
	}
	return nil
}

func (c *counter) notFinite(n ast.Node) error {
	where := entryPath(n)
	for i := len(c.ids) - 1; i >= 0; i-- {
		if c.ids[i] != "" {
			where += ` (in the entry with id "` + c.ids[i] + `")`
			break
		}
	}
	return fmt.Errorf("%s: %s: %s is not a number the rules can use: write a number such as 90",
		at(n.GetToken()), where, n.GetToken().Value)
}

// entryID is the id of a mapping that has one, such as a threshold or a
// question, or "".
func entryID(m *ast.MappingNode) string {
	for _, v := range m.Values {
		if v.Key.GetToken().Value == "id" {
			if s, ok := v.Value.(*ast.StringNode); ok {
				return s.Value
			}
		}
	}
	return ""
}

// entryPath names where a value is, such as thresholds[0].value.
func entryPath(n ast.Node) string {
	return strings.TrimPrefix(strings.TrimPrefix(n.GetPath(), "$"), ".")
}
