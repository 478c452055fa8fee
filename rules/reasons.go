package rules

// why collects the sentences that decide c: for "all" that is true, every
// part; for "any" that is true, the parts that are true; for an unknown
// result, the parts that are unknown; and so on.
func (m *Model) why(a *answerSet, c *cond, v Tri, out []Msg) []Msg {
	switch c.op {
	case opNot:
		return m.why(a, c.kids[0], v.not(), out)
	case opAny:
		if v == No && len(c.kids) > 3 {
			return append(out, msg("reason.noneOfAny"))
		}
	case opAtLeast:
		return m.whyAtLeast(a, c, v, out)
	case opAll:
	default:
		return m.leafReason(a, c, v, out)
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
func (m *Model) whyAtLeast(a *answerSet, c *cond, v Tri, out []Msg) []Msg {
	yes := 0
	var parts []Msg
	for _, k := range c.kids {
		switch kv := eval(k, a); {
		case kv == Yes:
			yes++
			parts = m.why(a, k, kv, parts)
		case kv == Unknown && v == Unknown:
			parts = m.why(a, k, kv, parts)
		}
	}
	out = append(out, msg("reason.atLeast", countArg("count", yes), countArg("need", c.n)))
	return append(out, parts...)
}

func (m *Model) leafReason(a *answerSet, c *cond, v Tri, out []Msg) []Msg {
	q := &m.Questions[c.ref]
	ans := &a.vals[c.ref]
	label := q.label()
	switch ans.state {
	case stUnknown:
		return append(out, msg("reason.unknown", label))
	case stMissing, stSkipped:
		return append(out, msg("reason.noAnswer", label))
	}
	switch c.op {
	case opIs:
		return append(out, msg("reason.said", saidArg(ArgQuestion, &q.Field, ans.yes)))
	case opIn:
		return append(out, msg("reason.chose", label, refArg("option", ArgOption, q.ID, ans.opt)))
	}
	out = append(out, msg("reason.compare", label, msgArg("value", shown(&q.Field, ans)), msgArg("comparison", phrase(c, v == Yes, q.Unit))))
	return m.absence(&q.Field, ans, out)
}

// saidArg is the words of a yes or no answer: the field's ifYes or ifNo.
func saidArg(kind ArgKind, f *Field, yes bool) Arg {
	if yes {
		return refArg("said", kind, f.ID, "ifYes")
	}
	return refArg("said", kind, f.ID, "ifNo")
}

// shown is an answer as the family gave it.
func shown(f *Field, v *value) Msg {
	if v.sessions {
		return msg("value.sessions", countArg("attended", int(v.attended)), countArg("possible", int(v.possible)), numArg("percent", v.num, f.Unit))
	}
	return msg("value.number", numArg("value", v.num, f.Unit))
}

// phrase says how a value stands against a comparison: "below 90%",
// "at least 15 days", "not above 90%". The code is "compare.<op>.<holds>".
func phrase(c *cond, holds bool, unit string) Msg {
	h := ".no"
	if holds {
		h = ".yes"
	}
	return msg("compare."+cmpKeys[c.cmp]+h, numArg("value", c.val, unit))
}

func (m *Model) verdictReason(o *outcome, unknowns []UnknownResult) []Msg {
	met := m.themeNames(o, false)
	out := []Msg{msg("verdict.noCriteria")}
	if len(met) > 0 {
		out[0] = msg("verdict.themesMet", countArg("count", len(met)), listArg("themes", met))
	}
	switch o.basis {
	case BasisChildProtection:
		out[0] = msg("verdict.childProtection", refArg("cp", ArgCriterion, m.criteria[m.cpIndex].ID, "text"), countArg("others", m.countOthers(o)))
	case BasisJudgement:
		if judged := m.themeNames(o, true); len(judged) > 0 {
			out = append(out, msg("verdict.judgementIn", listArg("themes", judged)))
		} else {
			out = append(out, msg("verdict.judgement"))
		}
		out = append(out, msg("verdict.teamDecides", refArg("programme", ArgProgramme, "", "")))
	case BasisUnknowns:
		var labels []Arg
		for _, u := range unknowns {
			if u.ChangesVerdict {
				labels = append(labels, refArg("", ArgQuestion, u.Question, "label"))
			}
		}
		out = append(out, msg("verdict.unknowns"))
		if len(labels) > 0 {
			out = append(out, msg("verdict.findOut", listArg("questions", labels)))
		}
	}
	return append(out, m.ProgrammeRule())
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

// themeNames lists the themes met on firm criteria, or, with judgement
// set, the themes met only through a nomination.
func (m *Model) themeNames(o *outcome, judgement bool) []Arg {
	var names []Arg
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
			names = append(names, Arg{Kind: ArgTheme, Num: float64(t.Number)})
		}
	}
	return names
}
