package edge

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"testing"
)

// export is the test site with its directory export replaced, counting how
// often the handler reads the export.
type export struct {
	data  []byte
	etag  string
	reads int
}

func (e *export) Open(ctx context.Context, name string) (*File, error) {
	if name != exportName {
		return FS(os.DirFS("testdata/site")).Open(ctx, name)
	}
	body := &firstRead{Reader: bytes.NewReader(e.data), count: &e.reads}
	return &File{Body: io.NopCloser(body), ContentType: "application/json", Size: int64(len(e.data)), ETag: e.etag}, nil
}

// firstRead counts a body once, at its first read.
type firstRead struct {
	io.Reader
	count *int
	read  bool
}

func (f *firstRead) Read(p []byte) (int, error) {
	if !f.read {
		f.read = true
		*f.count++
	}
	return f.Reader.Read(p)
}

// The handler decodes the export once per version (its ETag), so the
// Worker's long-lived instance decodes it once; a new build is read again.
func TestExportDecodedOncePerVersion(t *testing.T) {
	data, err := os.ReadFile("testdata/site/api/directory.json")
	if err != nil {
		t.Fatal(err)
	}
	renamed := bytes.Replace(data, []byte(`"council": "Test Council"`), []byte(`"council": "Renamed Council"`), 1)
	if bytes.Equal(renamed, data) {
		t.Fatal("the test export has no council to rename")
	}
	publisher := func(h *Handler) string {
		var meta struct{ Publisher string }
		getJSON(t, h, "/api/", 200, &meta)
		return meta.Publisher
	}
	tests := []struct {
		name      string
		etag      string
		wantReads int // over three requests, then two more after a new export
	}{
		{"with an ETag", `"v1"`, 2},
		{"without an ETag", "", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := &export{data: data, etag: tt.etag}
			h := New(src)
			var services envelope
			for range 2 {
				getJSON(t, h, "/api/services?per_page=2", 200, &services)
			}
			if services.TotalItems != 4 {
				t.Fatalf("total_items %d, want 4", services.TotalItems)
			}
			if got := publisher(h); got != "Test Council" {
				t.Fatalf("publisher %q", got)
			}
			src.data = renamed
			if tt.etag != "" {
				src.etag = `"v2"`
			}
			if got := publisher(h); !strings.HasPrefix(got, "Renamed") {
				t.Errorf("after a new export: publisher %q, want the new one", got)
			}
			publisher(h)
			if src.reads != tt.wantReads {
				t.Errorf("the export was read %d times, want %d", src.reads, tt.wantReads)
			}
		})
	}
}
