package hosting

import (
	"encoding/json"

	"github.com/focusfamily/portal/security"
)

// azureConfig is the part of staticwebapp.config.json the portal uses.
type azureConfig struct {
	Schema            string                   `json:"$schema"`
	GlobalHeaders     map[string]string        `json:"globalHeaders"`
	Routes            []azureRoute             `json:"routes"`
	ResponseOverrides map[string]azureOverride `json:"responseOverrides"`
	MimeTypes         map[string]string        `json:"mimeTypes"`
	TrailingSlash     string                   `json:"trailingSlash"`
}

type azureRoute struct {
	Route   string            `json:"route"`
	Headers map[string]string `json:"headers"`
}

type azureOverride struct {
	Rewrite    string `json:"rewrite"`
	StatusCode int    `json:"statusCode"`
}

// azureReadme goes beside staticwebapp.config.json, whose schema allows
// no comment inside it.
func azureReadme([]security.Rule) ([]byte, error) {
	return []byte(banner("") + `
staticwebapp.config.json is Azure Static Web Apps' configuration for the
portal: the headers, the cache policy, the 404 page and the WebAssembly type.
Copy it into public/ before you upload: see docs/deploying.md.
`), nil
}

// azure writes staticwebapp.config.json. Azure merges a route's headers
// over the global ones and uses the first route that matches, so the most
// specific patterns come first and each route carries what differs from
// the global headers.
func azure(rules []security.Rule) ([]byte, error) {
	if err := unsetOnly(rules); err != nil {
		return nil, err
	}
	global := security.Effective(rules, "/*")
	cfg := azureConfig{
		Schema:        "https://json.schemastore.org/staticwebapp.config.json",
		GlobalHeaders: fieldMap(global),
		Routes:        []azureRoute{},
		ResponseOverrides: map[string]azureOverride{
			"404": {Rewrite: "/404.html", StatusCode: 404},
		},
		MimeTypes:     map[string]string{".wasm": "application/wasm", ".json": "application/json"},
		TrailingSlash: "auto",
	}
	patterns := locations(rules)
	for i := len(patterns) - 1; i >= 0; i-- {
		p := patterns[i]
		if p == "/*" {
			continue
		}
		cfg.Routes = append(cfg.Routes, azureRoute{Route: p, Headers: fieldMap(difference(security.Effective(rules, p), global))})
	}
	data, err := json.MarshalIndent(cfg, "", "  ")
	return append(data, '\n'), err
}

func fieldMap(fields []security.Field) map[string]string {
	m := map[string]string{}
	for _, f := range fields {
		m[f.Name] = f.Value
	}
	return m
}

// difference returns the fields of a that b lacks or gives another value.
func difference(a, b []security.Field) []security.Field {
	var out []security.Field
	for _, f := range a {
		if security.Value([]security.Rule{{Pattern: "/*", Set: b}}, "/*", f.Name) != f.Value {
			out = append(out, f)
		}
	}
	return out
}
