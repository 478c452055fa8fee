package rules

import (
	"strconv"
	"strings"
)

func joinSentences(s []string) string { return join(dedupeStrings(s), " ") }

// why collects the sentences that explain a progress condition. Unlike the
// checker, "all" shows every part, met or not, because a professional wants
// to see what has been achieved as well as what has not.
func (s *series) why(c *cond, v Tri, out []string) []string {
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
	return append(out, s.leafReason(c, v))
}

// missing lists what is still needed for c to be met. impossible is true
// when c can never be met because it depends on a fact at entry, which
// cannot change; such a branch of an "any" is left out.
func (s *series) missing(c *cond) ([]string, bool) {
	if eval(c, s) == Yes {
		return nil, false
	}
	switch c.op {
	case opAll:
		var out []string
		for _, k := range c.kids {
			m, impossible := s.missing(k)
			if impossible {
				return nil, true
			}
			out = append(out, m...)
		}
		return out, false
	case opAny, opAtLeast:
		var out []string
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

// holdsText says what meeting a leaf looks like: "attendance at least 90%",
// "the child was not permanently excluded".
func (s *series) holdsText(c *cond) string {
	f := s.field(c)
	switch {
	case c.drop:
		return f.Label + " down at least " + formatNum(c.val) + "% from entry"
	case c.op == opIs && c.yes:
		return f.IfYes
	case c.op == opIs:
		return f.IfNo
	}
	return f.Label + " " + phrase(c, true, f.Unit)
}

// valueText says what was recorded and how it stands: "attendance for
// Autumn 2024: 92%, which is at least 90%". when is a term's name or "entry".
func (s *series) valueText(c *cond, v *value, when string) string {
	f := s.field(c)
	at, in := " for "+when, "in "+when
	if when == "entry" {
		at, in = " at entry", "at entry"
	}
	switch {
	case v.state != stKnown:
		return f.Label + at + " is not recorded"
	case c.op == opIs && v.yes:
		return in + ", " + f.IfYes
	case c.op == opIs:
		return in + ", " + f.IfNo
	}
	return f.Label + at + ": " + shown(f, v) + ", which is " + phrase(c, c.cmp.holds(v.num, c.val), f.Unit)
}

// eachText says what holding over several terms means: "attendance has been
// at least 90%", "the child was not permanently excluded".
func (s *series) eachText(c *cond) string {
	f := s.field(c)
	switch {
	case c.drop:
		return f.Label + " has been down at least " + formatNum(c.val) + "% from entry"
	case c.op == opIs:
		return s.holdsText(c)
	}
	return f.Label + " has been " + phrase(c, true, f.Unit)
}

func (s *series) latestName() string { return s.names[len(s.names)-1] }

func (s *series) leafReason(c *cond, v Tri) string {
	if c.op == opOthers {
		return s.othersReason(v)
	}
	f := s.field(c)
	switch c.win {
	case winEntry:
		return sentence(s.valueText(c, &s.entry[c.ref], "entry"))
	case winSum:
		if len(s.terms) < c.n {
			return sentence("only " + plural(len(s.terms), "term has", "terms have") + " been recorded; " + strconv.Itoa(c.n) + " are needed")
		}
		total, unknown := s.total(c)
		if unknown {
			return sentence(f.Label + " is not recorded for every one of the last " + plural(c.n, "term", "terms"))
		}
		return sentence(f.Label + " over the last " + plural(c.n, "term", "terms") + " add up to " + withUnit(total, f.Unit) + ", which is " + phrase(c, v == Yes, f.Unit))
	}
	if len(s.terms) == 0 {
		return "No termly review has been recorded yet."
	}
	if c.win == winEach {
		if v == Yes {
			return sentence(s.eachText(c) + " in each of the last " + plural(c.n, "term", "terms"))
		}
		return sentence(s.eachText(c) + " in " + strconv.Itoa(s.streak(c)) + " of the " + strconv.Itoa(c.n) + " consecutive terms needed")
	}
	if c.drop {
		return sentence(s.fallText(c, len(s.terms)-1))
	}
	return sentence(s.valueText(c, &s.terms[len(s.terms)-1][c.ref], s.latestName()))
}

func (s *series) fallText(c *cond, term int) string {
	f := s.field(c)
	e, v := &s.entry[c.ref], &s.terms[term][c.ref]
	switch {
	case e.state != stKnown:
		return f.Label + " at entry is not recorded"
	case v.state != stKnown:
		return f.Label + " for " + s.names[term] + " is not recorded"
	case e.num <= 0:
		return f.Label + " at entry: 0, so there is no fall to measure"
	}
	change := (e.num - v.num) / e.num * 100
	what := "a fall of " + formatNum(change) + "%"
	if change < 0 {
		what = "a rise of " + formatNum(-change) + "%"
	}
	return f.Label + ": " + withUnit(e.num, f.Unit) + " at entry and " + withUnit(v.num, f.Unit) + " for " + s.names[term] +
		", " + what + "; the target is a fall of at least " + formatNum(c.val) + "%"
}

func (s *series) leafMissing(c *cond) []string {
	if c.op == opOthers {
		return s.othersMissing()
	}
	f := s.field(c)
	var out []string
	switch c.win {
	case winEntry:
		return []string{f.Label + " at entry"}
	case winLatest:
		if len(s.terms) == 0 {
			return []string{"a termly review with " + s.holdsText(c)}
		}
		out = s.unrecorded(c, len(s.terms)-1, len(s.terms))
		if len(out) == 0 {
			out = append(out, s.holdsText(c)+" at the next review")
		}
		return out
	case winSum:
		if len(s.terms) < c.n {
			return []string{plural(c.n-len(s.terms), "more termly review", "more termly reviews")}
		}
		out = s.unrecorded(c, len(s.terms)-c.n, len(s.terms))
		if len(out) == 0 {
			out = append(out, f.Label+" over "+plural(c.n, "term", "terms")+" in a row "+phrase(c, true, f.Unit))
		}
		return out
	}
	out = s.unrecorded(c, max(0, len(s.terms)-c.n), len(s.terms))
	if need := c.n - s.streak(c); need > 0 {
		out = append(out, plural(need, "more term", "more terms")+" in a row with "+s.holdsText(c))
	}
	return out
}

// unrecorded lists the values c needs that are not recorded in terms [from, to).
func (s *series) unrecorded(c *cond, from, to int) []string {
	f := s.field(c)
	var out []string
	if c.drop && s.entry[c.ref].state != stKnown {
		out = append(out, f.Label+" at entry")
	}
	for t := from; t < to; t++ {
		if s.terms[t][c.ref].state != stKnown {
			out = append(out, f.Label+" for "+s.names[t])
		}
	}
	return out
}

func (s *series) othersReason(v Tri) string {
	if len(s.checked) < 2 {
		return "No other criteria are being checked."
	}
	if v == Yes {
		return "Every other criterion being checked shows significant progress."
	}
	return sentence("significant progress is not yet shown on " + joinAnd(s.othersMissing()))
}

func (s *series) othersMissing() []string {
	var ids []string
	for i, v := range s.sig {
		if i != s.self && v != Yes {
			// The criterion's own words, as a key worker knows it, not its id.
			ids = append(ids, "significant progress on "+quote(strings.TrimSuffix(s.m.criteria[s.checked[i]].Text, ".")))
		}
	}
	return ids
}
