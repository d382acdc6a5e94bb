// winpath: the Go oracle for hcsc's Windows path rules
// (translator/src/common/winpath.c, rule: hcsc.tests.go-oracle). Every answer
// comes from Go's own path/filepath; nothing is reimplemented here. Those
// answers are the GOOS=windows ones only in a Windows binary, so build it
// with GOOS=windows (the program refuses to run otherwise) and run it under
// Wine:
//
//	cd tools/goref && GOOS=windows GOARCH=amd64 go build -o winpath.exe ./winpath
//
//	winpath            lines of hex-encoded path bytes on stdin; prints for
//	                   each line, tab-separated: VolumeName, IsAbs, Clean,
//	                   Base, Dir, IsLocal, Join(path, "x", `..\y`). Strings
//	                   are printed hex-encoded (lowercase; "" stays empty),
//	                   booleans as true/false. A path with a NUL byte is an
//	                   error: the C side takes C strings.
//	winpath gen N SEED N random hex-encoded paths, one a line, built from
//	                   pieces rich in Windows path syntax (no NUL bytes);
//	                   the same on every GOOS for the same N and SEED
//
// tools/goref/winpath_driver.c prints the same lines with libhcsc's
// winpath_* functions; the two outputs must be equal byte for byte.
//
// Standard library only.
package main

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
)

// pieces of which gen builds paths: separators, dots, colons, the prefixes
// of device and UNC paths and reserved device names.
var pieces = []string{
	`\`, `/`, `.`, `..`, `:`, `?`, `??`, `C`, `c`, `a`, `b`, `UNC`, `unc`,
	`GLOBALROOT`, `NUL`, `nul`, `CON`, `com1`, `CONIN$`, ` `, `$`, `x`,
	`\\`, `//`, `\\?\`, `\\.\`, `\??\`, `C:`, `c:\`,
}

func fail(format string, a ...any) {
	fmt.Fprintf(os.Stderr, "winpath: "+format+"\n", a...)
	os.Exit(2)
}

func gen(n int, seed int64) {
	r := rand.New(rand.NewSource(seed))
	w := bufio.NewWriter(os.Stdout)
	for i := 0; i < n; i++ {
		var sb strings.Builder
		for k := r.Intn(13); k > 0; k-- {
			sb.WriteString(pieces[r.Intn(len(pieces))])
		}
		fmt.Fprintln(w, hex.EncodeToString([]byte(sb.String())))
	}
	if err := w.Flush(); err != nil {
		fail("%v", err)
	}
}

func answer(w *bufio.Writer, p string) {
	h := func(s string) string { return hex.EncodeToString([]byte(s)) }
	fmt.Fprintf(w, "%s\t%t\t%s\t%s\t%s\t%t\t%s\n",
		h(filepath.VolumeName(p)), filepath.IsAbs(p), h(filepath.Clean(p)),
		h(filepath.Base(p)), h(filepath.Dir(p)), filepath.IsLocal(p),
		h(filepath.Join(p, "x", `..\y`)))
}

func check() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 0, 64*1024), 1<<24)
	w := bufio.NewWriter(os.Stdout)
	for in.Scan() {
		b, err := hex.DecodeString(in.Text())
		if err != nil {
			fail("bad hex line")
		}
		if strings.IndexByte(string(b), 0) >= 0 {
			fail("NUL byte in a path")
		}
		answer(w, string(b))
	}
	if err := in.Err(); err != nil {
		fail("%v", err)
	}
	if err := w.Flush(); err != nil {
		fail("%v", err)
	}
}

func main() {
	switch {
	case len(os.Args) == 4 && os.Args[1] == "gen":
		n, err1 := strconv.Atoi(os.Args[2])
		seed, err2 := strconv.ParseInt(os.Args[3], 10, 64)
		if err1 != nil || err2 != nil || n < 0 {
			fail("gen needs a count and a seed")
		}
		gen(n, seed)
	case len(os.Args) == 1:
		if runtime.GOOS != "windows" {
			fail("built for %s: build with GOOS=windows and run under Wine", runtime.GOOS)
		}
		check()
	default:
		fail("usage: winpath < HEXLINES | winpath gen N SEED")
	}
}
