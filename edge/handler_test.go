package edge

import (
	"context"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/focusfamily/portal/security"
)

const fingerprintedCSS = "/css/main.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.css"

func testHandler() http.Handler {
	return New(FS(os.DirFS("testdata/site")))
}

func do(h http.Handler, method, target string, header http.Header) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, nil)
	for name, values := range header {
		r.Header[name] = values
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// Every response, whatever its status, carries the one definition of the
// security headers.
func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	h := testHandler()
	long := http.Header{"X-Long": {strings.Repeat("a", 16<<10)}}
	tests := []struct {
		method, target string
		header         http.Header
		status         int
	}{
		{"GET", "/", nil, 200},
		{"HEAD", "/themes/", nil, 200},
		{"GET", fingerprintedCSS, nil, 200},
		{"GET", "/themes", nil, 301},
		{"GET", "/no-such-page/", nil, 404},
		{"POST", "/", nil, 405},
		{"GET", "/../etc/passwd", nil, 400},
		{"GET", "/" + strings.Repeat("a", 16<<10), nil, 414},
		{"GET", "/", long, 431},
		{"GET", "/api/", nil, 200},
		{"GET", "/api/services?page=0", nil, 400},
		{"GET", "/api/services/nope", nil, 404},
		{"DELETE", "/api/services", nil, 405},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target[:min(len(tt.target), 40)], func(t *testing.T) {
			w := do(h, tt.method, tt.target, tt.header)
			if w.Code != tt.status {
				t.Errorf("status = %d, want %d", w.Code, tt.status)
			}
			want := http.Header{}
			if w.Code < 300 {
				security.Apply(want, strings.SplitN(tt.target, "?", 2)[0])
			} else {
				security.Apply(want, "/")
			}
			for name := range want {
				if got := w.Header().Get(name); got != want.Get(name) {
					t.Errorf("%s = %q, want %q", name, got, want.Get(name))
				}
			}
		})
	}
}

func TestSite(t *testing.T) {
	h := testHandler()
	tests := []struct {
		target      string
		status      int
		contentType string
		cache       string
		location    string
		body        string
	}{
		{"/", 200, "text/html; charset=utf-8", "no-cache", "", "<title>Home"},
		{"/index.html", 200, "text/html; charset=utf-8", "no-cache", "", "<title>Home"},
		{"/themes/", 200, "text/html; charset=utf-8", "no-cache", "", "<title>Themes"},
		{"/themes/health/", 200, "text/html; charset=utf-8", "no-cache", "", "<title>Health"},
		{fingerprintedCSS, 200, "text/css; charset=utf-8", "public, max-age=31536000, immutable", "", "body{"},
		{"/plain.js", 200, "text/javascript; charset=utf-8", "no-cache", "", "console.log"},
		// A 404 takes the 404 page's policy, never a fingerprinted folder's.
		{"/css/main.missing.css", 404, "text/html; charset=utf-8", "no-cache", "", "Page not found"},
		{"/checker/checker.wasm", 200, "application/wasm", "no-cache", "", "asm"},
		// A folder without its slash is redirected; the query is dropped.
		{"/themes", 301, "", "no-cache", "/themes/", ""},
		{"/themes/health?x=1", 301, "", "no-cache", "/themes/health/", ""},
		// Not there: the site's 404 page, with status 404.
		{"/no-such-page/", 404, "text/html; charset=utf-8", "no-cache", "", "Page not found"},
		{"/no-such-page", 404, "text/html; charset=utf-8", "no-cache", "", "Page not found"},
		{"/themes/missing.css", 404, "text/html; charset=utf-8", "no-cache", "", "Page not found"},
		{"/index.html/more", 404, "text/html; charset=utf-8", "no-cache", "", "Page not found"},
		{"/" + strings.Repeat("n", 300), 404, "text/html; charset=utf-8", "no-cache", "", "Page not found"},
		// The host's own files and dotfiles are never served.
		{"/_headers", 404, "text/html; charset=utf-8", "no-cache", "", "Page not found"},
		{"/.hidden", 404, "text/html; charset=utf-8", "no-cache", "", "Page not found"},
		{"/themes/.hidden", 404, "text/html; charset=utf-8", "no-cache", "", "Page not found"},
		{"/.well-known/.hidden", 404, "text/html; charset=utf-8", "no-cache", "", "Page not found"},
		{"/.well-known/security.txt", 200, "text/plain; charset=utf-8", "no-cache", "", "Contact:"},
	}
	for _, tt := range tests {
		t.Run(tt.target[:min(len(tt.target), 40)], func(t *testing.T) {
			w := do(h, "GET", tt.target, nil)
			got := [4]string{strconv.Itoa(w.Code), w.Header().Get("Content-Type"), w.Header().Get("Cache-Control"), w.Header().Get("Location")}
			want := [4]string{strconv.Itoa(tt.status), tt.contentType, tt.cache, tt.location}
			if got != want {
				t.Errorf("got %q, want %q", got, want)
			}
			if !strings.Contains(w.Body.String(), tt.body) {
				t.Errorf("body %q lacks %q", w.Body.String(), tt.body)
			}
		})
	}
}

func TestMethods(t *testing.T) {
	h := testHandler()
	for _, target := range []string{"/", "/api/services"} {
		for _, method := range []string{"POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "FOO"} {
			t.Run(method+" "+target, func(t *testing.T) {
				w := do(h, method, target, nil)
				if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != "GET, HEAD" {
					t.Errorf("status %d, Allow %q", w.Code, w.Header().Get("Allow"))
				}
				wantType := "text/plain; charset=utf-8"
				if strings.HasPrefix(target, "/api/") {
					wantType = "application/json; charset=utf-8"
				}
				if got := w.Header().Get("Content-Type"); got != wantType {
					t.Errorf("Content-Type %q, want %q", got, wantType)
				}
			})
		}
	}
}

func TestHead(t *testing.T) {
	h := testHandler()
	for _, target := range []string{"/", fingerprintedCSS, "/no-such-page/", "/api/services", "/api/services?page=0", "/api/services/nope"} {
		get, head := do(h, "GET", target, nil), do(h, "HEAD", target, nil)
		if head.Code != get.Code || head.Body.Len() != 0 {
			t.Errorf("HEAD %s: status %d (GET %d), body %d bytes", target, head.Code, get.Code, head.Body.Len())
		}
		// No Content-Length without a body: see writeBody.
		if cl := head.Header().Get("Content-Length"); cl != "" {
			t.Errorf("HEAD %s: Content-Length %q", target, cl)
		}
		if head.Header().Get("Content-Type") != get.Header().Get("Content-Type") {
			t.Errorf("HEAD %s: Content-Type %q, GET %q", target, head.Header().Get("Content-Type"), get.Header().Get("Content-Type"))
		}
	}
}

func TestConditionalGet(t *testing.T) {
	h := testHandler()
	first := do(h, "GET", "/themes/", nil)
	etag := first.Header().Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	tests := []struct {
		ifNoneMatch string
		status      int
	}{
		{etag, 304},
		{`"other", ` + etag, 304},
		{"W/" + etag, 304},
		{"*", 304},
		{`"other"`, 200},
	}
	for _, tt := range tests {
		w := do(h, "GET", "/themes/", http.Header{"If-None-Match": {tt.ifNoneMatch}})
		if w.Code != tt.status {
			t.Errorf("If-None-Match %s: status %d, want %d", tt.ifNoneMatch, w.Code, tt.status)
		}
	}
}

// Hostile requests get a 4xx, never a 5xx, and never a file outside the site.
func TestHostileRequests(t *testing.T) {
	h := testHandler()
	tests := []struct {
		name, target string
		header       http.Header
		status       int
	}{
		{"dot dot", "/../../etc/passwd", nil, 400},
		{"dot dot inside", "/themes/../index.html", nil, 400},
		{"encoded dot dot", "/%2e%2e/%2e%2e/etc/passwd", nil, 400},
		{"single dot", "/./index.html", nil, 400},
		{"encoded slash", "/themes%2Fhealth/", nil, 400},
		{"encoded backslash", "/themes%5chealth/", nil, 400},
		{"backslash", `/themes\health/`, nil, 400},
		{"empty segment", "/themes//health/", nil, 400},
		{"protocol-relative", "//evil.example/", nil, 400},
		{"NUL", "/index.html%00.css", nil, 400},
		{"newline", "/a%0d%0aSet-Cookie:x", nil, 400},
		{"invalid UTF-8", "/%ff%fe/", nil, 400},
		{"very long URL", "/" + strings.Repeat("a", 16<<10), nil, 414},
		{"very long query", "/api/services?search=" + strings.Repeat("a", 16<<10), nil, 414},
		{"very long header", "/", http.Header{"Cookie": {strings.Repeat("a", 16<<10)}}, 431},
		{"many headers", "/", manyHeaders(1000), 431},
		{"API dot dot", "/api/../api/services", nil, 400},
		{"API bad escape", "/api/services?page=%zz", nil, 400},
		{"API negative", "/api/services?per_page=-1", nil, 400},
		{"API huge", "/api/services?page=999999999999999999999999999999", nil, 400},
		{"API unknown parameter", "/api/services?format=ndjson", nil, 400},
		{"API id with slash", "/api/services/a/b", nil, 404},
		{"API unknown endpoint", "/api/organizations", nil, 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := do(h, "GET", tt.target, tt.header)
			if w.Code != tt.status {
				t.Errorf("status = %d, want %d: %s", w.Code, tt.status, w.Body.String())
			}
			if strings.Contains(w.Body.String(), "root:") {
				t.Error("served a file from outside the site")
			}
		})
	}
}

func manyHeaders(n int) http.Header {
	h := http.Header{}
	for i := range n {
		h.Set("X-H"+strconv.Itoa(i), "value")
	}
	return h
}

func TestSourceFailure(t *testing.T) {
	log.SetOutput(io.Discard)
	defer log.SetOutput(os.Stderr)
	h := New(failing{})
	for _, target := range []string{"/", "/api/services"} {
		w := do(h, "GET", target, nil)
		if w.Code != http.StatusInternalServerError {
			t.Errorf("%s: status %d, want 500", target, w.Code)
		}
		if strings.Contains(w.Body.String(), "disk on fire") {
			t.Errorf("%s: the error's detail reached the visitor: %s", target, w.Body.String())
		}
	}
}

type failing struct{}

func (failing) Open(context.Context, string) (*File, error) {
	return nil, errors.New("disk on fire")
}
