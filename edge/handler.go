// Package edge is the portal's HTTP handler: the built site with the
// project's security headers and cache policy, and the service directory as
// an Open Referral UK API. The same handler runs natively (cmd/preview, the
// tests) over a file system and in the Cloudflare Worker over the
// static-assets binding; only the Source differs.
package edge

import (
	"net/http"

	"github.com/focusfamily/portal/security"
)

// Handler serves the site and the API from one Source.
type Handler struct {
	site site
	api  api
}

// New returns the handler for the built site in src.
func New(src Source) *Handler {
	s := site{src: src}
	return &Handler{site: s, api: api{src: src, site: s, cache: &indexCache{}}}
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	security.Apply(w.Header(), r.URL.Path)
	if p := screen(r); p != nil {
		refuse(w, r, p)
		return
	}
	if isAPI(r.URL.Path) {
		h.api.ServeHTTP(w, r)
		return
	}
	h.site.ServeHTTP(w, r)
}

// refuse answers a screened-out request, in JSON under the API.
func refuse(w http.ResponseWriter, r *http.Request, p *problem) {
	if p.status == http.StatusMethodNotAllowed {
		w.Header().Set("Allow", "GET, HEAD")
	}
	if isAPI(r.URL.Path) {
		failJSON(w, r, p.status, p.message)
		return
	}
	failText(w, r, p.status, p.message)
}
