package security

import (
	"net/http"
	"reflect"
	"strings"
	"testing"
)

func TestDefinitionIsStrict(t *testing.T) {
	h := http.Header{}
	Apply(h, "/checker/")
	csp := h.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "connect-src 'self'", "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	for _, forbidden := range []string{"unsafe-inline", "unsafe-eval'", "*"} {
		if strings.Contains(strings.ReplaceAll(csp, "wasm-unsafe-eval", ""), forbidden) {
			t.Errorf("CSP %q allows %q", csp, forbidden)
		}
	}
	if got := h.Get("Referrer-Policy"); got != "no-referrer" {
		t.Errorf("Referrer-Policy = %q", got)
	}
	if got := h.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("X-Content-Type-Options = %q", got)
	}
	if h.Get("Permissions-Policy") == "" {
		t.Error("no Permissions-Policy")
	}
	// Two years, subdomains included: browsers then never try plain HTTP.
	if got := h.Get("Strict-Transport-Security"); got != "max-age=63072000; includeSubDomains" {
		t.Errorf("Strict-Transport-Security = %q", got)
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, text string
		rules      int
		wantErr    bool
	}{
		{"one rule", "/*\n  A: 1\n  B: 2\n", 1, false},
		{"comments and two rules", "# c\n/a\n  A: 1\n/b/*\n  B: 2\n", 2, false},
		{"header before path", "  A: 1\n", 0, true},
		{"header without colon", "/*\n  A 1\n", 0, true},
		{"empty", "# only a comment\n", 0, true},
		{"detach then set again", "/*\n  A: 1\n/b/*\n  ! A\n  A: 2\n", 2, false},
		// Cloudflare would send "A: 1, 2" on /b/x; the Go servers "A: 2".
		{"set again without detaching", "/*\n  A: 1\n/b/*\n  A: 2\n", 0, true},
		{"set twice in one rule", "/*\n  A: 1\n  a: 2\n", 0, true},
		{"empty value", "/*\n  A:\n", 0, true},
		{"star inside a path", "/a/*/b\n  A: 1\n", 0, true},
		{"disjoint rules set the same header", "/a/*\n  A: 1\n/b/*\n  A: 2\n", 2, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rules, err := Parse(tt.text)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if len(rules) != tt.rules {
				t.Errorf("got %d rules, want %d", len(rules), tt.rules)
			}
		})
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"/*", "/", true},
		{"/*", "/a/b", true},
		{"/api/*", "/api/services", true},
		{"/api/*", "/checker/", false},
		{"/exact", "/exact", true},
		{"/exact", "/exact/more", false},
	}
	for _, tt := range tests {
		if got := Match(tt.pattern, tt.path); got != tt.want {
			t.Errorf("Match(%q, %q) = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}

func TestEffective(t *testing.T) {
	rules, err := Parse("/*\n  A: 1\n  C: 1\n/api/*\n  B: 2\n/css/*\n  ! C\n  C: 3\n/css/x\n  ! A\n")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		pattern string
		want    []Field
	}{
		{"/*", []Field{{"A", "1"}, {"C", "1"}}},
		{"/api/*", []Field{{"A", "1"}, {"C", "1"}, {"B", "2"}}},
		{"/css/*", []Field{{"A", "1"}, {"C", "3"}}},
		{"/css/x", []Field{{"C", "3"}}},
	}
	for _, tt := range tests {
		if got := Effective(rules, tt.pattern); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Effective(%q) = %v, want %v", tt.pattern, got, tt.want)
		}
	}
}

// The cache policy lives in _headers too: fingerprinted folders are
// immutable, everything else is revalidated.
func TestCachePolicy(t *testing.T) {
	tests := map[string]string{
		"/":                   "no-cache",
		"/api/services":       "no-cache",
		"/css/main.0123.css":  "public, max-age=31536000, immutable",
		"/js/site.0123.js":    "public, max-age=31536000, immutable",
		"/assets/x.0123.wasm": "public, max-age=31536000, immutable",
		"/robots.txt":         "no-cache",
	}
	for path, want := range tests {
		h := http.Header{}
		Apply(h, path)
		if got := h.Values("Cache-Control"); len(got) != 1 || got[0] != want {
			t.Errorf("%s: Cache-Control = %q, want %q", path, got, want)
		}
	}
}
