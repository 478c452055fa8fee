package oruk

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
)

// The fixture export is the edge handler's test site's, so both packages
// test against the same directory.
const fixture = "../testdata/site/api/directory.json"

func testAPI(t *testing.T) *API {
	t.Helper()
	data, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	dir, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	return New(dir)
}

func ids(p Page[Service]) []string {
	out := []string{}
	for _, s := range p.Contents {
		out = append(out, s.ID)
	}
	return out
}

func TestServicesFilters(t *testing.T) {
	a := testAPI(t)
	tests := []struct {
		raw  string
		want []string
	}{
		{"", []string{"family-team", "attendance", "advice", "health-visitors"}},
		// Search looks in names, descriptions, organisations and term names:
		// the family team is found by its "School attendance" theme.
		{"search=school", []string{"family-team", "attendance"}},
		{"search=SCHOOL+team", []string{"family-team", "attendance"}},
		{"search=debt+advice", []string{"advice"}},
		{"search=nhs", []string{"health-visitors"}},
		{"search=nothing-like-this", []string{}},
		{"taxonomy_term_id=theme-2", []string{"family-team", "attendance"}},
		{"taxonomy_term_id=theme-9", []string{}},
		{"taxonomy_id=focus-family-pathways", []string{"family-team", "attendance"}},
		{"taxonomy_id=focus-family-themes", []string{"family-team", "attendance", "advice", "health-visitors"}},
		// minimum_age: services whose minimum age is at least the value.
		{"minimum_age=5", []string{"attendance", "advice"}},
		{"minimum_age=17", []string{}},
		// maximum_age: services whose maximum age is at most the value; a
		// service with no upper limit never matches.
		{"maximum_age=16", []string{"attendance", "health-visitors"}},
		{"maximum_age=100", []string{"family-team", "attendance", "health-visitors"}},
		{"minimum_age=0&maximum_age=5", []string{"health-visitors"}},
		{"search=school&taxonomy_term_id=pathway-early-help", []string{"family-team"}},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			q, err := ParseServiceQuery(tt.raw)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(a.Services(q)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPaginate(t *testing.T) {
	all := []int{1, 2, 3, 4, 5}
	tests := []struct {
		name  string
		items []int
		p     Paging
		want  Page[int]
	}{
		{"one page", all, Paging{1, 10}, Page[int]{5, 1, 1, 5, true, true, false, all}},
		{"first of two", all, Paging{1, 3}, Page[int]{5, 2, 1, 3, true, false, false, []int{1, 2, 3}}},
		{"last of two", all, Paging{2, 3}, Page[int]{5, 2, 2, 2, false, true, false, []int{4, 5}}},
		{"past the end", all, Paging{3, 3}, Page[int]{5, 2, 3, 0, false, true, true, []int{}}},
		{"exact fit", all, Paging{5, 1}, Page[int]{5, 5, 5, 1, false, true, false, []int{5}}},
		{"no items", nil, Paging{1, 10}, Page[int]{0, 0, 1, 0, true, true, true, []int{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := paginate(tt.items, tt.p)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
			if b, _ := json.Marshal(got); !strings.Contains(string(b), `"contents":[`) {
				t.Errorf("contents is not a JSON array: %s", b)
			}
		})
	}
}

func TestService(t *testing.T) {
	a := testAPI(t)
	s, ok := a.Service("family-team")
	if !ok {
		t.Fatal("family-team not found")
	}
	if s.OrganizationID != "test-council" || s.Organization != (Organization{"test-council", "Test Council", "The council."}) {
		t.Errorf("organization = %q %+v", s.OrganizationID, s.Organization)
	}
	if want := []Phone{{"family-team-phone", "01632 960000"}}; !reflect.DeepEqual(s.Phones, want) {
		t.Errorf("phones = %+v", s.Phones)
	}
	if s.ApplicationProcess != "A professional asks for help." || s.AssuredDate != "2026-11-23" {
		t.Errorf("application_process %q, assured_date %q", s.ApplicationProcess, s.AssuredDate)
	}
	wantTerm := TaxonomyTerm{ID: "theme-2", Code: "theme-2", Name: "School attendance", TaxonomyID: "focus-family-themes",
		Taxonomy: "Focus family themes", Description: "When a child misses school.", TermURI: "https://portal.example/themes/school-attendance/"}
	if len(s.Attributes) != 2 || s.Attributes[0].TaxonomyTerm != wantTerm || s.Attributes[0].LinkID != "family-team" {
		t.Errorf("attributes = %+v", s.Attributes)
	}
	if _, ok := a.Service("nope"); ok {
		t.Error("found a service that does not exist")
	}
}

func TestServiceJSON(t *testing.T) {
	a := testAPI(t)
	tests := []struct {
		id       string
		has, not []string
	}{
		// An age of 0 is a real age, so it is written.
		{"family-team", []string{`"minimum_age":0`, `"maximum_age":18`, `"self_referral":false`}, nil},
		// No upper age: the field is left out, not written as 0.
		{"advice", []string{`"minimum_age":16`}, []string{`"maximum_age"`}},
		// No phone: an empty list, not null.
		{"health-visitors", []string{`"phones":[]`}, nil},
	}
	for _, tt := range tests {
		s, _ := a.Service(tt.id)
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range tt.has {
			if !strings.Contains(string(b), want) {
				t.Errorf("%s: %s lacks %s", tt.id, b, want)
			}
		}
		for _, unwanted := range tt.not {
			if strings.Contains(string(b), unwanted) {
				t.Errorf("%s: %s has %s", tt.id, b, unwanted)
			}
		}
	}
}

func TestTaxonomies(t *testing.T) {
	a := testAPI(t)
	got := a.Taxonomies(Paging{1, 10})
	want := []Taxonomy{{"focus-family-themes", "Focus family themes", "The themes of the programme."},
		{"focus-family-pathways", "Focus family pathways", "The routes to help."}}
	if !reflect.DeepEqual(got.Contents, want) {
		t.Errorf("taxonomies = %+v", got.Contents)
	}
	if terms := a.TaxonomyTerms(Paging{2, 2}); terms.TotalItems != 5 || terms.TotalPages != 3 || terms.Contents[0].ID != "theme-6" {
		t.Errorf("terms page 2 = %+v", terms)
	}
	if _, ok := a.Taxonomy("focus-family-pathways"); !ok {
		t.Error("taxonomy not found")
	}
	if term, ok := a.TaxonomyTerm("pathway-early-help"); !ok || term.TaxonomyID != "focus-family-pathways" {
		t.Errorf("term = %+v, %v", term, ok)
	}
}

func TestMeta(t *testing.T) {
	m := testAPI(t).Meta("/api/")
	if m.Version != "3.0" || m.Publisher != "Test Council" || !m.Demonstration || m.Export != "/api/directory.json" {
		t.Errorf("meta = %+v", m)
	}
}

func TestDecodeRefuses(t *testing.T) {
	tests := []struct{ name, json, want string }{
		{"not JSON", `{`, "unexpected end"},
		{"no services", `{"services": []}`, "no services"},
		{"service without id", `{"services": [{"name": "x"}]}`, "service 1: no id"},
		{"duplicate service", `{"organizations": [{"id": "o", "description": "d"}], "services": [{"id": "a", "organization": {"id": "o"}}, {"id": "a"}]}`, `"a": the id is used twice`},
		{"unknown term", `{"services": [{"id": "a", "taxonomy_terms": ["t"]}]}`, `unknown taxonomy term "t"`},
		{"term without vocabulary", `{"taxonomies": [{"id": "t"}], "services": [{"id": "a"}]}`, "needs an id and a vocabulary"},
		{"term without description", `{"taxonomies": [{"id": "t", "vocabulary": "v"}], "vocabularies": {"v": {"description": "d"}}, "services": [{"id": "a"}]}`, `"t": its page`},
		{"vocabulary without description", `{"taxonomies": [{"id": "t", "vocabulary": "v", "description": "d"}], "services": [{"id": "a"}]}`, `"t": its page`},
		{"organization without description", `{"organizations": [{"id": "o"}], "services": [{"id": "a"}]}`, `"o": needs a description`},
		{"unknown organization", `{"services": [{"id": "a", "organization": {"id": "o"}}]}`, `organization "o" is not among`},
		{"duplicate organization", `{"organizations": [{"id": "o", "description": "d"}, {"id": "o"}], "services": [{"id": "a"}]}`, "organization 2: needs an id"},
		{"duplicate term", `{"taxonomies": [{"id": "t", "vocabulary": "v", "description": "d"}, {"id": "t", "vocabulary": "v"}], "vocabularies": {"v": {"description": "d"}}, "services": [{"id": "a"}]}`, `"t": the id is used twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode([]byte(tt.json))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}
