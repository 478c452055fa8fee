package rules

import (
	"sort"
	"strconv"
)

// dataFiles are the files of the rules data, by base name, in the order they
// are decoded (later files refer to earlier ones).
var dataFiles = []string{"sources", "thresholds", "questions", "measures", "themes", "programme", "pathways"}

type decoder struct {
	dir  string
	errs DataErrors
	m    *Model

	sources  map[string]bool
	thrIndex map[string]int
	usedQ    []bool
	usedM    []bool
	usedT    []bool
}

func (d *decoder) path(file string) string { return d.dir + "/" + file + ".yaml" }

// Decode builds a Model from the rules data as Hugo exposes data/rules/: a map
// from each file's base name to its content. dir names the folder in error
// messages (e.g. "data/rules"). The error, if any, is a DataErrors listing
// every fault found.
func Decode(root Node, dir string) (*Model, error) {
	d := &decoder{dir: dir, m: &Model{}, sources: map[string]bool{}, thrIndex: map[string]int{}}
	if !d.checkFiles(root) {
		return nil, d.errs
	}
	d.decodeSources(d.fileList(root, "sources"))
	d.decodeThresholds(d.fileList(root, "thresholds"))
	d.decodeQuestions(d.fileList(root, "questions"))
	d.decodeMeasures(d.fileList(root, "measures"))
	d.decodeThemes(d.fileList(root, "themes"))
	d.decodeProgramme(root.Get("programme"))
	d.decodePathways(d.fileList(root, "pathways"))
	d.checkUnused()
	if len(d.errs) > 0 {
		return nil, d.errs
	}
	d.findCandidates()
	return d.m, nil
}

// checkFiles reports missing and unexpected files. Later checks would only
// repeat a missing file's absence as many unknown references, so decoding
// stops here if any file is missing.
func (d *decoder) checkFiles(root Node) bool {
	if root == nil || root.Kind() != KindMap {
		d.errs = append(d.errs, &DataError{File: d.dir, Msg: "the rules data must be a folder of YAML files"})
		return false
	}
	ok := true
	for _, f := range dataFiles {
		if n := root.Get(f); n == nil || n.Kind() != KindMap {
			d.errs = append(d.errs, &DataError{File: d.path(f), Msg: "file is missing or is not a set of fields"})
			ok = false
		}
	}
	for _, k := range root.Keys() {
		if !contains(dataFiles, k) {
			d.errs = append(d.errs, &DataError{File: d.path(k), Msg: "unexpected file: the rules data has only programme, sources, thresholds, questions, measures, themes and pathways"})
		}
	}
	return ok
}

// fileList returns the list under the file's own key (questions.yaml holds
// `questions: [...]`), the form that leaves room for comments and Hugo.
func (d *decoder) fileList(root Node, file string) Node {
	o := obj{d: d, file: file, n: root.Get(file)}
	o.only(file)
	return o.list(file)
}

func entries(l Node, f func(i int, n Node)) {
	if l == nil {
		return
	}
	for i := 0; i < l.Len(); i++ {
		f(i, l.Index(i))
	}
}

// entry returns an obj for item i of a file's list, named by its id if it has one.
func (d *decoder) entry(file, kind string, i int, n Node) (obj, bool) {
	name := kind + " " + strconv.Itoa(i+1)
	if n != nil && n.Kind() == KindMap {
		if id := n.Get("id"); id != nil && id.Kind() == KindString && id.Str() != "" {
			name = kind + " " + quote(id.Str())
		}
	}
	o := obj{d: d, file: file, entry: name, n: n}
	if n == nil || n.Kind() != KindMap {
		o.fail("must be a set of fields")
		return o, false
	}
	return o, true
}

func (d *decoder) decodeSources(l Node) {
	entries(l, func(i int, n Node) {
		o, ok := d.entry("sources", "source", i, n)
		if !ok {
			return
		}
		o.only("id", "title", "url", "seed")
		s := Source{ID: o.id("id", false), Title: o.text("title"), URL: o.optText("url"), Seed: o.optText("seed")}
		if d.sources[s.ID] {
			o.fail("duplicate id " + quote(s.ID))
		}
		d.sources[s.ID] = true
		d.m.Sources = append(d.m.Sources, s)
	})
}

func (d *decoder) decodeThresholds(l Node) {
	entries(l, func(i int, n Node) {
		o, ok := d.entry("thresholds", "threshold", i, n)
		if !ok {
			return
		}
		o.only(append([]string{"id", "value", "unit", "text"}, provenanceKeys...)...)
		t := Threshold{ID: o.id("id", true), Text: o.text("text"), Provenance: o.provenance()}
		t.Value, _ = o.num("value")
		if !o.has("unit") {
			o.fail(`missing field "unit" (use "" for none)`)
		}
		t.Unit = o.optText("unit")
		if _, dup := d.thrIndex[t.ID]; dup {
			o.fail("duplicate id " + quote(t.ID))
		}
		d.thrIndex[t.ID] = len(d.m.Thresholds)
		d.m.Thresholds = append(d.m.Thresholds, t)
	})
	d.usedT = make([]bool, len(d.m.Thresholds))
}

// fieldKeys are the keys questions and measures share; typeKeys are the ones
// that only some types take.
var (
	fieldKeys = []string{"id", "type", "text", "label", "howToFind"}
	typeKeys  = map[ValueType][]string{
		TypeYesNo:  {"ifYes", "ifNo"},
		TypeNumber: {"min", "max", "unit", "allowSessions"},
		TypeCount:  {"min", "max", "unit"},
		TypeChoice: {"options"},
	}
)

// decodeField reads what questions and measures share. extra are the keys
// the caller reads itself.
func (d *decoder) decodeField(o obj, kind string, f *Field, extra []string) {
	f.ID = o.id("id", true)
	ts := o.text("type")
	for t, name := range typeNames {
		if name != "" && name == ts {
			f.Type = ValueType(t)
		}
	}
	if ts != "" && f.Type == 0 {
		o.fail("unknown type " + quote(ts) + ": use yesno, number, count or choice")
	}
	allowed := append(append([]string{}, fieldKeys...), extra...)
	allowed = append(allowed, typeKeys[f.Type]...)
	for _, k := range o.n.Keys() {
		if contains(allowed, k) {
			continue
		}
		if f.Type != 0 && isTypeKey(k) {
			o.fail("field " + quote(k) + " does not apply to a " + f.Type.String() + " " + kind)
		} else if f.Type != 0 || !isTypeKey(k) {
			o.fail("unknown field " + quote(k))
		}
	}
	f.Text, f.Label, f.HowToFind = o.text("text"), o.text("label"), o.text("howToFind")
	switch f.Type {
	case TypeYesNo:
		f.IfYes, f.IfNo = o.text("ifYes"), o.text("ifNo")
	case TypeNumber, TypeCount:
		d.decodeRange(o, f)
	}
}

func isTypeKey(k string) bool {
	for _, keys := range typeKeys {
		if contains(keys, k) {
			return true
		}
	}
	return false
}

func (d *decoder) decodeRange(o obj, f *Field) {
	var okMin, okMax bool
	f.Min, okMin = o.num("min")
	f.Max, okMax = o.num("max")
	if okMin && okMax && f.Min >= f.Max {
		o.fail("min must be less than max")
	}
	if f.Type == TypeCount && (f.Min != float64(int(f.Min)) || f.Max != float64(int(f.Max))) {
		o.fail("a count's min and max must be whole numbers")
	}
	if !o.has("unit") {
		o.fail(`missing field "unit" (use "" for none)`)
	}
	f.Unit = o.optText("unit")
	f.AllowSessions = o.flag("allowSessions")
	if f.AllowSessions && f.Unit != "%" {
		o.fail(`allowSessions needs unit "%"`)
	}
}

func (d *decoder) decodeQuestions(l Node) {
	d.m.qIndex = map[string]int{}
	extra := []string{"allowUnknown", "hint", "professionalText", "askIf"}
	var objs []obj
	entries(l, func(i int, n Node) {
		o, ok := d.entry("questions", "question", i, n)
		if !ok {
			return
		}
		var q Question
		d.decodeField(o, "question", &q.Field, extra)
		q.AllowUnknown = o.flag("allowUnknown")
		q.Hint, q.ProfessionalText = o.optText("hint"), o.optText("professionalText")
		if q.Type == TypeChoice {
			q.Options = d.decodeOptions(o)
		}
		if _, dup := d.m.qIndex[q.ID]; dup && q.ID != "" {
			o.fail("duplicate id " + quote(q.ID))
		}
		d.m.qIndex[q.ID] = len(d.m.Questions)
		d.m.Questions = append(d.m.Questions, q)
		objs = append(objs, o)
	})
	d.usedQ = make([]bool, len(d.m.Questions))
	// askIf may refer to any earlier question, so it is read once all are known.
	for i, o := range objs {
		if o.has("askIf") {
			d.m.Questions[i].askIf = d.cond(condCtx{o: o, before: i, askIf: true}, o.n.Get("askIf"), "askIf")
		}
	}
}

func (d *decoder) decodeOptions(o obj) []Option {
	l := o.list("options")
	var opts []Option
	entries(l, func(i int, n Node) {
		oo := obj{d: d, file: o.file, entry: o.entry + " option " + strconv.Itoa(i+1), n: n}
		if n.Kind() != KindMap {
			oo.fail("must be a set of fields {value, text}")
			return
		}
		oo.only("value", "text")
		op := Option{Value: oo.id("value", true), Text: oo.text("text")}
		switch {
		case op.Value == unknownAnswer:
			oo.fail(`the value "unknown" is kept for "I do not know"`)
		case optionIndex(opts, op.Value) >= 0:
			oo.fail("duplicate option " + quote(op.Value))
		}
		opts = append(opts, op)
	})
	if l != nil && len(opts) < 2 {
		o.fail("a choice needs at least 2 options")
	}
	return opts
}

func optionIndex(opts []Option, v string) int {
	for i, o := range opts {
		if o.Value == v {
			return i
		}
	}
	return -1
}

func (d *decoder) decodeMeasures(l Node) {
	d.m.mIndex = map[string]int{}
	entries(l, func(i int, n Node) {
		o, ok := d.entry("measures", "measure", i, n)
		if !ok {
			return
		}
		var ms Measure
		d.decodeField(o, "measure", &ms.Field, nil)
		if ms.Type == TypeChoice {
			o.fail("a measure cannot be a choice: use yesno, number or count")
		}
		if _, dup := d.m.mIndex[ms.ID]; dup && ms.ID != "" {
			o.fail("duplicate id " + quote(ms.ID))
		}
		d.m.mIndex[ms.ID] = len(d.m.Measures)
		d.m.Measures = append(d.m.Measures, ms)
	})
	d.usedM = make([]bool, len(d.m.Measures))
}

func (d *decoder) decodeProgramme(n Node) {
	o := obj{d: d, file: "programme", entry: "programme", n: n}
	o.only(append([]string{"name", "summary", "minThemes", "cpCriterion", "cpOtherCriteria"}, provenanceKeys...)...)
	p := Programme{Name: o.text("name"), Summary: o.text("summary"), Provenance: o.provenance()}
	p.MinThemes, _ = o.integer("minThemes", 1)
	p.CPOtherCriteria, _ = o.integer("cpOtherCriteria", 0)
	if len(d.m.Themes) > 0 && p.MinThemes > len(d.m.Themes) {
		o.fail("minThemes is " + strconv.Itoa(p.MinThemes) + " but there are only " + strconv.Itoa(len(d.m.Themes)) + " themes")
	}
	p.CPCriterion = o.text("cpCriterion")
	if i, ok := d.m.cIndex[p.CPCriterion]; ok {
		d.m.cpIndex = i
	} else if p.CPCriterion != "" {
		o.fail("cpCriterion " + quote(p.CPCriterion) + " is not a criterion in themes.yaml")
	}
	d.m.Programme = p
}

func (d *decoder) decodePathways(l Node) {
	seen := map[string]bool{}
	entries(l, func(i int, n Node) {
		o, ok := d.entry("pathways", "pathway", i, n)
		if !ok {
			return
		}
		o.only(append([]string{"id", "title", "summary", "condition", "services"}, provenanceKeys...)...)
		p := Pathway{ID: o.id("id", false), Title: o.text("title"), Summary: o.text("summary"),
			Services: o.ids("services", true), Provenance: o.provenance()}
		if seen[p.ID] {
			o.fail("duplicate id " + quote(p.ID))
		}
		seen[p.ID] = true
		p.cond = d.requiredCond(condCtx{o: o, before: -1}, "condition")
		d.m.Pathways = append(d.m.Pathways, p)
	})
}

func (d *decoder) requiredCond(ctx condCtx, key string) *cond {
	n := ctx.o.n.Get(key)
	if n == nil || n.Kind() == KindNull {
		ctx.o.fail("has no " + key)
		return nil
	}
	return d.cond(ctx, n, key)
}

// checkUnused reports questions, measures and thresholds that nothing uses:
// a question nobody's answer can change is a question a family should not be
// asked, and an unused threshold is usually a typo in a condition.
func (d *decoder) checkUnused() {
	for i, q := range d.m.Questions {
		if !d.usedQ[i] && q.ID != "" {
			d.errs = append(d.errs, &DataError{File: d.path("questions"), Entry: "question " + quote(q.ID), Msg: "no criterion or pathway uses this question"})
		}
	}
	for i, ms := range d.m.Measures {
		if !d.usedM[i] && ms.ID != "" {
			d.errs = append(d.errs, &DataError{File: d.path("measures"), Entry: "measure " + quote(ms.ID), Msg: "no progress condition uses this measure"})
		}
	}
	for i, t := range d.m.Thresholds {
		if !d.usedT[i] && t.ID != "" {
			d.errs = append(d.errs, &DataError{File: d.path("thresholds"), Entry: "threshold " + quote(t.ID), Msg: "no condition uses this threshold"})
		}
	}
}

// findCandidates lists, for each number and count question, the values worth
// trying when its answer is unknown: each value it is compared with and the
// values just either side, clamped to its range. Conditions are comparisons,
// so they cannot change anywhere else.
func (d *decoder) findCandidates() {
	qs := d.m.Questions
	add := func(c *cond) {
		if c.op != opCmp {
			return
		}
		q := &qs[c.ref]
		step := 0.001
		if q.Type == TypeCount {
			step = 1
		}
		for _, v := range []float64{c.val - step, c.val, c.val + step} {
			if v >= q.Min && v <= q.Max {
				q.candidates = append(q.candidates, v)
			}
		}
	}
	for i := range qs {
		walk(qs[i].askIf, add)
	}
	for _, c := range d.m.criteria {
		walk(c.cond, add)
	}
	for i := range d.m.Pathways {
		walk(d.m.Pathways[i].cond, add)
	}
	for i := range qs {
		q := &qs[i]
		if q.Type != TypeNumber && q.Type != TypeCount {
			continue
		}
		q.candidates = append(q.candidates, q.Min, q.Max)
		sort.Float64s(q.candidates)
		q.candidates = dedupe(q.candidates)
	}
}

func dedupe(s []float64) []float64 {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
