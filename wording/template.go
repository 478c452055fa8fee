package wording

import "strconv"

// A message template is text with placeholders, in a small subset of ICU
// MessageFormat that translators know:
//
//	{name}                                   the value of the parameter name
//	{n, plural, one {# day} other {# days}}  a form chosen by n's CLDR plural
//	                                          category (zero, one, two, few, many,
//	                                          other) or by an exact =N; # is n
//
// Arms may hold placeholders of their own.

// lookup gives a parameter's text and, for numbers, its value.
type lookup func(name string) (text string, n float64, isNum bool)

func (w *Words) format(tmpl string, get lookup, hash string) string {
	out := make([]byte, 0, len(tmpl)+32)
	for i := 0; i < len(tmpl); i++ {
		c := tmpl[i]
		switch {
		case c == '#' && hash != "":
			out = append(out, hash...)
		case c == '{':
			j := closing(tmpl, i)
			if j < 0 {
				return string(append(out, tmpl[i:]...))
			}
			out = append(out, w.placeholder(tmpl[i+1:j], get)...)
			i = j
		default:
			out = append(out, c)
		}
	}
	return string(out)
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

func (w *Words) placeholder(inner string, get lookup) string {
	name, rest := cut(inner)
	text, n, isNum := get(name)
	if rest == "" {
		return text
	}
	kind, arms := cut(rest)
	if kind != "plural" || !isNum {
		return text
	}
	body, ok := pickArm(arms, n, Plural(w.Lang, n))
	if !ok {
		return text
	}
	return w.format(body, get, Number(n, w.Lang))
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

// arm is one choice of a plural: its selector and its body.
type arm struct{ sel, body string }

// parseArms reads `one {...} other {...}`; ok is false when it is malformed.
func parseArms(s string) ([]arm, bool) {
	var arms []arm
	for s = trimSpace(s); s != ""; s = trimSpace(s) {
		open := 0
		for open < len(s) && s[open] != '{' {
			open++
		}
		end := closing(s, open)
		if open == len(s) || end < 0 {
			return nil, false
		}
		arms = append(arms, arm{trimSpace(s[:open]), s[open+1 : end]})
		s = s[end+1:]
	}
	return arms, len(arms) > 0
}

// pickArm chooses an exact =N first, then the category, then other.
func pickArm(s string, n float64, cat string) (string, bool) {
	arms, ok := parseArms(s)
	if !ok {
		return "", false
	}
	exact := "=" + strconv.FormatFloat(n, 'f', -1, 64)
	for _, want := range [...]string{exact, cat, Other} {
		for _, a := range arms {
			if a.sel == want {
				return a.body, true
			}
		}
	}
	return "", false
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
