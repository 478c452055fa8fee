package edge

import (
	"path"
	"strings"
)

// The two cache policies. A fingerprinted file never changes under its
// name, so browsers and CDNs keep it for a year; everything else (pages,
// the API, unversioned files) is revalidated on every use, because
// guidance that is out of date can hurt a family.
const (
	cacheImmutable  = "public, max-age=31536000, immutable"
	cacheRevalidate = "no-cache"
)

// cacheControl returns the policy for a file of the site.
func cacheControl(name string) string {
	if fingerprinted(name) {
		return cacheImmutable
	}
	return cacheRevalidate
}

// fingerprinted reports whether a file name carries Hugo's fingerprint:
// name.<hash>.ext, the hash being 64 or more hex digits (SHA-256 or longer).
func fingerprinted(name string) bool {
	parts := strings.Split(path.Base(name), ".")
	if len(parts) < 3 {
		return false
	}
	hash := parts[len(parts)-2]
	return len(hash) >= 64 && strings.Trim(hash, "0123456789abcdef") == ""
}
