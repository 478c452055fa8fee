// Package security holds the portal's security headers and cache policy,
// defined once in the _headers file beside this one (the format Cloudflare
// and Netlify read), and parses them for the Go servers, for Hugo's
// development server and for the host configurations (package hosting).
package security

import (
	_ "embed"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
)

//go:embed _headers
var definition string

// Field is one header a rule sets.
type Field struct {
	Name, Value string
}

// Rule is one block of the _headers file: a path pattern, the headers an
// earlier rule set that this one removes first ("! Name", Cloudflare's
// syntax), and the headers it sets, in the file's order.
type Rule struct {
	Pattern string
	Unset   []string
	Set     []Field
}

// Definition returns the text of security/_headers, as built in.
func Definition() string {
	return definition
}

// Rules returns the parsed definition, parsed once: Apply runs on every
// request. The file is embedded, so a parse error is a build-time mistake
// that the package test catches.
var Rules = sync.OnceValue(func() []Rule {
	rules, err := Parse(definition)
	if err != nil {
		panic("security/_headers: " + err.Error())
	}
	return rules
})

// Parse reads the _headers format: a line with a path pattern, then indented
// "Name: value" or "! Name" lines. Lines starting with # are comments. It
// refuses a file whose meaning would differ between hosts (see check).
func Parse(text string) ([]Rule, error) {
	var rules []Rule
	for n, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if line[0] != ' ' && line[0] != '\t' {
			if !strings.HasPrefix(trimmed, "/") || strings.Contains(strings.TrimSuffix(trimmed, "*"), "*") {
				return nil, fmt.Errorf("line %d: a path starts with / and may end with one *", n+1)
			}
			rules = append(rules, Rule{Pattern: trimmed})
			continue
		}
		if len(rules) == 0 {
			return nil, fmt.Errorf("line %d: a header before any path", n+1)
		}
		if err := rules[len(rules)-1].add(trimmed); err != nil {
			return nil, fmt.Errorf("line %d: %w", n+1, err)
		}
	}
	if len(rules) == 0 {
		return nil, errors.New("no rules")
	}
	if err := check(rules); err != nil {
		return nil, err
	}
	return rules, nil
}

// add reads one indented line into the rule.
func (r *Rule) add(line string) error {
	if name, ok := strings.CutPrefix(line, "! "); ok {
		r.Unset = append(r.Unset, strings.TrimSpace(name))
		return nil
	}
	name, value, ok := strings.Cut(line, ":")
	name, value = strings.TrimSpace(name), strings.TrimSpace(value)
	if !ok || name == "" || value == "" || strings.ContainsAny(name, " \t") {
		return errors.New(`expected "Name: value" or "! Name"`)
	}
	if slices.ContainsFunc(r.Set, func(f Field) bool { return strings.EqualFold(f.Name, name) }) {
		return fmt.Errorf("%s is set twice for %s", name, r.Pattern)
	}
	r.Set = append(r.Set, Field{name, value})
	return nil
}

// check refuses a header that two rules can both set on one path unless the
// later rule removes it first: Cloudflare and Netlify would join the two
// values into one header, where the Go servers and the generated host
// configurations replace it.
func check(rules []Rule) error {
	for j, later := range rules {
		for _, earlier := range rules[:j] {
			if !overlap(earlier.Pattern, later.Pattern) {
				continue
			}
			for _, f := range later.Set {
				if earlier.Sets(f.Name) && !slices.ContainsFunc(later.Unset, func(u string) bool { return strings.EqualFold(u, f.Name) }) {
					return fmt.Errorf("%s sets %s, which %s sets too: add \"! %s\" above it", later.Pattern, f.Name, earlier.Pattern, f.Name)
				}
			}
		}
	}
	return nil
}

// Sets reports whether the rule sets this header.
func (r Rule) Sets(name string) bool {
	return slices.ContainsFunc(r.Set, func(f Field) bool { return strings.EqualFold(f.Name, name) })
}

// overlap reports whether some path matches both patterns.
func overlap(a, b string) bool {
	pa, wa := strings.CutSuffix(a, "*")
	pb, wb := strings.CutSuffix(b, "*")
	switch {
	case wa && wb:
		return strings.HasPrefix(pa, pb) || strings.HasPrefix(pb, pa)
	case wa:
		return strings.HasPrefix(b, pa)
	case wb:
		return strings.HasPrefix(a, pb)
	}
	return a == b
}

// Apply sets on h every header whose rule matches the request path, rule by
// rule in the file's order.
func Apply(h http.Header, path string) {
	for _, r := range Rules() {
		if Match(r.Pattern, path) {
			r.apply(h)
		}
	}
}

func (r Rule) apply(h http.Header) {
	for _, name := range r.Unset {
		h.Del(name)
	}
	for _, f := range r.Set {
		h.Set(f.Name, f.Value)
	}
}

// Match reports whether path matches a _headers pattern, where a trailing *
// matches any rest of the path.
func Match(pattern, path string) bool {
	if prefix, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(path, prefix)
	}
	return pattern == path
}

// Covers reports whether rule pattern r applies to every path that pattern
// p matches: the rules a host configuration must repeat for p.
func Covers(r, p string) bool {
	if prefix, ok := strings.CutSuffix(r, "*"); ok {
		return strings.HasPrefix(strings.TrimSuffix(p, "*"), prefix)
	}
	return r == p
}

// Effective returns the headers every path of pattern p gets: the rules
// that cover p, applied in order. Hosts whose configuration picks one block
// per request (nginx locations, Azure routes, CloudFront behaviours) need
// each block to carry them all.
func Effective(rules []Rule, p string) []Field {
	var out []Field
	for _, r := range rules {
		if !Covers(r.Pattern, p) {
			continue
		}
		for _, name := range r.Unset {
			out = slices.DeleteFunc(out, func(f Field) bool { return strings.EqualFold(f.Name, name) })
		}
		for _, f := range r.Set {
			i := slices.IndexFunc(out, func(g Field) bool { return strings.EqualFold(g.Name, f.Name) })
			if i < 0 {
				out = append(out, f)
			} else {
				out[i] = f
			}
		}
	}
	return out
}

// Patterns returns the rules' patterns, each once, in the file's order.
func Patterns(rules []Rule) []string {
	var out []string
	for _, r := range rules {
		if !slices.Contains(out, r.Pattern) {
			out = append(out, r.Pattern)
		}
	}
	return out
}

// Value returns the value that every path of pattern p gets for a header,
// or "".
func Value(rules []Rule, p, name string) string {
	for _, f := range Effective(rules, p) {
		if strings.EqualFold(f.Name, name) {
			return f.Value
		}
	}
	return ""
}
