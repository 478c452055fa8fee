// Package rules is the Focus Family rules engine: it decodes and checks the
// rules data (data/rules/), evaluates a family's answers against the criteria,
// the programme rule and the pathways, explains every result in plain words,
// and judges significant and sustained progress from termly measures.
//
// The package is compiled into the browser's WebAssembly module, so it
// imports only small parts of the standard library (no fmt, encoding/json,
// reflect or time) and reads its input through the Node interface. For the
// same reason a few small helpers called from many places are marked
// //go:noinline: copies inlined at every call would grow the module by
// several kilobytes. checking.go explains what the browser build leaves out.
package rules

// Model is the decoded, checked rules data.
type Model struct {
	Programme  Programme
	Sources    []Source
	Thresholds []Threshold
	Questions  []Question
	Measures   []Measure
	Themes     []Theme
	Pathways   []Pathway

	qIndex   map[string]int
	mIndex   map[string]int
	criteria []*Criterion // every criterion, in theme order
	cIndex   map[string]int
	cpIndex  int // index in criteria of the Child Protection Plan criterion
	rule     Msg // the programme's rule (ProgrammeRule)
	slots    int // how many different question leaves (cond.slot)
}

// Provenance says where an entry comes from and since when it applies.
type Provenance struct {
	Sources []string // ids in sources.yaml
	Marker  string   // "C", "S 000" or "U"
	From    string   // YYYY-MM-DD
	Note    string
}

// Source is one document the rules cite. Pages cite it by its public Title,
// Publisher and Date; Checked is when someone last checked it still says so.
// Seed is for maintainers only and never shown.
type Source struct {
	ID, Title, Publisher, Date, URL, Checked, Seed string
}

// Threshold is a named number that conditions compare answers with.
type Threshold struct {
	ID    string
	Value float64
	Unit  string
	Text  string
	Provenance
}

// Programme is the rule for qualifying.
type Programme struct {
	Name, Summary   string
	MinThemes       int    // criteria met in at least this many themes
	CPCriterion     string // ...or this criterion
	CPOtherCriteria int    // ...plus at least this many other criteria
	Provenance
}

// ValueType is the type of a question's or measure's answer.
type ValueType uint8

// The answer types.
const (
	TypeYesNo ValueType = iota + 1
	TypeNumber
	TypeCount
	TypeChoice
)

var typeNames = [...]string{TypeYesNo: "yesno", TypeNumber: "number", TypeCount: "count", TypeChoice: "choice"}

func (t ValueType) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return ""
}

// Field is what questions and measures have in common: a typed value with the
// words used to explain it.
type Field struct {
	ID            string
	Type          ValueType
	Min, Max      float64
	Unit          string
	AllowSessions bool
	Text          string
	Label         string
	IfYes, IfNo   string
	HowToFind     string

	kind ArgKind // ArgQuestion or ArgMeasure: how messages refer to it
}

// label refers to the field's label in a message.
func (f *Field) label() Arg { return Arg{Name: "label", Kind: f.kind, Text: f.ID, Field: "label"} }

// Option is one answer to a choice question.
type Option struct {
	Value, Text string
}

// Question is asked by the eligibility checker.
type Question struct {
	Field
	Options          []Option
	AllowUnknown     bool
	Hint             string
	ProfessionalText string

	askIf      *cond
	candidates []float64 // values worth trying when the answer is unknown
}

// Measure is recorded at entry and at each termly review.
type Measure struct {
	Field
}

// Theme is one of the programme's themes.
type Theme struct {
	Number                int
	Title, Short, Summary string
	Status                string // "local" or "national example"
	Provenance
	Criteria []Criterion
}

// Criterion is one identified issue of a theme.
type Criterion struct {
	ID          string
	Text        string
	Theme       int
	Judgement   bool // a professional's nomination of equal concern
	Services    []string
	Significant ProgressMeasure
	Sustained   ProgressMeasure
	Provenance

	cond *cond
}

// ProgressMeasure is what counts as significant or sustained progress.
type ProgressMeasure struct {
	Text string
	cond *cond
}

// Pathway is a route of support the checker may suggest.
type Pathway struct {
	ID, Title, Summary string
	Services           []string
	Provenance

	cond *cond
}

// Criterion returns the criterion with the given id, or nil.
func (m *Model) Criterion(id string) *Criterion {
	if i, ok := m.cIndex[id]; ok {
		return m.criteria[i]
	}
	return nil
}

// Question returns the question with the given id, or nil.
func (m *Model) Question(id string) *Question {
	if i, ok := m.qIndex[id]; ok {
		return &m.Questions[i]
	}
	return nil
}

// Measure returns the measure with the given id, or nil.
func (m *Model) Measure(id string) *Measure {
	if i, ok := m.mIndex[id]; ok {
		return &m.Measures[i]
	}
	return nil
}

// Theme returns the theme with the given number, or nil.
func (m *Model) Theme(number int) *Theme {
	for i := range m.Themes {
		if m.Themes[i].Number == number {
			return &m.Themes[i]
		}
	}
	return nil
}

// OptionText is the words of one of a choice question's options.
func (q *Question) OptionText(value string) string {
	if i := optionIndex(q.Options, value); i >= 0 {
		return q.Options[i].Text
	}
	return value
}
