package main

import (
	"fmt"
	"io"
	"os"

	"github.com/focusfamily/portal/directory"
)

// checkServices checks the services directory; the build runs it before
// Hugo, so a mistake stops the build instead of reaching the API.
func checkServices(args []string, stdout, stderr io.Writer) int {
	if len(args) > 1 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	name := "data/services.yaml"
	if len(args) == 1 {
		name = args[0]
	}
	b, err := os.ReadFile(name)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if err := directory.Check(b, name); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "%s: the services directory is valid\n", name)
	return 0
}
