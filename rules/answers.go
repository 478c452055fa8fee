package rules

import (
	"math"
	"strings"
)

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
type answerSet struct{ vals, raw []value }

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
	_, errs := m.readAnswers(answers)
	return errs
}

// Relevant returns, in order, the ids of the questions to ask given the
// answers so far: every question whose askIf is not false. Answers that are
// not valid count as not given.
func Relevant(m *Model, answers Node) []string {
	a, _ := m.readAnswers(answers)
	var ids []string
	for i, q := range m.Questions {
		if a.vals[i].state != stSkipped {
			ids = append(ids, q.ID)
		}
	}
	return ids
}

func (m *Model) readAnswers(n Node) (*answerSet, []AnswerError) {
	a := &answerSet{vals: make([]value, len(m.Questions))}
	if n == nil || n.Kind() != KindMap {
		a.raw = a.vals
		return a, []AnswerError{{Message: "The answers must be a set of question ids, each with its answer"}}
	}
	var errs []AnswerError
	for i := range m.Questions {
		q := &m.Questions[i]
		v, msg := parseValue(&q.Field, q.Options, q.AllowUnknown, n.Get(q.ID))
		if msg != "" {
			errs = append(errs, AnswerError{Question: q.ID, Message: msg})
		}
		a.vals[i] = v
	}
	a.raw = append([]value(nil), a.vals...)
	m.skipIrrelevant(a)
	for i, q := range m.Questions {
		if a.vals[i].state == stMissing && !hasError(errs, q.ID) {
			errs = append(errs, AnswerError{Question: q.ID, Message: "Answer the question about " + q.Label})
		}
	}
	for _, k := range n.Keys() {
		if _, ok := m.qIndex[k]; !ok {
			errs = append(errs, AnswerError{Question: k, Message: "There is no question with the id " + quote(k)})
		}
	}
	return a, errs
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

// parseValue reads one answer. It returns a plain message, in the GOV.UK
// style, if the answer is not valid; the value is then treated as missing.
func parseValue(f *Field, opts []Option, allowUnknown bool, n Node) (value, string) {
	if n == nil || n.Kind() == KindNull {
		return value{}, ""
	}
	if n.Kind() == KindString && trim(n.Str()) == unknownAnswer {
		if !allowUnknown {
			return value{}, capital(f.Label) + `: "I do not know" is not one of the answers here, so choose an answer`
		}
		return value{state: stUnknown}, ""
	}
	switch f.Type {
	case TypeYesNo:
		return parseYesNo(f, n)
	case TypeChoice:
		if s := n.Str(); n.Kind() == KindString && optionIndex(opts, s) >= 0 {
			return value{state: stKnown, opt: s}, ""
		}
		return value{}, "Select one of the answers about " + f.Label
	case TypeNumber, TypeCount:
		if n.Kind() == KindMap && f.AllowSessions {
			return parseSessions(f, n)
		}
		return parseNumber(f, n)
	}
	return value{}, ""
}

func parseYesNo(f *Field, n Node) (value, string) {
	switch {
	case n.Kind() == KindBool:
		return value{state: stKnown, yes: n.Bool()}, ""
	case n.Kind() == KindString:
		switch asciiLower(trim(n.Str())) {
		case "yes":
			return value{state: stKnown, yes: true}, ""
		case "no":
			return value{state: stKnown}, ""
		}
	}
	return value{}, "Select yes or no for " + f.Label
}

func parseNumber(f *Field, n Node) (value, string) {
	x, ok := 0.0, false
	switch n.Kind() {
	case KindNumber:
		x, ok = n.Num(), true
	case KindString:
		s := trim(n.Str())
		if f.Unit == "%" {
			s = trim(strings.TrimSuffix(s, "%"))
		}
		x, ok = parseDecimal(s)
	}
	whole := ""
	if f.Type == TypeCount {
		whole = "whole "
	}
	if !ok || math.IsNaN(x) || math.IsInf(x, 0) || (f.Type == TypeCount && x != math.Trunc(x)) {
		return value{}, "Enter " + f.Label + " as a " + whole + "number"
	}
	if x < f.Min || x > f.Max {
		return value{}, capital(f.Label) + " must be between " + withUnit(f.Min, f.Unit) + " and " + withUnit(f.Max, f.Unit)
	}
	return value{state: stKnown, num: x}, ""
}

// parseSessions reads attendance given as {"attended": 306, "possible": 360}.
func parseSessions(f *Field, n Node) (value, string) {
	att, pos := n.Get("attended"), n.Get("possible")
	bad := "Enter the sessions attended and the sessions possible as whole numbers, with attended no more than possible"
	if att == nil || pos == nil || att.Kind() != KindNumber || pos.Kind() != KindNumber || n.Len() != 2 {
		return value{}, bad
	}
	a, p := att.Num(), pos.Num()
	if a != math.Trunc(a) || p != math.Trunc(p) || a < 0 || p <= 0 || a > p || p > 1e6 {
		return value{}, bad
	}
	return value{state: stKnown, num: a / p * 100, sessions: true, attended: a, possible: p}, ""
}

// parseDecimal reads a number typed by a person: digits with an optional
// sign and decimal point ("85", "88.5", "-0.5"). It is written out here
// because strconv.ParseFloat would add about 15 KB to the browser's module;
// answers never need exponents or more than 15 digits.
func parseDecimal(s string) (float64, bool) {
	neg := strings.HasPrefix(s, "-")
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
		case c == '.' && !point:
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
