package rules

import "strconv"

// dataFiles are the files of the rules data, by base name, in the order they
// are decoded (later files refer to earlier ones).
var dataFiles = []string{"sources", "thresholds", "questions", "measures", "themes", "programme", "pathways"}

type decoder struct {
	dir  string
	errs DataErrors
	m    *Model

	sources  map[string]bool
	thrIndex map[string]int
	crit     map[string]int // criterion ids seen so far
	paths    map[string]int // pathway ids seen so far
	usedQ    []bool
	usedM    []bool
	usedT    []bool
	leaves   []*cond // the question leaves, one for each different test (cond.slot)
}

func (d *decoder) path(file string) string { return d.dir + "/" + file + ".yaml" }

// Decode builds a Model from the rules data as Hugo exposes data/rules/: a map
// from each file's base name to its content. dir names the folder in error
// messages (e.g. "data/rules"). The error, if any, is a DataErrors listing
// every fault found.
func Decode(root Node, dir string) (*Model, error) {
	d := &decoder{dir: dir, m: &Model{qIndex: map[string]int{}, mIndex: map[string]int{}, cIndex: map[string]int{}},
		sources: map[string]bool{}, thrIndex: map[string]int{}, crit: map[string]int{}, paths: map[string]int{}}
	if !d.checkFiles(root) {
		return nil, d.errs
	}
	d.each(root, "sources", "source", d.decodeSource)
	d.each(root, "thresholds", "threshold", d.decodeThreshold)
	d.usedT = make([]bool, len(d.m.Thresholds))
	d.decodeQuestions(root)
	d.each(root, "measures", "measure", d.decodeMeasure)
	d.usedM = make([]bool, len(d.m.Measures))
	d.decodeThemes(root)
	d.decodeProgramme(obj{d: d, file: "programme", entry: "programme", n: root.Get("programme")})
	d.each(root, "pathways", "pathway", d.decodePathway)
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
	if checking {
		d.unexpectedFiles(root)
	}
	return ok
}

func (d *decoder) unexpectedFiles(root Node) {
	for _, k := range root.Keys() {
		if !contains(dataFiles, k) {
			d.errs = append(d.errs, &DataError{File: d.path(k), Msg: "unexpected file: the rules data has only programme, sources, thresholds, questions, measures, themes and pathways"})
		}
	}
}

// each calls f for every entry of a file's list. A file holds its list
// under its own name (questions.yaml holds `questions: [...]`), which leaves
// room for comments and for Hugo. Entries are named by their id when they
// have one, otherwise by their position.
func (d *decoder) each(root Node, file, kind string, f func(o obj, i int)) {
	fo := obj{d: d, file: file, n: root.Get(file)}
	fo.read([]spec{{file, kOther, nil}})
	l := fo.list(file)
	for i := 0; l != nil && i < l.Len(); i++ {
		n := l.Index(i)
		o := obj{d: d, file: file, entry: kind + " " + strconv.Itoa(i+1), n: n}
		if n.Kind() != KindMap {
			o.fail("must be a set of fields")
			continue
		}
		if id := n.Get("id"); id != nil && id.Kind() == KindString && id.Str() != "" {
			o.entry = kind + " " + quote(id.Str())
		}
		f(o, i)
	}
}

// duplicate reports an id seen before; the entry is then left out, so that
// nothing else is reported about it.
//
//go:noinline
func (o obj) duplicate(seen map[string]int, id string) bool {
	if _, dup := seen[id]; checking && dup {
		o.fail("duplicate id " + quote(id))
		return true
	}
	return false
}

func (d *decoder) decodeSource(o obj, _ int) {
	var s Source
	o.read([]spec{{"id", kID, &s.ID}, {"title", kText, &s.Title}, {"publisher", kText, &s.Publisher},
		{"date", kText, &s.Date}, {"checked", kDate, &s.Checked}, {"url", kOptText, &s.URL}, {"seed", kOptText, &s.Seed}})
	if checking && d.sources[s.ID] {
		o.fail("duplicate id " + quote(s.ID))
	}
	d.sources[s.ID] = true
	d.m.Sources = append(d.m.Sources, s)
}

func (d *decoder) decodeThreshold(o obj, _ int) {
	var t Threshold
	o.read(provenance(&t.Provenance, spec{"id", kSnake, &t.ID}, spec{"value", kNum, &t.Value},
		spec{"unit", kUnit, &t.Unit}, spec{"text", kText, &t.Text}))
	if o.duplicate(d.thrIndex, t.ID) {
		return
	}
	d.thrIndex[t.ID] = len(d.m.Thresholds)
	d.m.Thresholds = append(d.m.Thresholds, t)
}

// typeKeys are the fields that only some types of question or measure take.
var typeKeys = [...][]string{
	TypeYesNo:  {"ifYes", "ifNo"},
	TypeNumber: {"min", "max", "unit", "allowSessions"},
	TypeCount:  {"min", "max", "unit"},
	TypeChoice: {"options"},
}

func isTypeKey(k string) bool {
	for _, keys := range typeKeys {
		if contains(keys, k) {
			return true
		}
	}
	return false
}

// fieldSpecs lists the fields of a question or measure of f's type; it reads
// the type first, because the type decides the other fields.
func (o *obj) fieldSpecs(f *Field, kind string, extra ...spec) []spec {
	ts := ""
	if t := o.n.Get("type"); t != nil {
		ts = t.Str()
	}
	f.kind = ArgMeasure
	if kind == "question" {
		f.kind = ArgQuestion
	}
	for t, name := range typeNames {
		if name != "" && name == ts {
			f.Type = ValueType(t)
			o.what = name + " " + kind
		}
	}
	specs := append(extra, spec{"id", kSnake, &f.ID}, spec{"type", kText, &ts}, spec{"text", kText, &f.Text},
		spec{"label", kText, &f.Label}, spec{"howToFind", kText, &f.HowToFind})
	switch f.Type {
	case TypeYesNo:
		specs = append(specs, spec{"ifYes", kText, &f.IfYes}, spec{"ifNo", kText, &f.IfNo})
	case TypeNumber:
		specs = append(specs, spec{"allowSessions", kFlag, &f.AllowSessions})
		fallthrough
	case TypeCount:
		specs = append(specs, spec{"min", kNum, &f.Min}, spec{"max", kNum, &f.Max}, spec{"unit", kUnit, &f.Unit})
	case TypeChoice:
		specs = append(specs, spec{"options", kOther, nil})
	case 0:
		if checking && ts != "" {
			o.fail("unknown type " + quote(ts) + ": use yesno, number, count or choice")
		}
	}
	return specs
}

// checkRange checks min, max and unit once they are read.
func (o obj) checkRange(f *Field) {
	if !checking || f.Type != TypeNumber && f.Type != TypeCount {
		return
	}
	if o.has("min") && o.has("max") && f.Min >= f.Max {
		o.fail("min must be less than max")
	}
	if f.Type == TypeCount && (f.Min != float64(int(f.Min)) || f.Max != float64(int(f.Max))) {
		o.fail("a count's min and max must be whole numbers")
	}
	if f.AllowSessions && f.Unit != "%" {
		o.fail(`allowSessions needs unit "%"`)
	}
}

func (d *decoder) decodeQuestions(root Node) {
	var objs []obj
	d.each(root, "questions", "question", func(o obj, _ int) {
		var q Question
		o.read(o.fieldSpecs(&q.Field, "question", spec{"allowUnknown", kFlag, &q.AllowUnknown},
			spec{"hint", kOptText, &q.Hint}, spec{"professionalText", kOptText, &q.ProfessionalText},
			spec{"askIf", kOther, nil}))
		o.checkRange(&q.Field)
		if q.Type == TypeChoice {
			q.Options = d.decodeOptions(o)
		}
		if o.duplicate(d.m.qIndex, q.ID) {
			return
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
	for i := 0; l != nil && i < l.Len(); i++ {
		oo := obj{d: d, file: o.file, entry: o.entry, n: l.Index(i)}
		if checking {
			oo.entry += " option " + strconv.Itoa(i+1)
		}
		if oo.n.Kind() != KindMap {
			oo.fail("must be a set of fields {value, text}")
			continue
		}
		var op Option
		oo.read([]spec{{"value", kSnake, &op.Value}, {"text", kText, &op.Text}})
		switch {
		case !checking:
		case op.Value == unknownAnswer:
			oo.fail(`the value "unknown" is kept for "I do not know"`)
		case optionIndex(opts, op.Value) >= 0:
			oo.fail("duplicate option " + quote(op.Value))
		}
		opts = append(opts, op)
	}
	if checking && l != nil && len(opts) < 2 {
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

func (d *decoder) decodeMeasure(o obj, _ int) {
	var ms Measure
	o.read(o.fieldSpecs(&ms.Field, "measure"))
	o.checkRange(&ms.Field)
	if checking && ms.Type == TypeChoice {
		o.fail("a measure cannot be a choice: use yesno, number or count")
	}
	if o.duplicate(d.m.mIndex, ms.ID) {
		return
	}
	d.m.mIndex[ms.ID] = len(d.m.Measures)
	d.m.Measures = append(d.m.Measures, ms)
}

func (d *decoder) decodeProgramme(o obj) {
	p := &d.m.Programme
	o.read(provenance(&p.Provenance, spec{"name", kText, &p.Name}, spec{"summary", kText, &p.Summary},
		spec{"minThemes", kWhole, &p.MinThemes}, spec{"cpCriterion", kText, &p.CPCriterion},
		spec{"cpOtherCriteria", kWhole, &p.CPOtherCriteria}))
	d.m.rule = p.rule()
	if checking && (p.MinThemes < 1 || p.MinThemes > len(d.m.Themes)) {
		o.fail("minThemes must be from 1 to the number of themes (" + strconv.Itoa(len(d.m.Themes)) + ")")
	}
	if i, ok := d.m.cIndex[p.CPCriterion]; ok {
		d.m.cpIndex = i
	} else if !checking || p.CPCriterion != "" {
		o.fail("cpCriterion " + quote(p.CPCriterion) + " is not a criterion in themes.yaml")
	}
}

func (d *decoder) decodePathway(o obj, _ int) {
	var p Pathway
	o.read(provenance(&p.Provenance, spec{"id", kID, &p.ID}, spec{"title", kText, &p.Title},
		spec{"summary", kText, &p.Summary}, spec{"condition", kOther, nil}, spec{"services", kIDs, &p.Services}))
	if o.duplicate(d.paths, p.ID) {
		return
	}
	d.paths[p.ID] = len(d.m.Pathways)
	if checking && p.Services == nil {
		o.fail(`missing field "services"`)
	}
	p.cond = d.requiredCond(condCtx{o: o, before: -1}, "condition")
	d.m.Pathways = append(d.m.Pathways, p)
}

func (d *decoder) requiredCond(ctx condCtx, key string) *cond {
	if !ctx.o.has(key) {
		ctx.o.fail("has no " + key)
		return nil
	}
	return d.cond(ctx, ctx.o.n.Get(key), key)
}

// checkUnused reports questions, measures and thresholds that nothing uses:
// a question nobody's answer can change is a question a family should not be
// asked, and an unused threshold is usually a typo in a condition.
func (d *decoder) checkUnused() {
	if !checking {
		return
	}
	for i, q := range d.m.Questions {
		d.unused(d.usedQ[i], "questions", "question "+quote(q.ID), "no criterion or pathway uses this question")
	}
	for i, ms := range d.m.Measures {
		d.unused(d.usedM[i], "measures", "measure "+quote(ms.ID), "no progress condition uses this measure")
	}
	for i, t := range d.m.Thresholds {
		named := t.ID == ThresholdPersistentAbsence || t.ID == ThresholdSevereAbsence
		d.unused(d.usedT[i] || named, "thresholds", "threshold "+quote(t.ID), "no condition uses this threshold")
	}
}

func (d *decoder) unused(used bool, file, entry, msg string) {
	if !used {
		d.errs = append(d.errs, &DataError{File: d.path(file), Entry: entry, Msg: msg})
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
		for _, v := range [...]float64{c.val - step, c.val, c.val + step} {
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
		if q := &qs[i]; q.Type == TypeNumber || q.Type == TypeCount {
			q.candidates = sortedSet(append(q.candidates, q.Min, q.Max))
		}
	}
}

// sortedSet sorts a short list and drops repeats. An insertion sort keeps
// the sort package out of the browser's module.
func sortedSet(s []float64) []float64 {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
