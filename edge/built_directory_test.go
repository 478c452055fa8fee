package edge

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"testing"
)

// builtSite is the site `make build` writes; `make test` builds it first.
const builtSite = "../public"

// TestBuiltDirectoryNeverFails serves the built site and asks the API for
// the list and for every service, term and taxonomy of the built
// /api/directory.json: data that passed the build's checks (focuscheck
// services) must never make the API answer with a server error.
func TestBuiltDirectoryNeverFails(t *testing.T) {
	raw, err := os.ReadFile(builtSite + "/api/directory.json")
	if err != nil {
		t.Fatalf("%v: run `make build` first", err)
	}
	var dir struct {
		Services   []struct{ ID string } `json:"services"`
		Taxonomies []struct {
			ID         string
			Vocabulary string
		} `json:"taxonomies"`
	}
	if err := json.Unmarshal(raw, &dir); err != nil {
		t.Fatal(err)
	}
	if len(dir.Services) == 0 {
		t.Fatal("the built directory has no services")
	}
	paths := []string{"/api/", "/api/services", "/api/services?per_page=100", "/api/taxonomies", "/api/taxonomy_terms", "/api/directory.json"}
	for _, s := range dir.Services {
		paths = append(paths, "/api/services/"+url.PathEscape(s.ID))
	}
	for _, tm := range dir.Taxonomies {
		paths = append(paths, "/api/taxonomy_terms/"+url.PathEscape(tm.ID), "/api/taxonomies/"+url.PathEscape(tm.Vocabulary),
			"/api/services?taxonomy_term_id="+url.QueryEscape(tm.ID))
	}
	h := New(FS(os.DirFS(builtSite)))
	for _, p := range paths {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code != http.StatusOK {
			t.Errorf("GET %s = %d: %s", p, rec.Code, rec.Body)
		}
	}
}
