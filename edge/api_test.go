package edge

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

// envelope is the Open Referral UK page, with each item's id.
type envelope struct {
	TotalItems int                   `json:"total_items"`
	TotalPages int                   `json:"total_pages"`
	PageNumber int                   `json:"page_number"`
	Size       int                   `json:"size"`
	FirstPage  bool                  `json:"first_page"`
	LastPage   bool                  `json:"last_page"`
	Empty      bool                  `json:"empty"`
	Contents   []struct{ ID string } `json:"contents"`
}

func (e envelope) ids() []string {
	out := []string{}
	for _, c := range e.Contents {
		out = append(out, c.ID)
	}
	return out
}

func getJSON(t *testing.T, h http.Handler, target string, status int, v any) {
	t.Helper()
	w := do(h, "GET", target, nil)
	if w.Code != status {
		t.Fatalf("GET %s: status %d, want %d: %s", target, w.Code, status, w.Body.String())
	}
	for name, want := range map[string]string{
		"Content-Type":                "application/json; charset=utf-8",
		"Access-Control-Allow-Origin": "*",
		"Cache-Control":               "no-cache",
	} {
		if got := w.Header().Get(name); got != want {
			t.Errorf("GET %s: %s = %q, want %q", target, name, got, want)
		}
	}
	if err := json.Unmarshal(w.Body.Bytes(), v); err != nil {
		t.Fatalf("GET %s: %v: %s", target, err, w.Body.String())
	}
}

func TestAPIServices(t *testing.T) {
	h := testHandler()
	all := []string{"family-team", "attendance", "advice", "health-visitors"}
	tests := []struct {
		query string
		want  envelope
		ids   []string
	}{
		{"", envelope{TotalItems: 4, TotalPages: 1, PageNumber: 1, Size: 4, FirstPage: true, LastPage: true}, all},
		{"?per_page=3", envelope{TotalItems: 4, TotalPages: 2, PageNumber: 1, Size: 3, FirstPage: true}, all[:3]},
		{"?per_page=3&page=2", envelope{TotalItems: 4, TotalPages: 2, PageNumber: 2, Size: 1, LastPage: true}, all[3:]},
		{"?per_page=3&page=9", envelope{TotalItems: 4, TotalPages: 2, PageNumber: 9, LastPage: true, Empty: true}, []string{}},
		{"?search=debt", envelope{TotalItems: 1, TotalPages: 1, PageNumber: 1, Size: 1, FirstPage: true, LastPage: true}, []string{"advice"}},
		{"?taxonomy_term_id=theme-2", envelope{TotalItems: 2, TotalPages: 1, PageNumber: 1, Size: 2, FirstPage: true, LastPage: true}, all[:2]},
		{"?taxonomy_id=focus-family-pathways", envelope{TotalItems: 2, TotalPages: 1, PageNumber: 1, Size: 2, FirstPage: true, LastPage: true}, all[:2]},
		{"?minimum_age=5", envelope{TotalItems: 2, TotalPages: 1, PageNumber: 1, Size: 2, FirstPage: true, LastPage: true}, all[1:3]},
		{"?maximum_age=5", envelope{TotalItems: 1, TotalPages: 1, PageNumber: 1, Size: 1, FirstPage: true, LastPage: true}, all[3:]},
		{"?search=nothing", envelope{TotalItems: 0, TotalPages: 0, PageNumber: 1, FirstPage: true, LastPage: true, Empty: true}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var got envelope
			getJSON(t, h, "/api/services"+tt.query, 200, &got)
			if ids := got.ids(); !reflect.DeepEqual(ids, tt.ids) {
				t.Errorf("ids %v, want %v", ids, tt.ids)
			}
			got.Contents = nil
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("envelope %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestAPIRecords(t *testing.T) {
	h := testHandler()
	var meta struct{ Version, Export string }
	getJSON(t, h, "/api/", 200, &meta)
	if meta.Version != "3.0" || meta.Export != "/api/directory.json" {
		t.Errorf("meta %+v", meta)
	}
	var service struct {
		ID         string
		Attributes []struct {
			TaxonomyTermID string `json:"taxonomy_term_id"`
		}
	}
	getJSON(t, h, "/api/services/attendance", 200, &service)
	if service.ID != "attendance" || len(service.Attributes) != 2 {
		t.Errorf("service %+v", service)
	}
	var page envelope
	getJSON(t, h, "/api/taxonomies", 200, &page)
	if page.TotalItems != 2 {
		t.Errorf("taxonomies %+v", page)
	}
	getJSON(t, h, "/api/taxonomy_terms?per_page=2", 200, &page)
	if page.TotalItems != 5 || page.TotalPages != 3 {
		t.Errorf("taxonomy terms %+v", page)
	}
	var term struct {
		ID         string
		TaxonomyID string `json:"taxonomy_id"`
	}
	getJSON(t, h, "/api/taxonomy_terms/theme-6", 200, &term)
	if term.TaxonomyID != "focus-family-themes" {
		t.Errorf("term %+v", term)
	}
	getJSON(t, h, "/api/taxonomies/focus-family-themes", 200, &term)
}

func TestAPIErrors(t *testing.T) {
	h := testHandler()
	tests := []struct {
		target  string
		status  int
		message string
	}{
		{"/api/services?page=0", 400, "page: must be a whole number from 1 to 100000"},
		{"/api/services?per_page=-1", 400, "per_page: must be a whole number from 1 to 100"},
		{"/api/services?per_page=1000", 400, "per_page"},
		{"/api/services?minimum_age=x", 400, "minimum_age"},
		{"/api/services?maximum_age=200", 400, "maximum_age"},
		{"/api/services?minimum_age=9&maximum_age=3", 400, "minimum_age: must not be more than maximum_age"},
		{"/api/services?page=%zz", 400, "not valid"},
		{"/api/services?proximity=100", 400, "unknown parameter"},
		{"/api/taxonomies?search=x", 400, "this endpoint takes page, per_page"},
		{"/api/services/attendance?full=true", 400, "takes none"},
		{"/api/?x", 400, "takes none"},
		{"/api/services/nope", 404, "no record"},
		{"/api/taxonomies/nope", 404, "no record"},
		{"/api/taxonomy_terms/nope", 404, "no record"},
		{"/api/services/", 404, "no such endpoint"},
		{"/api/locations", 404, "no such endpoint"},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			var got struct {
				Status  int
				Error   string
				Message string
			}
			getJSON(t, h, tt.target, tt.status, &got)
			if got.Status != tt.status || got.Error != http.StatusText(tt.status) || !strings.Contains(got.Message, tt.message) {
				t.Errorf("body %+v, want status %d and a message with %q", got, tt.status, tt.message)
			}
		})
	}
}

func TestAPIExportAndRedirect(t *testing.T) {
	h := testHandler()
	w := do(h, "GET", "/api/directory.json", nil)
	if w.Code != 200 || w.Header().Get("Access-Control-Allow-Origin") != "*" || w.Header().Get("Content-Type") != "application/json" {
		t.Errorf("export: status %d, headers %v", w.Code, w.Header())
	}
	w = do(h, "GET", "/api", nil)
	if w.Code != 301 || w.Header().Get("Location") != "/api/" {
		t.Errorf("/api: status %d, Location %q", w.Code, w.Header().Get("Location"))
	}
}
