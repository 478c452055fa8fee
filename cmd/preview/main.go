// Command preview serves the built site (public/) on loopback through the
// same handler and headers as production. The browser tests use it.
//
//	go run ./cmd/preview [-dir public] [-addr 127.0.0.1:1313]
//
// make serve runs it over build/serve, which tools/serve.mjs rebuilds on change.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"os"

	"github.com/focusfamily/portal/edge"
)

func main() {
	dir := flag.String("dir", "public", "the built site")
	addr := flag.String("addr", "127.0.0.1:1313", "address to listen on; port 0 picks a free port")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	// The tests read this line to learn the port.
	fmt.Printf("serving %s at http://%s/\n", *dir, ln.Addr())
	log.Fatal(edge.NewServer(edge.New(edge.FS(os.DirFS(*dir)))).Serve(ln))
}
