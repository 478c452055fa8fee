package edge

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The Open Referral HSDS 3.0 schemas (openreferral/specification, tag
// v3.0; CC BY-SA 4.0, see the LICENSE beside them): the compiled service,
// and the taxonomy and taxonomy term; and the compiled service of the UK
// profile (openreferral/uk-profile at ecdfabf, v3.0, same licence).
const (
	hsdsDir      = "oruk/testdata/hsds/"
	ukProfileDir = "oruk/testdata/uk-profile/"
)

// exportUnderTest is the directory export whose answers are checked: the
// built site's when make test names it (PORTAL_EXPORT), else the fixture.
func exportUnderTest(t *testing.T) []byte {
	t.Helper()
	name := os.Getenv("PORTAL_EXPORT")
	if name == "" {
		name = "testdata/site/api/directory.json"
	}
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("checking the answers built from %s", name)
	return data
}

func compileHSDS(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	return compile(t, hsdsDir+name)
}

func compile(t *testing.T, file string) *jsonschema.Schema {
	t.Helper()
	s, err := jsonschema.NewCompiler().Compile(file)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Every API answer that holds records (each service, taxonomy and term, on
// its own and in the lists) is valid HSDS 3.0, and each service valid for
// the UK profile too.
func TestHSDSConformance(t *testing.T) {
	files, err := StaticAPI(context.Background(), FS(fstest.MapFS{"api/directory.json": {Data: exportUnderTest(t)}}))
	if err != nil {
		t.Fatal(err)
	}
	schemas := map[string]*jsonschema.Schema{
		"services":       compileHSDS(t, "service.json"),
		"taxonomies":     compileHSDS(t, "taxonomy.json"),
		"taxonomy_terms": compileHSDS(t, "taxonomy_term.json"),
	}
	uk := compile(t, ukProfileDir+"service.json")
	checked := map[string]int{}
	for _, f := range files {
		collection, records := recordsOf(t, f)
		for _, rec := range records {
			if err := schemas[collection].Validate(rec); err != nil {
				t.Errorf("%s: %v", f.Name, err)
			}
			if collection == "services" {
				if err := uk.Validate(rec); err != nil {
					t.Errorf("%s (UK profile): %v", f.Name, err)
				}
			}
			checked[collection]++
		}
	}
	for _, c := range []string{"services", "taxonomies", "taxonomy_terms"} {
		if checked[c] < 2 {
			t.Errorf("only %d %s checked", checked[c], c)
		}
	}
	t.Logf("records checked: %v", checked)
}

// recordsOf returns the records in one static answer: the record itself
// (api/services/x.json), or a list's contents (api/services.json).
func recordsOf(t *testing.T, f StaticFile) (collection string, records []any) {
	if dir := path.Dir(f.Name); dir != "api" {
		return path.Base(dir), []any{decode(t, f.Data)}
	}
	list, _ := decode(t, f.Data).(map[string]any)["contents"].([]any)
	return strings.TrimSuffix(path.Base(f.Name), ".json"), list
}

func decode(t *testing.T, data []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// The schemas catch what they should: a service without its name fails.
func TestHSDSSchemaBites(t *testing.T) {
	var rec map[string]any
	if err := json.Unmarshal([]byte(`{"id": "a", "status": "active"}`), &rec); err != nil {
		t.Fatal(err)
	}
	if err := compileHSDS(t, "service.json").Validate(rec); err == nil || !strings.Contains(err.Error(), "name") {
		t.Errorf("a service without a name: %v", err)
	}
}
