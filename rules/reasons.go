package rules

// why collects the sentences that decide c: for "all" that is true, every
// part; for "any" that is true, the parts that are true; for an unknown
// result, the parts that are unknown; and so on (see operators.go).
func (m *Model) why(a *answerSet, c *cond, v Tri, out []Msg) []Msg {
	return operators[c.op].why(m, a, c, v, out)
}

// reasons is why's sentences for c, kept in a's block. For EvaluateMet,
// only what is met has them.
func (m *Model) reasons(a *answerSet, c *cond, v Tri) []Msg {
	if a.metOnly && v != Yes {
		return nil
	}
	a.scratch = m.why(a, c, v, a.scratch[:0])
	return a.msgs.take(a.scratch...)
}

// said is a leaf's reason, given in one round of an answerSet.
type said struct {
	round uint64
	v     Tri
	msgs  []Msg
}

// leafReason gives a leaf's reason once an evaluation: a test the rules
// repeat gets the very same messages (the same memory), so whoever writes
// them can write each one once (the browser's module does, wasm/convert.go).
func (m *Model) leafReason(a *answerSet, c *cond, v Tri, out []Msg) []Msg {
	s := &a.said[c.slot]
	if s.round == a.round && s.v == v {
		return append(out, s.msgs...)
	}
	start := len(out)
	out = m.leafWords(a, c, v, out)
	*s = said{round: a.round, v: v, msgs: a.msgs.take(out[start:]...)}
	return out
}

func (m *Model) leafWords(a *answerSet, c *cond, v Tri, out []Msg) []Msg {
	q := &m.Questions[c.ref]
	ans := &a.vals[c.ref]
	label := q.label()
	switch ans.state {
	case stUnknown:
		return append(out, Msg{Code: "reason.unknown", Args: a.args.take(label)})
	case stMissing, stSkipped:
		return append(out, Msg{Code: "reason.noAnswer", Args: a.args.take(label)})
	}
	switch c.op {
	case opIs:
		return append(out, Msg{Code: "reason.said", Args: a.args.take(saidArg(ArgQuestion, &q.Field, ans.yes))})
	case opIn:
		return append(out, Msg{Code: "reason.chose", Args: a.args.take(label, Arg{Name: "option", Kind: ArgOption, Text: q.ID, Field: ans.opt})})
	}
	out = append(out, Msg{Code: "reason.compare", Args: a.args.take(label,
		Arg{Name: "value", Kind: ArgMsg, Msg: shown(&a.args, &q.Field, ans)},
		Arg{Name: "comparison", Kind: ArgMsg, Msg: phrase(&a.args, c, v == Yes, q.Unit)})})
	return m.absence(&a.args, &q.Field, ans, out)
}

// saidArg is the words of a yes or no answer: the field's ifYes or ifNo.
func saidArg(kind ArgKind, f *Field, yes bool) Arg {
	if yes {
		return Arg{Name: "said", Kind: kind, Text: f.ID, Field: "ifYes"}
	}
	return Arg{Name: "said", Kind: kind, Text: f.ID, Field: "ifNo"}
}

// shown is an answer as the family gave it.
func shown(b *block[Arg], f *Field, v *value) Msg {
	if v.sessions {
		return Msg{Code: "value.sessions", Args: b.take(Arg{Name: "attended", Num: float64(int(v.attended))}, Arg{Name: "possible", Num: float64(int(v.possible))}, Arg{Name: "percent", Num: v.num, Field: f.Unit})}
	}
	return Msg{Code: "value.number", Args: b.take(Arg{Name: "value", Num: v.num, Field: f.Unit})}
}

// phrase says how a value stands against a comparison: "below 90%",
// "at least 15 days", "not above 90%". The code is "compare.<op>.<holds>".
func phrase(b *block[Arg], c *cond, holds bool, unit string) Msg {
	code := comparisons[c.cmp].no
	if holds {
		code = comparisons[c.cmp].yes
	}
	return Msg{Code: code, Args: b.take(Arg{Name: "value", Kind: ArgSetting, Num: c.val, Field: unit})}
}

func (m *Model) verdictReason(w *Workspace, o *outcome, unknowns []UnknownResult) []Msg {
	a := &w.a
	out := append(a.scratch[:0], Msg{Code: "verdict.noCriteria"})
	if met := m.themeNames(w, o, false); len(met) > 0 {
		out[0] = Msg{Code: "verdict.themesMet", Args: a.args.take(Arg{Name: "count", Num: float64(len(met))}, Arg{Name: "themes", Kind: ArgList, List: met})}
	}
	switch o.basis {
	case BasisChildProtection:
		out[0] = Msg{Code: "verdict.childProtection", Args: a.args.take(Arg{Name: "cp", Kind: ArgCriterion, Text: m.criteria[m.cpIndex].ID, Field: "text"}, Arg{Name: "others", Num: float64(m.countOthers(o))})}
	case BasisJudgement:
		if judged := m.themeNames(w, o, true); len(judged) > 0 {
			out = append(out, Msg{Code: "verdict.judgementIn", Args: a.args.take(Arg{Name: "themes", Kind: ArgList, List: judged})})
		} else {
			out = append(out, Msg{Code: "verdict.judgement"})
		}
		out = append(out, Msg{Code: "verdict.teamDecides", Args: a.args.take(Arg{Name: "programme", Kind: ArgProgramme})})
	case BasisUnknowns:
		labels := w.verdictOf[:0]
		for _, u := range unknowns {
			if u.ChangesVerdict {
				labels = append(labels, Arg{Name: "", Kind: ArgQuestion, Text: u.Question, Field: "label"})
			}
		}
		w.verdictOf = labels
		out = append(out, Msg{Code: "verdict.unknowns"})
		if len(labels) > 0 {
			out = append(out, Msg{Code: "verdict.findOut", Args: a.args.take(Arg{Name: "questions", Kind: ArgList, List: a.args.take(labels...)})})
		}
	}
	a.scratch = append(out, m.rule)
	return a.msgs.take(a.scratch...)
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
// set, the themes met only through a nomination, in w's memory.
func (m *Model) themeNames(w *Workspace, o *outcome, judgement bool) []Arg {
	names := w.verdictOf[:0]
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
	w.verdictOf = names
	return w.a.args.take(names...)
}
