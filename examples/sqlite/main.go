// sqlite: a real cgo client (github.com/mattn/go-sqlite3 compiles SQLite's C amalgamation).
// It creates a table, fills it and queries it, so a binary that runs has working cgo and libc.
package main

import (
	"database/sql"
	"fmt"
	"log"
	"os"

	_ "github.com/mattn/go-sqlite3"
)

func main() {
	path := ":memory:"
	if len(os.Args) > 1 {
		path = os.Args[1]
	}
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE floors (release TEXT PRIMARY KEY, glibc TEXT NOT NULL)`); err != nil {
		log.Fatal(err)
	}
	for _, row := range [][2]string{{"bullseye", "2.31"}, {"bookworm", "2.36"}, {"trixie", "2.41"}} {
		if _, err := db.Exec(`INSERT INTO floors VALUES (?, ?)`, row[0], row[1]); err != nil {
			log.Fatal(err)
		}
	}
	var release, glibc, version string
	if err := db.QueryRow(`SELECT release, glibc FROM floors WHERE glibc <= '2.31' ORDER BY glibc DESC LIMIT 1`).Scan(&release, &glibc); err != nil {
		log.Fatal(err)
	}
	if err := db.QueryRow(`SELECT sqlite_version()`).Scan(&version); err != nil {
		log.Fatal(err)
	}
	var rows int
	if err := db.QueryRow(`SELECT count(*) FROM floors`).Scan(&rows); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("sqlite %s: %d rows; newest release at glibc <= 2.31: %s (%s)\n", version, rows, release, glibc)
}
