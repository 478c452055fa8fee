package wording

import (
	"unsafe"

	"github.com/focusfamily/portal/rules"
)

// fixed remembers the words of messages that depend on the rules data
// alone: each argument names a question's words, an option, a measure, a
// criterion, a theme or the programme, or is a number the data sets (a
// threshold), and none holds a number or text from an answer. "You said
// the child is a young carer." is one. They are
// most of a result's reasons, and the same in every evaluation, so each is
// written once and copied after, as a template is looked up once. A slot
// is chosen by where the message's strings are (see memo) and checked
// against the whole message, so a message that only shares a slot is
// written again, never mistaken.
type fixed struct {
	slots [fixedSize]fixedText
}

const fixedSize, fixedProbes = 128, 4

type fixedText struct {
	code string
	args []rules.Arg // a copy: the engine uses its own memory again
	text string
}

// get gives m's slot, if m is fixed, and whether it holds m's words. A
// message looks in its slot and the few after it, so that two messages
// that fall in one slot are both kept.
func (f *fixed) get(m rules.Msg) (s *fixedText, ok bool) {
	if !isFixed(m) {
		return nil, false
	}
	at := fixedSlot(m)
	for i := range uintptr(fixedProbes) {
		s := &f.slots[(at+i)%fixedSize]
		if s.code == "" {
			return s, false
		}
		if s.code == m.Code && sameArgs(s.args, m.Args) {
			return s, true
		}
	}
	return &f.slots[at], false
}

// put remembers text as the words of m, in the slot get gave.
func (s *fixedText) put(m rules.Msg, text []byte) {
	s.code, s.args, s.text = m.Code, append(s.args[:0], m.Args...), string(text)
}

func isFixed(m rules.Msg) bool {
	for i := range m.Args {
		switch m.Args[i].Kind {
		case rules.ArgQuestion, rules.ArgOption, rules.ArgMeasure, rules.ArgCriterion, rules.ArgTheme, rules.ArgProgramme, rules.ArgSetting:
		default:
			return false
		}
	}
	return len(m.Args) > 0
}

func fixedSlot(m rules.Msg) uintptr {
	h := uintptr(unsafe.Pointer(unsafe.StringData(m.Code)))
	for i := range m.Args {
		a := &m.Args[i]
		h = h*31 ^ uintptr(unsafe.Pointer(unsafe.StringData(a.Text))) ^ uintptr(len(a.Field)) ^ uintptr(a.Num)
	}
	return (h ^ h>>7 ^ h>>13) % fixedSize
}

// sameArgs compares the arguments of fixed messages, which have no
// message or list inside.
func sameArgs(a, b []rules.Arg) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := &a[i], &b[i]
		if x.Kind != y.Kind || x.Num != y.Num || x.Text != y.Text || x.Field != y.Field || x.Name != y.Name {
			return false
		}
	}
	return true
}
