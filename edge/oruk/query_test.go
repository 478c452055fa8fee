package oruk

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func intp(n int) *int { return &n }

func TestParseServiceQuery(t *testing.T) {
	defaults := Paging{Page: 1, PerPage: DefaultPerPage}
	tests := []struct {
		raw  string
		want ServiceQuery
	}{
		{"", ServiceQuery{Paging: defaults}},
		{"page=2&per_page=10", ServiceQuery{Paging: Paging{2, 10}}},
		{"page=&per_page=", ServiceQuery{Paging: defaults}}, // empty form fields
		{"per_page=100", ServiceQuery{Paging: Paging{1, 100}}},
		{"search=School++Attendance", ServiceQuery{Paging: defaults, Words: []string{"school", "attendance"}}},
		{"search=+", ServiceQuery{Paging: defaults, Words: []string{}}},
		{"taxonomy_term_id=theme-2&taxonomy_id=focus-family-themes", ServiceQuery{Paging: defaults, TaxonomyTermID: "theme-2", TaxonomyID: "focus-family-themes"}},
		{"minimum_age=5&maximum_age=16", ServiceQuery{Paging: defaults, MinimumAge: intp(5), MaximumAge: intp(16)}},
		{"minimum_age=0&maximum_age=0", ServiceQuery{Paging: defaults, MinimumAge: intp(0), MaximumAge: intp(0)}},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			got, err := ParseServiceQuery(tt.raw)
			if err != nil {
				t.Fatal(err)
			}
			if tt.want.Words == nil {
				tt.want.Words = []string{}
			}
			if got.Words == nil {
				got.Words = []string{}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestParseServiceQueryRefuses(t *testing.T) {
	tests := []struct{ raw, param string }{
		{"page=0", "page"},
		{"page=-1", "page"},
		{"page=abc", "page"},
		{"page=1.5", "page"},
		{"page=+1", "page"},
		{"page=99999999999999999999999999", "page"},
		{"page=100001", "page"},
		{"per_page=0", "per_page"},
		{"per_page=-1", "per_page"},
		{"per_page=101", "per_page"},
		{"per_page=1e3", "per_page"},
		{"per_page=0x10", "per_page"},
		{"minimum_age=-1", "minimum_age"},
		{"minimum_age=151", "minimum_age"},
		{"maximum_age=ten", "maximum_age"},
		{"minimum_age=10&maximum_age=5", "minimum_age"},
		{"page=%zz", ""},
		{"search=%", ""},
		{"search=%ff", "search"},
		{"search=" + strings.Repeat("a", 201), "search"},
		{"taxonomy_term_id=" + strings.Repeat("a", 201), "taxonomy_term_id"},
		{"page=1&page=2", "page"},
		{"colour=red", "colour"},
		{"postcode=AB1+2CD", "postcode"},
	}
	for _, tt := range tests {
		t.Run(tt.raw[:min(len(tt.raw), 40)], func(t *testing.T) {
			_, err := ParseServiceQuery(tt.raw)
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("err = %v, want a *QueryError", err)
			}
			if qe.Param != tt.param {
				t.Errorf("param = %q, want %q (%v)", qe.Param, tt.param, err)
			}
		})
	}
}

func TestParsePagingAndNone(t *testing.T) {
	if p, err := ParsePaging("page=3&per_page=1"); err != nil || p != (Paging{3, 1}) {
		t.Errorf("ParsePaging = %+v, %v", p, err)
	}
	if _, err := ParsePaging("search=x"); err == nil {
		t.Error("ParsePaging accepted search")
	}
	if err := ParseNone(""); err != nil {
		t.Errorf("ParseNone(\"\") = %v", err)
	}
	if err := ParseNone("page=1"); err == nil || !strings.Contains(err.Error(), "takes none") {
		t.Errorf("ParseNone(page=1) = %v", err)
	}
}

// FuzzParseServiceQuery checks that no query string panics and that what
// is accepted is within the limits.
func FuzzParseServiceQuery(f *testing.F) {
	for _, seed := range []string{"", "page=2&per_page=10", "search=a+b", "minimum_age=3", "page=%zz", "per_page=-1", "a=1&a=2", "page=99999999999999999999"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := ParseServiceQuery(raw)
		if err != nil {
			return
		}
		if q.Page < 1 || q.Page > maxPage || q.PerPage < 1 || q.PerPage > MaxPerPage {
			t.Errorf("%q: paging out of range: %+v", raw, q.Paging)
		}
		if q.MinimumAge != nil && q.MaximumAge != nil && *q.MinimumAge > *q.MaximumAge {
			t.Errorf("%q: minimum_age above maximum_age", raw)
		}
	})
}
