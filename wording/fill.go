package wording

import "github.com/focusfamily/portal/rules"

// Fill puts the value of each threshold named in text as {threshold_id}:
// the number written for lang, with "%" when the threshold's unit is "%".
// Other units are left to the text, which supplies the noun ("{medical_days}
// school days"), because the noun's form depends on the sentence. This is
// the one place thresholds become words, for pages, questions and reasons
// alike. An unknown id is an error.
func Fill(text, lang string, thresholds []rules.Threshold) (string, error) {
	out := ""
	for {
		i := indexByte(text, '{')
		if i < 0 {
			return out + text, nil
		}
		j := indexByte(text[i:], '}')
		if j < 0 {
			return "", errorString("a { with no } in " + text)
		}
		id := text[i+1 : i+j]
		t := threshold(thresholds, id)
		if t == nil {
			return "", errorString("unknown threshold {" + id + "} (see thresholds.yaml)")
		}
		out += text[:i] + Number(t.Value, lang)
		if t.Unit == "%" {
			out += "%"
		}
		text = text[i+j+1:]
	}
}

func threshold(ts []rules.Threshold, id string) *rules.Threshold {
	for i := range ts {
		if ts[i].ID == id {
			return &ts[i]
		}
	}
	return nil
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// Threshold writes a threshold's value as Fill does: "90%", "15".
func (w *Words) Threshold(t rules.Threshold) string {
	s, _ := Fill("{"+t.ID+"}", w.Lang, []rules.Threshold{t})
	return s
}
