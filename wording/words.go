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
// questions, measures, criteria and themes).
type Words struct {
	Lang  string
	msgs  map[string]string
	model *rules.Model
}

// New makes the Words of a language.
func New(lang string, msgs map[string]string, m *rules.Model) *Words {
	return &Words{Lang: lang, msgs: msgs, model: m}
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

// Has reports whether the language has a template for code.
func (w *Words) Has(code string) bool {
	_, ok := w.msgs[code]
	return ok
}

// Text writes a message as a sentence or phrase that starts with a capital.
func (w *Words) Text(m rules.Msg) string { return capital(w.phrase(m)) }

// Sentences writes each message and joins them with spaces.
func (w *Words) Sentences(ms []rules.Msg) string {
	out := ""
	for i, m := range ms {
		if i > 0 {
			out += " "
		}
		out += w.Text(m)
	}
	return out
}

// phrase writes a message as it stands inside another. A code with no
// template shows as itself, so a gap is seen, never hidden; a test checks
// that every language has every code.
func (w *Words) phrase(m rules.Msg) string {
	tmpl, ok := w.msgs[m.Code]
	if !ok {
		return "[" + m.Code + "]"
	}
	return w.format(tmpl, m.Args, "")
}

func (w *Words) arg(a rules.Arg) string {
	switch a.Kind {
	case rules.ArgNum:
		return w.Quantity(a.Num, a.Field)
	case rules.ArgText:
		return a.Text
	case rules.ArgMsg:
		return w.phrase(a.Msg)
	case rules.ArgList:
		items := make([]string, len(a.List))
		for i, it := range a.List {
			items[i] = w.arg(it)
		}
		return w.List(items)
	}
	return w.ref(a)
}

// Quantity writes a number with its unit: "85%", "15 days" ("15 dni").
// A unit's words are the template "unit.<unit>"; "%" and no unit need none.
func (w *Words) Quantity(f float64, unit string) string {
	n := Number(f, w.Lang)
	switch unit {
	case "":
		return n
	case "%":
		return n + "%"
	}
	tmpl, ok := w.msgs["unit."+unit]
	if !ok {
		return n + " " + unit
	}
	return w.format(tmpl, []rules.Arg{{Name: "n", Num: f}}, "")
}

// List joins items as the language does: "a, b and c".
func (w *Words) List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	head := items[0]
	for _, s := range items[1 : len(items)-1] {
		head += w.msgs["list.separator"] + s
	}
	last := items[len(items)-1]
	return w.format(w.msgs["list.and"], []rules.Arg{{Name: "a", Kind: rules.ArgText, Text: head}, {Name: "b", Kind: rules.ArgText, Text: last}}, "")
}

// ref writes a reference to the rules data with the data's own words.
func (w *Words) ref(a rules.Arg) string {
	m := w.model
	switch a.Kind {
	case rules.ArgQuestion:
		if q := m.Question(a.Text); q != nil {
			return fieldText(&q.Field, a.Field)
		}
	case rules.ArgOption:
		if q := m.Question(a.Text); q != nil {
			return q.OptionText(a.Field)
		}
	case rules.ArgMeasure:
		if ms := m.Measure(a.Text); ms != nil {
			return fieldText(&ms.Field, a.Field)
		}
	case rules.ArgCriterion:
		if c := m.Criterion(a.Text); c != nil {
			if a.Field == "clause" {
				return clause(c.Text)
			}
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
