package rules

import "math"

// unknownAnswer is the answer that means "I do not know".
const unknownAnswer = "unknown"

type state uint8

const (
	stMissing state = iota // no answer given
	stSkipped              // not asked, because its askIf is false
	stUnknown              // "I do not know"
	stKnown
)

// value is one parsed answer or measure.
type value struct {
	state              state
	num                float64 // number or count; a percentage when given as sessions
	yes                bool
	opt                string
	sessions           bool
	attended, possible float64
}

// answerSet decides eligibility leaves from parsed answers. raw keeps the
// answers as given, before irrelevant ones were dropped, so that trying
// another value for an unknown answer can bring a skipped question back.
type answerSet struct {
	vals, raw []value
	args      block[Arg] // the reasons' arguments
	msgs      block[Msg] // the reasons
	scratch   []Msg      // where a reason is gathered before it is kept in msgs
	metOnly   bool       // explain only what is met (EvaluateMet)
	said      []said     // each leaf's reason once given, by cond.slot
	round     uint64     // which reading of answers said's entries belong to
}

func (a *answerSet) leaf(c *cond) Tri {
	v := &a.vals[c.ref]
	if v.state != stKnown {
		return Unknown
	}
	switch c.op {
	case opCmp:
		return tri(c.cmp.holds(v.num, c.val))
	case opIs:
		return tri(v.yes == c.yes)
	case opIn:
		return tri(contains(c.opts, v.opt))
	}
	return Unknown
}

func tri(b bool) Tri {
	if b {
		return Yes
	}
	return No
}

// ValidateAnswers checks a family's answers (a map from question id to
// answer) and returns one error per bad answer: an unknown question, a value
// of the wrong type or out of range, an option that does not exist, "I do not
// know" where it is not allowed, or no answer to a question that must be asked.
func ValidateAnswers(m *Model, answers Node) []AnswerError {
	return new(Workspace).ValidateAnswers(m, answers)
}

// ValidateAnswers is the package's ValidateAnswers in w's memory.
func (w *Workspace) ValidateAnswers(m *Model, answers Node) []AnswerError {
	return m.readAnswers(&w.a, answers)
}

// Relevant returns, in order, the ids of the questions to ask given the
// answers so far: every question whose askIf is not false. Answers that are
// not valid count as not given.
func Relevant(m *Model, answers Node) []string {
	return new(Workspace).Relevant(m, answers)
}

// Relevant is the package's Relevant in w's memory: the list is only valid
// until w's next use.
func (w *Workspace) Relevant(m *Model, answers Node) []string {
	m.readAnswers(&w.a, answers)
	ids := w.ids[:0]
	for i, q := range m.Questions {
		if w.a.vals[i].state != stSkipped {
			ids = append(ids, q.ID)
		}
	}
	w.ids = ids
	return ids
}

// MaxTextAnswer is the longest text answer read, in bytes: longer text
// is refused rather than parsed, since no answer needs it.
const MaxTextAnswer = 200

// maxShownID is the longest unknown key repeated back in a message.
const maxShownID = 40

// readAnswers parses answers into a, reusing its memory.
func (m *Model) readAnswers(a *answerSet, n Node) []AnswerError {
	a.args.reset()
	a.msgs.reset()
	a.metOnly = false
	a.round++
	a.said = sized(a.said, m.slots)
	if n == nil || n.Kind() != KindMap {
		a.vals = make([]value, len(m.Questions)) // no answers at all: rare enough to allocate
		a.raw = append(a.raw[:0], a.vals...)
		return []AnswerError{{Msg: Msg{Code: "answer.notMap"}}}
	}
	a.vals = sized(a.vals, len(m.Questions))
	var errs []AnswerError
	given := 0 // answers to known questions
	for i := range m.Questions {
		q := &m.Questions[i]
		ans := n.Get(q.ID)
		if ans != nil {
			given++
		}
		v, e := parseValue(&q.Field, q.Options, q.AllowUnknown, ans)
		if e.Code != "" {
			errs = append(errs, AnswerError{Question: q.ID, Msg: e})
		}
		a.vals[i] = v
	}
	a.raw = append(a.raw[:0], a.vals...)
	m.skipIrrelevant(a)
	for i, q := range m.Questions {
		if a.vals[i].state == stMissing && !hasError(errs, q.ID) {
			errs = append(errs, AnswerError{Question: q.ID, Msg: Msg{Code: "answer.required", Args: []Arg{q.label()}}})
		}
	}
	if n.Len() == given {
		return errs // every key is a question's
	}
	for _, k := range n.Keys() {
		if _, ok := m.qIndex[k]; !ok {
			errs = append(errs, AnswerError{Question: shortID(k), Msg: Msg{Code: "answer.unknownQuestion", Args: []Arg{{Name: "id", Kind: ArgText, Text: shortID(k)}}}})
		}
	}
	return errs
}

// shortID cuts a key the family's file gave to a length fit to show.
func shortID(k string) string {
	if len(k) > maxShownID {
		return k[:maxShownID] + "…"
	}
	return k
}

// skipIrrelevant marks the questions whose askIf is false. An answer kept
// from before the family changed an earlier answer is dropped, so it cannot
// change the result. An askIf that is unknown still asks the question.
func (m *Model) skipIrrelevant(a *answerSet) {
	for i := range m.Questions {
		if c := m.Questions[i].askIf; c != nil && eval(c, a) == No {
			a.vals[i] = value{state: stSkipped}
		}
	}
}

func hasError(errs []AnswerError, id string) bool {
	for _, e := range errs {
		if e.Question == id {
			return true
		}
	}
	return false
}

// parseValue reads one answer. It returns a message, in the GOV.UK style,
// if the answer is not valid; the value is then treated as missing.
func parseValue(f *Field, opts []Option, allowUnknown bool, n Node) (value, Msg) {
	a := readAnswer(n)
	if a.kind == KindNull {
		return value{}, Msg{}
	}
	if len(a.raw) > MaxTextAnswer {
		return value{}, Msg{Code: "answer.tooLong", Args: []Arg{f.label(), {Name: "max", Num: float64(MaxTextAnswer)}}}
	}
	if a.kind == KindString && a.text == unknownAnswer {
		if !allowUnknown {
			return value{}, Msg{Code: "answer.unknownNotAllowed", Args: []Arg{f.label()}}
		}
		return value{state: stUnknown}, Msg{}
	}
	switch f.Type {
	case TypeYesNo:
		return parseYesNo(f, a)
	case TypeChoice:
		if a.kind == KindString && optionIndex(opts, a.raw) >= 0 {
			return value{state: stKnown, opt: a.raw}, Msg{}
		}
		return value{}, Msg{Code: "answer.choice", Args: []Arg{f.label()}}
	case TypeNumber, TypeCount:
		if f.AllowSessions {
			if at, p, given, ok := sessionsOf(a); given {
				return checkSessions(at, p, ok)
			}
		}
		return parseNumber(f, a)
	}
	return value{}, Msg{}
}

// answer is one answer's node with its kind and text read once: each read
// is a call through the Node interface, which the browser's module pays
// for again at every call.
type answer struct {
	node Node
	kind NodeKind
	raw  string // a string as it was sent
	text string // raw without the space around it
}

func readAnswer(n Node) answer {
	if n == nil {
		return answer{kind: KindNull}
	}
	a := answer{node: n, kind: n.Kind()}
	if a.kind == KindString {
		a.raw = n.Str()
		a.text = trim(a.raw)
	}
	return a
}

func parseYesNo(f *Field, a answer) (value, Msg) {
	switch {
	case a.kind == KindBool:
		return value{state: stKnown, yes: a.node.Bool()}, Msg{}
	case equalFold(a.text, "yes"):
		return value{state: stKnown, yes: true}, Msg{}
	case equalFold(a.text, "no"):
		return value{state: stKnown}, Msg{}
	}
	return value{}, Msg{Code: "answer.yesNo", Args: []Arg{f.label()}}
}

func parseNumber(f *Field, a answer) (value, Msg) {
	x, ok := 0.0, false
	switch a.kind {
	case KindNumber:
		x, ok = a.node.Num(), true
	case KindString:
		s := a.text
		if f.Unit == "%" {
			if n := len(s); n > 0 && s[n-1] == '%' {
				s = trim(s[:n-1])
			}
		}
		x, ok = ParseDecimal(s)
	}
	if !ok || math.IsNaN(x) || math.IsInf(x, 0) || (f.Type == TypeCount && x != math.Trunc(x)) {
		if f.Type == TypeCount {
			return value{}, Msg{Code: "answer.wholeNumber", Args: []Arg{f.label()}}
		}
		return value{}, Msg{Code: "answer.number", Args: []Arg{f.label()}}
	}
	if x < f.Min || x > f.Max {
		return value{}, Msg{Code: "answer.range", Args: []Arg{f.label(), {Name: "min", Num: f.Min, Field: f.Unit}, {Name: "max", Num: f.Max, Field: f.Unit}}}
	}
	return value{state: stKnown, num: x}, Msg{}
}

// sessionWords are what people type between sessions attended and
// sessions possible, in the portal's languages: "306/360", "306 out of
// 360", "306 of 360", "306 z 360", "306 من 360".
var sessionWords = [...]string{"/", " out of ", " of ", " z ", " من "}

// sessionsOf reads attendance given as sessions: {"attended": 306,
// "possible": 360}, or the same typed in one field. given is false when n
// is neither, so it is read as a plain number; ok says the two parts are
// whole numbers.
func sessionsOf(a answer) (attended, possible float64, given, ok bool) {
	if n := a.node; a.kind == KindMap {
		att, pos := n.Get("attended"), n.Get("possible")
		if n.Len() != 2 || att == nil || pos == nil || att.Kind() != KindNumber || pos.Kind() != KindNumber {
			return 0, 0, true, false
		}
		return att.Num(), pos.Num(), true, true
	}
	if a.kind != KindString {
		return 0, 0, false, false
	}
	s := asciiLower(a.text)
	for _, w := range sessionWords {
		if i := index(s, w); i > 0 {
			a, okA := ParseDecimal(trim(s[:i]))
			p, okP := ParseDecimal(trim(s[i+len(w):]))
			return a, p, true, okA && okP
		}
	}
	return 0, 0, false, false
}

// index is strings.Index for the few bytes of an answer, written out
// because the standard one brings a search library into the browser's module.
func index(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

// checkSessions turns sessions into a percentage.
func checkSessions(a, p float64, ok bool) (value, Msg) {
	if !ok || a != math.Trunc(a) || p != math.Trunc(p) || a < 0 || p <= 0 || a > p || p > 1e6 {
		return value{}, Msg{Code: "answer.sessions"}
	}
	return value{state: stKnown, num: a / p * 100, sessions: true, attended: a, possible: p}, Msg{}
}

// ParseDecimal reads a number typed by a person: digits with an optional
// sign and a decimal point or comma ("85", "88.5", "85,5", "-0.5"). With
// at most 15 digits, one division by an exact power of ten gives the same
// float64 as strconv.ParseFloat, which would add about 15 KB to the
// browser's module; answers never need exponents or more digits. The
// browser's JSON reader (wasm/) reads numbers with it too.
func ParseDecimal(s string) (float64, bool) {
	neg := s != "" && s[0] == '-'
	if neg {
		s = s[1:]
	}
	var mant, scale float64 = 0, 1
	digits, point := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			mant = mant*10 + float64(c-'0')
			digits++
			if point {
				scale *= 10
			}
		case (c == '.' || c == ',') && !point:
			point = true
		default:
			return 0, false
		}
	}
	if digits == 0 || digits > 15 {
		return 0, false
	}
	if neg {
		mant = -mant
	}
	return mant / scale, true
}

// equalFold reports whether s is word, which is in lower case, in any
// mix of ASCII cases, without making a lower-case copy.
func equalFold(s, word string) bool {
	if len(s) != len(word) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != word[i] && c+'a'-'A' != word[i] {
			return false
		}
	}
	return true
}

// asciiLower lower-cases ASCII letters only; strings.ToLower would bring in
// the Unicode case tables, which the browser's module does not need.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
