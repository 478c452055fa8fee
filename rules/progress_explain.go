package rules

// why collects the sentences that explain a progress condition (see
// operators.go for each operator's).
func (s *series) why(c *cond, v Tri, out []Msg) []Msg {
	return operators[c.op].progress(s, c, v, out)
}

// missing lists what is still needed for c to be met. impossible is true
// when c can never be met because it depends on a fact at entry, which
// cannot change; such a branch of an "any" is left out.
func (s *series) missing(c *cond) ([]Msg, bool) {
	if eval(c, s) == Yes {
		return nil, false
	}
	return operators[c.op].missing(s, c)
}

func (s *series) field(c *cond) *Field { return &s.m.Measures[c.ref].Field }

// yesNo is the words of a yes or no measure as the condition wants it.
func (s *series) yesNo(c *cond) Arg { return saidArg(ArgMeasure, s.field(c), c.yes) }

// holdsText says what meeting a number leaf looks like: "attendance at
// least 90%", "offences down at least 33% from entry".
func (s *series) holdsText(c *cond) Msg {
	f := s.field(c)
	if c.drop {
		return Msg{Code: "progress.holds.drop", Args: []Arg{f.label(), {Name: "fall", Num: c.val, Field: "%"}}}
	}
	return Msg{Code: "progress.holds.compare", Args: []Arg{f.label(), {Name: "comparison", Kind: ArgMsg, Msg: phrase(&s.args, c, true, f.Unit)}}}
}

// valueText says what was recorded at entry (term < 0) or in a term, and
// how it stands: "attendance for Autumn 2024: 92%, which is at least 90%".
func (s *series) valueText(c *cond, v *value, term int, out []Msg) []Msg {
	f := s.field(c)
	when, args := ".entry", []Arg{f.label()}
	if term >= 0 {
		when, args = ".term", append(args, s.names[term])
	}
	switch {
	case v.state != stKnown:
		return append(out, Msg{Code: "progress.notRecorded" + when, Args: args})
	case c.op == opIs:
		return append(out, Msg{Code: "progress.said" + when, Args: append(args, saidArg(ArgMeasure, f, v.yes))})
	}
	args = append(args, Arg{Name: "value", Kind: ArgMsg, Msg: shown(&s.args, f, v)}, Arg{Name: "comparison", Kind: ArgMsg, Msg: phrase(&s.args, c, c.cmp.holds(v.num, c.val), f.Unit)})
	return s.m.absence(&s.args, f, v, append(out, Msg{Code: "progress.value" + when, Args: args}))
}

func (s *series) leafReason(c *cond, v Tri, out []Msg) []Msg {
	if c.op == opOthers {
		return append(out, s.othersReason(v))
	}
	f := s.field(c)
	switch c.win {
	case winEntry:
		return s.valueText(c, &s.entry[c.ref], -1, out)
	case winSum:
		return append(out, s.sumReason(c, v, f))
	}
	if len(s.terms) == 0 {
		return append(out, Msg{Code: "progress.noReview"})
	}
	latest := len(s.terms) - 1
	switch {
	case c.win == winEach:
		return append(out, s.eachReason(c, v))
	case c.drop:
		return append(out, s.fallText(c, latest))
	}
	return s.valueText(c, &s.terms[latest][c.ref], latest, out)
}

func (s *series) sumReason(c *cond, v Tri, f *Field) Msg {
	if len(s.terms) < c.n {
		return Msg{Code: "progress.sum.tooFew", Args: []Arg{{Name: "recorded", Num: float64(len(s.terms))}, {Name: "need", Num: float64(c.n)}}}
	}
	total, unknown := s.total(c)
	if unknown {
		return Msg{Code: "progress.sum.notRecorded", Args: []Arg{f.label(), {Name: "n", Num: float64(c.n)}}}
	}
	return Msg{Code: "progress.sum", Args: []Arg{f.label(), {Name: "n", Num: float64(c.n)}, {Name: "total", Num: total, Field: f.Unit}, {Name: "comparison", Kind: ArgMsg, Msg: phrase(&s.args, c, v == Yes, f.Unit)}}}
}

// eachReason says how many of the terms in a row the leaf held.
func (s *series) eachReason(c *cond, v Tri) Msg {
	kind := ".compare"
	what := Arg{Name: "holds", Kind: ArgMsg, Msg: Msg{Code: "progress.each.compare", Args: []Arg{s.field(c).label(), {Name: "comparison", Kind: ArgMsg, Msg: phrase(&s.args, c, true, s.field(c).Unit)}}}}
	switch {
	case c.drop:
		what = Arg{Name: "holds", Kind: ArgMsg, Msg: Msg{Code: "progress.each.drop", Args: []Arg{s.field(c).label(), {Name: "fall", Num: c.val, Field: "%"}}}}
	case c.op == opIs:
		kind, what = ".is", s.yesNo(c)
	}
	if v == Yes {
		return Msg{Code: "progress.each.all" + kind, Args: []Arg{what, {Name: "n", Num: float64(c.n)}}}
	}
	return Msg{Code: "progress.each.some" + kind, Args: []Arg{what, {Name: "streak", Num: float64(s.streak(c))}, {Name: "n", Num: float64(c.n)}}}
}

func (s *series) fallText(c *cond, term int) Msg {
	f := s.field(c)
	e, v := &s.entry[c.ref], &s.terms[term][c.ref]
	switch {
	case e.state != stKnown:
		return Msg{Code: "progress.notRecorded.entry", Args: []Arg{f.label()}}
	case v.state != stKnown:
		return Msg{Code: "progress.notRecorded.term", Args: []Arg{f.label(), s.names[term]}}
	case e.num <= 0:
		return Msg{Code: "progress.fall.fromZero", Args: []Arg{f.label()}}
	}
	change := (e.num - v.num) / e.num * 100
	code := "progress.fall"
	if change < 0 {
		code, change = "progress.rise", -change
	}
	return Msg{Code: code, Args: []Arg{f.label(), {Name: "entry", Num: e.num, Field: f.Unit}, {Name: "latest", Num: v.num, Field: f.Unit}, s.names[term], {Name: "change", Num: change, Field: "%"}, {Name: "target", Num: c.val, Field: "%"}}}
}

func (s *series) leafMissing(c *cond) []Msg {
	if c.op == opOthers {
		return s.othersMissing()
	}
	f := s.field(c)
	switch c.win {
	case winEntry:
		return []Msg{{Code: "missing.atEntry", Args: []Arg{f.label()}}}
	case winLatest:
		if len(s.terms) == 0 {
			return []Msg{s.needs(c, "missing.review")}
		}
		if out := s.unrecorded(c, len(s.terms)-1, len(s.terms)); len(out) > 0 {
			return out
		}
		return []Msg{s.needs(c, "missing.nextReview")}
	case winSum:
		if len(s.terms) < c.n {
			return []Msg{{Code: "missing.moreReviews", Args: []Arg{{Name: "n", Num: float64(c.n - len(s.terms))}}}}
		}
		if out := s.unrecorded(c, len(s.terms)-c.n, len(s.terms)); len(out) > 0 {
			return out
		}
		return []Msg{{Code: "missing.sum", Args: []Arg{f.label(), {Name: "n", Num: float64(c.n)}, {Name: "comparison", Kind: ArgMsg, Msg: phrase(&s.args, c, true, f.Unit)}}}}
	}
	out := s.unrecorded(c, max(0, len(s.terms)-c.n), len(s.terms))
	if need := c.n - s.streak(c); need > 0 {
		m := s.needs(c, "missing.moreTerms")
		out = append(out, Msg{Code: m.Code, Args: append(m.Args, Arg{Name: "n", Num: float64(need)})})
	}
	return out
}

// needs words what a leaf still needs: code.is with the yes or no clause
// ("a review showing that the child was not permanently excluded"), or
// code with the measure and its target ("attendance at least 90%").
func (s *series) needs(c *cond, code string) Msg {
	if c.op == opIs {
		return Msg{Code: code + ".is", Args: []Arg{s.yesNo(c)}}
	}
	return Msg{Code: code, Args: []Arg{{Name: "holds", Kind: ArgMsg, Msg: s.holdsText(c)}}}
}

// unrecorded lists the values c needs that are not recorded in terms [from, to).
func (s *series) unrecorded(c *cond, from, to int) []Msg {
	f := s.field(c)
	var out []Msg
	if c.drop && s.entry[c.ref].state != stKnown {
		out = append(out, Msg{Code: "missing.atEntry", Args: []Arg{f.label()}})
	}
	for t := from; t < to; t++ {
		if s.terms[t][c.ref].state != stKnown {
			out = append(out, Msg{Code: "missing.term", Args: []Arg{f.label(), s.names[t]}})
		}
	}
	return out
}

func (s *series) othersReason(v Tri) Msg {
	switch {
	case len(s.checked) < 2:
		return Msg{Code: "progress.others.none"}
	case v == Yes:
		return Msg{Code: "progress.others.met"}
	}
	var items []Arg
	for _, id := range s.othersNotYet() {
		items = append(items, Arg{Name: "", Kind: ArgMsg, Msg: Msg{Code: "progress.quoted", Args: []Arg{{Name: "criterion", Kind: ArgCriterion, Text: id, Field: "text"}}}})
	}
	return Msg{Code: "progress.others.notYet", Args: []Arg{{Name: "criteria", Kind: ArgList, List: items}}}
}

func (s *series) othersMissing() []Msg {
	var out []Msg
	for _, id := range s.othersNotYet() {
		out = append(out, Msg{Code: "missing.significantOn", Args: []Arg{{Name: "criterion", Kind: ArgCriterion, Text: id, Field: "text"}}})
	}
	return out
}

// othersNotYet lists the other criteria checked that do not yet show
// significant progress, named by their words, as a key worker knows them.
func (s *series) othersNotYet() []string {
	var ids []string
	for i, v := range s.sig {
		if i != s.self && v != Yes {
			ids = append(ids, s.m.criteria[s.checked[i]].ID)
		}
	}
	return ids
}
