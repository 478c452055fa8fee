package edge

import (
	"errors"
	"io"
	"io/fs"
	"log"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/focusfamily/portal/security"
)

// site serves the files of the built site: folders by their index.html,
// a folder without its trailing slash by a redirect, anything else missing
// by the site's 404 page.
type site struct {
	src Source
}

func (s site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := fileName(r.URL.Path)
	if hidden(name) {
		s.notFound(w, r)
		return
	}
	f, err := s.src.Open(r.Context(), name)
	switch {
	case err == nil:
		serveFile(w, r, f, http.StatusOK)
	case !errors.Is(err, fs.ErrNotExist):
		log.Printf("edge: %s: %v", name, err)
		failText(w, r, http.StatusInternalServerError, "The site's files could not be read.")
	case s.isFolder(r):
		redirect(w, r.URL.EscapedPath()+"/")
	default:
		s.notFound(w, r)
	}
}

// fileName maps a screened URL path to the file that answers it.
func fileName(urlPath string) string {
	name := strings.TrimPrefix(urlPath, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	return name
}

// hidden reports the files a static host keeps to itself: dotfiles (but
// /.well-known/, for security.txt) and the host's own configuration files.
func hidden(name string) bool {
	rest := strings.TrimPrefix(name, ".well-known/")
	base := path.Base(name)
	return strings.HasPrefix(rest, ".") || strings.Contains(rest, "/.") || base == "_headers" || base == "_redirects"
}

// isFolder reports whether a path without a trailing slash (and without an
// extension, as folders here have none) names a folder with an index page.
func (s site) isFolder(r *http.Request) bool {
	p := r.URL.Path
	if strings.HasSuffix(p, "/") || path.Ext(p) != "" {
		return false
	}
	f, err := s.src.Open(r.Context(), strings.TrimPrefix(p, "/")+"/index.html")
	if err != nil {
		return false
	}
	f.Body.Close()
	return true
}

func (s site) notFound(w http.ResponseWriter, r *http.Request) {
	f, err := s.src.Open(r.Context(), "404.html")
	if err != nil {
		failText(w, r, http.StatusNotFound, "Page not found.")
		return
	}
	// The answer is the 404 page, so it takes that page's headers: a
	// missing file in a fingerprinted folder must not be cached for a year.
	security.Apply(w.Header(), "/404.html")
	serveFile(w, r, f, http.StatusNotFound)
}

// serveFile sends an open file, answering a matching If-None-Match with
// 304. Its Cache-Control comes, like every header, from security/_headers.
func serveFile(w http.ResponseWriter, r *http.Request, f *File, status int) {
	defer f.Body.Close()
	h := w.Header()
	h.Set("Content-Type", f.ContentType)
	if f.ETag != "" && status == http.StatusOK {
		h.Set("ETag", f.ETag)
		if etagMatches(r.Header.Values("If-None-Match"), f.ETag) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	if r.Method == http.MethodHead {
		w.WriteHeader(status)
		return
	}
	if f.Size >= 0 {
		h.Set("Content-Length", strconv.FormatInt(f.Size, 10))
	}
	w.WriteHeader(status)
	// In the Worker, io.Copy hands the asset's stream straight to the
	// response (the body implements io.WriterTo) instead of copying it
	// through Go.
	io.Copy(w, f.Body)
}

// etagMatches applies If-None-Match's weak comparison.
func etagMatches(headers []string, etag string) bool {
	for _, h := range headers {
		for _, tag := range strings.Split(h, ",") {
			tag = strings.TrimSpace(tag)
			if tag == "*" || strings.TrimPrefix(tag, "W/") == strings.TrimPrefix(etag, "W/") {
				return true
			}
		}
	}
	return false
}

// redirect sends a permanent redirect to a path on this site. The query is
// dropped: no page here takes one, and answers never belong in an address.
func redirect(w http.ResponseWriter, location string) {
	w.Header().Set("Location", location)
	siteWide(w.Header())
	w.WriteHeader(http.StatusMovedPermanently)
}

// siteWide gives a redirect or an error the site-wide cache policy (that of
// the pattern /*), whatever folder its address names.
func siteWide(h http.Header) {
	h.Set("Cache-Control", security.Value(security.Rules(), "/*", "Cache-Control"))
}

// failText answers with a short plain-text message.
func failText(w http.ResponseWriter, r *http.Request, status int, message string) {
	writeBody(w, r, status, "text/plain; charset=utf-8", []byte(message+"\n"))
}

// writeBody sends a body held in memory. Content-Length goes only with a
// body: the Worker runtime makes a response with a Content-Length wait for
// that many bytes, which a HEAD response never sends.
func writeBody(w http.ResponseWriter, r *http.Request, status int, contentType string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	if status >= 300 {
		siteWide(h)
	}
	if r.Method == http.MethodHead {
		w.WriteHeader(status)
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	w.Write(body)
}
