//go:build js && wasm

package main

import (
	"unsafe"

	"github.com/focusfamily/portal/rules"
)

// The engine's results as JSON text (see json.go). The checker's result
// carries only what the page cannot know from its build: what applies and
// why. Wording, titles and contacts are in the page already. So only the
// reasons it carries are written in words: those of the criteria met, the
// pathways suggested and the verdict.

func result(w *jsonw, r *rules.Result) {
	w.open('{')
	w.field("verdict", r.Verdict)
	sentences(w, "verdictReason", r.VerdictWhy)
	w.key("criteria")
	w.open('[')
	for _, t := range r.Themes {
		for _, c := range t.Criteria {
			if c.Met == "yes" {
				w.open('{')
				w.field("id", c.ID)
				w.key("theme")
				w.int(t.Number)
				sentences(w, "reason", c.Why)
				w.close('}')
			}
		}
	}
	w.close(']')
	w.key("pathways")
	w.open('[')
	for _, p := range r.Pathways {
		if p.Suggested == "yes" {
			w.open('{')
			w.field("id", p.ID)
			sentences(w, "reason", p.Why)
			w.close('}')
		}
	}
	w.close(']')
	w.key("services")
	w.strs(r.Services)
	w.key("unknowns")
	w.open('[')
	for _, u := range r.Unknowns {
		w.open('{')
		w.field("question", u.Question)
		w.key("changesVerdict")
		w.bool(u.ChangesVerdict)
		w.close('}')
	}
	w.close(']')
	w.close('}')
}

// scratch holds a reason's words until they are written into the reply.
var scratch []byte

// sentences writes "key": the messages in words.
func sentences(w *jsonw, key string, ms []rules.Msg) {
	scratch = words.AppendSentences(scratch[:0], ms)
	w.field(key, unsafe.String(unsafe.SliceData(scratch), len(scratch)))
}

func progressResult(w *jsonw, r *rules.ProgressResult) {
	w.open('{')
	w.key("terms")
	w.int(r.Terms)
	w.key("themes")
	w.open('[')
	for _, t := range r.Themes {
		w.open('{')
		w.key("number")
		w.int(t.Number)
		w.field("title", t.Title)
		w.field("significant", t.Significant)
		w.field("sustained", t.Sustained)
		w.close('}')
	}
	w.close(']')
	w.key("criteria")
	w.open('[')
	for _, c := range r.Criteria {
		w.open('{')
		w.field("id", c.ID)
		w.key("theme")
		w.int(c.Theme)
		w.field("text", c.Text)
		w.key("significant")
		progressCheck(w, c.Significant)
		w.key("sustained")
		progressCheck(w, c.Sustained)
		w.close('}')
	}
	w.close(']')
	w.close('}')
}

func progressCheck(w *jsonw, p rules.ProgressCheck) {
	w.open('{')
	w.field("met", p.Met)
	w.field("text", p.Text)
	w.field("reason", p.Reason)
	w.key("missing")
	w.strs(p.Missing)
	w.close('}')
}

func answerErrors(w *jsonw, errs []rules.AnswerError) {
	words.Errors(errs)
	w.open('[')
	for _, e := range errs {
		w.open('{')
		w.field("question", e.Question)
		w.field("message", e.Message)
		w.close('}')
	}
	w.close(']')
}

// errorsOnly writes {"errors": [...]}, the reply to answers the engine refuses.
func errorsOnly(w *jsonw, errs []rules.AnswerError) {
	w.open('{')
	w.key("errors")
	answerErrors(w, errs)
	w.close('}')
}
