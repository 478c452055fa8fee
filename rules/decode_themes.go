package rules

// The two values of a theme's status.
const (
	StatusLocal           = "local"
	StatusNationalExample = "national example"
)

func (d *decoder) decodeThemes(root Node) {
	seen := map[int]bool{}
	d.each(root, "themes", "theme", func(o obj, _ int) {
		if num := o.n.Get("number"); num != nil && num.Kind() == KindNumber {
			o.entry = "theme " + FormatNumber(num.Num())
		}
		var t Theme
		o.read(provenance(&t.Provenance, spec{"number", kWhole, &t.Number}, spec{"title", kText, &t.Title},
			spec{"short", kText, &t.Short}, spec{"summary", kText, &t.Summary}, spec{"status", kText, &t.Status},
			spec{"criteria", kOther, nil}))
		if checking && seen[t.Number] {
			o.fail("duplicate theme number " + FormatNumber(float64(t.Number)))
		}
		seen[t.Number] = true
		if checking && t.Status != "" && t.Status != StatusLocal && t.Status != StatusNationalExample {
			o.fail(`status must be "local" or "national example", not ` + quote(t.Status))
		}
		l := o.list("criteria")
		for j := 0; l != nil && j < l.Len(); j++ {
			d.decodeCriterion(o.entry, j, l.Index(j), &t)
		}
		d.m.Themes = append(d.m.Themes, t)
	})
	// Pointers are taken only now, once every slice has its final backing array.
	for ti := range d.m.Themes {
		for ci := range d.m.Themes[ti].Criteria {
			c := &d.m.Themes[ti].Criteria[ci]
			d.m.cIndex[c.ID] = len(d.m.criteria)
			d.m.criteria = append(d.m.criteria, c)
		}
	}
}

func (d *decoder) decodeCriterion(themeEntry string, j int, n Node, t *Theme) {
	o := obj{d: d, file: "themes", entry: themeEntry + " criterion " + FormatNumber(float64(j+1)), n: n}
	if n.Kind() != KindMap {
		o.fail("must be a set of fields")
		return
	}
	if id := n.Get("id"); id != nil && id.Kind() == KindString {
		o.entry = themeEntry + " criterion " + quote(id.Str())
	}
	c := Criterion{Theme: t.Number}
	o.read(provenance(&c.Provenance, spec{"id", kID, &c.ID}, spec{"text", kText, &c.Text},
		spec{"condition", kOther, nil}, spec{"judgement", kFlag, &c.Judgement}, spec{"services", kIDs, &c.Services},
		spec{"significant", kOther, nil}, spec{"sustained", kOther, nil}))
	if o.duplicate(d.crit, c.ID) {
		return
	}
	d.crit[c.ID] = j
	c.cond = d.requiredCond(condCtx{o: o, before: -1}, "condition")
	c.Significant = d.decodeProgress(o, "significant", false)
	c.Sustained = d.decodeProgress(o, "sustained", true)
	t.Criteria = append(t.Criteria, c)
}

func (d *decoder) decodeProgress(parent obj, key string, sustained bool) ProgressMeasure {
	o := obj{d: d, file: parent.file, entry: parent.entry + " " + key, n: parent.n.Get(key)}
	var pm ProgressMeasure
	if o.n == nil || o.n.Kind() != KindMap {
		parent.fail("missing field " + quote(key) + " {text, condition}")
		return pm
	}
	o.read([]spec{{"text", kText, &pm.Text}, {"condition", kOther, nil}})
	pm.cond = d.requiredCond(condCtx{o: o, before: -1, progress: true, sustained: sustained}, "condition")
	return pm
}
