package rules

// outcome is the bare result of an evaluation, without words: enough to
// compare two evaluations when working out what an unknown answer could change.
type outcome struct {
	crit, themes, paths []Tri
	verdict, basis      string
}

func (m *Model) newOutcome() *outcome {
	return &outcome{
		crit:   make([]Tri, len(m.criteria)),
		themes: make([]Tri, len(m.Themes)),
		paths:  make([]Tri, len(m.Pathways)),
	}
}

// Evaluate checks a family's answers (a map from question id to answer; the
// answer "unknown" means "I do not know") against the rules. If any answer is
// not valid it returns the errors, one per answer, and no result.
func Evaluate(m *Model, answers Node) (*Result, []AnswerError) {
	return m.evaluate(answers, false)
}

// EvaluateMet is Evaluate with reasons (Why) only for the criteria met and
// the pathways suggested, the ones the checker's page shows. It saves the
// browser the work of the others.
func EvaluateMet(m *Model, answers Node) (*Result, []AnswerError) {
	return m.evaluate(answers, true)
}

func (m *Model) evaluate(answers Node, metOnly bool) (*Result, []AnswerError) {
	a, errs := m.readAnswers(answers)
	if len(errs) > 0 {
		return nil, errs
	}
	a.metOnly = metOnly
	o := m.newOutcome()
	m.decide(a, o)
	return m.explain(a, o), nil
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
func (m *Model) unknowns(a *answerSet, base *outcome) []UnknownResult {
	var out []UnknownResult
	trial := &answerSet{vals: make([]value, len(a.vals))}
	o := m.newOutcome()
	for i := range m.Questions {
		if a.vals[i].state != stUnknown {
			continue
		}
		q := &m.Questions[i]
		u := UnknownResult{Question: q.ID, Label: q.Label, HowToFind: q.HowToFind, Themes: []int{}, Pathways: []string{}}
		for _, v := range candidates(q) {
			copy(trial.vals, a.raw)
			trial.vals[i] = v
			m.skipIrrelevant(trial)
			m.decide(trial, o)
			m.compare(base, o, &u)
		}
		out = append(out, u)
	}
	return out
}

func candidates(q *Question) []value {
	switch q.Type {
	case TypeYesNo:
		return []value{{state: stKnown, yes: true}, {state: stKnown}}
	case TypeChoice:
		vs := make([]value, len(q.Options))
		for i, o := range q.Options {
			vs[i] = value{state: stKnown, opt: o.Value}
		}
		return vs
	}
	vs := make([]value, len(q.candidates))
	for i, x := range q.candidates {
		vs[i] = value{state: stKnown, num: x}
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
