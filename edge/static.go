package edge

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"

	"github.com/focusfamily/portal/edge/oruk"
)

// StaticFile is one API answer written as a file of the site.
type StaticFile struct {
	Name string // such as "api/services/family-team.json"
	Data []byte
}

// StaticAPI returns, as files, the answer to every API address that takes
// no query: the root, the three lists and every record. Hosts without code
// serve them (the generated configurations map /api/x to api/x.json), and
// the preview server sends them instead of answering again. (The Worker
// holds only the export and answers from it with the same endpoints.) They
// come from the same endpoints as the live API, so they have its shapes.
func StaticAPI(ctx context.Context, src Source) ([]StaticFile, error) {
	a := api{src: src}
	dir, err := a.load(ctx)
	if err != nil {
		return nil, err
	}
	d := oruk.New(dir)
	routes := []string{"", "services", "taxonomies", "taxonomy_terms"}
	for _, s := range dir.Services {
		routes = append(routes, "services/"+s.ID)
	}
	for _, t := range dir.Terms {
		routes = append(routes, "taxonomy_terms/"+t.ID)
		if !slices.Contains(routes, "taxonomies/"+t.Vocabulary) {
			routes = append(routes, "taxonomies/"+t.Vocabulary)
		}
	}
	var files []StaticFile
	for _, route := range routes {
		v, err := endpoint(route)(d, "")
		if err != nil {
			return nil, fmt.Errorf("static API %s: %w", route, err)
		}
		body, err := json.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("static API %s: %w", route, err)
		}
		files = append(files, StaticFile{staticName(route), append(body, '\n')})
	}
	return files, nil
}

// staticName is the file that holds the answer for a route under apiRoot.
func staticName(route string) string {
	if route == "" {
		return "api/index.json"
	}
	return "api/" + route + ".json"
}

// serveStatic sends the prebuilt answer for a route without a query, if
// the build wrote one, and reports whether it did. Sending a file needs no
// decoding of the whole directory.
func (a api) serveStatic(w http.ResponseWriter, r *http.Request, route string) bool {
	f, err := a.src.Open(r.Context(), staticName(route))
	if err != nil {
		return false
	}
	f.ContentType = "application/json; charset=utf-8"
	serveFile(w, r, f, http.StatusOK)
	return true
}
