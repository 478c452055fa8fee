package hosting

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/focusfamily/portal/security"
)

// apache writes a virtual host. Apache applies every matching Location
// block in order, later ones after earlier ones, as _headers does, so each
// rule becomes one block with its own "unset" and "set" lines.
func apache(rules []security.Rule) ([]byte, error) {
	var b strings.Builder
	b.WriteString(banner("#"))
	b.WriteString(`#
# The portal as an Apache virtual host. It needs mod_headers, mod_rewrite
# and mod_deflate: a2enmod headers rewrite deflate. Copy public/ to the
# DocumentRoot below, put this file in /etc/apache2/sites-available/, set
# ServerName and TLS for your site, then run:
#   a2ensite focus-family && apachectl configtest && apachectl graceful
<VirtualHost *:80>
    ServerName focus-family.example
    DocumentRoot "` + Root + `"
    ServerSignature Off
    <Directory "` + Root + `">
        Options -Indexes -MultiViews
        AllowOverride None
        Require all granted
        DirectoryIndex index.html
    </Directory>
    ErrorDocument 404 /404.html
    AddType application/wasm .wasm
    AddOutputFilterByType DEFLATE text/html ` + strings.Join(compressed, " ") + `
    FileETag MTime Size
    # mod_deflate marks the ETag of a compressed answer with -gzip; let a
    # browser's If-None-Match with that mark still match, so it gets a 304.
    RequestHeader edit "If-None-Match" "^\"(.*)-gzip\"$" "\"$1\", \"$1-gzip\""

    RewriteEngine On
    # A static site takes GET and HEAD only, as nginx and the Worker do.
    RewriteCond "%{REQUEST_METHOD}" "!^(GET|HEAD)$"
    RewriteRule "^" - [R=405,L]
    # The host's own files and dotfiles (but /.well-known/) stay hidden.
    RewriteRule "^/_(headers|redirects)$" - [R=404,L]
    RewriteRule "/\.(?!well-known/)" - [R=404,L]
    # The static API: /api/services/x is the file api/services/x.json.
    RewriteRule "^/api/$" "/api/index.json" [L]
    RewriteCond "%{DOCUMENT_ROOT}%{REQUEST_URI}.json" -f
    RewriteRule "^/api/(.+)$" "/api/$1.json" [L]
`)
	for _, r := range rules {
		if err := apacheBlock(&b, r); err != nil {
			return nil, err
		}
	}
	b.WriteString("</VirtualHost>\n")
	return []byte(b.String()), nil
}

var apacheUnsafe = regexp.MustCompile(`["\\\n]`)

func apacheBlock(b *strings.Builder, r security.Rule) error {
	fixed, isPrefix := prefix(r.Pattern)
	re := "^" + regexp.QuoteMeta(fixed)
	if !isPrefix {
		re += "$"
	}
	fmt.Fprintf(b, "\n    <LocationMatch \"%s\">\n", re)
	for _, name := range r.Unset {
		fmt.Fprintf(b, "        Header always unset %s\n", name)
	}
	for _, f := range r.Set {
		if apacheUnsafe.MatchString(f.Name + f.Value) {
			return fmt.Errorf("%s: %s: Apache cannot send a value with \" or \\", r.Pattern, f.Name)
		}
		fmt.Fprintf(b, "        Header always set %s \"%s\"\n", f.Name, f.Value)
	}
	b.WriteString("    </LocationMatch>\n")
	return nil
}
