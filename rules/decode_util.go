package rules

import "strconv"

// obj reads one entry of a data file and reports its faults with the file
// and entry named, so a council web team can find the line to fix.
type obj struct {
	d     *decoder
	file  string // base name, e.g. "questions"
	entry string // e.g. `question "attendance_percent"`
	what  string // for questions and measures, e.g. "yesno question"
	n     Node
}

// fail records a fault in the entry.
//
//go:noinline
func (o obj) fail(msg string) {
	o.d.errs = append(o.d.errs, &DataError{File: o.d.path(o.file), Entry: o.entry, Msg: msg})
}

func (o obj) has(key string) bool {
	v := o.n.Get(key)
	return v != nil && v.Kind() != KindNull
}

// specKind says how to read a field.
type specKind uint8

const (
	kText    specKind = iota // non-empty text
	kUnit                    // text that may be empty, such as a unit
	kID                      // an id of lower-case letters, digits and hyphens
	kSnake                   // an id of lower-case letters, digits and underscores
	kNum                     // a number
	kWhole                   // a whole number, 0 or more
	kSources                 // a list of ids from sources.yaml
	kMarker                  // C, U or "S 000"
	kDate                    // YYYY-MM-DD
	kOptText                 // text that may be left out
	kFlag                    // true or false, false if left out
	kIDs                     // a list of ids, may be left out
	kOther                   // allowed, but read by the caller
)

// required: the kinds up to kDate must be given.
func (k specKind) required() bool { return k <= kDate }

// spec is one field to read: its key, its kind and where to store it
// (*string, *float64, *int, *bool or *[]string).
type spec struct {
	key  string
	kind specKind
	dst  any
}

// read reads an entry's fields into their destinations. When checking, every
// key must be one of the fields, so a misspelt field (allowUnkown) is
// reported rather than ignored.
//
//go:noinline
func (o obj) read(specs []spec) {
	if checking {
		for _, k := range o.n.Keys() {
			if !hasSpec(specs, k) {
				o.unknownField(k)
			}
		}
	}
	for _, s := range specs {
		o.readSpec(s)
	}
}

func hasSpec(specs []spec, key string) bool {
	for _, s := range specs {
		if s.key == key {
			return true
		}
	}
	return false
}

func (o obj) unknownField(k string) {
	if o.what != "" && isTypeKey(k) {
		o.fail("field " + quote(k) + " does not apply to a " + o.what)
		return
	}
	o.fail("unknown field " + quote(k))
}

func (o obj) readSpec(s spec) {
	v := o.n.Get(s.key)
	if s.kind == kOther || v == nil || v.Kind() == KindNull {
		if checking && s.kind.required() {
			o.fail("missing field " + quote(s.key))
		}
		return
	}
	if checking && !o.checkKind(s, v) {
		return
	}
	switch s.kind {
	case kNum:
		*s.dst.(*float64) = v.Num()
	case kWhole:
		*s.dst.(*int) = int(v.Num())
	case kFlag:
		*s.dst.(*bool) = v.Bool()
	case kIDs, kSources:
		ids := make([]string, v.Len())
		for i := range ids {
			ids[i] = v.Index(i).Str()
		}
		*s.dst.(*[]string) = ids
	default:
		*s.dst.(*string) = trimDate(s.kind, trim(v.Str()))
	}
}

// trimDate keeps the date part of a timestamp: a YAML or JSON layer may have
// turned "2024-08-19" into "2024-08-19T00:00:00Z".
func trimDate(k specKind, t string) string {
	if k == kDate && len(t) > 10 && t[10] == 'T' {
		return t[:10]
	}
	return t
}

// checkKind reports a value that does not fit its field.
func (o obj) checkKind(s spec, v Node) bool {
	bad := "field " + quote(s.key) + " must be "
	switch s.kind {
	case kNum, kWhole:
		f := v.Num()
		switch {
		case v.Kind() != KindNumber:
			o.fail(bad + "a number")
		case s.kind == kWhole && (f != float64(int(f)) || f < 0):
			o.fail(bad + "a whole number, 0 or more")
		default:
			return true
		}
	case kFlag:
		if v.Kind() == KindBool {
			return true
		}
		o.fail(bad + "true or false")
	case kIDs, kSources:
		return o.checkIDs(s, v)
	default:
		if v.Kind() == KindString {
			return o.checkText(s, trimDate(s.kind, trim(v.Str())))
		}
		o.fail(bad + "text (put it in quotes)")
	}
	return false
}

// checkText checks a text field against its kind.
func (o obj) checkText(s spec, t string) bool {
	switch s.kind {
	case kText:
		if t == "" {
			o.fail("field " + quote(s.key) + " is empty")
		}
	case kID, kSnake:
		if !validID(t, s.kind == kSnake) {
			sep := "hyphens"
			if s.kind == kSnake {
				sep = "underscores"
			}
			o.fail(quote(t) + " is not a valid id: use lower-case letters, digits and " + sep)
			return false
		}
	case kMarker:
		if !validMarker(t) {
			o.fail(`marker must be C, U or S followed by a document number, like "S 000"; not ` + quote(t))
			return false
		}
	case kDate:
		if !validDate(t) {
			o.fail("field " + quote(s.key) + " must be a date like 2024-08-19, not " + quote(t))
			return false
		}
	}
	return true
}

func (o obj) checkIDs(s spec, v Node) bool {
	if v.Kind() != KindList || v.Len() == 0 {
		o.fail("field " + quote(s.key) + " must be a list of ids, like [an-id]")
		return false
	}
	ok := true
	for i := 0; i < v.Len(); i++ {
		id := v.Index(i).Str()
		switch {
		case !validID(id, false):
			o.fail("field " + quote(s.key) + ": item " + strconv.Itoa(i+1) + " is not a valid id")
			ok = false
		case s.kind == kSources && !o.d.sources[id]:
			o.fail("unknown source " + quote(id) + " (see sources.yaml)")
			ok = false
		}
	}
	return ok
}

// provenance lists the fields that say where an entry comes from.
func provenance(p *Provenance, specs ...spec) []spec {
	return append(specs,
		spec{"sources", kSources, &p.Sources}, spec{"marker", kMarker, &p.Marker},
		spec{"from", kDate, &p.From}, spec{"note", kOptText, &p.Note})
}

// list returns the entries of a required, non-empty list field.
func (o obj) list(key string) Node {
	v := o.n.Get(key)
	if v != nil && v.Kind() == KindList && v.Len() > 0 {
		return v
	}
	msg := " must be a list of at least one entry"
	if checking && (v == nil || v.Kind() == KindNull) {
		msg = " is missing"
	}
	o.fail("field " + quote(key) + msg)
	return nil
}

func validID(s string, snake bool) bool {
	if s == "" {
		return false
	}
	if c := s[0]; !(c >= 'a' && c <= 'z' || !snake && c >= '0' && c <= '9') {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' && snake || c == '-' && !snake) {
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
	return len(s) == 5 && s[:2] == "S " && s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9' && s[4] >= '0' && s[4] <= '9'
}

// contains reports whether list holds s.
//
//go:noinline
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// quote puts an id or value in double quotes for a message.
//
//go:noinline
func quote(s string) string { return `"` + s + `"` }
