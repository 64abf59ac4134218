// pcapstatic: libpcap linked statically from the package's libpcap.a (its own dependency,
// libdbus, stays dynamic): no libpcap.so in NEEDED, so the target needs no libpcap package.
package main

/*
#cgo LDFLAGS: -l:libpcap.a -ldbus-1
#include <pcap/pcap.h>
*/
import "C"

import "fmt"

func main() { fmt.Println(C.GoString(C.pcap_lib_version())) }
