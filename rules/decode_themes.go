package rules

import "strconv"

func (d *decoder) decodeThemes(l Node) {
	numbers := map[int]bool{}
	ids := map[string]bool{}
	entries(l, func(i int, n Node) {
		o := obj{d: d, file: "themes", entry: "theme " + strconv.Itoa(i+1), n: n}
		if n == nil || n.Kind() != KindMap {
			o.fail("must be a set of fields")
			return
		}
		if num := n.Get("number"); num != nil && num.Kind() == KindNumber {
			o.entry = "theme " + formatNum(num.Num())
		}
		o.only(append([]string{"number", "title", "short", "summary", "status", "criteria"}, provenanceKeys...)...)
		t := Theme{Title: o.text("title"), Short: o.text("short"), Summary: o.text("summary"),
			Status: o.text("status"), Provenance: o.provenance()}
		t.Number, _ = o.integer("number", 1)
		if numbers[t.Number] && t.Number > 0 {
			o.fail("duplicate theme number " + strconv.Itoa(t.Number))
		}
		numbers[t.Number] = true
		if t.Status != "" && t.Status != StatusLocal && t.Status != StatusNationalExample {
			o.fail(`status must be "local" or "national example", not ` + quote(t.Status))
		}
		entries(o.list("criteria"), func(j int, cn Node) {
			if c, ok := d.decodeCriterion(t.Number, o.entry, j, cn, ids); ok {
				t.Criteria = append(t.Criteria, c)
			}
		})
		d.m.Themes = append(d.m.Themes, t)
	})
	// Pointers are taken only now, once every slice has its final backing array.
	d.m.cIndex = map[string]int{}
	for ti := range d.m.Themes {
		for ci := range d.m.Themes[ti].Criteria {
			c := &d.m.Themes[ti].Criteria[ci]
			d.m.cIndex[c.ID] = len(d.m.criteria)
			d.m.criteria = append(d.m.criteria, c)
		}
	}
}

// The two values of a theme's status.
const (
	StatusLocal           = "local"
	StatusNationalExample = "national example"
)

func (d *decoder) decodeCriterion(theme int, themeEntry string, j int, n Node, ids map[string]bool) (Criterion, bool) {
	o, ok := d.entry("themes", "criterion", j, n)
	o.entry = themeEntry + " " + o.entry
	if !ok {
		return Criterion{}, false
	}
	o.only(append([]string{"id", "text", "condition", "judgement", "services", "significant", "sustained"}, provenanceKeys...)...)
	c := Criterion{ID: o.id("id", false), Text: o.text("text"), Theme: theme, Judgement: o.flag("judgement"),
		Services: o.ids("services", false), Provenance: o.provenance()}
	if ids[c.ID] {
		o.fail("duplicate id " + quote(c.ID))
	}
	ids[c.ID] = true
	c.cond = d.requiredCond(condCtx{o: o, before: -1}, "condition")
	c.Significant = d.decodeProgress(o, "significant", false)
	c.Sustained = d.decodeProgress(o, "sustained", true)
	return c, true
}

func (d *decoder) decodeProgress(parent obj, key string, sustained bool) ProgressMeasure {
	o := parent.at(key, parent.entry+" "+key)
	if o.n == nil || o.n.Kind() != KindMap {
		parent.fail("missing field " + quote(key) + " {text, condition}")
		return ProgressMeasure{}
	}
	o.only("text", "condition")
	return ProgressMeasure{
		Text: o.text("text"),
		cond: d.requiredCond(condCtx{o: o, before: -1, progress: true, sustained: sustained}, "condition"),
	}
}
