package edge

import (
	"context"
	"net/http"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// Every static file is byte for byte the live API's answer at its address,
// and once written the handler sends it (with an ETag, as a file).
func TestStaticAPI(t *testing.T) {
	export, err := os.ReadFile("testdata/site/api/directory.json")
	if err != nil {
		t.Fatal(err)
	}
	site := fstest.MapFS{"api/directory.json": {Data: export}}
	files, err := StaticAPI(context.Background(), FS(site))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"api/index.json": true, "api/services.json": true, "api/taxonomies.json": true,
		"api/taxonomy_terms.json": true, "api/services/family-team.json": true,
		"api/taxonomies/focus-family-pathways.json": true, "api/taxonomy_terms/theme-2.json": true}
	live := New(FS(site))
	withFiles := fstest.MapFS{"api/directory.json": {Data: export}}
	for _, f := range files {
		delete(want, f.Name)
		withFiles[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	if len(want) > 0 {
		t.Errorf("missing static files: %v", want)
	}
	static := New(FS(withFiles))
	for _, f := range files {
		target := "/" + strings.TrimSuffix(strings.TrimSuffix(f.Name, ".json"), "index")
		w := do(live, "GET", target, nil)
		if w.Code != http.StatusOK || w.Body.String() != string(f.Data) {
			t.Errorf("%s: live %d %q, static %q", target, w.Code, w.Body.String(), f.Data)
		}
		s := do(static, "GET", target, nil)
		if s.Body.String() != string(f.Data) || s.Header().Get("ETag") == "" || s.Header().Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("%s: from the file: %d %q %v", target, s.Code, s.Body.String(), s.Header())
		}
		if ct := s.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
			t.Errorf("%s: Content-Type %q", target, ct)
		}
	}
	// A query still reaches the live API.
	if w := do(static, "GET", "/api/services?page=0", nil); w.Code != http.StatusBadRequest {
		t.Errorf("query: status %d", w.Code)
	}
}
