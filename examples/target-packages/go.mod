module example.com/target-packages

go 1.21

require (
	github.com/google/gopacket v1.1.19
	github.com/mattn/go-sqlite3 v1.14.32
)

require golang.org/x/sys v0.0.0-20190412213103-97732733099d // indirect
