package export

import "strconv"

// derive works out what pages would otherwise compute from the rules:
// which measures each criterion's progress reads, the words of each theme's
// status and of each verdict, the programme rule, and each threshold as
// written in the language.
func derive(m *Model) map[string]any {
	c := m.Checked
	w := m.Words
	criteria := map[string]any{}
	for ti := range c.Themes {
		for ci := range c.Themes[ti].Criteria {
			cr := &c.Themes[ti].Criteria[ci]
			criteria[cr.ID] = map[string]any{"measures": cr.ProgressMeasures(c)}
		}
	}
	themes := map[string]any{}
	for _, t := range c.Themes {
		d := map[string]any{"status": t.Status}
		if t.Status == "national example" {
			d["tag"] = m.Messages["theme.nationalExample.tag"]
			d["warning"] = m.Messages["theme.nationalExample.warning"]
			d["progressHint"] = m.Messages["theme.nationalExample.progressHint"]
		}
		themes[strconv.Itoa(t.Number)] = d
	}
	verdicts := map[string]any{}
	for _, v := range []string{"likely", "possible", "unlikely"} {
		verdicts[v] = map[string]string{"title": m.Messages["verdict."+v+".title"], "body": m.Messages["verdict."+v+".body"]}
	}
	thresholds := map[string]string{}
	for _, t := range c.Thresholds {
		thresholds[t.ID] = w.Threshold(t)
	}
	return map[string]any{
		"criteria":   criteria,
		"themes":     themes,
		"verdicts":   verdicts,
		"programme":  map[string]string{"rule": w.Text(c.ProgrammeRule())},
		"thresholds": thresholds,
	}
}
