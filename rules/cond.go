package rules

// Tri is a three-valued truth: a condition over answers that include
// "I do not know" may be neither true nor false.
type Tri int8

// The three truth values.
const (
	No Tri = iota
	Yes
	Unknown
)

func (t Tri) String() string {
	switch t {
	case Yes:
		return "yes"
	case No:
		return "no"
	}
	return "unknown"
}

func (t Tri) not() Tri {
	switch t {
	case Yes:
		return No
	case No:
		return Yes
	}
	return Unknown
}

type opKind uint8

const (
	opAll opKind = iota
	opAny
	opNot
	opAtLeast
	opCmp    // number or count compared with a value
	opIs     // yes/no
	opIn     // choice among options
	opOthers // every other criterion checked has significant progress
)

type cmpKind uint8

const (
	cmpLT cmpKind = iota
	cmpLE
	cmpGT
	cmpGE
	cmpEQ
)

var cmpKeys = [...]string{cmpLT: "lt", cmpLE: "le", cmpGT: "gt", cmpGE: "ge", cmpEQ: "eq"}

func (c cmpKind) holds(a, b float64) bool {
	switch c {
	case cmpLT:
		return a < b
	case cmpLE:
		return a <= b
	case cmpGT:
		return a > b
	case cmpGE:
		return a >= b
	}
	return a == b
}

// window says which of a progress series a leaf looks at.
type window uint8

const (
	winLatest window = iota // the latest termly review
	winEntry                // the measures at entry
	winEach                 // each of the last n reviews, in a row
	winSum                  // the sum over the last n reviews
)

// cond is a compiled condition. Leaves refer to questions (or measures) by
// index, so evaluation needs no map lookups.
type cond struct {
	op   opKind
	kids []*cond
	n    int // atLeast: how many kids; winEach/winSum: how many terms

	ref  int // question or measure index
	cmp  cmpKind
	val  float64
	thr  string // the threshold's id when val came from thresholds.yaml
	yes  bool
	opts []string
	win  window
	drop bool // downFromEntryBy: val is the percentage fall needed
}

// leafEvaluator decides the leaves; eval combines them with Kleene logic.
type leafEvaluator interface {
	leaf(c *cond) Tri
}

func eval(c *cond, le leafEvaluator) Tri {
	switch c.op {
	case opAll:
		r := Yes
		for _, k := range c.kids {
			switch eval(k, le) {
			case No:
				return No
			case Unknown:
				r = Unknown
			}
		}
		return r
	case opAny:
		r := No
		for _, k := range c.kids {
			switch eval(k, le) {
			case Yes:
				return Yes
			case Unknown:
				r = Unknown
			}
		}
		return r
	case opNot:
		return eval(c.kids[0], le).not()
	case opAtLeast:
		yes, unk := 0, 0
		for _, k := range c.kids {
			switch eval(k, le) {
			case Yes:
				yes++
			case Unknown:
				unk++
			}
		}
		if yes >= c.n {
			return Yes
		}
		if yes+unk < c.n {
			return No
		}
		return Unknown
	}
	return le.leaf(c)
}

// walk calls f on c and every condition inside it.
func walk(c *cond, f func(*cond)) {
	if c == nil {
		return
	}
	f(c)
	for _, k := range c.kids {
		walk(k, f)
	}
}
