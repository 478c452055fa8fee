package rules

// Msg is a sentence or a phrase without its words: the code of a message
// template and the values to put in it. The engine knows no language;
// package wording writes a Msg in the reader's language from the message
// templates of that language (i18n/engine/<lang>.yaml).
type Msg struct {
	Code string
	Args []Arg
}

// ArgKind says what an Arg holds, and so how it is written.
type ArgKind uint8

// The kinds of Arg. The references (question, option, measure, criterion,
// theme, programme) are written with the words of the rules data in the
// reader's language.
const (
	ArgNum       ArgKind = iota // Num, in the unit Field ("%", "days", or "" for none)
	ArgText                     // Text as given: a term's name, an id the family sent
	ArgMsg                      // another message
	ArgList                     // List, written as "a, b and c"
	ArgQuestion                 // question ID's label, ifYes or ifNo (Field)
	ArgOption                   // the text of option Field of question ID
	ArgMeasure                  // measure ID's label, ifYes or ifNo (Field)
	ArgCriterion                // criterion ID's text; Field "clause" for it inside a sentence
	ArgTheme                    // the short name of the theme numbered Num
	ArgProgramme                // the programme's name
	ArgSetting                  // Num, as ArgNum, but one the rules data sets (a threshold, the programme's rule), never an answer
)

// Arg is one named value of a Msg.
type Arg struct {
	Name  string
	Kind  ArgKind
	Num   float64
	Text  string // ArgText; the id for references
	Field string // for references, which words; for numbers, the unit
	Msg   Msg
	List  []Arg
}
