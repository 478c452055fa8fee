package rules

import "strconv"

// condCtx says where a condition sits, which decides what it may use.
type condCtx struct {
	o         obj
	progress  bool // measures (m) rather than questions (q)
	sustained bool // otherCriteria is allowed
	askIf     bool // questions used here do not count as used
	before    int  // askIf: only questions before this index
}

var comparators = []string{"lt", "le", "gt", "ge", "eq", "is", "in"}

// cond decodes and type-checks one condition. path locates it inside its
// entry for error messages, e.g. "condition: all[2]".
func (d *decoder) cond(ctx condCtx, n Node, path string) *cond {
	o := obj{d: d, file: ctx.o.file, entry: ctx.o.entry + ": " + path, n: n}
	if n == nil || n.Kind() != KindMap {
		o.fail("must be a condition, such as {q: some_question, is: yes}")
		return nil
	}
	switch {
	case o.has("all"):
		return d.group(ctx, o, path, "all", opAll)
	case o.has("any"):
		return d.group(ctx, o, path, "any", opAny)
	case o.has("not"):
		o.only("not")
		if k := d.cond(ctx, n.Get("not"), path+" not"); k != nil {
			return &cond{op: opNot, kids: []*cond{k}}
		}
		return nil
	case o.has("atLeast"):
		return d.atLeast(ctx, o, path)
	case o.has("q"):
		if ctx.progress {
			o.fail("progress conditions use m (a measure), not q")
			return nil
		}
		return d.questionLeaf(ctx, o)
	case o.has("m"):
		if !ctx.progress {
			o.fail("m (a measure) is only for significant and sustained progress; use q (a question)")
			return nil
		}
		return d.measureLeaf(o)
	case o.has("otherCriteria"):
		return d.othersLeaf(ctx, o)
	}
	o.fail("unknown condition: use all, any, not, atLeast, q or m")
	return nil
}

func (d *decoder) group(ctx condCtx, o obj, path, key string, op opKind) *cond {
	o.only(key)
	c := &cond{op: op}
	ok := d.kids(ctx, o.list(key), path+" "+key, c)
	if !ok {
		return nil
	}
	return c
}

func (d *decoder) kids(ctx condCtx, l Node, path string, c *cond) bool {
	if l == nil {
		return false
	}
	ok := true
	for i := 0; i < l.Len(); i++ {
		k := d.cond(ctx, l.Index(i), path+"["+strconv.Itoa(i+1)+"]")
		ok = ok && k != nil
		c.kids = append(c.kids, k)
	}
	return ok
}

func (d *decoder) atLeast(ctx condCtx, o obj, path string) *cond {
	o.only("atLeast", "of")
	n, okN := o.integer("atLeast", 1)
	c := &cond{op: opAtLeast, n: n}
	l := o.list("of")
	if !d.kids(ctx, l, path+" of", c) || !okN {
		return nil
	}
	if n > len(c.kids) {
		o.fail("atLeast " + strconv.Itoa(n) + " is more than the " + strconv.Itoa(len(c.kids)) + " conditions listed")
		return nil
	}
	return c
}

func (d *decoder) questionLeaf(ctx condCtx, o obj) *cond {
	o.only(append([]string{"q"}, comparators...)...)
	id := o.text("q")
	i, ok := d.m.qIndex[id]
	if !ok {
		o.fail("unknown question " + quote(id))
		return nil
	}
	if ctx.askIf && i >= ctx.before {
		o.fail("askIf uses question " + quote(id) + ", which is not asked before this one")
		return nil
	}
	if !ctx.askIf {
		d.usedQ[i] = true
	}
	c := &cond{ref: i}
	if !d.comparison(o, &d.m.Questions[i].Field, "question", c, d.m.Questions[i].Options) {
		return nil
	}
	return c
}

func (d *decoder) measureLeaf(o obj) *cond {
	o.only(append([]string{"m", "at", "eachOfLast", "sumOfLast", "downFromEntryBy"}, comparators...)...)
	id := o.text("m")
	i, ok := d.m.mIndex[id]
	if !ok {
		o.fail("unknown measure " + quote(id))
		return nil
	}
	d.usedM[i] = true
	f := &d.m.Measures[i].Field
	c := &cond{ref: i}
	if !d.window(o, f, c) {
		return nil
	}
	if o.has("downFromEntryBy") {
		return d.dropLeaf(o, f, c)
	}
	if !d.comparison(o, f, "measure", c, nil) {
		return nil
	}
	return c
}

// window reads at, eachOfLast and sumOfLast, which choose the reviews a
// progress leaf looks at.
func (d *decoder) window(o obj, f *Field, c *cond) bool {
	switch at := o.optText("at"); at {
	case "", "latest":
	case "entry":
		c.win = winEntry
	default:
		o.fail(`at must be "entry" or "latest", not ` + quote(at))
		return false
	}
	for _, w := range []struct {
		key string
		win window
	}{{"eachOfLast", winEach}, {"sumOfLast", winSum}} {
		if !o.has(w.key) {
			continue
		}
		if c.win != winLatest {
			o.fail(w.key + " cannot be used with " + map[window]string{winEntry: "at: entry", winEach: "eachOfLast", winSum: "sumOfLast"}[c.win])
			return false
		}
		n, ok := o.integer(w.key, 1)
		if !ok {
			return false
		}
		c.win, c.n = w.win, n
	}
	if c.win == winSum && f.Type == TypeYesNo {
		o.fail("sumOfLast needs a number or count measure; " + quote(f.ID) + " is yesno")
		return false
	}
	return true
}

func (d *decoder) dropLeaf(o obj, f *Field, c *cond) *cond {
	for _, k := range comparators {
		if o.has(k) {
			o.fail("downFromEntryBy is a comparison on its own; remove " + quote(k))
			return nil
		}
	}
	if f.Type != TypeNumber && f.Type != TypeCount {
		o.fail("downFromEntryBy needs a number or count measure; " + quote(f.ID) + " is " + f.Type.String())
		return nil
	}
	if c.win == winEntry || c.win == winSum {
		o.fail("downFromEntryBy compares reviews with entry; use it alone or with eachOfLast")
		return nil
	}
	pct := Field{ID: "a percentage fall", Min: 0, Max: 100, Unit: "%", Type: TypeNumber}
	if !d.value(o, "downFromEntryBy", &pct, "", c) {
		return nil
	}
	if c.val <= 0 {
		o.fail("downFromEntryBy must be more than 0")
		return nil
	}
	c.op, c.drop = opCmp, true
	return c
}

func (d *decoder) othersLeaf(ctx condCtx, o obj) *cond {
	o.only("otherCriteria")
	// Only sustained progress may look at the other criteria, and only at
	// their significant progress, so the check can never go round in a circle.
	if !ctx.sustained {
		o.fail("otherCriteria can only be used in a sustained progress condition")
		return nil
	}
	if v := o.text("otherCriteria"); v != "significant" {
		o.fail(`otherCriteria must be "significant"`)
		return nil
	}
	return &cond{op: opOthers}
}

// comparison reads the one comparator of a leaf and checks it fits the
// question's or measure's type.
func (d *decoder) comparison(o obj, f *Field, kind string, c *cond, opts []Option) bool {
	var key string
	for _, k := range comparators {
		if o.has(k) {
			if key != "" {
				o.fail("give only one of lt, le, gt, ge, eq, is or in")
				return false
			}
			key = k
		}
	}
	what := kind + " " + quote(f.ID) + " is " + f.Type.String()
	switch key {
	case "":
		o.fail("give one of lt, le, gt, ge, eq, is or in")
		return false
	case "is":
		if f.Type != TypeYesNo {
			o.fail(`"is" needs a yesno ` + kind + "; " + what)
			return false
		}
		return d.yesNo(o, c)
	case "in":
		if f.Type != TypeChoice {
			o.fail(`"in" needs a choice ` + kind + "; " + what)
			return false
		}
		return d.options(o, f, opts, c)
	}
	if f.Type != TypeNumber && f.Type != TypeCount {
		o.fail(quote(key) + " needs a number or count " + kind + "; " + what)
		return false
	}
	for i, k := range cmpKeys {
		if k == key {
			c.cmp = cmpKind(i)
		}
	}
	c.op = opCmp
	return d.value(o, key, f, kind, c)
}

func (d *decoder) yesNo(o obj, c *cond) bool {
	v := o.n.Get("is")
	switch {
	case v.Kind() == KindBool:
		c.yes = v.Bool()
	case v.Kind() == KindString && (v.Str() == "yes" || v.Str() == "no"):
		c.yes = v.Str() == "yes"
	default:
		o.fail(`"is" must be yes or no`)
		return false
	}
	c.op = opIs
	return true
}

func (d *decoder) options(o obj, f *Field, opts []Option, c *cond) bool {
	l := o.list("in")
	if l == nil {
		return false
	}
	ok := true
	for i := 0; i < l.Len(); i++ {
		v := l.Index(i)
		if v.Kind() != KindString || optionIndex(opts, v.Str()) < 0 {
			o.fail(quote(v.Str()) + " is not an option of question " + quote(f.ID))
			ok = false
			continue
		}
		c.opts = append(c.opts, v.Str())
	}
	c.op = opIn
	return ok
}

// value reads a number, or the id of a threshold, and checks it fits f.
// kind is empty when f is not a real question or measure (a percentage fall).
func (d *decoder) value(o obj, key string, f *Field, kind string, c *cond) bool {
	v := o.n.Get(key)
	switch v.Kind() {
	case KindNumber:
		c.val = v.Num()
	case KindString:
		ti, ok := d.thrIndex[v.Str()]
		if !ok {
			o.fail("unknown threshold " + quote(v.Str()) + " (see thresholds.yaml)")
			return false
		}
		d.usedT[ti] = true
		t := d.m.Thresholds[ti]
		c.val, c.thr = t.Value, t.ID
		if t.Unit != f.Unit {
			o.fail("threshold " + quote(t.ID) + " is in " + unitName(t.Unit) + " but " + kindOr(kind, f.ID) + " is in " + unitName(f.Unit))
			return false
		}
	default:
		o.fail(quote(key) + " must be a number or a threshold id")
		return false
	}
	if c.val < f.Min || c.val > f.Max {
		o.fail(formatNum(c.val) + " is outside the range of " + kindOr(kind, f.ID) + " (" + formatNum(f.Min) + " to " + formatNum(f.Max) + ")")
		return false
	}
	if f.Type == TypeCount && c.val != float64(int(c.val)) {
		o.fail("count " + quote(f.ID) + " can only be compared with a whole number, not " + formatNum(c.val))
		return false
	}
	return true
}

func kindOr(kind, id string) string {
	if kind == "" {
		return id
	}
	return kind + " " + quote(id)
}

func unitName(u string) string {
	if u == "" {
		return "no unit"
	}
	return quote(u)
}
