package edge

import (
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"testing"
	"time"
)

// TestSlowHeadersAreCut opens connections that send half a request and then
// wait, as a slow-loris client does: the server must close every one of
// them soon after ReadHeaderTimeout.
func TestSlowHeadersAreCut(t *testing.T) {
	srv := NewServer(New(FS(os.DirFS("testdata/site"))))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Close()

	const n = 20
	conns := make([]net.Conn, n)
	for i := range conns {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if _, err := io.WriteString(c, "GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: "); err != nil {
			t.Fatal(err)
		}
		conns[i] = c
	}
	deadline := time.Now().Add(ReadHeaderTimeout + 3*time.Second)
	for i, c := range conns {
		c.SetReadDeadline(deadline)
		_, err := io.Copy(io.Discard, c) // returns when the server closes
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			t.Fatalf("connection %d still open %v after its headers stalled", i, ReadHeaderTimeout+3*time.Second)
		}
	}
}

// TestServerStillAnswers checks the timeouts leave an ordinary request alone.
func TestServerStillAnswers(t *testing.T) {
	srv := NewServer(New(FS(os.DirFS("testdata/site"))))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Close()
	res, err := http.Get("http://" + ln.Addr().String() + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("GET / = %d", res.StatusCode)
	}
	for name, d := range map[string]time.Duration{"read header": srv.ReadHeaderTimeout, "read": srv.ReadTimeout, "write": srv.WriteTimeout, "idle": srv.IdleTimeout} {
		if d <= 0 || d > time.Minute {
			t.Errorf("%s timeout %v; want one between 0 and a minute", name, d)
		}
	}
}
