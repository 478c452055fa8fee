package rules

import (
	"strconv"
	"strings"
)

// obj reads one entry of a data file and reports its faults with the file
// and entry named, so a council web team can find the line to fix.
type obj struct {
	d     *decoder
	file  string // base name, e.g. "questions"
	entry string // e.g. `question "attendance_percent"`
	n     Node
}

func (o obj) fail(msg string) {
	o.d.errs = append(o.d.errs, &DataError{File: o.d.path(o.file), Entry: o.entry, Msg: msg})
}

func (o obj) at(key string, entry string) obj {
	return obj{d: o.d, file: o.file, entry: entry, n: o.n.Get(key)}
}

func (o obj) has(key string) bool {
	v := o.n.Get(key)
	return v != nil && v.Kind() != KindNull
}

// only reports every key that is not one of keys, so a misspelt field
// (allowUnkown) is caught rather than silently ignored.
func (o obj) only(keys ...string) {
	for _, k := range o.n.Keys() {
		if !contains(keys, k) {
			o.fail("unknown field " + quote(k))
		}
	}
}

// text reads a required, non-empty text field.
func (o obj) text(key string) string {
	if !o.has(key) {
		o.fail("missing field " + quote(key))
		return ""
	}
	s := o.optText(key)
	if s == "" {
		o.fail("field " + quote(key) + " is empty")
	}
	return s
}

// optText reads a text field that may be left out.
func (o obj) optText(key string) string {
	v := o.n.Get(key)
	if v == nil || v.Kind() == KindNull {
		return ""
	}
	if v.Kind() != KindString {
		o.fail("field " + quote(key) + " must be text (put it in quotes)")
		return ""
	}
	return strings.TrimSpace(v.Str())
}

// id reads a required identifier and checks its spelling rule.
func (o obj) id(key string, snake bool) string {
	s := o.text(key)
	if s != "" && !validID(s, snake) {
		if snake {
			o.fail(quote(s) + " is not a valid id: use lower-case letters, digits and underscores")
		} else {
			o.fail(quote(s) + " is not a valid id: use lower-case letters, digits and hyphens")
		}
	}
	return s
}

func (o obj) num(key string) (float64, bool) {
	v := o.n.Get(key)
	if v == nil || v.Kind() == KindNull {
		o.fail("missing field " + quote(key))
		return 0, false
	}
	if v.Kind() != KindNumber {
		o.fail("field " + quote(key) + " must be a number")
		return 0, false
	}
	return v.Num(), true
}

func (o obj) integer(key string, min int) (int, bool) {
	f, ok := o.num(key)
	if !ok {
		return 0, false
	}
	if f != float64(int(f)) || int(f) < min {
		o.fail("field " + quote(key) + " must be a whole number of at least " + strconv.Itoa(min))
		return 0, false
	}
	return int(f), true
}

// flag reads an optional true/false field.
func (o obj) flag(key string) bool {
	v := o.n.Get(key)
	if v == nil || v.Kind() == KindNull {
		return false
	}
	if v.Kind() != KindBool {
		o.fail("field " + quote(key) + " must be true or false")
		return false
	}
	return v.Bool()
}

// list reads a required, non-empty list.
func (o obj) list(key string) Node {
	v := o.n.Get(key)
	if v == nil || v.Kind() == KindNull {
		o.fail("missing field " + quote(key))
		return nil
	}
	if v.Kind() != KindList {
		o.fail("field " + quote(key) + " must be a list")
		return nil
	}
	if v.Len() == 0 {
		o.fail("field " + quote(key) + " is an empty list")
		return nil
	}
	return v
}

// ids reads a list of identifiers; required says whether it may be left out.
func (o obj) ids(key string, required bool) []string {
	if !required && !o.has(key) {
		return nil
	}
	l := o.list(key)
	if l == nil {
		return nil
	}
	out := make([]string, 0, l.Len())
	for i := 0; i < l.Len(); i++ {
		v := l.Index(i)
		if v.Kind() != KindString || !validID(v.Str(), false) {
			o.fail("field " + quote(key) + ": item " + strconv.Itoa(i+1) + " is not a valid id")
			continue
		}
		out = append(out, v.Str())
	}
	return out
}

// date reads a YYYY-MM-DD date. A YAML or JSON layer may have turned the
// date into a timestamp ("2024-08-19T00:00:00Z"); only the date part counts.
func (o obj) date(key string) string {
	s := o.text(key)
	if s == "" {
		return ""
	}
	if len(s) > 10 && s[10] == 'T' {
		s = s[:10]
	}
	if !validDate(s) {
		o.fail("field " + quote(key) + " must be a date like 2024-08-19, not " + quote(s))
		return ""
	}
	return s
}

func (o obj) provenance() Provenance {
	p := Provenance{Sources: o.ids("sources", true), Note: o.optText("note")}
	for _, s := range p.Sources {
		if !o.d.sources[s] {
			o.fail("unknown source " + quote(s) + " (see sources.yaml)")
		}
	}
	p.Marker = o.text("marker")
	if p.Marker != "" && !validMarker(p.Marker) {
		o.fail("marker must be C, U or S followed by a document number, like \"S 000\"; not " + quote(p.Marker))
	}
	p.From = o.date("from")
	return p
}

var provenanceKeys = []string{"sources", "marker", "from", "note"}

func validID(s string, snake bool) bool {
	if s == "" {
		return false
	}
	if c := s[0]; !(c >= 'a' && c <= 'z' || !snake && c >= '0' && c <= '9') {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '_' && snake, c == '-' && !snake:
		default:
			return false
		}
	}
	return true
}

func validDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	y, e1 := strconv.Atoi(s[:4])
	m, e2 := strconv.Atoi(s[5:7])
	d, e3 := strconv.Atoi(s[8:])
	return e1 == nil && e2 == nil && e3 == nil && y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= 31
}

func validMarker(s string) bool {
	if s == "C" || s == "U" {
		return true
	}
	if len(s) != 5 || s[:2] != "S " {
		return false
	}
	for i := 2; i < 5; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func quote(s string) string { return `"` + s + `"` }
