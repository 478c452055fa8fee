package rules

import (
	"strconv"
	"strings"
)

// explain turns an outcome into a Result with a reason for every criterion,
// pathway and the verdict.
func (m *Model) explain(a *answerSet, o *outcome) *Result {
	r := &Result{Verdict: o.verdict, Basis: o.basis, ThemesMet: []int{}, Services: []string{}}
	k := 0
	for ti, t := range m.Themes {
		tr := ThemeResult{Number: t.Number, Title: t.Title, Status: t.Status, Met: o.themes[ti].String(),
			Criteria: make([]CriterionResult, 0, len(t.Criteria))}
		for range t.Criteria {
			c := m.criteria[k]
			tr.Criteria = append(tr.Criteria, CriterionResult{ID: c.ID, Text: c.Text, Met: o.crit[k].String(),
				Reason: m.reason(a, c.cond, o.crit[k]), Judgement: c.Judgement, Services: nonNil(c.Services)})
			k++
		}
		if o.themes[ti] == Yes {
			r.ThemesMet = append(r.ThemesMet, t.Number)
		}
		r.Themes = append(r.Themes, tr)
	}
	for i, p := range m.Pathways {
		r.Pathways = append(r.Pathways, PathwayResult{ID: p.ID, Title: p.Title, Suggested: o.paths[i].String(),
			Reason: m.reason(a, p.cond, o.paths[i]), Services: p.Services})
		if o.paths[i] == Yes {
			r.Services = addAll(r.Services, p.Services)
		}
	}
	for i, c := range m.criteria {
		if o.crit[i] == Yes {
			r.Services = addAll(r.Services, c.Services)
		}
	}
	r.Unknowns = m.unknowns(a, o)
	if r.Unknowns == nil {
		r.Unknowns = []UnknownResult{}
	}
	r.VerdictReason = m.verdictReason(o, r.Unknowns)
	return r
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func addAll(list, items []string) []string {
	for _, s := range items {
		if !contains(list, s) {
			list = append(list, s)
		}
	}
	return list
}

// reason explains why c has the value v, in the family's own answers.
func (m *Model) reason(a *answerSet, c *cond, v Tri) string {
	return join(m.why(a, c, v, nil), " ")
}

// why collects the sentences that decide c: for "all" that is true, every
// part; for "any" that is true, the parts that are true; for an unknown
// result, the parts that are unknown; and so on.
func (m *Model) why(a *answerSet, c *cond, v Tri, out []string) []string {
	switch c.op {
	case opNot:
		return m.why(a, c.kids[0], v.not(), out)
	case opAny:
		if v == No && len(c.kids) > 3 {
			return append(out, "None of your answers points to this.")
		}
	case opAtLeast:
		return m.whyAtLeast(a, c, v, out)
	case opAll:
	default:
		return append(out, m.leafReason(a, c, v))
	}
	for _, k := range c.kids {
		if kv := eval(k, a); kv == v {
			out = m.why(a, k, kv, out)
		}
	}
	return out
}

// whyAtLeast names the parts that apply and how many are needed, rather
// than every part that does not apply.
func (m *Model) whyAtLeast(a *answerSet, c *cond, v Tri, out []string) []string {
	yes := 0
	var parts []string
	for _, k := range c.kids {
		switch kv := eval(k, a); {
		case kv == Yes:
			yes++
			parts = m.why(a, k, kv, parts)
		case kv == Unknown && v == Unknown:
			parts = m.why(a, k, kv, parts)
		}
	}
	out = append(out, "Your answers show needs in "+plural(yes, "area", "areas")+", and at least "+strconv.Itoa(c.n)+" are needed.")
	return append(out, parts...)
}

func (m *Model) leafReason(a *answerSet, c *cond, v Tri) string {
	q := &m.Questions[c.ref]
	ans := &a.vals[c.ref]
	switch ans.state {
	case stUnknown:
		return sentence("you do not know " + q.Label)
	case stMissing, stSkipped:
		return sentence("there is no answer about " + q.Label)
	}
	switch c.op {
	case opIs:
		if ans.yes {
			return sentence("you said " + q.IfYes)
		}
		return sentence("you said " + q.IfNo)
	case opIn:
		return "For " + q.Label + ", you chose \"" + q.Options[optionIndex(q.Options, ans.opt)].Text + "\"."
	}
	return sentence("you said " + q.Label + " was " + shown(&q.Field, ans) + ", which is " + phrase(c, v == Yes, q.Unit))
}

// shown writes an answer as the family gave it.
func shown(f *Field, v *value) string {
	if v.sessions {
		return formatNum(v.attended) + " of " + formatNum(v.possible) + " possible sessions (" + withUnit(v.num, f.Unit) + ")"
	}
	return withUnit(v.num, f.Unit)
}

// phrase says how a value stands against a comparison: "below 90%",
// "at least 15 days", "not above 90%".
func phrase(c *cond, holds bool, unit string) string {
	x := withUnit(c.val, unit)
	words := [...][2]string{
		cmpLT: {"not below ", "below "},
		cmpLE: {"more than ", "at most "},
		cmpGT: {"not above ", "above "},
		cmpGE: {"below ", "at least "},
		cmpEQ: {"not ", "exactly "},
	}
	if holds {
		return words[c.cmp][1] + x
	}
	return words[c.cmp][0] + x
}

func (m *Model) verdictReason(o *outcome, unknowns []UnknownResult) string {
	p := m.Programme
	cp := clause(m.criteria[m.cpIndex].Text)
	met := m.themeNames(o, false)
	s := "No criteria are met."
	if len(met) > 0 {
		s = "Criteria are met in " + plural(len(met), "theme", "themes") + " (" + joinAnd(met) + ")."
	}
	switch o.basis {
	case BasisChildProtection:
		s = sentence(cp) + " " + plural(m.countOthers(o), "other criterion is", "other criteria are") + " met too."
	case BasisJudgement:
		s += " A professional has named a concern of equal weight"
		if judged := m.themeNames(o, true); len(judged) > 0 {
			s += ", in " + joinAnd(judged)
		}
		s += ". The " + p.Name + " team will decide, using professional judgement."
	case BasisUnknowns:
		var labels []string
		for _, u := range unknowns {
			if u.ChangesVerdict {
				labels = append(labels, u.Label)
			}
		}
		s += " Some answers are \"I do not know\", and the family could qualify depending on them."
		if len(labels) > 0 {
			s += " Try to find out " + joinAnd(labels) + "."
		}
	}
	return s + " A family qualifies with criteria met in at least " + plural(p.MinThemes, "theme", "themes") +
		", or when " + cp + " and at least " + plural(p.CPOtherCriteria, "other criterion is", "other criteria are") + " met."
}

// countOthers counts the criteria met besides the Child Protection Plan one.
func (m *Model) countOthers(o *outcome) int {
	n := 0
	for i, r := range o.crit {
		if r == Yes && i != m.cpIndex {
			n++
		}
	}
	return n
}

// themeNames lists the short names of the themes met on firm criteria, or,
// with judgement set, of the themes met only through a nomination.
func (m *Model) themeNames(o *outcome, judgement bool) []string {
	var names []string
	k := 0
	for _, t := range m.Themes {
		firm, judged := false, false
		for range t.Criteria {
			if o.crit[k] == Yes {
				if m.criteria[k].Judgement {
					judged = true
				} else {
					firm = true
				}
			}
			k++
		}
		if firm && !judgement || judged && !firm && judgement {
			names = append(names, t.Short)
		}
	}
	return names
}

// clause turns a criterion's sentence into a clause: "A child has a plan."
// becomes "a child has a plan". Words in capitals (CP, SEND) stay as they are.
func clause(s string) string {
	s = strings.TrimSuffix(s, ".")
	if len(s) > 1 && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z') {
		s = string(s[0]-'A'+'a') + s[1:]
	}
	return s
}
