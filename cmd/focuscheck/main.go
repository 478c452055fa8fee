// Command focuscheck checks the Focus Family rules data and runs the rules
// engine from the command line:
//
//	focuscheck validate [--data DIR]
//	focuscheck eval     [--data DIR] [--format json|text] [--lang LANG] [FILE|-]
//	focuscheck progress [--data DIR] [--format json|text] [--lang LANG] [FILE|-]
//	focuscheck services [FILE]   (checks the services directory, data/services.yaml)
//	focuscheck yaml DIR...       (checks the syntax of every .yaml file under DIR)
//	focuscheck export   [-o DIR] [--root DIR]
//
// eval reads answers JSON and progress reads termly measures JSON (see
// rules/README.md), from FILE or, with no FILE or "-", from standard input.
// The exit status is 0 on success, 1 when the data or the input has errors
// (printed one per line) and 2 for a usage mistake. export writes the
// checked rules model that the site reads, one JSON file per language.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/focusfamily/portal/rules"
	"github.com/focusfamily/portal/rules/export"
	"github.com/focusfamily/portal/rules/yamlsrc"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage:
  focuscheck validate [--data DIR]
  focuscheck eval     [--data DIR] [--format json|text] [--lang LANG] [FILE|-]
  focuscheck progress [--data DIR] [--format json|text] [--lang LANG] [FILE|-]
  focuscheck services [FILE]
  focuscheck export   [-o DIR] [--root DIR]
`

// run is main without the process: tests call it with their own streams.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd := args[0]
	if cmd == "services" {
		return checkServices(args[1:], stdout, stderr)
	}
	if cmd == "yaml" {
		return checkYAML(args[1:], stdout, stderr)
	}
	if cmd == "export" {
		return runExport(args[1:], stdout, stderr)
	}
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("data", "data/rules", "folder of the rules data")
	format := fs.String("format", "json", "output format: json or text")
	lang := fs.String("lang", "en", "the language of reasons and messages (en, or one with data/rules/translations/<lang>.yaml)")
	messages := fs.String("messages", "", "folder of the engine's message templates, <lang>.yaml (default: i18n/engine beside the data's data/ folder)")
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	if *format != "json" && *format != "text" {
		fmt.Fprintf(stderr, "unknown format %q: use json or text\n", *format)
		return 2
	}
	if cmd != "validate" && cmd != "eval" && cmd != "progress" || fs.NArg() > 1 || cmd == "validate" && fs.NArg() > 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	if cmd == "validate" {
		return validate(*dir, stdout, stderr)
	}
	if *messages == "" {
		*messages = filepath.Join(*dir, "../../i18n/engine")
	}
	lm, err := export.Build(export.Folders(*dir, *messages), *lang)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	m, words := lm.Checked, lm.Words
	input, err := readInput(fs.Arg(0), stdin)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if cmd == "eval" {
		r, errs := rules.Evaluate(m, input)
		words.Errors(errs)
		if r != nil {
			words.Result(r)
		}
		return output(stdout, stderr, *format, r, errs, func(w io.Writer) { writeResult(w, r) })
	}
	r, errs := rules.Progress(m, input)
	words.Errors(errs)
	if r != nil {
		words.Progress(r)
	}
	return output(stdout, stderr, *format, r, errs, func(w io.Writer) { writeProgress(w, r) })
}

func validate(dir string, stdout, stderr io.Writer) int {
	m, err := yamlsrc.Load(os.DirFS(dir), ".", strings.TrimSuffix(dir, "/"))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "%s: the rules data is valid (%d questions, %d themes, %d pathways, %d measures)\n",
		dir, len(m.Questions), len(m.Themes), len(m.Pathways), len(m.Measures))
	return 0
}

// maxInput bounds an answers or progress file. A real one is a few
// kilobytes; the bound is checked before decoding, so a huge or hostile file
// costs a megabyte of memory at most.
const maxInput = 1 << 20

func readInput(name string, stdin io.Reader) (rules.Node, error) {
	r := stdin
	if name == "" || name == "-" {
		name = "standard input"
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(b) > maxInput {
		return nil, fmt.Errorf("%s: larger than the limit of 1 MB; a real answers or progress file is a few kilobytes", name)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("%s: not valid JSON at byte %d: %v", name, se.Offset, err)
		}
		return nil, fmt.Errorf("%s: not valid JSON: %v", name, err)
	}
	return rules.FromAny(v), nil
}

// output prints input errors one per line, or the result in the chosen format.
func output(stdout, stderr io.Writer, format string, result any, errs []rules.AnswerError, text func(io.Writer)) int {
	if len(errs) > 0 {
		for _, e := range errs {
			fmt.Fprintln(stderr, e.Error())
		}
		return 1
	}
	if format == "text" {
		text(stdout)
		return 0
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(result); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}
