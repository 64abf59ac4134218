// pcapver: a packet tool's cgo (gopacket/pcap) linked against the target's libpcap, which the
// action installs from the floor's release (packages: libpcap-dev). It prints libpcap's version.
package main

import (
	"fmt"

	"github.com/google/gopacket/pcap"
)

func main() { fmt.Println(pcap.Version()) }
