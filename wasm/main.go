//go:build js && wasm

// Command wasm is the checker's browser entry point: a thin shell that hands
// the page's rules model and answers to the rules engine and returns its
// results as plain JavaScript objects, with the reasons written in the
// model's language by package wording. Nothing here decides anything.
//
// It sets globalThis.focusFamilyRules with:
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
	api.Set("load", js.FuncOf(load))
	api.Set("relevant", js.FuncOf(withModel(relevant)))
	api.Set("validate", js.FuncOf(withModel(validate)))
	api.Set("evaluate", js.FuncOf(withModel(evaluate)))
	api.Set("progress", js.FuncOf(withModel(progress)))
	js.Global().Set("focusFamilyRules", api)
	select {}
}

// load decodes the model: its rules and the message templates of its
// language. The build has already checked them, so an error here means the
// page and its model do not match.
func load(_ js.Value, args []js.Value) any {
	if len(args) != 1 {
		return failure("load needs the rules model")
	}
	root := wrap(args[0])
	m, err := rules.Decode(root.Get("rules"), "model/rules")
	if err != nil {
		return failure(err.Error())
	}
	msgs, err := wording.Messages(root.Get("messages"))
	if err != nil {
		return failure(err.Error())
	}
	lang := "en"
	if l := root.Get("lang"); l != nil {
		lang = l.Str()
	}
	model, words = m, wording.New(lang, msgs, m)
	return map[string]any{"ok": true}
}

// withModel guards every call that needs loaded rules and one argument.
func withModel(f func(rules.Node) any) func(js.Value, []js.Value) any {
	return func(_ js.Value, args []js.Value) any {
		if model == nil {
			return failure("the rules are not loaded")
		}
		if len(args) != 1 {
			return failure("expected one argument: the answers")
		}
		return f(wrap(args[0]))
	}
}

func relevant(answers rules.Node) any {
	return strings(rules.Relevant(model, answers))
}

func validate(answers rules.Node) any {
	return answerErrors(rules.ValidateAnswers(model, answers))
}

func evaluate(answers rules.Node) any {
	res, errs := rules.Evaluate(model, answers)
	if len(errs) > 0 {
		return map[string]any{"errors": answerErrors(errs)}
	}
	words.Result(res)
	return result(res)
}

func progress(input rules.Node) any {
	res, errs := rules.Progress(model, input)
	if len(errs) > 0 {
		return map[string]any{"errors": answerErrors(errs)}
	}
	words.Progress(res)
	return progressResult(res)
}

func failure(msg string) map[string]any {
	return map[string]any{"ok": false, "errors": []any{msg}}
}
