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

// appendFormat appends tmpl filled with args; hash is what # stands for,
// inside a plural.
func (w *Words) appendFormat(b []byte, tmpl string, args []rules.Arg, hash []byte) []byte {
	for i := 0; i < len(tmpl); i++ {
		j := i // copy the text up to the next placeholder or # in one piece
		for j < len(tmpl) && tmpl[j] != '{' && (tmpl[j] != '#' || len(hash) == 0) {
			j++
		}
		b = append(b, tmpl[i:j]...)
		switch i = j; {
		case i == len(tmpl):
		case tmpl[i] == '#':
			b = append(b, hash...)
		default:
			j := closing(tmpl, i)
			if j < 0 {
				return append(b, tmpl[i:]...)
			}
			b = w.appendPlaceholder(b, tmpl[i+1:j], args)
			i = j
		}
	}
	return b
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

func (w *Words) appendPlaceholder(b []byte, inner string, args []rules.Arg) []byte {
	name, rest := cut(inner)
	var a *rules.Arg
	for i := range args {
		if args[i].Name == name {
			a = &args[i]
		}
	}
	if a == nil {
		b = append(b, '{')
		b = append(b, name...)
		return append(b, '}')
	}
	kind, arms := cut(rest)
	if kind == "plural" && (a.Kind == rules.ArgNum || a.Kind == rules.ArgSetting) {
		if body, ok := pickArm(arms, a.Num, Plural(w.Lang, a.Num)); ok {
			var buf [24]byte
			return w.appendFormat(b, body, args, appendNumber(buf[:0], a.Num, w.Lang))
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

// pickArm chooses, from arms such as `one {# day} other {# days}`, an
// exact =N first, then the category, then other. ok is false when no arm fits.
func pickArm(arms string, n float64, cat string) (body string, ok bool) {
	var buf [24]byte
	exact := rules.AppendNumber(append(buf[:0], '='), n)
	best := 3
	for s := trimSpace(arms); s != ""; s = trimSpace(s) {
		open := indexByte(s, '{')
		end := closing(s, open)
		if open < 0 || end < 0 {
			return "", false
		}
		rank := 3
		switch sel := trimSpace(s[:open]); {
		case sel == string(exact):
			rank = 0
		case sel == cat:
			rank = 1
		case sel == Other:
			rank = 2
		}
		if rank < best {
			best, body = rank, s[open+1:end]
		}
		s = s[end+1:]
	}
	return body, best < 3
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
	if _, ok := pickArm(arms, -1, ""); !ok {
		return errorString("{" + name + ", plural}: the forms are malformed or have no \"other\"")
	}
	for s := trimSpace(arms); s != ""; s = trimSpace(s) {
		open := indexByte(s, '{')
		end := closing(s, open)
		if err := CheckTemplate(s[open+1 : end]); err != nil {
			return err
		}
		s = s[end+1:]
	}
	return nil
}
