package rules

import "strconv"

// operator is one mechanism of the condition language with everything
// about it in one place, as Publicodes keeps each mechanism: how it is read
// from the rules data, how it is decided, and how it is explained to a
// family (the checker) and to a key worker (the progress check). To add an
// operator, add an opKind (cond.go) and its entry here, with the message
// templates its explanations use in i18n/engine/<lang>.yaml.
type operator struct {
	// key is the field that names the operator in a condition, such as
	// "any". Leaves have none: q and m name them (decode_cond.go).
	key string
	// parse reads the operator's fields from o into c, reporting faults.
	parse func(d *decoder, ctx condCtx, o obj, c *cond, path string) bool
	// eval decides c; le decides its leaves.
	eval func(c *cond, le leafEvaluator) Tri
	// why explains to a family why c has the value v.
	why func(m *Model, a *answerSet, c *cond, v Tri, out []Msg) []Msg
	// progress explains to a key worker why c has the value v.
	progress func(s *series, c *cond, v Tri, out []Msg) []Msg
	// missing lists what c still needs to be met, once it is not met;
	// impossible is true when a fact at entry rules it out for good.
	missing func(s *series, c *cond) (out []Msg, impossible bool)
}

var operators [opCount]operator

// The table is filled in init because its functions call eval, which reads it.
func init() {
	leaf := operator{eval: evalLeaf, why: (*Model).leafReason, progress: (*series).leafReason, missing: missingLeaf}
	operators = [opCount]operator{
		opAll: {key: "all", parse: parseList, eval: evalAll, why: whyMatching,
			progress: progressEvery, missing: missingAll},
		opAny: {key: "any", parse: parseList, eval: evalAny, why: whyAny,
			progress: progressBranches, missing: missingBranches},
		opNot: {key: "not", parse: parseNot, eval: evalNot, why: whyNot,
			progress: progressNot, missing: missingNot},
		opAtLeast: {key: "atLeast", parse: parseAtLeast, eval: evalAtLeast, why: whyAtLeast,
			progress: progressBranches, missing: missingBranches},
		opCmp: leaf, opIs: leaf, opIn: leaf, opOthers: leaf,
	}
}

// all: every part is true.

func evalAll(c *cond, le leafEvaluator) Tri { return evalJoin(c, le, No, Yes) }

// evalJoin decides a list of parts: decisive as soon as one part has that
// value, else unknown if any part is unknown, else otherwise.
func evalJoin(c *cond, le leafEvaluator, decisive, otherwise Tri) Tri {
	r := otherwise
	for _, k := range c.kids {
		switch eval(k, le) {
		case decisive:
			return decisive
		case Unknown:
			r = Unknown
		}
	}
	return r
}

// whyMatching explains the parts that have the same value as the whole:
// for "all" that is true, every part; for an unknown result, the unknown parts.
func whyMatching(m *Model, a *answerSet, c *cond, v Tri, out []Msg) []Msg {
	for _, k := range c.kids {
		if kv := eval(k, a); kv == v {
			out = m.why(a, k, kv, out)
		}
	}
	return out
}

// progressEvery shows every part, met or not: a key worker wants to see
// what has been achieved as well as what has not.
func progressEvery(s *series, c *cond, _ Tri, out []Msg) []Msg {
	for _, k := range c.kids {
		out = s.why(k, eval(k, s), out)
	}
	return out
}

func missingAll(s *series, c *cond) ([]Msg, bool) {
	var out []Msg
	for _, k := range c.kids {
		m, impossible := s.missing(k)
		if impossible {
			return nil, true
		}
		out = append(out, m...)
	}
	return out, false
}

// any: at least one part is true.

func evalAny(c *cond, le leafEvaluator) Tri { return evalJoin(c, le, Yes, No) }

// whyAny sums up a long list that does not apply in one sentence.
func whyAny(m *Model, a *answerSet, c *cond, v Tri, out []Msg) []Msg {
	if v == No && len(c.kids) > 3 {
		return append(out, Msg{Code: "reason.noneOfAny"})
	}
	return whyMatching(m, a, c, v, out)
}

// progressBranches shows, when met, the branches that are met; when not,
// the branches the family can still meet (one ruled out by a fact at entry
// is left out), or all of them if none can.
func progressBranches(s *series, c *cond, v Tri, out []Msg) []Msg {
	n := len(out)
	for _, k := range c.kids {
		kv := eval(k, s)
		if _, impossible := s.missing(k); v == Yes && kv == Yes || v != Yes && kv != Yes && !impossible {
			out = s.why(k, kv, out)
		}
	}
	if len(out) == n {
		out = progressEvery(s, c, v, out)
	}
	return out
}

func missingBranches(s *series, c *cond) ([]Msg, bool) {
	var out []Msg
	impossible := true
	for _, k := range c.kids {
		if m, imp := s.missing(k); !imp {
			out, impossible = append(out, m...), false
		}
	}
	return out, impossible
}

// parseList reads the parts of all or any.
func parseList(d *decoder, ctx condCtx, o obj, c *cond, path string) bool {
	key := operators[c.op].key
	o.read([]spec{{key, kOther, nil}})
	return d.kids(ctx, o.list(key), path+" "+key, c)
}

// not: the part is false.

func parseNot(d *decoder, ctx condCtx, o obj, c *cond, path string) bool {
	o.read([]spec{{"not", kOther, nil}})
	return d.kid(ctx, c, o.n.Get("not"), path+" not")
}

func evalNot(c *cond, le leafEvaluator) Tri { return eval(c.kids[0], le).not() }

func whyNot(m *Model, a *answerSet, c *cond, v Tri, out []Msg) []Msg {
	return m.why(a, c.kids[0], v.not(), out)
}

func progressNot(s *series, c *cond, v Tri, out []Msg) []Msg {
	return s.why(c.kids[0], v.not(), out)
}

func missingNot(*series, *cond) ([]Msg, bool) { return nil, false }

// atLeast: at least n of the parts are true.

func parseAtLeast(d *decoder, ctx condCtx, o obj, c *cond, path string) bool {
	o.read([]spec{{"atLeast", kWhole, &c.n}, {"of", kOther, nil}})
	ok := d.kids(ctx, o.list("of"), path+" of", c) && c.n >= 1
	if checking && ok && c.n > len(c.kids) {
		o.fail("atLeast " + strconv.Itoa(c.n) + " is more than the " + strconv.Itoa(len(c.kids)) + " conditions listed")
		return false
	}
	return ok
}

func evalAtLeast(c *cond, le leafEvaluator) Tri {
	yes, unk := 0, 0
	for _, k := range c.kids {
		switch eval(k, le) {
		case Yes:
			yes++
		case Unknown:
			unk++
		}
	}
	switch {
	case yes >= c.n:
		return Yes
	case yes+unk < c.n:
		return No
	}
	return Unknown
}

// whyAtLeast names the parts that apply and how many are needed, rather
// than every part that does not apply.
func whyAtLeast(m *Model, a *answerSet, c *cond, v Tri, out []Msg) []Msg {
	yes := 0
	at := len(out) // the count goes first, once it is known
	out = append(out, Msg{})
	for _, k := range c.kids {
		switch kv := eval(k, a); {
		case kv == Yes:
			yes++
			out = m.why(a, k, kv, out)
		case kv == Unknown && v == Unknown:
			out = m.why(a, k, kv, out)
		}
	}
	out[at] = Msg{Code: "reason.atLeast", Args: a.args.take(Arg{Name: "count", Num: float64(yes)}, Arg{Name: "need", Num: float64(c.n)})}
	return out
}

// Leaves: a question or measure compared with a value (lt, le, gt, ge, eq;
// see comparisons in cond.go), a yes or no (is), a choice (in), and
// otherCriteria. decode_cond.go reads them; answers.go and progress.go
// decide them for the checker and the progress check.

func evalLeaf(c *cond, le leafEvaluator) Tri { return le.leaf(c) }

// missingLeaf: a leaf on the measures at entry, once they are recorded,
// can no longer change.
func missingLeaf(s *series, c *cond) ([]Msg, bool) {
	if c.win == winEntry && s.entry[c.ref].state == stKnown {
		return nil, true
	}
	return s.leafMissing(c), false
}
