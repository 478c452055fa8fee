package rules

import (
	"slices"
	"strconv"
)

// condCtx says where a condition sits, which decides what it may use.
type condCtx struct {
	o         obj
	progress  bool // measures (m) rather than questions (q)
	sustained bool // otherCriteria is allowed
	askIf     bool // questions used here do not count as used
	before    int  // askIf: only questions before this index
}

// comparators are the keys that compare a leaf's value: each comparison's
// (cond.go), then is and in.
var comparators = append(comparisonKeys(), "is", "in")

func comparisonKeys() []string {
	keys := make([]string, len(comparisons))
	for i, c := range comparisons {
		keys[i] = c.key
	}
	return keys
}

// leafSpecs lists a leaf's own fields followed by every comparator; the
// comparators are read by comparison.
func leafSpecs(specs ...spec) []spec {
	for _, k := range comparators {
		specs = append(specs, spec{k, kOther, nil})
	}
	return specs
}

// cond decodes and type-checks one condition. path locates it inside its
// entry for error messages, e.g. "condition any[2]".
func (d *decoder) cond(ctx condCtx, n Node, path string) *cond {
	o := obj{d: d, file: ctx.o.file, entry: ctx.o.entry + ": " + path, n: n}
	if n == nil || n.Kind() != KindMap {
		o.fail("must be a condition, such as {q: some_question, is: yes}")
		return nil
	}
	c := &cond{}
	ok := false
	for op := range operators {
		if k := operators[op].key; k != "" && o.has(k) {
			c.op = opKind(op)
			if !operators[op].parse(d, ctx, o, c, path) {
				return nil
			}
			return c
		}
	}
	switch {
	case o.has("q") && !ctx.progress:
		ok = d.questionLeaf(ctx, o, c)
	case o.has("m") && ctx.progress:
		ok = d.measureLeaf(o, c)
	case o.has("otherCriteria") && ctx.sustained:
		var v string
		o.read([]spec{{"otherCriteria", kText, &v}})
		c.op, ok = opOthers, v == "significant"
		if !ok {
			o.fail(`otherCriteria must be "significant"`)
		}
	default:
		o.fail(d.condHint(ctx, o))
	}
	if !ok {
		return nil
	}
	return c
}

// condHint explains why a condition is not one the context allows.
func (d *decoder) condHint(ctx condCtx, o obj) string {
	switch {
	case o.has("q"):
		return "progress conditions use m (a measure), not q"
	case o.has("m"):
		return "m (a measure) is only for significant and sustained progress; use q (a question)"
	case o.has("otherCriteria"):
		return "otherCriteria can only be used in a sustained progress condition"
	}
	keys := ""
	for _, op := range operators {
		if op.key != "" {
			keys += op.key + ", "
		}
	}
	return "unknown condition: use " + keys + "q or m"
}

func (d *decoder) kids(ctx condCtx, l Node, path string, c *cond) bool {
	ok := l != nil
	for i := 0; ok && i < l.Len(); i++ {
		ok = d.kid(ctx, c, l.Index(i), path+"["+strconv.Itoa(i+1)+"]") && ok
	}
	return ok
}

func (d *decoder) kid(ctx condCtx, c *cond, n Node, path string) bool {
	k := d.cond(ctx, n, path)
	c.kids = append(c.kids, k)
	return k != nil
}

func (d *decoder) questionLeaf(ctx condCtx, o obj, c *cond) bool {
	var id string
	o.read(leafSpecs(spec{"q", kText, &id}))
	i, ok := d.m.qIndex[id]
	switch {
	case !ok:
		o.fail("unknown question " + quote(id))
		return false
	case checking && ctx.askIf && i >= ctx.before:
		o.fail("askIf uses question " + quote(id) + ", which is not asked before this one")
		return false
	case !ctx.askIf:
		d.usedQ[i] = true
	}
	c.ref = i
	if !d.comparison(o, &d.m.Questions[i].Field, "question", c, d.m.Questions[i].Options) {
		return false
	}
	c.slot = d.slot(c)
	return true
}

// slot gives identical question leaves the same place for their reason:
// they test the same thing, so they have the same reason, and an
// evaluation writes it once however often the rules repeat the test (a
// pathway often repeats a criterion's).
func (d *decoder) slot(c *cond) int {
	for _, l := range d.leaves {
		if l.op == c.op && l.ref == c.ref && l.cmp == c.cmp && l.val == c.val && l.yes == c.yes && slices.Equal(l.opts, c.opts) {
			return l.slot
		}
	}
	c.slot = len(d.leaves)
	d.leaves = append(d.leaves, c)
	d.m.slots = len(d.leaves)
	return c.slot
}

func (d *decoder) measureLeaf(o obj, c *cond) bool {
	var id, at string
	o.read(leafSpecs(spec{"m", kText, &id}, spec{"at", kOptText, &at},
		spec{"eachOfLast", kOther, nil}, spec{"sumOfLast", kOther, nil}, spec{"downFromEntryBy", kOther, nil}))
	i, ok := d.m.mIndex[id]
	if !ok {
		o.fail("unknown measure " + quote(id))
		return false
	}
	d.usedM[i] = true
	f := &d.m.Measures[i].Field
	c.ref = i
	if !d.window(o, f, c, at) {
		return false
	}
	if o.has("downFromEntryBy") {
		c.op, c.drop = opCmp, true
		return d.value(o, "downFromEntryBy", &percentFall, "", c) && checkDrop(o, f, c)
	}
	return d.comparison(o, f, "measure", c, nil)
}

// window reads at, eachOfLast and sumOfLast, which choose the reviews a
// progress leaf looks at.
func (d *decoder) window(o obj, f *Field, c *cond, at string) bool {
	if at == "entry" {
		c.win = winEntry
	}
	for _, w := range [...]window{winEach, winSum} {
		key := windowKeys[w]
		if o.has(key) {
			if checking && c.win != winLatest {
				o.fail(key + " cannot be used with " + windowKeys[c.win])
				return false
			}
			c.win = w
			o.readSpec(spec{key, kWhole, &c.n})
		}
	}
	if !checking {
		return true
	}
	switch {
	case at != "" && at != "latest" && at != "entry":
		o.fail(`at must be "entry" or "latest", not ` + quote(at))
	case c.win >= winEach && c.n < 1:
		o.fail(windowKeys[c.win] + " must be at least 1")
	case c.win == winSum && f.Type == TypeYesNo:
		o.fail("sumOfLast needs a number or count measure; " + quote(f.ID) + " is yesno")
	default:
		return true
	}
	return false
}

var windowKeys = [...]string{winEntry: "at: entry", winEach: "eachOfLast", winSum: "sumOfLast"}

// percentFall is what downFromEntryBy is checked against: a percentage.
var percentFall = Field{ID: "a percentage fall", Min: 0, Max: 100, Unit: "%", Type: TypeNumber}

func checkDrop(o obj, f *Field, c *cond) bool {
	if !checking {
		return true
	}
	for _, k := range comparators {
		if o.has(k) {
			o.fail("downFromEntryBy is a comparison on its own; remove " + quote(k))
			return false
		}
	}
	switch {
	case f.Type != TypeNumber && f.Type != TypeCount:
		o.fail("downFromEntryBy needs a number or count measure; " + quote(f.ID) + " is " + f.Type.String())
	case c.win == winEntry || c.win == winSum:
		o.fail("downFromEntryBy compares reviews with entry; use it alone or with eachOfLast")
	case c.val <= 0:
		o.fail("downFromEntryBy must be more than 0")
	default:
		return true
	}
	return false
}

// comparison reads the one comparator of a leaf and, when checking, that it
// fits the question's or measure's type.
func (d *decoder) comparison(o obj, f *Field, kind string, c *cond, opts []Option) bool {
	key := ""
	for _, k := range comparators {
		if o.has(k) {
			if checking && key != "" {
				o.fail("give only one of lt, le, gt, ge, eq, is or in")
				return false
			}
			key = k
		}
	}
	c.op = typeOp(f.Type)
	if checking && !checkComparator(o, f, kind, key) {
		return false
	}
	v := o.n.Get(key)
	switch c.op {
	case opIs:
		c.yes = v.Bool() || v.Str() == "yes"
	case opIn:
		return d.options(o, f, opts, c)
	default:
		for i, cmp := range comparisons {
			if cmp.key == key {
				c.cmp = cmpKind(i)
			}
		}
		return d.value(o, key, f, kind, c)
	}
	return true
}

// checkComparator reports a comparator that does not fit the type.
func checkComparator(o obj, f *Field, kind, key string) bool {
	v := o.n.Get(key)
	switch op := keyOp(key); {
	case key == "":
		o.fail("give one of lt, le, gt, ge, eq, is or in")
	case op != typeOp(f.Type):
		o.fail(quote(key) + " needs " + opNeeds[op] + " " + kind + "; " + kind + " " + quote(f.ID) + " is " + f.Type.String())
	case op == opIs && v.Kind() != KindBool && v.Str() != "yes" && v.Str() != "no":
		o.fail(`"is" must be yes or no`)
	default:
		return true
	}
	return false
}

var opNeeds = [...]string{opCmp: "a number or count", opIs: "a yesno", opIn: "a choice"}

// keyOp is the comparison a comparator key makes.
func keyOp(key string) opKind {
	switch key {
	case "is":
		return opIs
	case "in":
		return opIn
	}
	return opCmp
}

// typeOp is the comparison a type takes.
func typeOp(t ValueType) opKind {
	switch t {
	case TypeYesNo:
		return opIs
	case TypeChoice:
		return opIn
	}
	return opCmp
}

func (d *decoder) options(o obj, f *Field, opts []Option, c *cond) bool {
	l := o.list("in")
	for i := 0; l != nil && i < l.Len(); i++ {
		v := l.Index(i).Str()
		if checking && optionIndex(opts, v) < 0 {
			o.fail(quote(v) + " is not an option of question " + quote(f.ID))
			return false
		}
		c.opts = append(c.opts, v)
	}
	return l != nil
}

// value reads a number, or the id of a threshold, and checks it fits f.
// kind is empty when f is not a real question or measure (a percentage fall).
func (d *decoder) value(o obj, key string, f *Field, kind string, c *cond) bool {
	v := o.n.Get(key)
	c.val = v.Num()
	ti, isThr := d.thrIndex[v.Str()]
	if isThr {
		d.usedT[ti] = true
		c.val, c.thr = d.m.Thresholds[ti].Value, d.m.Thresholds[ti].ID
	}
	if !checking {
		return true
	}
	what := f.ID
	if kind != "" {
		what = kind + " " + quote(f.ID)
	}
	switch {
	case v.Kind() == KindString && !isThr:
		o.fail("unknown threshold " + quote(v.Str()) + " (see thresholds.yaml)")
	case v.Kind() != KindString && v.Kind() != KindNumber:
		o.fail(quote(key) + " must be a number or a threshold id")
	case isThr && d.m.Thresholds[ti].Unit != f.Unit:
		o.fail("threshold " + quote(c.thr) + " is in " + unitName(d.m.Thresholds[ti].Unit) + " but " + what + " is in " + unitName(f.Unit))
	case c.val < f.Min || c.val > f.Max:
		o.fail(FormatNumber(c.val) + " is outside the range of " + what + " (" + FormatNumber(f.Min) + " to " + FormatNumber(f.Max) + ")")
	case f.Type == TypeCount && c.val != float64(int(c.val)):
		o.fail("count " + quote(f.ID) + " can only be compared with a whole number, not " + FormatNumber(c.val))
	default:
		return true
	}
	return false
}

func unitName(u string) string {
	if u == "" {
		return "no unit"
	}
	return quote(u)
}
