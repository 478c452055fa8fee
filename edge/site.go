// Package edge is the portal's HTTP handler: it serves the built site with the
// project's security headers. The same handler runs natively (cmd/preview,
// tests) and in the Cloudflare Worker.
package edge

import (
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/focusfamily/portal/security"
)

// Site serves the files of a built site (Hugo's public/ folder).
type Site struct {
	files fs.FS
}

// NewSite returns a handler for the built site in files.
func NewSite(files fs.FS) *Site {
	return &Site{files: files}
}

func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	security.Apply(w.Header(), r.URL.Path)
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "Method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := s.resolve(r.URL.Path)
	switch {
	case !ok:
		s.notFound(w, r)
	case name == "":
		http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
	default:
		http.ServeFileFS(w, r, s.files, name)
	}
}

// resolve maps a URL path to a file name. It returns "" and true when the
// path names a folder without its trailing slash, so the caller redirects.
func (s *Site) resolve(urlPath string) (string, bool) {
	clean := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if clean == "" {
		clean = "."
	}
	if !fs.ValidPath(clean) {
		return "", false
	}
	info, err := fs.Stat(s.files, clean)
	if err != nil {
		return "", false
	}
	if !info.IsDir() {
		return clean, true
	}
	if !strings.HasSuffix(urlPath, "/") {
		return "", true
	}
	index := path.Join(clean, "index.html")
	if _, err := fs.Stat(s.files, index); err != nil {
		return "", false
	}
	return index, true
}

func (s *Site) notFound(w http.ResponseWriter, r *http.Request) {
	page, err := fs.ReadFile(s.files, "404.html")
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(page)
	}
}
