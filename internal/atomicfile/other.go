//go:build !unix

package atomicfile

import "os"

// stopSignals are the signals on which a temporary file is removed.
var stopSignals = []os.Signal{os.Interrupt}

// nonblock is 0 where opening cannot be made non-blocking.
const nonblock = 0

// running reports that the process pid may run: where it cannot be told,
// temporary files are swept by age only.
func running(pid int) bool { return true }
