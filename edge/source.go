package edge

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"path"
)

// Source gives the handler the files of the built site (Hugo's public/).
// Natively it is a file system (FS); in the Worker it is the static-assets
// binding, fetched over the Workers runtime.
type Source interface {
	// Open opens the file with this name: a clean, slash-separated path
	// without a leading slash, such as "themes/index.html". When there is
	// no such file (a folder is not a file), the error wraps fs.ErrNotExist.
	Open(ctx context.Context, name string) (*File, error)
}

// File is an open file of the site. The caller closes Body.
type File struct {
	Body        io.ReadCloser
	ContentType string
	Size        int64  // -1 when unknown
	ETag        string // a validator for conditional requests, or ""
}

// FS returns a Source that reads the site from a file system, such as
// os.DirFS("public").
func FS(fsys fs.FS) Source {
	return fsSource{fsys}
}

type fsSource struct {
	fsys fs.FS
}

func (s fsSource) Open(_ context.Context, name string) (*File, error) {
	if !fs.ValidPath(name) {
		return nil, notExist(name)
	}
	f, err := s.fsys.Open(name)
	if err != nil {
		// Whatever cannot be opened (no such file, a name too long, a path
		// through a file, no permission) is, to a visitor, not there.
		return nil, fmt.Errorf("%w: %v", fs.ErrNotExist, err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("stat %s: %w", name, err)
	}
	if info.IsDir() {
		f.Close()
		return nil, notExist(name)
	}
	return &File{
		Body:        f,
		ContentType: contentType(name),
		Size:        info.Size(),
		ETag:        fmt.Sprintf(`"%x-%x"`, info.ModTime().UnixNano(), info.Size()),
	}, nil
}

func notExist(name string) error {
	return &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// contentType picks the media type by extension, as Cloudflare's assets
// do; nosniff makes the browser trust it, so unknown types stay opaque.
func contentType(name string) string {
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}
