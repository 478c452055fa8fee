package linkcheck

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

const siteURL = "https://portal.example.gov.uk/"

func page(body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(`<!DOCTYPE html><html lang="en"><head><title>t</title>` +
		`<link rel="stylesheet" href="/css/main.css"><link rel="canonical" href="https://portal.example.gov.uk/"></head>` +
		`<body><main id="main-content">` + body + `</main></body></html>`)}
}

// fakeSite is a tiny built site whose links all resolve; extra is added to
// the body of the pages it names.
func fakeSite(extra map[string]string) fstest.MapFS {
	bodies := map[string]string{
		"index.html": `<a href="#main-content">skip</a>
			<a href="/themes/">themes</a> <a href="themes/health/#criteria">health criteria</a>
			<a href="/themes">no slash</a> <a href="/search/?q=school">search</a>
			<img src="/images/logo.svg" srcset="/images/logo.svg 1x, images/logo.svg 2x" alt="">
			<a href="https://www.bbc.co.uk/weather">weather</a> <a href="mailto:team@example.gov.uk">email</a>
			<a href="tel:01632960000">phone</a> <img src="data:image/gif;base64,R0lGODlh" alt="">
			<template><a href="">filled in by a script</a></template>
			<noscript><link rel="stylesheet" href="/css/main.css"></noscript>`,
		"themes/index.html":        `<a href="../">home</a> <a href="health/">health</a>`,
		"themes/health/index.html": `<h2 id="criteria">Criteria</h2><a href="https://www.bbc.co.uk/weather">weather</a>`,
		"search/index.html":        `<form action="/search/" method="get"></form><script type="module" src="/js/search.js"></script>`,
	}
	site := fstest.MapFS{
		"css/main.css":         {Data: []byte(`.a{background:url("../images/logo.svg")} .b{filter:url(#f)} .c{background:url(data:image/png;base64,AA==)}`)},
		"js/search.js":         {Data: []byte(`export {}`)},
		"images/logo.svg":      {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)},
		"pagefind/pagefind.js": {Data: []byte(`import("./nowhere.js")`)},
	}
	for name, body := range bodies {
		site[name] = page(body + extra[name])
	}
	return site
}

func TestGoodSitePasses(t *testing.T) {
	r, err := Check(fakeSite(nil), Options{SiteURL: siteURL})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	if r.Pages != 4 {
		t.Errorf("pages read = %d, want 4", r.Pages)
	}
	var ext bytes.Buffer
	if err := r.WriteExternal(&ext); err != nil {
		t.Fatal(err)
	}
	want := "https://www.bbc.co.uk/weather\tindex.html themes/health/index.html\n" +
		"mailto:team@example.gov.uk\tindex.html\n" +
		"tel:01632960000\tindex.html\n"
	if ext.String() != want {
		t.Errorf("external links:\n%s\nwant:\n%s", ext.String(), want)
	}
}

func TestBrokenLinksFailNamingPageAndLink(t *testing.T) {
	cases := []struct {
		name, file, body, link, reason string
	}{
		{"missing page", "themes/index.html", `<a href="/themes/housing/">housing</a>`, "/themes/housing/", "no such file"},
		{"missing relative page", "themes/health/index.html", `<a href="../housing/">housing</a>`, "../housing/", "no such file"},
		{"missing image", "index.html", `<img src="/images/missing.png" alt="">`, "/images/missing.png", "no such file"},
		{"missing script", "search/index.html", `<script src="/js/gone.js"></script>`, "/js/gone.js", "no such file"},
		{"missing fragment", "index.html", `<a href="/themes/health/#outcomes">outcomes</a>`, "/themes/health/#outcomes", `no element with id "outcomes"`},
		{"missing fragment on the same page", "index.html", `<a href="#nowhere">x</a>`, "#nowhere", `no element with id "nowhere"`},
		{"folder without a page", "index.html", `<a href="/images/">images</a>`, "/images/", "no such file"},
		{"canonical to a missing page", "index.html", `<link rel="canonical" href="https://portal.example.gov.uk/old/">`, "https://portal.example.gov.uk/old/", "no such file"},
		{"javascript link", "index.html", `<a href="javascript:void(0)">x</a>`, "javascript:void(0)", "javascript:"},
		{"empty fragment", "index.html", `<a href="#">x</a>`, "#", "leads nowhere"},
		{"srcset", "index.html", `<img src="/images/logo.svg" srcset="/images/logo-2x.svg 2x" alt="">`, "/images/logo-2x.svg", "no such file"},
		{"noscript content", "index.html", `<noscript><a href="/nojs/">lists</a></noscript>`, "/nojs/", "no such file"},
		{"form action", "index.html", `<form action="/find/"></form>`, "/find/", "no such file"},
		{"above the site root", "index.html", `<a href="../../etc/passwd">x</a>`, "../../etc/passwd", "no such file"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			site := fakeSite(map[string]string{tc.file: tc.body})
			r, err := Check(site, Options{SiteURL: siteURL})
			if err != nil {
				t.Fatal(err)
			}
			err = r.Err()
			if err == nil {
				t.Fatalf("a site with the broken link %q passed", tc.link)
			}
			if len(r.Broken) != 1 {
				t.Fatalf("want 1 broken link, got %v", r.Broken)
			}
			b := r.Broken[0]
			if b.Page != tc.file || b.Link != tc.link || !strings.Contains(b.Reason, tc.reason) {
				t.Errorf("got %s; want page %s, link %q, reason containing %q", b, tc.file, tc.link, tc.reason)
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.file) || !strings.Contains(msg, tc.link) {
				t.Errorf("the error does not name the page and the link: %s", msg)
			}
		})
	}
}

func TestBrokenStylesheetURL(t *testing.T) {
	site := fakeSite(nil)
	site["css/main.css"] = &fstest.MapFile{Data: []byte(`@font-face{src:url(/fonts/x.woff2)}`)}
	r, err := Check(site, Options{SiteURL: siteURL})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Broken) != 1 || r.Broken[0].Page != "css/main.css" || r.Broken[0].Link != "/fonts/x.woff2" {
		t.Fatalf("want the font named as broken, got %v", r.Broken)
	}
}

func TestSiteUnderAPath(t *testing.T) {
	site := fstest.MapFS{
		"index.html":        page(`<a href="/focus/themes/">themes</a> <a href="/themes/">wrong</a>`),
		"themes/index.html": page(``),
		"css/main.css":      {Data: []byte(``)},
	}
	// page() links /css/main.css and the canonical https://portal.example.gov.uk/, both outside /focus/.
	r, err := Check(site, Options{SiteURL: "https://portal.example.gov.uk/focus/"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range r.Broken {
		if b.Page == "index.html" {
			got = append(got, b.Link)
		}
	}
	want := []string{"/css/main.css", "/themes/", "https://portal.example.gov.uk/"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("broken links on index.html = %v, want %v", got, want)
	}
}

// TestBuiltSite checks the site `make build` wrote to public/, and writes its
// external links to build/external-links.txt (without fetching them).
func TestBuiltSite(t *testing.T) {
	public := filepath.Join("..", "public")
	if _, err := os.Stat(filepath.Join(public, "index.html")); err != nil {
		t.Skip("no built site in public/: run `make build` first")
	}
	config, err := os.ReadFile(filepath.Join("..", "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^baseURL\s*=\s*"([^"]+)"`).FindSubmatch(config)
	if m == nil {
		t.Fatal("config.toml has no baseURL")
	}
	report := filepath.Join("..", "build", "external-links.txt")
	// Stat the report so that `go test` caching reruns this test when it is deleted.
	os.Stat(report)

	r, err := Check(os.DirFS(public), Options{SiteURL: string(m[1])})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range r.Broken {
		t.Errorf("broken link: %s", b)
	}
	if r.Pages == 0 {
		t.Fatal("no HTML pages in public/")
	}
	var ext bytes.Buffer
	ext.WriteString("# External links in the built site (public/), not fetched: link<TAB>pages. Written by `go test ./linkcheck`.\n")
	if err := r.WriteExternal(&ext); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(report), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(report, ext.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d pages, %d links, %d external links listed in build/external-links.txt", r.Pages, r.Links, len(r.External))
}
