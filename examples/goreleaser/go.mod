module example.com/app

go 1.21

require github.com/seccomp/libseccomp-golang v0.11.1
