package directory

import (
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
)

// kind says what a field holds.
type kind uint8

const (
	text    kind = iota // text, which may be empty
	id                  // lower-case letters, digits and hyphens
	page                // a path on this site, starting with /
	webURL              // an https or http address
	email               // an email address
	phone               // a phone number
	age                 // a whole number of years, 0 to 120
	flag                // true or false
	date                // YYYY-MM-DD
	status              // an HSDS service status
	texts               // a list of texts
	termIDs             // a list of taxonomy term ids
	org                 // {id, name}
)

type field struct {
	key      string
	kind     kind
	required bool
}

var termFields = []field{
	{"id", id, true}, {"name", text, true}, {"vocabulary", id, true}, {"page", page, true},
}

// Open Referral requires each organisation's description; the services
// name an organisation by its id.
var orgFields = []field{
	{"id", id, true}, {"name", text, true}, {"description", text, true},
}

var serviceFields = []field{
	{"id", id, true}, {"name", text, true}, {"alternate_name", text, false},
	{"status", status, true}, {"description", text, true}, {"organization", org, true},
	{"url", webURL, false}, {"email", email, false}, {"phone", phone, false},
	{"minimum_age", age, false}, {"maximum_age", age, false},
	{"who_can_refer", texts, true}, {"self_referral", flag, true},
	{"how_to_refer", text, false}, {"consent", text, false}, {"what_happens_next", text, false},
	{"fees_description", text, false}, {"assured_date", date, false},
	{"example", flag, false}, {"taxonomy_terms", termIDs, false},
}

// The service statuses of HSDS 3.0.
var statuses = []string{"active", "inactive", "defunct", "temporarily closed"}

const maxAge = 120

// organization checks that the service's organisation is in the list.
func (r record) organization() {
	m, _ := r.m["organization"].(map[string]any)
	if id, ok := m["id"].(string); ok && !r.c.orgs[id] {
		r.fail("organization", "organization "+quote(id)+" is not in the list of organizations")
	}
}

func hasField(fields []field, key string) bool {
	return slices.ContainsFunc(fields, func(f field) bool { return f.key == key })
}

// record is one entry being checked.
type record struct {
	c    *checker
	path string
	name string
	m    map[string]any
}

func (r record) fail(key, msg string) {
	path := r.path
	if key != "" {
		path += "." + key
	}
	if _, ok := r.c.lines[path]; !ok {
		path = r.path
	}
	r.c.fail(path, r.name, msg)
}

func (r record) check(f field) {
	v, ok := r.m[f.key]
	if !ok || v == nil {
		if f.required {
			r.fail("", "missing field "+quote(f.key))
		}
		return
	}
	if msg := problem(f, v, r.c.terms); msg != "" {
		r.fail(f.key, "field "+quote(f.key)+" "+msg)
	}
}

// problem says what is wrong with value v of field f, or "".
func problem(f field, v any, terms map[string]bool) string {
	switch f.kind {
	case age:
		n, ok := v.(uint64)
		if i, isInt := v.(int64); isInt && i >= 0 {
			n, ok = uint64(i), true
		}
		if !ok || n > maxAge {
			return fmt.Sprintf("must be a whole number of years from 0 to %d, not %v", maxAge, v)
		}
		return ""
	case flag:
		if _, ok := v.(bool); !ok {
			return fmt.Sprintf("must be true or false, not %s", show(v))
		}
		return ""
	case texts, termIDs:
		return listProblem(f, v, terms)
	case org:
		m, ok := v.(map[string]any)
		if !ok || textProblem(field{kind: id}, m["id"]) != "" || textProblem(field{kind: text}, m["name"]) != "" || len(m) != 2 {
			return "must be {id: an-id, name: The organisation's name}"
		}
		return ""
	}
	return textProblem(f, v)
}

func listProblem(f field, v any, terms map[string]bool) string {
	l, ok := v.([]any)
	if !ok || len(l) == 0 {
		return "must be a list of at least one item"
	}
	for i, e := range l {
		s, ok := e.(string)
		switch {
		case !ok || strings.TrimSpace(s) == "":
			return fmt.Sprintf("item %d must be text (put it in quotes)", i+1)
		case f.kind == termIDs && !terms[s]:
			return fmt.Sprintf("unknown taxonomy term %s (see taxonomies at the top of the file)", quote(s))
		}
	}
	return ""
}

var (
	idPattern    = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	phonePattern = regexp.MustCompile(`^\+?[0-9][0-9 ()-]*[0-9]$`)
)

// textProblem checks a text field against its kind.
func textProblem(f field, v any) string {
	s, ok := v.(string)
	if !ok {
		return fmt.Sprintf("must be text (put it in quotes), not %s", show(v))
	}
	if strings.TrimSpace(s) == "" {
		if f.kind == text {
			return "is empty: leave the field out, or fill it in"
		}
		return "is empty"
	}
	switch f.kind {
	case id:
		if !idPattern.MatchString(s) {
			return "must use lower-case letters, digits and single hyphens, not " + quote(s)
		}
	case page:
		if !strings.HasPrefix(s, "/") || strings.ContainsAny(s, " ?#") {
			return "must be a path on this site, like /pathways/send, not " + quote(s)
		}
	case webURL:
		return urlProblem(s)
	case email:
		if a, err := mail.ParseAddress(s); err != nil || a.Address != s || !strings.Contains(s[strings.LastIndex(s, "@"):], ".") {
			return "must be an email address like team@example.gov.uk, not " + quote(s)
		}
	case phone:
		if digits := countDigits(s); !phonePattern.MatchString(s) || digits < 3 || digits > 15 {
			return "must be a phone number like 01632 960000 (digits, spaces and an optional +), not " + quote(s)
		}
	case date:
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return "must be a date like 2026-11-23, not " + quote(s)
		}
	case status:
		if !slices.Contains(statuses, s) {
			return "must be one of " + strings.Join(statuses, ", ") + "; not " + quote(s)
		}
	}
	return ""
}

func urlProblem(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || strings.ContainsAny(s, " \t\n") {
		return "must be a web address starting with https://, not " + quote(s)
	}
	return ""
}

func countDigits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

// show prints a value the way it was probably written.
func show(v any) string {
	if s, ok := v.(string); ok {
		return quote(s)
	}
	return fmt.Sprint(v)
}

// ages checks that the minimum age is not above the maximum.
func (r record) ages() {
	lo, okLo := r.m["minimum_age"].(uint64)
	hi, okHi := r.m["maximum_age"].(uint64)
	if okLo && okHi && lo > hi && hi <= maxAge {
		r.fail("minimum_age", fmt.Sprintf("minimum_age %d is above maximum_age %d", lo, hi))
	}
}
