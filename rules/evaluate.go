package rules

// outcome is the bare result of an evaluation, without words: enough to
// compare two evaluations when working out what an unknown answer could change.
type outcome struct {
	crit, themes, paths []Tri
	verdict, basis      string
}

// size fits o to m, reusing its arrays.
func (o *outcome) size(m *Model) {
	o.crit = sized(o.crit, len(m.criteria))
	o.themes = sized(o.themes, len(m.Themes))
	o.paths = sized(o.paths, len(m.Pathways))
}

// Evaluate checks a family's answers (a map from question id to answer; the
// answer "unknown" means "I do not know") against the rules. If any answer is
// not valid it returns the errors, one per answer, and no result.
func Evaluate(m *Model, answers Node) (*Result, []AnswerError) {
	return new(Workspace).evaluate(m, answers, false)
}

func (m *Model) decide(a *answerSet, o *outcome) {
	for i, c := range m.criteria {
		o.crit[i] = eval(c.cond, a)
	}
	k := 0
	for ti, t := range m.Themes {
		r := No
		for range t.Criteria {
			r = or(r, o.crit[k])
			k++
		}
		o.themes[ti] = r
	}
	for i := range m.Pathways {
		o.paths[i] = eval(m.Pathways[i].cond, a)
	}
	o.verdict, o.basis = m.verdict(o.crit)
}

func or(a, b Tri) Tri {
	switch {
	case a == Yes || b == Yes:
		return Yes
	case a == Unknown || b == Unknown:
		return Unknown
	}
	return No
}

// tally counts themes and criteria three ways: met on firm criteria only,
// met counting professionals' nominations, and met if every unknown answer
// went the family's way.
type tally struct {
	firm, judged, hopeful int
}

func (t *tally) add(r Tri, judgement bool) {
	if r == Yes && !judgement {
		t.firm++
	}
	if r == Yes {
		t.judged++
	}
	if r != No {
		t.hopeful++
	}
}

// verdict applies the programme rule. A family is likely to qualify on firm
// criteria alone; it is possible when a professional's nomination or an
// unknown answer would make the difference; otherwise unlikely.
func (m *Model) verdict(crit []Tri) (string, string) {
	var themes, others tally
	k := 0
	for _, t := range m.Themes {
		var th tally
		for range t.Criteria {
			judgement := m.criteria[k].Judgement
			th.add(crit[k], judgement)
			if k != m.cpIndex {
				others.add(crit[k], judgement)
			}
			k++
		}
		themes.firm += min(th.firm, 1)
		themes.judged += min(th.judged, 1)
		themes.hopeful += min(th.hopeful, 1)
	}
	p := m.Programme
	cp := crit[m.cpIndex]
	switch {
	case themes.firm >= p.MinThemes:
		return VerdictLikely, BasisThemes
	case cp == Yes && others.firm >= p.CPOtherCriteria:
		return VerdictLikely, BasisChildProtection
	case themes.judged >= p.MinThemes || cp == Yes && others.judged >= p.CPOtherCriteria:
		return VerdictPossible, BasisJudgement
	case themes.hopeful >= p.MinThemes || cp != No && others.hopeful >= p.CPOtherCriteria:
		return VerdictPossible, BasisUnknowns
	}
	return VerdictUnlikely, BasisNotEnough
}

// unknowns lists each "I do not know" answer and what it could change: every
// value the answer could take is tried in turn, with the other unknowns left
// unknown, and the outcome compared with the one without it.
func (m *Model) unknowns(w *Workspace, base *outcome) []UnknownResult {
	a, trial, o := &w.a, &w.trial, &w.tried
	out := emptied(w.unknowns)
	trial.vals = sized(trial.vals, len(a.vals))
	o.size(m)
	for i := range m.Questions {
		if a.vals[i].state != stUnknown {
			continue
		}
		q := &m.Questions[i]
		u := UnknownResult{Question: q.ID, Label: q.Label, HowToFind: q.HowToFind}
		if len(out) < cap(out) { // the lists of the one this replaces are free again
			old := out[:len(out)+1][len(out)]
			u.Themes, u.Pathways = old.Themes, old.Pathways
		}
		u.Themes, u.Pathways = emptied(u.Themes), emptied(u.Pathways)
		w.tries = candidates(q, w.tries[:0])
		for _, v := range w.tries {
			copy(trial.vals, a.raw)
			trial.vals[i] = v
			m.skipIrrelevant(trial)
			m.decide(trial, o)
			m.compare(base, o, &u)
		}
		out = append(out, u)
	}
	w.unknowns = out
	return out
}

// candidates appends to vs every value an answer to q could take that
// could change a result.
func candidates(q *Question, vs []value) []value {
	switch q.Type {
	case TypeYesNo:
		return append(vs, value{state: stKnown, yes: true}, value{state: stKnown})
	case TypeChoice:
		for _, o := range q.Options {
			vs = append(vs, value{state: stKnown, opt: o.Value})
		}
		return vs
	}
	for _, x := range q.candidates {
		vs = append(vs, value{state: stKnown, num: x})
	}
	return vs
}

func (m *Model) compare(base, o *outcome, u *UnknownResult) {
	if o.verdict != base.verdict {
		u.ChangesVerdict = true
	}
	for i, t := range m.Themes {
		if o.themes[i] != base.themes[i] && !containsInt(u.Themes, t.Number) {
			u.Themes = append(u.Themes, t.Number)
		}
	}
	for i, p := range m.Pathways {
		if o.paths[i] != base.paths[i] && !contains(u.Pathways, p.ID) {
			u.Pathways = append(u.Pathways, p.ID)
		}
	}
}

func containsInt(list []int, n int) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}
