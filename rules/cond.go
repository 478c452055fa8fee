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

// The operators of the condition language; operators.go has each one's
// parsing, evaluation and explanations together.
const (
	opAll opKind = iota
	opAny
	opNot
	opAtLeast
	opCmp    // number or count compared with a value
	opIs     // yes/no
	opIn     // choice among options
	opOthers // every other criterion checked has significant progress
	opCount
)

type cmpKind uint8

const (
	cmpLT cmpKind = iota
	cmpLE
	cmpGT
	cmpGE
	cmpEQ
)

// comparison is one comparator of a number or count with a value: its key
// in a condition and when it holds. Its words are the message templates
// "compare.<key>.yes" ("below 90%") and "compare.<key>.no" ("not below
// 90%"). To add one, add a cmpKind, its entry here and those two templates.
type comparison struct {
	key     string
	holds   func(a, b float64) bool
	yes, no string // the templates' codes, set from key below
}

var comparisons = [...]comparison{
	cmpLT: {key: "lt", holds: func(a, b float64) bool { return a < b }},
	cmpLE: {key: "le", holds: func(a, b float64) bool { return a <= b }},
	cmpGT: {key: "gt", holds: func(a, b float64) bool { return a > b }},
	cmpGE: {key: "ge", holds: func(a, b float64) bool { return a >= b }},
	cmpEQ: {key: "eq", holds: func(a, b float64) bool { return a == b }},
}

// The codes are joined once here, so that explaining a comparison joins
// no strings.
func init() {
	for i := range comparisons {
		c := &comparisons[i]
		c.yes, c.no = "compare."+c.key+".yes", "compare."+c.key+".no"
	}
}

func (c cmpKind) holds(a, b float64) bool { return comparisons[c].holds(a, b) }

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

	slot int // a question leaf's place for its reason in an evaluation, shared by identical leaves (reasons.go)
}

// leafEvaluator decides the leaves; the operators combine them with
// Kleene logic.
type leafEvaluator interface {
	leaf(c *cond) Tri
}

func eval(c *cond, le leafEvaluator) Tri { return operators[c.op].eval(c, le) }

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
