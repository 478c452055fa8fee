package directory

import (
	"os"
	"strings"
	"testing"
)

// valid is a small, correct directory; each case below breaks one thing.
const valid = validBase + validOrgs

const validBase = `taxonomies:
  - id: theme-1
    name: Crime
    vocabulary: focus-family-themes
    page: /themes/crime
services:
  - id: early-help
    name: Early Help service
    status: active
    description: Free support for families.
    organization: {id: example-council, name: Example Council}
    url: https://www.example.gov.uk/early-help
    email: early.help@example.gov.uk
    phone: 01632 960002
    minimum_age: 0
    maximum_age: 19
    who_can_refer: [parents and carers]
    self_referral: true
    assured_date: 2026-11-23
    example: true
    taxonomy_terms: [theme-1]
`

const validOrgs = `organizations:
  - id: example-council
    name: Example Council
    description: The local council.
`

func TestValidPasses(t *testing.T) {
	if err := Check([]byte(valid), "data/services.yaml"); err != nil {
		t.Fatal(err)
	}
}

func TestRealDataPasses(t *testing.T) {
	b, err := os.ReadFile("../data/services.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := Check(b, "data/services.yaml"); err != nil {
		t.Fatal(err)
	}
}

func TestBadEntries(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           string // the whole error
	}{
		{"enumeration: flag", "self_referral: true", "self_referral: yes please",
			`data/services.yaml: line 18: service "early-help": field "self_referral" must be true or false, not "yes please"`},
		{"enumeration: status", "status: active", "status: open",
			`data/services.yaml: line 9: service "early-help": field "status" must be one of active, inactive, defunct, temporarily closed; not "open"`},
		{"email", "email: early.help@example.gov.uk", "email: early help at example",
			`data/services.yaml: line 13: service "early-help": field "email" must be an email address like team@example.gov.uk, not "early help at example"`},
		{"email without a domain", "email: early.help@example.gov.uk", "email: early.help@localhost",
			`data/services.yaml: line 13: service "early-help": field "email" must be an email address like team@example.gov.uk, not "early.help@localhost"`},
		{"phone with letters", "phone: 01632 960002", "phone: call us",
			`data/services.yaml: line 14: service "early-help": field "phone" must be a phone number like 01632 960000 (digits, spaces and an optional +), not "call us"`},
		{"phone as a number", "phone: 01632 960002", "phone: 441632960002",
			`data/services.yaml: line 14: service "early-help": field "phone" must be text (put it in quotes), not 441632960002`},
		{"url", "url: https://www.example.gov.uk/early-help", "url: www.example.gov.uk",
			`data/services.yaml: line 12: service "early-help": field "url" must be a web address starting with https://, not "www.example.gov.uk"`},
		{"url scheme", "url: https://www.example.gov.uk/early-help", "url: javascript:alert(1)",
			`data/services.yaml: line 12: service "early-help": field "url" must be a web address starting with https://, not "javascript:alert(1)"`},
		{"age above 120", "maximum_age: 19", "maximum_age: 200",
			`data/services.yaml: line 16: service "early-help": field "maximum_age" must be a whole number of years from 0 to 120, not 200`},
		{"negative age", "minimum_age: 0", "minimum_age: -1",
			`data/services.yaml: line 15: service "early-help": field "minimum_age" must be a whole number of years from 0 to 120, not -1`},
		{"fractional age", "minimum_age: 0", "minimum_age: 2.5",
			`data/services.yaml: line 15: service "early-help": field "minimum_age" must be a whole number of years from 0 to 120, not 2.5`},
		{"min above max", "minimum_age: 0", "minimum_age: 20",
			`data/services.yaml: line 15: service "early-help": minimum_age 20 is above maximum_age 19`},
		{"unknown taxonomy term", "taxonomy_terms: [theme-1]", "taxonomy_terms: [theme-1, theme-9]",
			`data/services.yaml: line 21: service "early-help": field "taxonomy_terms" unknown taxonomy term "theme-9" (see taxonomies at the top of the file)`},
		{"date", "assured_date: 2026-11-23", "assured_date: last week",
			`data/services.yaml: line 19: service "early-help": field "assured_date" must be a date like 2026-11-23, not "last week"`},
		{"misspelt field", "example: true", "exampel: true",
			`data/services.yaml: line 20: service "early-help": unknown field "exampel"`},
		{"missing field", "    name: Early Help service\n", "",
			`data/services.yaml: line 7: service "early-help": missing field "name"`},
		{"bad id", "  - id: early-help", "  - id: Early Help",
			`data/services.yaml: line 7: service "Early Help": field "id" must use lower-case letters, digits and single hyphens, not "Early Help"`},
		{"bad page", "page: /themes/crime", "page: themes/crime",
			`data/services.yaml: line 5: taxonomy term "theme-1": field "page" must be a path on this site, like /pathways/send, not "themes/crime"`},
		{"organisation", "organization: {id: example-council, name: Example Council}", "organization: Example Council",
			`data/services.yaml: line 11: service "early-help": field "organization" must be {id: an-id, name: The organisation's name}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(valid, tt.old, tt.new, 1)
			if src == valid {
				t.Fatalf("%q is not in the valid data", tt.old)
			}
			err := Check([]byte(src), "data/services.yaml")
			if err == nil || err.Error() != tt.want {
				t.Errorf("error\n  %v\nwant\n  %s", err, tt.want)
			}
		})
	}
}

func TestDuplicateIDs(t *testing.T) {
	dup := validBase + strings.SplitN(validBase, "services:\n", 2)[1] + validOrgs
	term := strings.Replace(valid, "services:", "  - id: theme-1\n    name: Again\n    vocabulary: v\n    page: /x\nservices:", 1)
	tests := []struct{ name, src, want string }{
		{"service", dup, `data/services.yaml: line 22: service "early-help": the id "early-help" is used twice`},
		{"taxonomy term", term, `data/services.yaml: line 6: taxonomy term "theme-1": the id "theme-1" is used twice`},
		{"unknown organisation", strings.Replace(valid, "  - id: example-council\n", "  - id: another-council\n", 1),
			`data/services.yaml: line 11: service "early-help": organization "example-council" is not in the list of organizations`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Check([]byte(tt.src), "data/services.yaml")
			if err == nil || err.Error() != tt.want {
				t.Errorf("error\n  %v\nwant\n  %s", err, tt.want)
			}
		})
	}
}

// TestSyntaxErrorAlone mis-indents one line: the syntax error, with its line
// and column, must be the only message.
func TestSyntaxErrorAlone(t *testing.T) {
	src := strings.Replace(valid, "    email: early", "   email: early", 1)
	err := Check([]byte(src), "data/services.yaml")
	if err == nil {
		t.Fatal("a mis-indented line was accepted")
	}
	msg := err.Error()
	if strings.Count(msg, "\n") != 0 || !strings.HasPrefix(msg, "data/services.yaml: line 13, column ") || !strings.Contains(msg, "YAML syntax error") {
		t.Errorf("error %q; want one line naming the file, line 13 and a column", msg)
	}
}
