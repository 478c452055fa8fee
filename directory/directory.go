// Package directory checks the services directory (data/services.yaml)
// before the site is built from it. Every value the pages, the export
// (/api/directory.json) and the Open Referral UK API read must have the
// right type and form, so data that builds can always be served. Each
// problem names the file, the line and the entry.
package directory

import (
	"fmt"
	"sort"
	"strings"

	"github.com/focusfamily/portal/rules/yamlsrc"
)

// Problem is one fault in the data.
type Problem struct {
	File  string
	Line  int
	Entry string // e.g. `service "early-help"`; empty for the file as a whole
	Msg   string
}

func (p Problem) Error() string {
	s := p.File
	if p.Line > 0 {
		s += fmt.Sprintf(": line %d", p.Line)
	}
	if p.Entry != "" {
		s += ": " + p.Entry
	}
	return s + ": " + p.Msg
}

// Problems is every fault found, in line order.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Check checks the services file's content; file names it in messages. A
// YAML syntax error is returned alone: nothing after it would be true.
func Check(b []byte, file string) error {
	body, err := yamlsrc.ParseNode(b)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	v, err := yamlsrc.Value(body)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	c := &checker{file: file, terms: map[string]bool{}, orgs: map[string]bool{}, services: map[string]bool{}}
	if body != nil {
		c.lines = yamlsrc.Lines(body)
	}
	c.root(v)
	if len(c.problems) == 0 {
		return nil
	}
	sort.SliceStable(c.problems, func(i, j int) bool { return c.problems[i].Line < c.problems[j].Line })
	return c.problems
}

type checker struct {
	file     string
	lines    map[string]int
	problems Problems
	terms    map[string]bool
	orgs     map[string]bool
	services map[string]bool
}

func (c *checker) fail(path, entry, msg string) {
	c.problems = append(c.problems, Problem{File: c.file, Line: c.lines[path], Entry: entry, Msg: msg})
}

func (c *checker) root(v any) {
	m, ok := v.(map[string]any)
	if !ok {
		c.fail("", "", "the file must have three lists: taxonomies, organizations and services")
		return
	}
	for k := range m {
		if k != "taxonomies" && k != "organizations" && k != "services" {
			c.fail(k, "", "unknown list "+quote(k)+": the file has only taxonomies, organizations and services")
		}
	}
	// Terms and organisations first: services refer to them.
	c.list(m, "taxonomies", "taxonomy term", termFields)
	c.list(m, "organizations", "organization", orgFields)
	c.list(m, "services", "service", serviceFields)
}

// list checks each entry of a top-level list against its fields.
func (c *checker) list(m map[string]any, key, kind string, fields []field) {
	l, ok := m[key].([]any)
	if !ok || len(l) == 0 {
		c.fail(key, "", "the list "+quote(key)+" is missing or empty")
		return
	}
	for i, e := range l {
		path := fmt.Sprintf("%s[%d]", key, i)
		entry := fmt.Sprintf("%s %d", kind, i+1)
		em, ok := e.(map[string]any)
		if !ok {
			c.fail(path, entry, "must be a set of fields")
			continue
		}
		if id, ok := em["id"].(string); ok && id != "" {
			entry = kind + " " + quote(id)
		}
		c.entry(record{c: c, path: path, name: entry, m: em}, key, fields)
	}
}

func (c *checker) entry(r record, list string, fields []field) {
	for k := range r.m {
		if !hasField(fields, k) {
			r.fail(k, "unknown field "+quote(k))
		}
	}
	for _, f := range fields {
		r.check(f)
	}
	seen := map[string]map[string]bool{"taxonomies": c.terms, "organizations": c.orgs, "services": c.services}[list]
	if id, ok := r.m["id"].(string); ok {
		if seen[id] {
			r.fail("id", "the id "+quote(id)+" is used twice")
		}
		seen[id] = true
	}
	if list == "services" {
		r.organization()
		r.ages()
	}
}

func quote(s string) string { return `"` + s + `"` }
