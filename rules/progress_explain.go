package rules

// why collects the sentences that explain a progress condition. Unlike the
// checker, "all" shows every part, met or not, because a professional wants
// to see what has been achieved as well as what has not.
func (s *series) why(c *cond, v Tri, out []Msg) []Msg {
	switch c.op {
	case opAll:
		for _, k := range c.kids {
			out = s.why(k, eval(k, s), out)
		}
		return out
	case opAny, opAtLeast:
		// When not met, a branch ruled out by a fact at entry is not shown:
		// only the branches the family can still meet explain what is needed.
		n := len(out)
		for _, k := range c.kids {
			kv := eval(k, s)
			if _, impossible := s.missing(k); v == Yes && kv == Yes || v != Yes && kv != Yes && !impossible {
				out = s.why(k, kv, out)
			}
		}
		if len(out) == n {
			for _, k := range c.kids {
				out = s.why(k, eval(k, s), out)
			}
		}
		return out
	case opNot:
		return s.why(c.kids[0], v.not(), out)
	}
	return s.leafReason(c, v, out)
}

// missing lists what is still needed for c to be met. impossible is true
// when c can never be met because it depends on a fact at entry, which
// cannot change; such a branch of an "any" is left out.
func (s *series) missing(c *cond) ([]Msg, bool) {
	if eval(c, s) == Yes {
		return nil, false
	}
	switch c.op {
	case opAll:
		var out []Msg
		for _, k := range c.kids {
			m, impossible := s.missing(k)
			if impossible {
				return nil, true
			}
			out = append(out, m...)
		}
		return out, false
	case opAny, opAtLeast:
		var out []Msg
		impossible := true
		for _, k := range c.kids {
			if m, imp := s.missing(k); !imp {
				out, impossible = append(out, m...), false
			}
		}
		return out, impossible
	case opNot:
		return nil, false
	}
	if c.win == winEntry && s.entry[c.ref].state == stKnown {
		return nil, true
	}
	return s.leafMissing(c), false
}

func (s *series) field(c *cond) *Field { return &s.m.Measures[c.ref].Field }

// yesNo is the words of a yes or no measure as the condition wants it.
func (s *series) yesNo(c *cond) Arg { return saidArg(ArgMeasure, s.field(c), c.yes) }

// holdsText says what meeting a number leaf looks like: "attendance at
// least 90%", "offences down at least 33% from entry".
func (s *series) holdsText(c *cond) Msg {
	f := s.field(c)
	if c.drop {
		return msg("progress.holds.drop", f.label(), numArg("fall", c.val, "%"))
	}
	return msg("progress.holds.compare", f.label(), msgArg("comparison", phrase(c, true, f.Unit)))
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
		return append(out, msg("progress.notRecorded"+when, args...))
	case c.op == opIs:
		return append(out, msg("progress.said"+when, append(args, saidArg(ArgMeasure, f, v.yes))...))
	}
	args = append(args, msgArg("value", shown(f, v)), msgArg("comparison", phrase(c, c.cmp.holds(v.num, c.val), f.Unit)))
	return s.m.absence(f, v, append(out, msg("progress.value"+when, args...)))
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
		return append(out, msg("progress.noReview"))
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
		return msg("progress.sum.tooFew", countArg("recorded", len(s.terms)), countArg("need", c.n))
	}
	total, unknown := s.total(c)
	if unknown {
		return msg("progress.sum.notRecorded", f.label(), countArg("n", c.n))
	}
	return msg("progress.sum", f.label(), countArg("n", c.n), numArg("total", total, f.Unit),
		msgArg("comparison", phrase(c, v == Yes, f.Unit)))
}

// eachReason says how many of the terms in a row the leaf held.
func (s *series) eachReason(c *cond, v Tri) Msg {
	kind := ".compare"
	what := msgArg("holds", msg("progress.each.compare", s.field(c).label(), msgArg("comparison", phrase(c, true, s.field(c).Unit))))
	switch {
	case c.drop:
		what = msgArg("holds", msg("progress.each.drop", s.field(c).label(), numArg("fall", c.val, "%")))
	case c.op == opIs:
		kind, what = ".is", s.yesNo(c)
	}
	if v == Yes {
		return msg("progress.each.all"+kind, what, countArg("n", c.n))
	}
	return msg("progress.each.some"+kind, what, countArg("streak", s.streak(c)), countArg("n", c.n))
}

func (s *series) fallText(c *cond, term int) Msg {
	f := s.field(c)
	e, v := &s.entry[c.ref], &s.terms[term][c.ref]
	switch {
	case e.state != stKnown:
		return msg("progress.notRecorded.entry", f.label())
	case v.state != stKnown:
		return msg("progress.notRecorded.term", f.label(), s.names[term])
	case e.num <= 0:
		return msg("progress.fall.fromZero", f.label())
	}
	change := (e.num - v.num) / e.num * 100
	code := "progress.fall"
	if change < 0 {
		code, change = "progress.rise", -change
	}
	return msg(code, f.label(), numArg("entry", e.num, f.Unit), numArg("latest", v.num, f.Unit), s.names[term],
		numArg("change", change, "%"), numArg("target", c.val, "%"))
}

func (s *series) leafMissing(c *cond) []Msg {
	if c.op == opOthers {
		return s.othersMissing()
	}
	f := s.field(c)
	switch c.win {
	case winEntry:
		return []Msg{msg("missing.atEntry", f.label())}
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
			return []Msg{msg("missing.moreReviews", countArg("n", c.n-len(s.terms)))}
		}
		if out := s.unrecorded(c, len(s.terms)-c.n, len(s.terms)); len(out) > 0 {
			return out
		}
		return []Msg{msg("missing.sum", f.label(), countArg("n", c.n), msgArg("comparison", phrase(c, true, f.Unit)))}
	}
	out := s.unrecorded(c, max(0, len(s.terms)-c.n), len(s.terms))
	if need := c.n - s.streak(c); need > 0 {
		m := s.needs(c, "missing.moreTerms")
		out = append(out, Msg{Code: m.Code, Args: append(m.Args, countArg("n", need))})
	}
	return out
}

// needs words what a leaf still needs: code.is with the yes or no clause
// ("a review showing that the child was not permanently excluded"), or
// code with the measure and its target ("attendance at least 90%").
func (s *series) needs(c *cond, code string) Msg {
	if c.op == opIs {
		return msg(code+".is", s.yesNo(c))
	}
	return msg(code, msgArg("holds", s.holdsText(c)))
}

// unrecorded lists the values c needs that are not recorded in terms [from, to).
func (s *series) unrecorded(c *cond, from, to int) []Msg {
	f := s.field(c)
	var out []Msg
	if c.drop && s.entry[c.ref].state != stKnown {
		out = append(out, msg("missing.atEntry", f.label()))
	}
	for t := from; t < to; t++ {
		if s.terms[t][c.ref].state != stKnown {
			out = append(out, msg("missing.term", f.label(), s.names[t]))
		}
	}
	return out
}

func (s *series) othersReason(v Tri) Msg {
	switch {
	case len(s.checked) < 2:
		return msg("progress.others.none")
	case v == Yes:
		return msg("progress.others.met")
	}
	var items []Arg
	for _, id := range s.othersNotYet() {
		items = append(items, msgArg("", msg("progress.quoted", refArg("criterion", ArgCriterion, id, "text"))))
	}
	return msg("progress.others.notYet", listArg("criteria", items))
}

func (s *series) othersMissing() []Msg {
	var out []Msg
	for _, id := range s.othersNotYet() {
		out = append(out, msg("missing.significantOn", refArg("criterion", ArgCriterion, id, "text")))
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
