//go:build !js

// The browser build leaves out the data checks (see checking.go), so the
// malformed data sets are tested natively only.

package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/focusfamily/portal/rules/yamlsrc"
)

// minimalFS is the small valid data set the malformed cases are built on.
func minimalFS(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range globFiles(t, "testdata/minimal/*.yaml") {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		fsys[filepath.Base(f)] = &fstest.MapFile{Data: b}
	}
	return fsys
}

func TestMinimalDataIsValid(t *testing.T) {
	if _, err := yamlsrc.Load(minimalFS(t), ".", "data/rules"); err != nil {
		t.Fatal(err)
	}
}

// TestMalformed loads each data set in testdata/malformed: the minimal data
// with the case's files laid over it (and those named in "remove" taken
// away). The errors must be exactly the lines of expect.txt; a line ending
// in "..." matches any error that starts with the rest.
func TestMalformed(t *testing.T) {
	dirs := globFiles(t, "testdata/malformed/*")
	if len(dirs) < 10 {
		t.Fatalf("only %d malformed data sets; want at least 10", len(dirs))
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			fsys := minimalFS(t)
			files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
			for _, f := range files {
				b, _ := os.ReadFile(f)
				fsys[filepath.Base(f)] = &fstest.MapFile{Data: b}
			}
			if b, err := os.ReadFile(filepath.Join(dir, "remove")); err == nil {
				for _, name := range strings.Fields(string(b)) {
					delete(fsys, name)
				}
			}
			want, err := os.ReadFile(filepath.Join(dir, "expect.txt"))
			if err != nil {
				t.Fatal(err)
			}
			_, lerr := yamlsrc.Load(fsys, ".", "data/rules")
			if lerr == nil {
				t.Fatal("the data loaded without errors")
			}
			got := strings.Split(lerr.Error(), "\n")
			wantLines := strings.Split(strings.TrimSpace(string(want)), "\n")
			if len(got) != len(wantLines) {
				t.Errorf("got %d errors, want %d:\n%s", len(got), len(wantLines), lerr)
			}
			for _, w := range wantLines {
				if !matchesAny(got, w) {
					t.Errorf("no error %q in:\n%s", w, lerr)
				}
			}
		})
	}
}

func matchesAny(lines []string, want string) bool {
	for _, l := range lines {
		if l == want || strings.HasSuffix(want, "...") && strings.HasPrefix(l, strings.TrimSuffix(want, "...")) {
			return true
		}
	}
	return false
}
