package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/focusfamily/portal/rules/yamlsrc"
)

// checkYAML reads every .yaml file under the given folders, in name order,
// and stops at the first one that is not sound YAML (a syntax error, or over
// the limits of yamlsrc.ParseNode). The build runs it before anything else:
// when Hugo meets a broken data file it drops all the data and prints
// hundreds of misleading errors before the real one.
func checkYAML(dirs []string, stdout, stderr io.Writer) int {
	if len(dirs) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	n := 0
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(name, ".yaml") {
				return err
			}
			n++
			b, err := os.ReadFile(name)
			if err != nil {
				return err
			}
			if _, err := yamlsrc.ParseNode(b); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			return nil
		})
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
	}
	fmt.Fprintf(stdout, "%d YAML files read: the syntax is sound\n", n)
	return 0
}
