package hosting

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/focusfamily/portal/security"
)

// compressed lists the media types the servers compress (HTML always is).
var compressed = []string{"text/css", "text/plain", "text/javascript", "application/javascript",
	"application/json", "application/wasm", "application/xml", "image/svg+xml"}

// nginx writes a server block. nginx picks one location per request and a
// location that adds any header inherits none from above, so each location
// carries all its headers. "always" sends them with errors and redirects too.
func nginx(rules []security.Rule) ([]byte, error) {
	if err := unsetOnly(rules); err != nil {
		return nil, err
	}
	var b strings.Builder
	b.WriteString(banner("#"))
	b.WriteString(`#
# The portal as an nginx server block. Copy public/ to the root below, put
# this file in /etc/nginx/conf.d/, set server_name, root and TLS for your
# site, then run: nginx -t && nginx -s reload
server {
    listen 80;
    server_name focus-family.example;
    root ` + Root + `;
    index index.html;
    server_tokens off;
    # Redirects keep the address the visitor used: /themes -> /themes/.
    absolute_redirect off;
    error_page 404 /404.html;
    gzip on;
    gzip_vary on;
    gzip_min_length 256;
    gzip_types ` + strings.Join(compressed, " ") + `;

    # The host's own files and dotfiles (but /.well-known/) stay hidden.
    location = /_headers { return 404; }
    location = /_redirects { return 404; }
    location ~ "/\.(?!well-known/)" { return 404; }
`)
	for _, p := range locations(rules) {
		if err := nginxLocation(&b, p, security.Effective(rules, p)); err != nil {
			return nil, err
		}
	}
	b.WriteString("}\n")
	return []byte(b.String()), nil
}

var nginxUnsafe = regexp.MustCompile(`["\\$\n]`)

func nginxLocation(b *strings.Builder, pattern string, fields []security.Field) error {
	fixed, isPrefix := prefix(pattern)
	if isPrefix {
		fmt.Fprintf(b, "\n    location %s {\n", fixed)
	} else {
		fmt.Fprintf(b, "\n    location = %s {\n", fixed)
	}
	for _, f := range fields {
		if nginxUnsafe.MatchString(f.Name + f.Value) {
			return fmt.Errorf("%s: %s: nginx cannot send a value with \", \\ or $", pattern, f.Name)
		}
		fmt.Fprintf(b, "        add_header %s \"%s\" always;\n", f.Name, f.Value)
	}
	if strings.HasPrefix(fixed, apiRoot) {
		b.WriteString("        # The static API: /api/services/x is the file api/services/x.json.\n")
		b.WriteString("        try_files $uri $uri.json ${uri}index.json =404;\n")
	}
	b.WriteString("    }\n")
	return nil
}
