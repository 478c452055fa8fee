package rules

import "strconv"

// ProgressResult says, for each criterion checked, whether significant and
// sustained progress have been made, and why.
type ProgressResult struct {
	Terms    int                 `json:"terms"`
	Themes   []ThemeProgress     `json:"themes"`
	Criteria []CriterionProgress `json:"criteria"`
}

// ThemeProgress sums up a theme: progress is made when it is made on every
// criterion checked in that theme.
type ThemeProgress struct {
	Number      int    `json:"number"`
	Title       string `json:"title"`
	Significant string `json:"significant"`
	Sustained   string `json:"sustained"`
}

// CriterionProgress is the progress on one criterion.
type CriterionProgress struct {
	ID          string        `json:"id"`
	Theme       int           `json:"theme"`
	Text        string        `json:"text"`
	Significant ProgressCheck `json:"significant"`
	Sustained   ProgressCheck `json:"sustained"`
}

// ProgressCheck is one of the two progress measures of a criterion.
type ProgressCheck struct {
	Met        string   `json:"met"`     // "yes", "no" or "unknown"
	Text       string   `json:"text"`    // what the measure asks, from the rules data
	Reason     string   `json:"reason"`  // what the figures show: Why in words
	Missing    []string `json:"missing"` // what is still needed: MissingWhy in words
	Why        []Msg    `json:"-"`
	MissingWhy []Msg    `json:"-"`
}

// series is a family's measures at entry and at each termly review, oldest
// first. It decides progress leaves.
type series struct {
	m     *Model
	entry []value
	terms [][]value
	names []Arg // each term's name, as given, or its number

	checked []int // indices into m.criteria of the criteria being checked
	sig     []Tri // their significant progress, once known
	self    int   // index into checked of the criterion being judged

	args block[Arg] // the reasons' arguments
}

// MaxTerms is the most termly reviews a progress check reads: four school
// years, more than any measure looks back over.
const MaxTerms = 12

// Progress judges significant and sustained progress from a family's
// measures: {"criteria": [ids], "entry": {measure: value}, "terms":
// [{"name": "Autumn 2024", measure: value, ...}, ...]}, terms oldest first.
// Invalid input gives one error per bad value and no result.
func Progress(m *Model, input Node) (*ProgressResult, []AnswerError) {
	s, errs := m.readProgress(input)
	if len(errs) > 0 {
		return nil, errs
	}
	r := &ProgressResult{Terms: len(s.terms)}
	s.sig = make([]Tri, len(s.checked))
	for i, ci := range s.checked {
		s.sig[i] = eval(m.criteria[ci].Significant.cond, s)
	}
	sus := make([]Tri, len(s.checked))
	for i, ci := range s.checked {
		c := m.criteria[ci]
		s.self = i
		sus[i] = eval(c.Sustained.cond, s)
		r.Criteria = append(r.Criteria, CriterionProgress{ID: c.ID, Theme: c.Theme, Text: c.Text,
			Significant: s.check(c.Significant, s.sig[i]), Sustained: s.check(c.Sustained, sus[i])})
	}
	for _, t := range m.Themes {
		tp := ThemeProgress{Number: t.Number, Title: t.Title}
		sig, sust, any := Yes, Yes, false
		for i, ci := range s.checked {
			if m.criteria[ci].Theme == t.Number {
				sig, sust, any = and(sig, s.sig[i]), and(sust, sus[i]), true
			}
		}
		if any {
			tp.Significant, tp.Sustained = sig.String(), sust.String()
			r.Themes = append(r.Themes, tp)
		}
	}
	return r, nil
}

func and(a, b Tri) Tri { return or(a.not(), b.not()).not() }

func (s *series) check(pm ProgressMeasure, v Tri) ProgressCheck {
	miss, _ := s.missing(pm.cond)
	return ProgressCheck{Met: v.String(), Text: pm.Text, Why: s.why(pm.cond, v, nil), MissingWhy: miss, Missing: []string{}}
}

func (m *Model) readProgress(n Node) (*series, []AnswerError) {
	s := &series{m: m}
	if n == nil || n.Kind() != KindMap {
		return nil, []AnswerError{{Msg: Msg{Code: "progress.notMap"}}}
	}
	var errs []AnswerError
	for _, k := range n.Keys() {
		if k != "criteria" && k != "entry" && k != "terms" {
			errs = append(errs, AnswerError{Question: shortID(k), Msg: Msg{Code: "progress.unknownField", Args: []Arg{{Name: "field", Kind: ArgText, Text: shortID(k)}}}})
		}
	}
	s.checked, errs = m.readCriteria(n.Get("criteria"), errs)
	s.entry, errs = m.readMeasures(n.Get("entry"), "entry", errs)
	terms := n.Get("terms")
	switch {
	case terms != nil && terms.Kind() != KindList:
		errs = append(errs, AnswerError{Question: "terms", Msg: Msg{Code: "progress.termsList"}})
		terms = nil
	case terms != nil && terms.Len() > MaxTerms:
		errs = append(errs, AnswerError{Question: "terms", Msg: Msg{Code: "progress.tooManyTerms", Args: []Arg{{Name: "max", Num: float64(MaxTerms)}}}})
		terms = nil
	}
	for i := 0; terms != nil && i < terms.Len(); i++ {
		path := "terms[" + strconv.Itoa(i) + "]"
		t := terms.Index(i)
		name := Arg{Name: "term", Kind: ArgMsg, Msg: Msg{Code: "progress.termNumber", Args: []Arg{{Name: "n", Num: float64(i + 1)}}}}
		if nm := t.Get("name"); nm != nil && nm.Kind() == KindString && nm.Str() != "" {
			name = Arg{Name: "term", Kind: ArgText, Text: nm.Str()}
			if len(nm.Str()) > MaxTextAnswer {
				errs = append(errs, AnswerError{Question: path + ".name", Msg: Msg{Code: "progress.nameTooLong", Args: []Arg{{Name: "max", Num: float64(MaxTextAnswer)}}}})
			}
		}
		var vals []value
		vals, errs = m.readMeasures(t, path, errs)
		s.terms = append(s.terms, vals)
		s.names = append(s.names, name)
	}
	return s, errs
}

func (m *Model) readCriteria(n Node, errs []AnswerError) ([]int, []AnswerError) {
	if n == nil || n.Kind() != KindList || n.Len() == 0 {
		return nil, append(errs, AnswerError{Question: "criteria", Msg: Msg{Code: "progress.criteriaRequired"}})
	}
	if n.Len() > len(m.criteria) {
		return nil, append(errs, AnswerError{Question: "criteria", Msg: Msg{Code: "progress.tooManyCriteria", Args: []Arg{{Name: "max", Num: float64(len(m.criteria))}}}})
	}
	var out []int
	for i := 0; i < n.Len(); i++ {
		id := n.Index(i).Str()
		ci, ok := m.cIndex[id]
		switch {
		case !ok:
			errs = append(errs, AnswerError{Question: "criteria[" + strconv.Itoa(i) + "]", Msg: Msg{Code: "progress.unknownCriterion", Args: []Arg{{Name: "id", Kind: ArgText, Text: shortID(id)}}}})
		case containsInt(out, ci):
			errs = append(errs, AnswerError{Question: "criteria[" + strconv.Itoa(i) + "]", Msg: Msg{Code: "progress.duplicateCriterion", Args: []Arg{{Name: "criterion", Kind: ArgCriterion, Text: id, Field: "text"}}}})
		default:
			out = append(out, ci)
		}
	}
	return out, errs
}

// readMeasures reads one set of measures (at entry or one term). Measures
// left out are unknown: a review need not record every measure.
func (m *Model) readMeasures(n Node, path string, errs []AnswerError) ([]value, []AnswerError) {
	vals := make([]value, len(m.Measures))
	if n == nil {
		return vals, errs
	}
	if n.Kind() != KindMap {
		return vals, append(errs, AnswerError{Question: path, Msg: Msg{Code: "progress.measuresMap"}})
	}
	for _, k := range n.Keys() {
		i, ok := m.mIndex[k]
		if !ok {
			if k != "name" || path == "entry" {
				errs = append(errs, AnswerError{Question: path + "." + shortID(k), Msg: Msg{Code: "progress.unknownMeasure", Args: []Arg{{Name: "id", Kind: ArgText, Text: shortID(k)}}}})
			}
			continue
		}
		v, e := parseValue(&m.Measures[i].Field, nil, true, n.Get(k))
		if e.Code != "" {
			errs = append(errs, AnswerError{Question: path + "." + k, Msg: e})
		}
		vals[i] = v
	}
	return vals, errs
}

func (s *series) leaf(c *cond) Tri {
	if c.op == opOthers {
		return s.others()
	}
	switch c.win {
	case winEntry:
		return s.test(c, &s.entry[c.ref])
	case winLatest:
		if len(s.terms) == 0 {
			return No
		}
		return s.at(c, len(s.terms)-1)
	case winEach:
		return s.each(c)
	}
	return s.sum(c)
}

// at decides c at one term.
func (s *series) at(c *cond, term int) Tri {
	if c.drop {
		return s.fall(c, term)
	}
	return s.test(c, &s.terms[term][c.ref])
}

func (s *series) test(c *cond, v *value) Tri {
	if v.state != stKnown {
		return Unknown
	}
	if c.op == opIs {
		return tri(v.yes == c.yes)
	}
	return tri(c.cmp.holds(v.num, c.val))
}

// fall decides downFromEntryBy at one term. With nothing at entry there is
// nothing to fall from, so it is not met.
func (s *series) fall(c *cond, term int) Tri {
	e, v := &s.entry[c.ref], &s.terms[term][c.ref]
	if e.state != stKnown || v.state != stKnown {
		return Unknown
	}
	if e.num <= 0 {
		return No
	}
	return tri((e.num-v.num)/e.num*100 >= c.val-1e-9)
}

// each decides eachOfLast: fewer terms than needed is not (yet) met.
func (s *series) each(c *cond) Tri {
	if len(s.terms) < c.n {
		return No
	}
	r := Yes
	for t := len(s.terms) - c.n; t < len(s.terms); t++ {
		switch s.at(c, t) {
		case No:
			return No
		case Unknown:
			r = Unknown
		}
	}
	return r
}

// streak counts the terms in a row, back from the latest, where c holds.
func (s *series) streak(c *cond) int {
	k := 0
	for t := len(s.terms) - 1; t >= 0 && k < c.n && s.at(c, t) == Yes; t-- {
		k++
	}
	return k
}

func (s *series) sum(c *cond) Tri {
	if len(s.terms) < c.n {
		return No
	}
	total, unknown := s.total(c)
	if !unknown {
		return tri(c.cmp.holds(total, c.val))
	}
	// Counts only go up, so a partial total already over an upper limit fails.
	if (c.cmp == cmpLT || c.cmp == cmpLE || c.cmp == cmpEQ) && !c.cmp.holds(total, c.val) && total > c.val {
		return No
	}
	return Unknown
}

func (s *series) total(c *cond) (float64, bool) {
	total, unknown := 0.0, false
	for t := len(s.terms) - c.n; t < len(s.terms); t++ {
		v := &s.terms[t][c.ref]
		if v.state != stKnown {
			unknown = true
			continue
		}
		total += v.num
	}
	return total, unknown
}

func (s *series) others() Tri {
	r := Yes
	for i, v := range s.sig {
		if i != s.self {
			r = and(r, v)
		}
	}
	return r
}
