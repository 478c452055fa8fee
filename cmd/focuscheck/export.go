package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/focusfamily/portal/rules/export"
)

// runExport writes the checked rules model, one JSON file per language:
//
//	focuscheck export [-o build/model] [--root .]
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "build/model", "folder to write <lang>.json into")
	root := fs.String("root", ".", "the portal's folder (with data/rules and i18n/engine)")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	written, err := export.WriteAll(export.Default(*root), *out)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	for _, f := range written {
		fmt.Fprintln(stdout, "wrote", f)
	}
	return 0
}
