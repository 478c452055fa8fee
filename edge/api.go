package edge

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"strings"
	"sync"

	"github.com/focusfamily/portal/edge/oruk"
)

// The API's place on the site, and the export it is generated from: the
// Hugo build writes the directory there as JSON, which also serves hosts
// that run no worker.
const (
	apiRoot    = "/api/"
	exportName = "api/directory.json"
)

var errNoRecord = errors.New("no record with this id")

func isAPI(p string) bool {
	return p == strings.TrimSuffix(apiRoot, "/") || strings.HasPrefix(p, apiRoot)
}

// api serves the service directory as an Open Referral UK API: read only,
// no keys, open to every origin.
type api struct {
	src   Source
	site  site
	cache *indexCache
}

// indexCache keeps the decoded, indexed export for as long as its ETag
// stays the same: in the Worker, whose Go instance lives as long as its
// isolate, that is once per instance; natively, once per build.
type indexCache struct {
	mu   sync.Mutex
	etag string
	api  *oruk.API
}

// Its Access-Control-Allow-Origin header comes from security/_headers.
func (a api) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/"+exportName {
		a.site.ServeHTTP(w, r)
		return
	}
	route, ok := strings.CutPrefix(r.URL.Path, apiRoot)
	if !ok {
		redirect(w, apiRoot)
		return
	}
	answer := endpoint(route)
	if answer == nil {
		failJSON(w, r, http.StatusNotFound, "There is no such endpoint. The list is at "+apiRoot+".")
		return
	}
	if r.URL.RawQuery == "" && a.serveStatic(w, r, route) {
		return
	}
	d, err := a.indexed(r.Context())
	if err != nil {
		log.Printf("edge: %v", err)
		failJSON(w, r, http.StatusInternalServerError, "The directory could not be read.")
		return
	}
	v, err := answer(d, r.URL.RawQuery)
	var qe *oruk.QueryError
	switch {
	case errors.As(err, &qe):
		failJSON(w, r, http.StatusBadRequest, qe.Error())
	case errors.Is(err, errNoRecord):
		failJSON(w, r, http.StatusNotFound, "There is no record with this id.")
	case err != nil:
		log.Printf("edge: %s: %v", r.URL.Path, err)
		failJSON(w, r, http.StatusInternalServerError, "The request could not be answered.")
	default:
		writeJSON(w, r, http.StatusOK, v)
	}
}

// indexed returns the export, decoded and indexed, from the cache while
// the file's ETag is the one the cache holds.
func (a api) indexed(ctx context.Context) (*oruk.API, error) {
	f, err := a.open(ctx)
	if err != nil {
		return nil, err
	}
	defer f.Body.Close()
	a.cache.mu.Lock()
	defer a.cache.mu.Unlock()
	if f.ETag != "" && f.ETag == a.cache.etag {
		return a.cache.api, nil
	}
	dir, err := decodeExport(f)
	if err != nil {
		return nil, err
	}
	a.cache.etag, a.cache.api = f.ETag, oruk.New(dir)
	return a.cache.api, nil
}

// load reads and decodes the export, uncached.
func (a api) load(ctx context.Context) (*oruk.Directory, error) {
	f, err := a.open(ctx)
	if err != nil {
		return nil, err
	}
	defer f.Body.Close()
	return decodeExport(f)
}

func (a api) open(ctx context.Context) (*File, error) {
	f, err := a.src.Open(ctx, exportName)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", exportName, err)
	}
	return f, nil
}

func decodeExport(f *File) (*oruk.Directory, error) {
	data, err := io.ReadAll(f.Body)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", exportName, err)
	}
	return oruk.Decode(data)
}

// answer answers one endpoint from the directory and the raw query string.
type answer func(d *oruk.API, rawQuery string) (any, error)

// endpoint returns the answer for a route under apiRoot, or nil.
func endpoint(route string) answer {
	switch route {
	case "":
		return func(d *oruk.API, q string) (any, error) {
			if err := oruk.ParseNone(q); err != nil {
				return nil, err
			}
			return d.Meta(apiRoot), nil
		}
	case "services":
		return list(oruk.ParseServiceQuery, (*oruk.API).Services)
	case "taxonomies":
		return list(oruk.ParsePaging, (*oruk.API).Taxonomies)
	case "taxonomy_terms":
		return list(oruk.ParsePaging, (*oruk.API).TaxonomyTerms)
	}
	collection, id, ok := strings.Cut(route, "/")
	if !ok || id == "" || strings.Contains(id, "/") {
		return nil
	}
	switch collection {
	case "services":
		return one(id, (*oruk.API).Service)
	case "taxonomies":
		return one(id, (*oruk.API).Taxonomy)
	case "taxonomy_terms":
		return one(id, (*oruk.API).TaxonomyTerm)
	}
	return nil
}

func list[Q, T any](parse func(string) (Q, error), page func(*oruk.API, Q) oruk.Page[T]) answer {
	return func(d *oruk.API, rawQuery string) (any, error) {
		q, err := parse(rawQuery)
		if err != nil {
			return nil, err
		}
		return page(d, q), nil
	}
}

func one[T any](id string, find func(*oruk.API, string) (T, bool)) answer {
	return func(d *oruk.API, rawQuery string) (any, error) {
		if err := oruk.ParseNone(rawQuery); err != nil {
			return nil, err
		}
		v, ok := find(d, id)
		if !ok {
			return nil, errNoRecord
		}
		return v, nil
	}
}

// apiError is the body of every API error.
type apiError struct {
	Status  int    `json:"status"`
	Error   string `json:"error"`
	Message string `json:"message"`
}

func failJSON(w http.ResponseWriter, r *http.Request, status int, message string) {
	writeJSON(w, r, status, apiError{status, http.StatusText(status), message})
}

func writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		log.Printf("edge: encode %T: %v", v, err)
		failText(w, r, http.StatusInternalServerError, "The answer could not be encoded.")
		return
	}
	writeBody(w, r, status, "application/json; charset=utf-8", append(body, '\n'))
}
