// A release build's case (runc, libseccomp-golang's users): a cgo package that finds its C
// library through `#cgo pkg-config: libseccomp`. It prints the libseccomp it runs with.
package main

import (
	"fmt"

	seccomp "github.com/seccomp/libseccomp-golang"
)

func main() {
	major, minor, micro := seccomp.GetLibraryVersion()
	fmt.Printf("libseccomp %d.%d.%d\n", major, minor, micro)
}
