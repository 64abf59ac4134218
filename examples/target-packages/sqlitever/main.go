// sqlitever: go-sqlite3 built with -tags libsqlite3 links the target's system SQLite (packages:
// libsqlite3-dev) instead of compiling its own; it prints the version of the library it loaded.
package main

import (
	"fmt"

	sqlite3 "github.com/mattn/go-sqlite3"
)

func main() {
	version, number, _ := sqlite3.Version()
	fmt.Printf("system sqlite %s (%d)\n", version, number)
}
