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
//	focuscheck export --skeleton    (every English rules text, to start a translation)
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "build/model", "folder to write <lang>.json into")
	root := fs.String("root", ".", "the portal's folder (with data/rules and i18n/engine)")
	skeleton := fs.Bool("skeleton", false, "print a translations file with every English rules text, and write nothing")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	if *skeleton {
		b, err := export.Skeleton(export.Default(*root))
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		stdout.Write(b)
		return 0
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
