package rules

// explain turns an outcome into a Result with a reason for every criterion,
// pathway and the verdict.
func (m *Model) explain(w *Workspace, o *outcome) *Result {
	a, r := &w.a, &w.r
	*r = Result{Verdict: o.verdict, Basis: o.basis, ThemesMet: emptied(r.ThemesMet), Services: emptied(r.Services),
		Themes: emptied(r.Themes), Pathways: emptied(r.Pathways)}
	w.criteria = sized(w.criteria, len(m.criteria)) // one array, cut into the themes' lists
	criteria := w.criteria
	k := 0
	for ti, t := range m.Themes {
		tr := ThemeResult{Number: t.Number, Title: t.Title, Status: t.Status, Met: o.themes[ti].String(),
			Criteria: criteria[k : k : k+len(t.Criteria)]}
		for range t.Criteria {
			c := m.criteria[k]
			tr.Criteria = append(tr.Criteria, CriterionResult{ID: c.ID, Text: c.Text, Met: o.crit[k].String(),
				Why: m.reasons(a, c.cond, o.crit[k]), Judgement: c.Judgement, Services: nonNil(c.Services)})
			k++
		}
		if o.themes[ti] == Yes {
			r.ThemesMet = append(r.ThemesMet, t.Number)
		}
		r.Themes = append(r.Themes, tr)
	}
	for i, p := range m.Pathways {
		r.Pathways = append(r.Pathways, PathwayResult{ID: p.ID, Title: p.Title, Suggested: o.paths[i].String(),
			Why: m.reasons(a, p.cond, o.paths[i]), Services: p.Services})
		if o.paths[i] == Yes {
			r.Services = addAll(r.Services, p.Services)
		}
	}
	for i, c := range m.criteria {
		if o.crit[i] == Yes {
			r.Services = addAll(r.Services, c.Services)
		}
	}
	r.Unknowns = m.unknowns(w, o)
	r.VerdictWhy = m.verdictReason(w, o, r.Unknowns)
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
