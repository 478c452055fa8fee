// Package linkcheck checks a built site (Hugo's public/ folder) for broken
// internal links: every href, src, srcset, action and poster in every HTML
// page, and every url() in every stylesheet, must lead to a file of the site,
// and a #fragment to an element with that id. External links (other hosts,
// mailto:, tel:) are never fetched: they are collected, so that people can
// review them (build/external-links.txt).
//
// The test in this package checks ../public when it exists, so `go test ./...`
// after a build fails, naming the page and the link, when a link is broken.
package linkcheck

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// Options describes the site.
type Options struct {
	// SiteURL is the site's base URL (Hugo's baseURL), for example
	// "https://focus-family.example.gov.uk/". Absolute links to it are internal
	// (canonical links); its path is where public/ is served.
	SiteURL string
}

// Broken is one link that does not resolve.
type Broken struct {
	Page   string // the file in the site, for example "themes/index.html"
	Link   string // the link as written
	Reason string
}

func (b Broken) String() string {
	return fmt.Sprintf("%s: link %q: %s", b.Page, b.Link, b.Reason)
}

// Report is the result of a check.
type Report struct {
	Pages    int                 // HTML pages read
	Links    int                 // links checked (internal and external)
	Broken   []Broken            // sorted by page, then link
	External map[string][]string // external link -> the pages that have it
}

// Err returns nil when no link is broken, or an error listing every broken link.
func (r *Report) Err() error {
	if len(r.Broken) == 0 {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d broken link(s):", len(r.Broken))
	for _, br := range r.Broken {
		b.WriteString("\n  ")
		b.WriteString(br.String())
	}
	return fmt.Errorf("%s", b.String())
}

// WriteExternal writes the external links, one a line, sorted, each followed
// by a tab and the pages that link to it.
func (r *Report) WriteExternal(w io.Writer) error {
	links := make([]string, 0, len(r.External))
	for l := range r.External {
		links = append(links, l)
	}
	sort.Strings(links)
	for _, l := range links {
		if _, err := fmt.Fprintf(w, "%s\t%s\n", l, strings.Join(r.External[l], " ")); err != nil {
			return err
		}
	}
	return nil
}

type checker struct {
	site     fs.FS
	base     *url.URL // the site's URL, with a path ending in "/"
	ids      map[string]map[string]bool
	report   *Report
	pending  []pendingFragment
	external map[string]map[string]bool
}

type pendingFragment struct {
	page, link, file, fragment string
}

// Check reads every .html and .css file of site and checks their links.
func Check(site fs.FS, opts Options) (*Report, error) {
	base, err := url.Parse(opts.SiteURL)
	if err != nil {
		return nil, fmt.Errorf("linkcheck: site URL %q: %w", opts.SiteURL, err)
	}
	if !strings.HasSuffix(base.Path, "/") {
		base.Path += "/"
	}
	c := &checker{
		site:     site,
		base:     base,
		ids:      map[string]map[string]bool{},
		report:   &Report{External: map[string][]string{}},
		external: map[string]map[string]bool{},
	}
	err = fs.WalkDir(site, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			// Pagefind's index is generated, with no links of its own to check.
			if name == "pagefind" {
				return fs.SkipDir
			}
		case strings.HasSuffix(name, ".html"):
			return c.page(name)
		case strings.HasSuffix(name, ".css"):
			return c.stylesheet(name)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, p := range c.pending {
		ids, err := c.idsOf(p.file)
		if err != nil {
			return nil, err
		}
		if !ids[p.fragment] {
			c.broken(p.page, p.link, fmt.Sprintf("%s has no element with id %q", p.file, p.fragment))
		}
	}
	for l, pages := range c.external {
		for p := range pages {
			c.report.External[l] = append(c.report.External[l], p)
		}
		sort.Strings(c.report.External[l])
	}
	sort.Slice(c.report.Broken, func(i, j int) bool {
		a, b := c.report.Broken[i], c.report.Broken[j]
		if a.Page != b.Page {
			return a.Page < b.Page
		}
		return a.Link < b.Link
	})
	return c.report, nil
}

func (c *checker) broken(page, link, reason string) {
	c.report.Broken = append(c.report.Broken, Broken{Page: page, Link: link, Reason: reason})
}

// linkAttrs lists, per element, the attributes that hold one URL.
var linkAttrs = map[string][]string{
	"a":      {"href"},
	"area":   {"href"},
	"link":   {"href"},
	"img":    {"src"},
	"script": {"src"},
	"iframe": {"src"},
	"embed":  {"src"},
	"audio":  {"src"},
	"video":  {"src", "poster"},
	"source": {"src"},
	"track":  {"src"},
	"input":  {"src"},
	"form":   {"action"},
	"object": {"data"},
	"use":    {"href", "xlink:href"},
	"image":  {"href", "xlink:href"},
}

func (c *checker) page(name string) error {
	src, err := fs.ReadFile(c.site, name)
	if err != nil {
		return err
	}
	// Parse as a browser without JavaScript would, so that <noscript>
	// content is markup and its links are checked too.
	doc, err := html.ParseWithOptions(bytes.NewReader(src), html.ParseOptionEnableScripting(false))
	if err != nil {
		return fmt.Errorf("linkcheck: %s: %w", name, err)
	}
	c.report.Pages++
	c.ids[name] = collectIDs(doc)
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			// A <template> is filled in by a script; its empty links are not links yet.
			if n.Data == "template" {
				return
			}
			for _, attr := range linkAttrs[n.Data] {
				if v, ok := attrValue(n, attr); ok {
					c.link(name, v, n.Data == "a" || n.Data == "area")
				}
			}
			if n.Data == "img" || n.Data == "source" {
				if v, ok := attrValue(n, "srcset"); ok {
					for _, candidate := range strings.Split(v, ",") {
						if f := strings.Fields(candidate); len(f) > 0 {
							c.link(name, f[0], false)
						}
					}
				}
			}
			if n.Data == "meta" {
				if equiv, _ := attrValue(n, "http-equiv"); strings.EqualFold(equiv, "refresh") {
					content, _ := attrValue(n, "content")
					if i := strings.Index(strings.ToLower(content), "url="); i >= 0 {
						c.link(name, strings.Trim(content[i+4:], `'" `), false)
					}
				}
			}
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(doc)
	return nil
}

var cssURL = regexp.MustCompile(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)`)

func (c *checker) stylesheet(name string) error {
	src, err := fs.ReadFile(c.site, name)
	if err != nil {
		return err
	}
	for _, m := range cssURL.FindAllStringSubmatch(string(src), -1) {
		ref := m[1] + m[2] + m[3]
		// A fragment alone in CSS (an SVG filter, say) points into the document.
		if ref == "" || strings.HasPrefix(ref, "#") {
			continue
		}
		c.link(name, ref, false)
	}
	return nil
}

// link checks one URL found in the file name. checkFragment says whether a
// #fragment must name an element of the target page.
func (c *checker) link(name, raw string, checkFragment bool) {
	c.report.Links++
	ref := strings.TrimSpace(raw)
	u, err := url.Parse(ref)
	if err != nil {
		c.broken(name, raw, "not a valid URL: "+err.Error())
		return
	}
	switch strings.ToLower(u.Scheme) {
	case "data", "blob":
		return
	case "javascript":
		c.broken(name, raw, "javascript: links do not work without JavaScript and are blocked by the Content-Security-Policy")
		return
	case "", "http", "https":
	default: // mailto:, tel: and any other scheme
		c.addExternal(ref, name)
		return
	}
	pageURL := c.base.ResolveReference(&url.URL{Path: name})
	target := pageURL.ResolveReference(u)
	// Absolute and protocol-relative links to another host are external;
	// those to the site's own host (canonical links) are checked.
	if !strings.EqualFold(target.Host, c.base.Host) {
		c.addExternal(ref, name)
		return
	}
	if ref == "" {
		return // the page itself
	}
	if ref == "#" {
		c.broken(name, raw, "a link to \"#\" leads nowhere")
		return
	}
	if !strings.HasPrefix(target.Path, c.base.Path) {
		c.broken(name, raw, fmt.Sprintf("outside the site, which is served at %s", c.base.Path))
		return
	}
	rel := strings.TrimPrefix(target.Path, c.base.Path)
	file, ok := c.resolve(rel)
	if !ok {
		c.broken(name, raw, "no such file in the site: /"+rel)
		return
	}
	if checkFragment && target.Fragment != "" && strings.HasSuffix(file, ".html") {
		c.pending = append(c.pending, pendingFragment{page: name, link: raw, file: file, fragment: target.Fragment})
	}
}

func (c *checker) addExternal(link, page string) {
	if c.external[link] == nil {
		c.external[link] = map[string]bool{}
	}
	c.external[link][page] = true
}

// resolve maps a path inside the site to the file a static host would serve.
func (c *checker) resolve(rel string) (string, bool) {
	clean := strings.TrimPrefix(path.Clean("/"+rel), "/")
	if clean == "" {
		clean = "."
	}
	info, err := fs.Stat(c.site, clean)
	if err != nil {
		return "", false
	}
	if !info.IsDir() {
		return clean, true
	}
	index := path.Join(clean, "index.html")
	if _, err := fs.Stat(c.site, index); err != nil {
		return "", false
	}
	return index, true
}

// idsOf returns the ids of an HTML file, reading it when it was not walked
// (it always was, unless it is not named .html).
func (c *checker) idsOf(file string) (map[string]bool, error) {
	if ids, ok := c.ids[file]; ok {
		return ids, nil
	}
	src, err := fs.ReadFile(c.site, file)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		return nil, err
	}
	c.ids[file] = collectIDs(doc)
	return c.ids[file], nil
}

func collectIDs(doc *html.Node) map[string]bool {
	ids := map[string]bool{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if v, ok := attrValue(n, "id"); ok {
				ids[v] = true
			}
			if n.Data == "a" {
				if v, ok := attrValue(n, "name"); ok {
					ids[v] = true
				}
			}
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(doc)
	return ids
}

func attrValue(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		name := a.Key
		if a.Namespace != "" {
			name = a.Namespace + ":" + a.Key
		}
		if name == key {
			return a.Val, true
		}
	}
	return "", false
}
