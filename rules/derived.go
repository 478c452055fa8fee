package rules

// ProgrammeRule is the rule for qualifying as one message: the words pages
// show and the end of every verdict's reason.
// It is made once, when the programme is decoded; its Args must not be changed.
func (m *Model) ProgrammeRule() Msg { return m.rule }

func (p *Programme) rule() Msg {
	return Msg{Code: "programme.rule", Args: []Arg{{Name: "minThemes", Kind: ArgSetting, Num: float64(p.MinThemes)}, {Name: "cp", Kind: ArgCriterion, Text: p.CPCriterion, Field: "clause"}, {Name: "cpOther", Kind: ArgSetting, Num: float64(p.CPOtherCriteria)}}}
}

// ProgressMeasures lists the ids of the measures that a criterion's
// significant and sustained progress read, in the order they read them, so
// a page can ask only for the measures the chosen criteria need.
func (c *Criterion) ProgressMeasures(m *Model) []string {
	var ids []string
	add := func(k *cond) {
		if (k.op == opCmp || k.op == opIs) && !contains(ids, m.Measures[k.ref].ID) {
			ids = append(ids, m.Measures[k.ref].ID)
		}
	}
	walk(c.Significant.cond, add)
	walk(c.Sustained.cond, add)
	return ids
}
