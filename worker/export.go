//go:build js && wasm

package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"

	"github.com/focusfamily/portal/edge"
)

// exportName is the one file the Worker needs: every API answer, with or
// without a query, comes from the directory export (the static API files
// hold the same answers, made by the same code at build time).
const exportName = "api/directory.json"

// export is the Worker's edge.Source: the directory export, held in memory.
// Its ETag names its content, so the handler decodes it once per instance.
type export struct {
	data []byte
	etag string
}

func newExport(data []byte) export {
	return export{data: data, etag: fmt.Sprintf(`"%x"`, sha256.Sum256(data))}
}

func (e export) Open(_ context.Context, name string) (*edge.File, error) {
	if name != exportName {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &edge.File{
		Body:        io.NopCloser(bytes.NewReader(e.data)),
		ContentType: "application/json",
		Size:        int64(len(e.data)),
		ETag:        e.etag,
	}, nil
}
