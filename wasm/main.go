//go:build js && wasm

// Command wasm is the checker's browser entry point: a thin shell that hands
// the page's rules model and answers to the rules engine and returns its
// results, with the reasons written in the model's language by package
// wording. Nothing here decides anything.
//
// It reads its argument as a JavaScript value (node.go) and returns JSON
// text, which the engine's worker reads with JSON.parse (json.go). It sets
// globalThis.focusFamilyRules with:
//
//	load(model) -> {ok, errors}        model: the parsed build/model/<lang>.json
//	                                    ({lang, rules, messages, ...}; see rules/README.md)
//	relevant(answers) -> [question ids] the questions to ask, in order
//	validate(answers) -> [{question, message}]
//	evaluate(answers) -> result | {errors}
//	progress(input) -> progress result | {errors}   input: the progress JSON (rules/README.md)
package main

import (
	"syscall/js"

	"github.com/focusfamily/portal/rules"
	"github.com/focusfamily/portal/wording"
)

var (
	model *rules.Model
	words *wording.Words
)

func main() {
	api := jsObject.New()
	api.Set("load", js.FuncOf(jsonCall(load)))
	api.Set("relevant", js.FuncOf(jsonCall(withModel(relevant))))
	api.Set("validate", js.FuncOf(jsonCall(withModel(validate))))
	api.Set("evaluate", js.FuncOf(jsonCall(withModel(evaluate))))
	api.Set("progress", js.FuncOf(jsonCall(withModel(progress))))
	js.Global().Set("focusFamilyRules", api)
	select {}
}

// jsonCall checks for the one argument and returns the reply as JSON text.
func jsonCall(f func(*jsonw, rules.Node)) func(js.Value, []js.Value) any {
	return func(_ js.Value, args []js.Value) any {
		w := &jsonw{}
		if len(args) != 1 {
			failure(w, "expected one argument")
		} else {
			f(w, wrap(args[0]))
		}
		return string(w.b)
	}
}

// load decodes the model: its rules and the message templates of its
// language. The build has already checked them, so an error here means the
// page and its model do not match.
func load(w *jsonw, root rules.Node) {
	m, err := rules.Decode(root.Get("rules"), "model/rules")
	if err != nil {
		failure(w, err.Error())
		return
	}
	msgs, err := wording.Messages(root.Get("messages"))
	if err != nil {
		failure(w, err.Error())
		return
	}
	lang := "en"
	if l := root.Get("lang"); l != nil {
		lang = l.Str()
	}
	model, words = m, wording.New(lang, msgs, m)
	w.b = append(w.b, `{"ok":true}`...)
}

// withModel guards every call that needs loaded rules.
func withModel(f func(*jsonw, rules.Node)) func(*jsonw, rules.Node) {
	return func(w *jsonw, n rules.Node) {
		if model == nil {
			failure(w, "the rules are not loaded")
			return
		}
		f(w, n)
	}
}

func relevant(w *jsonw, answers rules.Node) {
	w.strs(rules.Relevant(model, answers))
}

func validate(w *jsonw, answers rules.Node) {
	answerErrors(w, rules.ValidateAnswers(model, answers))
}

func evaluate(w *jsonw, answers rules.Node) {
	res, errs := rules.Evaluate(model, answers)
	if len(errs) > 0 {
		errorsOnly(w, errs)
		return
	}
	result(w, res)
}

func progress(w *jsonw, input rules.Node) {
	res, errs := rules.Progress(model, input)
	if len(errs) > 0 {
		errorsOnly(w, errs)
		return
	}
	words.Progress(res)
	progressResult(w, res)
}

func failure(w *jsonw, msg string) {
	w.open('{')
	w.key("ok")
	w.bool(false)
	w.key("errors")
	w.strs([]string{msg})
	w.close('}')
}
