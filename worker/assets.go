//go:build js && wasm

package main

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"

	"github.com/syumai/workers/cloudflare"
	"github.com/syumai/workers/cloudflare/fetch"

	"github.com/focusfamily/portal/edge"
)

// assets is the edge.Source of the Worker: the site's files, fetched from
// the static-assets binding. The Worker runs for /api only (wrangler.toml),
// so it asks for JSON files by exact name: the directory export and the
// static API answers. A missing file comes back as the 404 page with status
// 404 (not_found_handling), which reads here as no such file.
type assets struct{}

// The binding looks only at the path; the host is a placeholder.
const assetsOrigin = "https://assets.invalid"

func (assets) Open(ctx context.Context, name string) (*edge.File, error) {
	u := url.URL{Path: "/" + name}
	req, err := fetch.NewRequest(ctx, http.MethodGet, assetsOrigin+u.EscapedPath(), nil)
	if err != nil {
		return nil, fmt.Errorf("assets %s: %w", name, err)
	}
	client := fetch.NewClient(fetch.WithBinding(cloudflare.GetBinding("ASSETS")))
	res, err := client.Do(req, nil)
	if err != nil {
		return nil, fmt.Errorf("assets %s: %w", name, err)
	}
	switch res.StatusCode {
	case http.StatusOK:
		return &edge.File{
			Body:        res.Body,
			ContentType: res.Header.Get("Content-Type"),
			Size:        size(res.Header),
			ETag:        res.Header.Get("ETag"),
		}, nil
	case http.StatusNotFound:
		res.Body.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	default:
		res.Body.Close()
		return nil, fmt.Errorf("assets %s: status %d", name, res.StatusCode)
	}
}

// size is the body's length, or -1 when the header does not give the
// length of the body as Go reads it (absent, or of an encoded body).
func size(h http.Header) int64 {
	if h.Get("Content-Encoding") != "" {
		return -1
	}
	n, err := strconv.ParseInt(h.Get("Content-Length"), 10, 64)
	if err != nil {
		return -1
	}
	return n
}
