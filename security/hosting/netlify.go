package hosting

import (
	"strings"

	"github.com/focusfamily/portal/security"
)

// netlify writes _headers without the "! Name" lines, which Netlify does not
// know: for one path it sends the most specific rule's value of a header,
// so the later rule already replaces the earlier one there.
func netlify(rules []security.Rule) ([]byte, error) {
	var b strings.Builder
	b.WriteString(banner("#"))
	b.WriteString("# For Netlify: copy this file over public/_headers before you upload.\n")
	for _, r := range rules {
		b.WriteString(r.Pattern + "\n")
		for _, f := range r.Set {
			b.WriteString("  " + f.Name + ": " + f.Value + "\n")
		}
	}
	return []byte(b.String()), nil
}
