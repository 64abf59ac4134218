// hello-cgo: a small cgo program (libm and a pthread from C) for the cgo-abi-guard example.
package main

/*
#cgo LDFLAGS: -lm -lpthread
#include <math.h>
#include <pthread.h>

static double root;
static void *work(void *arg) { root = sqrt(*(double *)arg); return 0; }

static double threaded_sqrt(double x) {
	pthread_t t;
	if (pthread_create(&t, 0, work, &x) != 0) return -1;
	pthread_join(t, 0);
	return root;
}
*/
import "C"

import "fmt"

func main() {
	fmt.Printf("sqrt(2) from a C thread: %.6f\n", float64(C.threaded_sqrt(2)))
}
