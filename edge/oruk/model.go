package oruk

import (
	"strings"
)

// The HSDS version and the Open Referral UK profile this API follows.
const (
	Version    = "3.0"
	ProfileURL = "https://github.com/openreferral/uk-profile"
	OpenAPIURL = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json"
)

// Meta is the answer of the API's root: what it is and what it follows.
type Meta struct {
	Version    string `json:"version"`
	Profile    string `json:"profile"`
	OpenAPIURL string `json:"openapi_url"`
	// Beyond HSDS: who publishes the directory, whether it is example data,
	// and where the whole directory can be downloaded in one file.
	Publisher     string   `json:"publisher"`
	Demonstration bool     `json:"demonstration"`
	Export        string   `json:"export"`
	Endpoints     []string `json:"endpoints"`
}

// Service is an HSDS 3.0 service. The fields after Attributes are the
// portal's referral routes, which HSDS has no place for.
type Service struct {
	ID                 string       `json:"id"`
	Name               string       `json:"name"`
	AlternateName      string       `json:"alternate_name,omitempty"`
	Description        string       `json:"description"`
	URL                string       `json:"url,omitempty"`
	Email              string       `json:"email,omitempty"`
	Status             string       `json:"status"`
	ApplicationProcess string       `json:"application_process,omitempty"`
	FeesDescription    string       `json:"fees_description,omitempty"`
	MinimumAge         *int         `json:"minimum_age,omitempty"`
	MaximumAge         *int         `json:"maximum_age,omitempty"`
	AssuredDate        string       `json:"assured_date,omitempty"`
	OrganizationID     string       `json:"organization_id"`
	Organization       Organization `json:"organization"`
	Phones             []Phone      `json:"phones"`
	Attributes         []Attribute  `json:"attributes"`
	WhoCanRefer        []string     `json:"who_can_refer"`
	SelfReferral       bool         `json:"self_referral"`
	Consent            string       `json:"consent,omitempty"`
	WhatHappensNext    string       `json:"what_happens_next,omitempty"`
	Example            bool         `json:"example"`
}

// Organization is who runs a service.
type Organization struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
}

// Phone is a service's phone number.
type Phone struct {
	ID     string `json:"id"`
	Number string `json:"number"`
}

// Attribute links a service to a taxonomy term.
type Attribute struct {
	ID             string       `json:"id"`
	LinkID         string       `json:"link_id"`
	LinkEntity     string       `json:"link_entity"`
	TaxonomyTermID string       `json:"taxonomy_term_id"`
	TaxonomyTerm   TaxonomyTerm `json:"taxonomy_term"`
}

// TaxonomyTerm is an HSDS taxonomy term: here a Focus Family theme or a
// support pathway, with the portal page that explains it.
type TaxonomyTerm struct {
	ID          string `json:"id"`
	Code        string `json:"code"`
	Name        string `json:"name"`
	TaxonomyID  string `json:"taxonomy_id"`
	Taxonomy    string `json:"taxonomy"`
	Description string `json:"description"`
	TermURI     string `json:"term_uri,omitempty"`
}

// Taxonomy is an HSDS taxonomy: one vocabulary of the data file.
type Taxonomy struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
}

// taxonomyName names a vocabulary from its id, which is all the data file
// gives: "focus-family-themes" becomes "Focus family themes".
func taxonomyName(id string) string {
	name := strings.ReplaceAll(id, "-", " ")
	if name == "" {
		return ""
	}
	return strings.ToUpper(name[:1]) + name[1:]
}
