// Package wording writes the rules engine's meaning in a reader's language:
// it fills thresholds into the texts of the rules data, formats numbers, and
// renders the engine's messages (codes with parameters, see rules.Msg) with
// the message templates of one language, choosing plural forms by CLDR's
// rules. It is part of the browser's WebAssembly module, so, like package
// rules, it keeps to small parts of the standard library.
package wording

import "github.com/focusfamily/portal/rules"

// Words renders messages in one language, with that language's message
// templates and the rules data in that language (for the labels of
// questions, measures, criteria and themes). It remembers its recent
// lookups (memo.go), so it is not safe for concurrent use.
type Words struct {
	Lang  string
	msgs  map[string]string
	model *rules.Model

	templates memo[*template]      // recent lookups of template
	compiled  map[string]*template // each template read once, when first used
	questions memo[*rules.Question]
	criteria  memo[*rules.Criterion]
	fixed     fixed // whole sentences
	phrases   fixed // phrases inside them
}

// New makes the Words of a language.
func New(lang string, msgs map[string]string, m *rules.Model) *Words {
	return &Words{Lang: lang, msgs: msgs, model: m, compiled: map[string]*template{}}
}

// Messages reads a language's message templates: a map from code to
// template, as in i18n/engine/<lang>.yaml or a model's "messages".
func Messages(n rules.Node) (map[string]string, error) {
	if n == nil || n.Kind() != rules.KindMap {
		return nil, errorString("the messages must be a map from code to template")
	}
	out := map[string]string{}
	for _, k := range n.Keys() {
		v := n.Get(k)
		if v.Kind() != rules.KindString {
			return nil, errorString("message \"" + k + "\" must be text")
		}
		out[k] = v.Str()
	}
	return out, nil
}

type errorString string

func (e errorString) Error() string { return string(e) }

// Text writes a message as a sentence or phrase that starts with a capital.
func (w *Words) Text(m rules.Msg) string { return string(w.AppendText(nil, m)) }

// AppendText appends Text(m) to b. Words are appended to one buffer
// throughout, not built as strings and joined: in the browser's module
// each allocation costs more than the writing itself.
func (w *Words) AppendText(b []byte, m rules.Msg) []byte { return w.kept(&w.fixed, b, m, true) }

// kept writes m from f, if f holds its words; otherwise it writes them (with
// a capital, for a sentence) and f keeps them if m is fixed (fixed.go).
func (w *Words) kept(f *fixed, b []byte, m rules.Msg, sentence bool) []byte {
	s, ok := f.get(m)
	if ok {
		return append(b, s.text...)
	}
	start := len(b)
	b = w.appendPhrase(b, m)
	if sentence {
		b = capitalAt(b, start)
	}
	if s != nil {
		s.put(m, b[start:])
	}
	return b
}

// Sentences writes each message and joins them with spaces.
func (w *Words) Sentences(ms []rules.Msg) string { return string(w.AppendSentences(nil, ms)) }

// AppendSentences appends Sentences(ms) to b.
func (w *Words) AppendSentences(b []byte, ms []rules.Msg) []byte {
	for i, m := range ms {
		if i > 0 {
			b = append(b, ' ')
		}
		b = w.AppendText(b, m)
	}
	return b
}

// appendPhrase writes a message as it stands inside another. A code with
// no template shows as itself, so a gap is seen, never hidden; a test
// checks that every language has every code.
func (w *Words) appendPhrase(b []byte, m rules.Msg) []byte {
	tmpl, ok := w.template(m.Code)
	if !ok {
		b = append(b, '[')
		b = append(b, m.Code...)
		return append(b, ']')
	}
	return w.appendFormat(b, tmpl, m.Args, nil)
}

func (w *Words) appendArg(b []byte, a *rules.Arg) []byte {
	switch a.Kind {
	case rules.ArgNum, rules.ArgSetting:
		return w.appendQuantity(b, a.Num, a.Field)
	case rules.ArgText:
		return append(b, a.Text...)
	case rules.ArgMsg:
		return w.kept(&w.phrases, b, a.Msg, false)
	case rules.ArgList:
		return w.appendList(b, a.List)
	case joined:
		for i := range a.List {
			if i > 0 {
				b = append(b, w.msgs["list.separator"]...)
			}
			b = w.appendArg(b, &a.List[i])
		}
		return b
	case rules.ArgCriterion:
		if c := w.criterion(a.Text); c != nil && a.Field == "clause" {
			start := len(b)
			return lowerAt(append(b, trimStop(c.Text)...), start)
		}
	}
	return append(b, w.ref(a)...)
}

// appendQuantity writes a number with its unit: "85%", "15 days" ("15
// dni"). A unit's words are the template "unit.<unit>"; "%" and no unit
// need none.
func (w *Words) appendQuantity(b []byte, f float64, unit string) []byte {
	switch unit {
	case "":
		return appendNumber(b, f, w.Lang)
	case "%":
		return append(appendNumber(b, f, w.Lang), '%')
	}
	tmpl, ok := w.template("unit." + unit)
	if !ok {
		b = append(appendNumber(b, f, w.Lang), ' ')
		return append(b, unit...)
	}
	return w.appendFormat(b, tmpl, []rules.Arg{{Name: "n", Num: f}}, nil)
}

// joined is wording's own kind of Arg: its List written with the
// language's separator only ("a, b"), the part of a list before its "and".
const joined rules.ArgKind = 255

// appendList writes items as the language joins them: "a, b and c". The
// template list.and puts the last item ({b}) after the others ({a}).
func (w *Words) appendList(b []byte, items []rules.Arg) []byte {
	switch n := len(items); n {
	case 0:
		return b
	case 1:
		return w.appendArg(b, &items[0])
	default:
		last := items[n-1]
		last.Name = "b"
		and, _ := w.template("list.and")
		return w.appendFormat(b, and, []rules.Arg{{Name: "a", Kind: joined, List: items[:n-1]}, last}, nil)
	}
}

// ref writes a reference to the rules data with the data's own words
// (a criterion as a clause is appendArg's).
func (w *Words) ref(a *rules.Arg) string {
	m := w.model
	switch a.Kind {
	case rules.ArgQuestion:
		if q := w.question(a.Text); q != nil {
			return fieldText(&q.Field, a.Field)
		}
	case rules.ArgOption:
		if q := w.question(a.Text); q != nil {
			return q.OptionText(a.Field)
		}
	case rules.ArgMeasure:
		if ms := m.Measure(a.Text); ms != nil {
			return fieldText(&ms.Field, a.Field)
		}
	case rules.ArgCriterion:
		if c := w.criterion(a.Text); c != nil {
			return trimStop(c.Text)
		}
	case rules.ArgTheme:
		if t := m.Theme(int(a.Num)); t != nil {
			return t.Short
		}
	case rules.ArgProgramme:
		return m.Programme.Name
	}
	return a.Text
}

func fieldText(f *rules.Field, which string) string {
	switch which {
	case "ifYes":
		return f.IfYes
	case "ifNo":
		return f.IfNo
	}
	return f.Label
}
