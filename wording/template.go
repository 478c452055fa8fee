package wording

import "github.com/focusfamily/portal/rules"

// A message template is text with placeholders, in a small subset of ICU
// MessageFormat that translators know:
//
//	{name}                                   the value of the parameter name
//	{n, plural, one {# day} other {# days}}  a form chosen by n's CLDR plural
//	                                          category (zero, one, two, few, many,
//	                                          other) or by an exact =N; # is n
//
// Arms may hold placeholders of their own.

// A template is read once, the first time it is used, into the pieces
// that writing a message walks through: the browser's module writes
// reasons at every evaluation, and reading each template's text again was
// most of the work of writing one.
type template []piece

type piece struct {
	kind pieceKind
	text string // the text to copy, or the placeholder's name
	arms []arm  // a plural's forms, in the template's order
}

type pieceKind uint8

const (
	pText   pieceKind = iota
	pHash             // # inside a plural: the number
	pArg              // {name}
	pPlural           // {name, plural, ...}
)

type arm struct {
	sel  string // "=N", or a plural category
	text string
	body template // text, compiled
}

// compile reads tmpl; inPlural says it is a plural's form, where # stands
// for the number. A brace with no partner is kept as text from there on.
func compile(tmpl string, inPlural bool) template {
	var t template
	for i := 0; i < len(tmpl); i++ {
		j := i // the text up to the next placeholder or # is one piece
		for j < len(tmpl) && tmpl[j] != '{' && (tmpl[j] != '#' || !inPlural) {
			j++
		}
		if j > i {
			t = append(t, piece{kind: pText, text: tmpl[i:j]})
		}
		switch i = j; {
		case i == len(tmpl):
		case tmpl[i] == '#':
			t = append(t, piece{kind: pHash})
		default:
			j := closing(tmpl, i)
			if j < 0 {
				return append(t, piece{kind: pText, text: tmpl[i:]})
			}
			t = append(t, placeholder(tmpl[i+1:j]))
			i = j
		}
	}
	return t
}

// placeholder reads the inside of {...}. A plural whose forms are not well
// formed is written as the plain number.
func placeholder(inner string) piece {
	name, rest := cut(inner)
	p := piece{kind: pArg, text: name}
	if kind, arms := cut(rest); kind == "plural" {
		if forms, ok := splitArms(arms); ok {
			for i := range forms {
				forms[i].body = compile(forms[i].text, true)
			}
			p.kind, p.arms = pPlural, forms
		}
	}
	return p
}

// closing finds the brace that closes the one at i, or -1.
func closing(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// splitArms reads a plural's forms, such as `one {# day} other {# days}`,
// uncompiled; ok is false when they are not well formed.
func splitArms(s string) (forms []arm, ok bool) {
	for s = trimSpace(s); s != ""; s = trimSpace(s) {
		open := indexByte(s, '{')
		if open < 0 {
			return nil, false
		}
		end := closing(s, open)
		if end < 0 {
			return nil, false
		}
		forms = append(forms, arm{sel: trimSpace(s[:open]), text: s[open+1 : end]})
		s = s[end+1:]
	}
	return forms, true
}

// appendFormat appends t filled with args; hash is what # stands for,
// inside a plural.
func (w *Words) appendFormat(b []byte, t template, args []rules.Arg, hash []byte) []byte {
	for i := range t {
		p := &t[i]
		switch p.kind {
		case pText:
			b = append(b, p.text...)
		case pHash:
			b = append(b, hash...)
		default:
			b = w.appendPlaceholder(b, p, args)
		}
	}
	return b
}

func (w *Words) appendPlaceholder(b []byte, p *piece, args []rules.Arg) []byte {
	var a *rules.Arg
	for i := range args {
		if args[i].Name == p.text {
			a = &args[i]
		}
	}
	if a == nil {
		b = append(b, '{')
		b = append(b, p.text...)
		return append(b, '}')
	}
	if p.kind == pPlural && (a.Kind == rules.ArgNum || a.Kind == rules.ArgSetting) {
		if form := pickArm(p.arms, a.Num, Plural(w.Lang, a.Num)); form != nil {
			var buf [24]byte
			return w.appendFormat(b, form.body, args, appendNumber(buf[:0], a.Num, w.Lang))
		}
	}
	return w.appendArg(b, a)
}

// cut splits "name, rest" at its first comma, trimming spaces.
func cut(s string) (string, string) {
	for i := 0; i < len(s); i++ {
		if s[i] == ',' {
			return trimSpace(s[:i]), trimSpace(s[i+1:])
		}
	}
	return trimSpace(s), ""
}

// pickArm chooses the form for n: an exact =N first, then the category
// cat, then other; nil when none fits.
func pickArm(arms []arm, n float64, cat string) *arm {
	var buf [24]byte
	exact := rules.AppendNumber(append(buf[:0], '='), n)
	var form *arm
	best := 3
	for i := range arms {
		rank := 3
		switch a := &arms[i]; {
		case a.sel == string(exact):
			rank = 0
		case a.sel == cat:
			rank = 1
		case a.sel == Other:
			rank = 2
		}
		if rank < best {
			best, form = rank, &arms[i]
		}
	}
	return form
}

func trimSpace(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\n' || s[0] == '\t') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\n' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}

// CheckTemplate reports a template that is not well formed: a brace with no
// partner, or a plural with no "other" form.
func CheckTemplate(tmpl string) error {
	for i := 0; i < len(tmpl); i++ {
		switch tmpl[i] {
		case '}':
			return errorString("a } with no {")
		case '{':
			j := closing(tmpl, i)
			if j < 0 {
				return errorString("a { with no }")
			}
			if err := checkPlaceholder(tmpl[i+1 : j]); err != nil {
				return err
			}
			i = j
		}
	}
	return nil
}

func checkPlaceholder(inner string) error {
	name, rest := cut(inner)
	if name == "" {
		return errorString("a placeholder with no name")
	}
	if rest == "" {
		return nil
	}
	kind, arms := cut(rest)
	if kind != "plural" {
		return errorString("{" + name + ", " + kind + "}: only plural is known")
	}
	forms, ok := splitArms(arms)
	if !ok || pickArm(forms, -1, "") == nil {
		return errorString("{" + name + ", plural}: the forms are malformed or have no \"other\"")
	}
	for _, f := range forms {
		if err := CheckTemplate(f.text); err != nil {
			return err
		}
	}
	return nil
}
