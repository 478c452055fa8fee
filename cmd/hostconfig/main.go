// Command hostconfig writes what hosts without the Go Worker need, after
// Hugo has built the site: each host's configuration, generated from
// security/_headers, and the static API files in the site itself.
//
//	go run ./cmd/hostconfig [-public public] [-out build/hosting]
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/focusfamily/portal/edge"
	"github.com/focusfamily/portal/security"
	"github.com/focusfamily/portal/security/hosting"
)

func main() {
	public := flag.String("public", "public", "the built site, where the static API files go")
	out := flag.String("out", "build/hosting", "folder for the host configurations")
	flag.Parse()
	if err := writeStaticAPI(*public); err != nil {
		log.Fatal(err)
	}
	if err := writeConfigs(*out); err != nil {
		log.Fatal(err)
	}
}

func writeStaticAPI(public string) error {
	files, err := edge.StaticAPI(context.Background(), edge.FS(os.DirFS(public)))
	if err != nil {
		return fmt.Errorf("static API from %s (Hugo writes it first: make build): %w", public, err)
	}
	for _, f := range files {
		if err := write(filepath.Join(public, filepath.FromSlash(f.Name)), f.Data); err != nil {
			return err
		}
	}
	fmt.Printf("static API: %d files in %s/api\n", len(files), public)
	return nil
}

func write(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

func writeConfigs(out string) error {
	files, err := hosting.Generate(security.Definition())
	if err != nil {
		return err
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	for _, f := range files {
		if err := write(filepath.Join(out, filepath.FromSlash(f.Path)), f.Data); err != nil {
			return err
		}
	}
	fmt.Printf("host configurations: %d files in %s\n", len(files), out)
	return nil
}
