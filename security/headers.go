// Package security holds the portal's security headers, defined once in the
// _headers file beside this one (the format Cloudflare and Netlify read), and
// parses them for the Go servers and for Hugo's development server.
package security

import (
	_ "embed"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

//go:embed _headers
var definition string

// Rule is one block of the _headers file: a path pattern and its headers.
type Rule struct {
	Pattern string
	Header  http.Header
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
// "Name: value" lines. Lines starting with # are comments.
func Parse(text string) ([]Rule, error) {
	var rules []Rule
	for n, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if line[0] != ' ' && line[0] != '\t' {
			rules = append(rules, Rule{Pattern: trimmed, Header: http.Header{}})
			continue
		}
		name, value, ok := strings.Cut(trimmed, ":")
		if !ok || len(rules) == 0 {
			return nil, errors.New("line " + strconv.Itoa(n+1) + ": expected a path, or an indented \"Name: value\" after one")
		}
		rules[len(rules)-1].Header.Add(strings.TrimSpace(name), strings.TrimSpace(value))
	}
	if len(rules) == 0 {
		return nil, errors.New("no rules")
	}
	return rules, nil
}

// Apply sets on h every header whose rule matches the request path.
func Apply(h http.Header, path string) {
	for _, r := range Rules() {
		if Match(r.Pattern, path) {
			for name, values := range r.Header {
				h[name] = values
			}
		}
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

// HugoServerConfig renders the rules as a Hugo configuration fragment, so
// that `hugo server` (make serve) sends the same headers as production.
func HugoServerConfig() string {
	var b strings.Builder
	b.WriteString("# Generated from security/_headers by cmd/preview; do not edit.\n[server]\n")
	for _, r := range Rules() {
		b.WriteString("[[server.headers]]\nfor = " + strconv.Quote(hugoGlob(r.Pattern)) + "\n[server.headers.values]\n")
		for name, values := range r.Header {
			b.WriteString(strconv.Quote(name) + " = " + strconv.Quote(strings.Join(values, ", ")) + "\n")
		}
	}
	return b.String()
}

// hugoGlob turns a _headers pattern into Hugo's glob syntax, where ** crosses
// path separators.
func hugoGlob(pattern string) string {
	if prefix, ok := strings.CutSuffix(pattern, "*"); ok {
		return prefix + "**"
	}
	return pattern
}
