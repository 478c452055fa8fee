package edge

import (
	"net/http"
	"time"
)

// The native server's limits. A client that sends its headers slowly, or
// keeps an idle connection open, would otherwise hold a connection (and its
// memory) for ever; a thousand of them exhaust a small host.
const (
	ReadHeaderTimeout = 5 * time.Second
	ReadTimeout       = 15 * time.Second
	WriteTimeout      = 60 * time.Second
	IdleTimeout       = 60 * time.Second
)

// NewServer returns a native HTTP server for h with those timeouts. The
// Worker needs none: Cloudflare's runtime bounds each request itself.
func NewServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
	}
}
