package export

import "strconv"

// field is one text of the rules data that a reader sees: its key in a
// translations file, and where it sits in the data tree.
type field struct {
	key  string         // e.g. "questions.attendance_percent.hint"
	file string         // the data file, e.g. "questions"
	m    map[string]any // the entry that holds it
	name string         // its field name in that entry
}

func (f field) text() string { s, _ := f.m[f.name].(string); return s }

// textFields are the fields that hold words, by data file. Ids, numbers,
// dates, markers and source titles (cited as published) are not translated.
var textFields = map[string][]string{
	"questions":  {"text", "hint", "professionalText", "label", "ifYes", "ifNo", "howToFind"},
	"measures":   {"text", "label", "ifYes", "ifNo", "howToFind"},
	"themes":     {"title", "short", "summary", "note"},
	"criteria":   {"text", "note"},
	"pathways":   {"title", "summary", "note"},
	"thresholds": {"text", "note"},
	"programme":  {"name", "summary", "note"},
}

// fields lists every text of the rules data, in file order.
func fields(tree map[string]any) []field {
	var out []field
	one := func(key, file string, m map[string]any, name string) {
		if _, ok := m[name].(string); ok {
			out = append(out, field{key: key, file: file, m: m, name: name})
		}
	}
	add := func(file, group, id string, m map[string]any, names ...string) {
		for _, n := range names {
			one(group+"."+id+"."+n, file, m, n)
		}
	}
	programme, _ := tree["programme"].(map[string]any)
	for _, n := range textFields["programme"] {
		one("programme."+n, "programme", programme, n)
	}
	for _, file := range []string{"thresholds", "questions", "measures", "pathways"} {
		for _, e := range entries(tree, file) {
			id := str(e["id"])
			add(file, file, id, e, textFields[file]...)
			for _, o := range list(e["options"]) {
				one(file+"."+id+".options."+str(o["value"]), file, o, "text")
			}
		}
	}
	for _, t := range entries(tree, "themes") {
		add("themes", "themes", str(t["number"]), t, textFields["themes"]...)
		for _, c := range list(t["criteria"]) {
			id := str(c["id"])
			add("themes", "criteria", id, c, textFields["criteria"]...)
			for _, k := range []string{"significant", "sustained"} {
				if pm, ok := c[k].(map[string]any); ok {
					one("criteria."+id+"."+k, "themes", pm, "text")
				}
			}
		}
	}
	return out
}

// entries is the list a data file holds under its own name.
func entries(tree map[string]any, file string) []map[string]any {
	f, _ := tree[file].(map[string]any)
	return list(f[file])
}

func list(v any) []map[string]any {
	l, _ := v.([]any)
	out := make([]map[string]any, 0, len(l))
	for _, e := range l {
		if m, ok := e.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

func str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case uint64:
		return strconv.FormatUint(x, 10)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return ""
}

// Texts lists every text of a rules tree by its key in a translations file.
func Texts(tree map[string]any) map[string]string {
	out := map[string]string{}
	for _, f := range fields(tree) {
		out[f.key] = f.text()
	}
	return out
}
