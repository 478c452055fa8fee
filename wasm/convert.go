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
	given.round++
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

// sentences writes "key": the messages in words, joined with spaces as
// wording's Sentences joins them.
func sentences(w *jsonw, key string, ms []rules.Msg) {
	w.key(key)
	w.b = append(w.b, '"')
	for i, m := range ms {
		if i > 0 {
			w.b = append(w.b, ' ')
		}
		sentence(w, m)
	}
	w.b = append(w.b, '"')
}

// A result repeats reasons: a pathway often gives a criterion's reason
// again. The engine gives a repeated reason as the very same message (its
// arguments in the same memory, see rules' leafReason), so each is put in
// words once and copied, already escaped, where it comes again. given holds
// the messages this reply has written and where, in a small table keyed by
// that memory; a slot from an earlier reply (round) is empty.
var given struct {
	round uint64
	slots [givenSize]written
}

const givenSize, givenProbes = 128, 8

type written struct {
	round   uint64
	args    *rules.Arg
	at, end int // the escaped words in the reply
}

// scratch holds a message's words until they are escaped into the reply.
var scratch []byte

func sentence(w *jsonw, m rules.Msg) {
	id := unsafe.SliceData(m.Args)
	var free *written // where to note this message, if anywhere
	if id != nil {
		at := uintptr(unsafe.Pointer(id)) / unsafe.Sizeof(*id)
		for i := range uintptr(givenProbes) {
			g := &given.slots[(at+i)%givenSize]
			if g.round != given.round {
				free = g
				break
			}
			if g.args == id {
				w.b = append(w.b, w.b[g.at:g.end]...)
				return
			}
		}
	}
	scratch = words.AppendText(scratch[:0], m)
	at := len(w.b)
	w.chars(unsafe.String(unsafe.SliceData(scratch), len(scratch)))
	if free != nil {
		*free = written{round: given.round, args: id, at: at, end: len(w.b)}
	}
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
