//go:build js && wasm

// Command wasm is the checker's browser entry point: a thin shell that hands
// the page's rules model and answers to the rules engine and returns its
// results, with the reasons written in the model's language by package
// wording. Nothing here decides anything.
//
// The engine's worker (assets/js/engine/worker.js) calls the functions this
// module exports. Each takes JSON text, which the worker writes as UTF-8
// into the buffer input(n) returns, and replies with JSON text, whose length
// it returns and which starts at output(). So an evaluation crosses between
// JavaScript and Go once each way, with no crossing for each value, which is
// what syscall/js would cost.
//
//	load       the rules model, build/model/<lang>.json: {lang, rules, messages, ...}
//	           (see rules/README.md) -> {"ok":true} or {"ok":false,"errors":[...]}
//	relevant   answers -> [question ids]: the questions to ask, in order
//	validate   answers -> [{question, message}]
//	evaluate   answers -> result | {errors}
//	progress   the progress input (rules/README.md) -> progress result | {errors}
package main

import (
	"unsafe"

	"github.com/focusfamily/portal/rules"
	"github.com/focusfamily/portal/wording"
)

var (
	model *rules.Model
	words *wording.Words
	ws    rules.Workspace // an evaluation's memory, used again by the next
	read  reader          // the input's tree, in memory used again by each call
	in    []byte
	out   jsonw
)

// main only keeps the module alive for its exported functions.
func main() { select {} }

// input returns a buffer of n bytes for the next call's JSON text. The
// values read from it point into it (see reader.read), so it is used again
// only once a call's reply is written, and never after load: the model
// keeps some of its strings for good. Asked again for no more than it holds,
// it keeps the buffer and its bytes: the worker asks for room for the
// longest the text can be, writes it, then gives the length written.
//
//go:wasmexport input
func input(n int32) unsafe.Pointer {
	if cap(in) < int(n) {
		in = make([]byte, max(n, 1))
	}
	in = in[:n]
	return unsafe.Pointer(unsafe.SliceData(in))
}

// output is where the last reply starts. It is read before the next call.
//
//go:wasmexport output
func output() unsafe.Pointer { return unsafe.Pointer(unsafe.SliceData(out.b)) }

// call reads the input and writes f's reply, returning its length.
func call(f func(*jsonw, rules.Node)) int32 {
	out.b = out.b[:0]
	v, err := read.read(in)
	if err != nil {
		failure(&out, "the engine's input is not JSON it can read: "+err.Error())
	} else {
		f(&out, v)
	}
	return int32(len(out.b))
}

//go:wasmexport load
func loadCall() int32 {
	n := call(load)
	in, read = nil, reader{} // the model points into them
	return n
}

//go:wasmexport relevant
func relevantCall() int32 { return call(withModel(relevant)) }

//go:wasmexport validate
func validateCall() int32 { return call(withModel(validate)) }

//go:wasmexport evaluate
func evaluateCall() int32 { return call(withModel(evaluate)) }

//go:wasmexport progress
func progressCall() int32 { return call(withModel(progress)) }

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
	w.strs(ws.Relevant(model, answers))
}

func validate(w *jsonw, answers rules.Node) {
	answerErrors(w, ws.ValidateAnswers(model, answers))
}

func evaluate(w *jsonw, answers rules.Node) {
	res, errs := ws.EvaluateMet(model, answers)
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
