package oruk

import (
	"slices"
	"strings"
)

// API answers Open Referral UK requests from one directory. The edge
// handler builds it once per version of the export and shares it between
// requests, so nothing may change it after New.
type API struct {
	dir        *Directory
	services   []Service
	search     []string // per service: its lower-case searchable text
	terms      []TaxonomyTerm
	termByID   map[string]TaxonomyTerm
	taxonomies []Taxonomy
}

// New indexes a decoded directory.
func New(dir *Directory) *API {
	a := &API{dir: dir, termByID: map[string]TaxonomyTerm{}}
	for _, t := range dir.Terms {
		term := a.term(t)
		a.terms = append(a.terms, term)
		a.termByID[t.ID] = term
		if !slices.ContainsFunc(a.taxonomies, func(x Taxonomy) bool { return x.ID == t.Vocabulary }) {
			a.taxonomies = append(a.taxonomies, Taxonomy{ID: t.Vocabulary, Name: taxonomyName(t.Vocabulary), Description: dir.Vocabularies[t.Vocabulary].Description})
		}
	}
	for _, r := range dir.Services {
		s := a.service(r)
		a.services = append(a.services, s)
		a.search = append(a.search, searchText(s))
	}
	return a
}

// Meta describes the API mounted at root (such as "/api/").
func (a *API) Meta(root string) Meta {
	return Meta{
		Version:       Version,
		Profile:       ProfileURL,
		OpenAPIURL:    OpenAPIURL,
		Publisher:     a.dir.Council,
		Demonstration: a.dir.Demonstration,
		Export:        root + "directory.json",
		Endpoints: []string{
			root + "services", root + "services/{id}",
			root + "taxonomies", root + "taxonomies/{id}",
			root + "taxonomy_terms", root + "taxonomy_terms/{id}",
		},
	}
}

// Services returns the page of services that match q, in the data file's order.
func (a *API) Services(q ServiceQuery) Page[Service] {
	var found []Service
	for i, s := range a.services {
		if q.matches(s, a.search[i]) {
			found = append(found, s)
		}
	}
	return paginate(found, q.Paging)
}

// Service returns the service with this id.
func (a *API) Service(id string) (Service, bool) {
	i := slices.IndexFunc(a.services, func(s Service) bool { return s.ID == id })
	if i < 0 {
		return Service{}, false
	}
	return a.services[i], true
}

// Taxonomies returns a page of the taxonomies.
func (a *API) Taxonomies(p Paging) Page[Taxonomy] {
	return paginate(a.taxonomies, p)
}

// Taxonomy returns the taxonomy with this id.
func (a *API) Taxonomy(id string) (Taxonomy, bool) {
	i := slices.IndexFunc(a.taxonomies, func(t Taxonomy) bool { return t.ID == id })
	if i < 0 {
		return Taxonomy{}, false
	}
	return a.taxonomies[i], true
}

// TaxonomyTerms returns a page of the taxonomy terms.
func (a *API) TaxonomyTerms(p Paging) Page[TaxonomyTerm] {
	return paginate(a.terms, p)
}

// TaxonomyTerm returns the taxonomy term with this id.
func (a *API) TaxonomyTerm(id string) (TaxonomyTerm, bool) {
	t, ok := a.termByID[id]
	return t, ok
}

func (a *API) term(t Term) TaxonomyTerm {
	term := TaxonomyTerm{ID: t.ID, Code: t.ID, Name: t.Name, TaxonomyID: t.Vocabulary, Taxonomy: taxonomyName(t.Vocabulary), Description: t.Description}
	if t.Page != "" {
		term.TermURI = strings.TrimSuffix(a.dir.BaseURL, "/") + "/" + strings.Trim(t.Page, "/") + "/"
	}
	return term
}

// organization returns the directory's record of an organisation; Decode
// has checked that every service's is there.
func (a *API) organization(id string) Organization {
	i := slices.IndexFunc(a.dir.Organizations, func(o Organization) bool { return o.ID == id })
	return a.dir.Organizations[i]
}

func (a *API) service(r Record) Service {
	s := Service{
		ID: r.ID, Name: r.Name, AlternateName: r.AlternateName, Description: r.Description,
		URL: r.URL, Email: r.Email, Status: r.Status,
		ApplicationProcess: r.HowToRefer, FeesDescription: r.FeesDescription,
		MinimumAge: r.MinimumAge, MaximumAge: r.MaximumAge, AssuredDate: r.AssuredDate,
		OrganizationID: r.Organization.ID, Organization: a.organization(r.Organization.ID),
		Phones:      []Phone{},
		Attributes:  []Attribute{},
		WhoCanRefer: r.WhoCanRefer, SelfReferral: r.SelfReferral,
		Consent: r.Consent, WhatHappensNext: r.WhatHappensNext, Example: r.Example,
	}
	if r.Phone != "" {
		s.Phones = append(s.Phones, Phone{ID: r.ID + "-phone", Number: r.Phone})
	}
	for _, id := range r.TaxonomyTerms {
		s.Attributes = append(s.Attributes, Attribute{
			ID: r.ID + "-" + id, LinkID: r.ID, LinkEntity: "service",
			TaxonomyTermID: id, TaxonomyTerm: a.termByID[id],
		})
	}
	if s.WhoCanRefer == nil {
		s.WhoCanRefer = []string{}
	}
	return s
}

// searchText is what a search looks in: the names, the description, who
// runs the service and the names of its themes and pathways.
func searchText(s Service) string {
	parts := []string{s.Name, s.AlternateName, s.Description, s.Organization.Name}
	for _, at := range s.Attributes {
		parts = append(parts, at.TaxonomyTerm.Name)
	}
	return strings.ToLower(strings.Join(parts, "\n"))
}

// matches applies the Open Referral UK filters: taxonomy_term_id and
// taxonomy_id select by tag; minimum_age returns services whose minimum age
// is at least the value, maximum_age those whose maximum age is at most the
// value (a service without one has no upper limit); search needs every word.
func (q ServiceQuery) matches(s Service, text string) bool {
	if q.TaxonomyTermID != "" && !slices.ContainsFunc(s.Attributes, func(at Attribute) bool { return at.TaxonomyTermID == q.TaxonomyTermID }) {
		return false
	}
	if q.TaxonomyID != "" && !slices.ContainsFunc(s.Attributes, func(at Attribute) bool { return at.TaxonomyTerm.TaxonomyID == q.TaxonomyID }) {
		return false
	}
	if q.MinimumAge != nil && valueOr(s.MinimumAge, 0) < *q.MinimumAge {
		return false
	}
	if q.MaximumAge != nil && (s.MaximumAge == nil || *s.MaximumAge > *q.MaximumAge) {
		return false
	}
	for _, w := range q.Words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

func valueOr(p *int, otherwise int) int {
	if p == nil {
		return otherwise
	}
	return *p
}
