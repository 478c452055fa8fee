package edge

import (
	"net/http"
	"strings"
	"unicode/utf8"
)

// Limits on a request. The site's longest address is well under 200 bytes
// and a browser sends 1-2 KB of headers, so anything near these is hostile.
const (
	maxURLBytes    = 4 << 10
	maxHeaderBytes = 8 << 10
)

// problem is a request refused before it reaches a file or the API.
type problem struct {
	status  int
	message string
}

// screen refuses what the site never needs: methods other than GET and
// HEAD, oversized requests, and paths that are ambiguous (encoded slashes,
// dot segments, empty segments, control characters, invalid UTF-8). Refusing
// them here means no file name or redirect is ever built from them.
func screen(r *http.Request) *problem {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return &problem{http.StatusMethodNotAllowed, "Only GET and HEAD are allowed."}
	}
	if len(r.URL.EscapedPath())+len(r.URL.RawQuery) > maxURLBytes {
		return &problem{http.StatusRequestURITooLong, "The address is too long."}
	}
	if headerBytes(r.Header) > maxHeaderBytes {
		return &problem{http.StatusRequestHeaderFieldsTooLarge, "The request headers are too large."}
	}
	if !cleanPath(r.URL.Path, r.URL.EscapedPath()) {
		return &problem{http.StatusBadRequest, "The address is not valid."}
	}
	return nil
}

func headerBytes(h http.Header) int {
	n := 0
	for name, values := range h {
		for _, v := range values {
			n += len(name) + len(v) + 4 // ": " and CRLF
		}
	}
	return n
}

// cleanPath reports whether a request path is absolute and canonical.
func cleanPath(p, escaped string) bool {
	lower := strings.ToLower(escaped)
	if !strings.HasPrefix(p, "/") || strings.Contains(lower, "%2f") || strings.Contains(lower, "%5c") {
		return false
	}
	if !utf8.ValidString(p) || strings.ContainsFunc(p, func(r rune) bool { return r < 0x20 || r == 0x7f || r == '\\' }) {
		return false
	}
	segments := strings.Split(p[1:], "/")
	for i, s := range segments {
		if (s == "" && i < len(segments)-1) || s == "." || s == ".." {
			return false
		}
	}
	return true
}
