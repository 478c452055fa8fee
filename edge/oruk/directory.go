// Package oruk presents the portal's service directory as an Open Referral UK
// (HSDS 3.0 UK profile) API: the records, the query parameters, the filters
// and the paged envelope. It is pure Go; package edge serves it over HTTP.
package oruk

import (
	"encoding/json"
	"errors"
	"fmt"
)

// Directory is the export the Hugo build writes to /api/directory.json
// (layouts/home.directory.json), from data/services.yaml.
type Directory struct {
	Council       string                `json:"council"`
	Site          string                `json:"site"`
	BaseURL       string                `json:"base_url"`
	Demonstration bool                  `json:"demonstration"`
	Terms         []Term                `json:"taxonomies"`
	Vocabularies  map[string]Vocabulary `json:"vocabularies"`
	Organizations []Organization        `json:"organizations"`
	Services      []Record              `json:"services"`
}

// Vocabulary describes one taxonomy: the export takes its description from
// the section that its terms' pages are in.
type Vocabulary struct {
	Description string `json:"description"`
}

// Term is one taxonomy term of the data file. Its vocabulary is the
// taxonomy it belongs to.
type Term struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Vocabulary  string `json:"vocabulary"`
	Page        string `json:"page"`
	Description string `json:"description"` // the page's
}

// Record is one service as the data file describes it.
type Record struct {
	ID              string       `json:"id"`
	Name            string       `json:"name"`
	AlternateName   string       `json:"alternate_name"`
	Status          string       `json:"status"`
	Description     string       `json:"description"`
	Organization    Organization `json:"organization"`
	URL             string       `json:"url"`
	Email           string       `json:"email"`
	Phone           string       `json:"phone"`
	MinimumAge      *int         `json:"minimum_age"`
	MaximumAge      *int         `json:"maximum_age"`
	WhoCanRefer     []string     `json:"who_can_refer"`
	SelfReferral    bool         `json:"self_referral"`
	HowToRefer      string       `json:"how_to_refer"`
	Consent         string       `json:"consent"`
	WhatHappensNext string       `json:"what_happens_next"`
	FeesDescription string       `json:"fees_description"`
	AssuredDate     string       `json:"assured_date"`
	Example         bool         `json:"example"`
	TaxonomyTerms   []string     `json:"taxonomy_terms"`
}

// Decode reads an export and checks what the API relies on: every service
// and term has an id, ids are unique, and every term a service names exists.
func Decode(data []byte) (*Directory, error) {
	var d Directory
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, fmt.Errorf("directory export: %w", err)
	}
	if err := d.check(); err != nil {
		return nil, fmt.Errorf("directory export: %w", err)
	}
	return &d, nil
}

func (d *Directory) check() error {
	terms := map[string]bool{}
	for i, t := range d.Terms {
		if t.ID == "" || t.Vocabulary == "" {
			return fmt.Errorf("taxonomy term %d: needs an id and a vocabulary", i+1)
		}
		if terms[t.ID] {
			return fmt.Errorf("taxonomy term %q: the id is used twice", t.ID)
		}
		terms[t.ID] = true
		// Open Referral requires these descriptions; the export takes them
		// from the pages (see layouts/home.directory.json).
		if t.Description == "" || d.Vocabularies[t.Vocabulary].Description == "" {
			return fmt.Errorf("taxonomy term %q: its page and that page's section need a description", t.ID)
		}
	}
	orgs := map[string]bool{}
	for i, o := range d.Organizations {
		if o.ID == "" || orgs[o.ID] {
			return fmt.Errorf("organization %d: needs an id of its own", i+1)
		}
		if o.Description == "" {
			return fmt.Errorf("organization %q: needs a description", o.ID)
		}
		orgs[o.ID] = true
	}
	services := map[string]bool{}
	for i, s := range d.Services {
		if s.ID == "" {
			return fmt.Errorf("service %d: no id", i+1)
		}
		if services[s.ID] {
			return fmt.Errorf("service %q: the id is used twice", s.ID)
		}
		services[s.ID] = true
		for _, id := range s.TaxonomyTerms {
			if !terms[id] {
				return fmt.Errorf("service %q: unknown taxonomy term %q", s.ID, id)
			}
		}
		if !orgs[s.Organization.ID] {
			return fmt.Errorf("service %q: organization %q is not among the organizations", s.ID, s.Organization.ID)
		}
	}
	if len(d.Services) == 0 {
		return errors.New("no services")
	}
	return nil
}
