package oruk

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits on what a query may ask. Requests outside them are refused with a
// reason rather than silently clamped, so a client learns what it got.
const (
	DefaultPerPage = 50
	MaxPerPage     = 100
	maxPage        = 100000
	maxAge         = 150
	maxSearchBytes = 200
	maxIDBytes     = 200
)

// QueryError is a bad query parameter: the API answers it with 400.
type QueryError struct {
	Param   string
	Message string
}

func (e *QueryError) Error() string {
	if e.Param == "" {
		return e.Message
	}
	return e.Param + ": " + e.Message
}

// Paging is a validated page request.
type Paging struct {
	Page    int
	PerPage int
}

// ServiceQuery is a validated /services query.
type ServiceQuery struct {
	Paging
	Words          []string // lower-case; a service must contain every one
	TaxonomyTermID string
	TaxonomyID     string
	MinimumAge     *int
	MaximumAge     *int
}

// ParseNone checks that a query string is empty, for endpoints that take
// no parameters.
func ParseNone(rawQuery string) error {
	_, err := parse(rawQuery)
	return err
}

// ParsePaging reads page and per_page, the only parameters of the
// taxonomy endpoints.
func ParsePaging(rawQuery string) (Paging, error) {
	v, err := parse(rawQuery, "page", "per_page")
	if err != nil {
		return Paging{}, err
	}
	return paging(v)
}

// ParseServiceQuery reads the parameters of /services.
func ParseServiceQuery(rawQuery string) (ServiceQuery, error) {
	v, err := parse(rawQuery, "search", "page", "per_page", "taxonomy_term_id", "taxonomy_id", "minimum_age", "maximum_age")
	if err != nil {
		return ServiceQuery{}, err
	}
	var q ServiceQuery
	if q.Paging, err = paging(v); err != nil {
		return ServiceQuery{}, err
	}
	if q.Words, err = words(v.Get("search")); err != nil {
		return ServiceQuery{}, err
	}
	if q.TaxonomyTermID, err = id(v, "taxonomy_term_id"); err != nil {
		return ServiceQuery{}, err
	}
	if q.TaxonomyID, err = id(v, "taxonomy_id"); err != nil {
		return ServiceQuery{}, err
	}
	if q.MinimumAge, err = age(v, "minimum_age"); err != nil {
		return ServiceQuery{}, err
	}
	if q.MaximumAge, err = age(v, "maximum_age"); err != nil {
		return ServiceQuery{}, err
	}
	if q.MinimumAge != nil && q.MaximumAge != nil && *q.MinimumAge > *q.MaximumAge {
		return ServiceQuery{}, &QueryError{"minimum_age", "must not be more than maximum_age"}
	}
	return q, nil
}

// parse decodes a query string, refusing unknown parameters (a filter that
// is silently ignored misleads) and parameters given twice.
func parse(rawQuery string, allowed ...string) (url.Values, error) {
	v, err := url.ParseQuery(rawQuery)
	if err != nil {
		return nil, &QueryError{"", "the query string is not valid: " + err.Error()}
	}
	for name, values := range v {
		if !slices.Contains(allowed, name) {
			return nil, &QueryError{name, unknownMessage(allowed)}
		}
		if len(values) > 1 {
			return nil, &QueryError{name, "give it only once"}
		}
	}
	return v, nil
}

func unknownMessage(allowed []string) string {
	if len(allowed) == 0 {
		return "unknown parameter: this endpoint takes none"
	}
	return "unknown parameter: this endpoint takes " + strings.Join(allowed, ", ")
}

func paging(v url.Values) (Paging, error) {
	p := Paging{Page: 1, PerPage: DefaultPerPage}
	var err error
	if s, ok := lookup(v, "page"); ok {
		if p.Page, err = whole("page", s, 1, maxPage); err != nil {
			return Paging{}, err
		}
	}
	if s, ok := lookup(v, "per_page"); ok {
		if p.PerPage, err = whole("per_page", s, 1, MaxPerPage); err != nil {
			return Paging{}, err
		}
	}
	return p, nil
}

func words(search string) ([]string, error) {
	if len(search) > maxSearchBytes || !utf8.ValidString(search) {
		return nil, &QueryError{"search", fmt.Sprintf("must be text of at most %d bytes", maxSearchBytes)}
	}
	return strings.Fields(strings.ToLower(search)), nil
}

func id(v url.Values, name string) (string, error) {
	s := v.Get(name)
	if len(s) > maxIDBytes || !utf8.ValidString(s) {
		return "", &QueryError{name, fmt.Sprintf("must be an id of at most %d bytes", maxIDBytes)}
	}
	return s, nil
}

func age(v url.Values, name string) (*int, error) {
	s, ok := lookup(v, name)
	if !ok {
		return nil, nil
	}
	n, err := whole(name, s, 0, maxAge)
	if err != nil {
		return nil, err
	}
	return &n, nil
}

// lookup returns a parameter's value; an empty value counts as absent, as
// forms send empty fields.
func lookup(v url.Values, name string) (string, bool) {
	s := v.Get(name)
	return s, s != ""
}

// whole parses a whole number from lo to hi. Only digits are accepted, so
// "-1", "+1", "1e3" and "0x10" are refused rather than guessed at, and the
// length check keeps huge numbers from reaching strconv.
func whole(name, s string, lo, hi int) (int, error) {
	bad := &QueryError{name, fmt.Sprintf("must be a whole number from %d to %d", lo, hi)}
	if len(s) > len(strconv.Itoa(hi)) || strings.TrimLeft(s, "0123456789") != "" {
		return 0, bad
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, bad
	}
	return n, nil
}
