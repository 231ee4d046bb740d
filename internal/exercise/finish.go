package exercise

import (
	"fmt"
	"strings"
)

// Unfinished reports whether a panic value (or an error message) is the
// panic of a stub, "step04_backward.LModelBackward is not implemented
// yet: ...", and returns the step and the function it names.
func Unfinished(r any) (step, fn string, ok bool) {
	s := fmt.Sprint(r)
	i := strings.Index(s, NotImplemented)
	if i < 0 {
		return "", "", false
	}
	name := strings.TrimSuffix(s[:i], ", which")
	if j := strings.LastIndexAny(name, " :("); j >= 0 {
		name = name[j+1:]
	}
	step, fn, ok = strings.Cut(name, ".")
	if !ok || !isStepDir(step) {
		return "", "", false
	}
	return step, fn, true
}

// FinishFirst turns the panic of a stub into what a command that needs the
// step should say, e.g. "step04_backward.LModelBackward is not written
// yet: finish step04_backward first (go test ./step04_backward)", and
// reports whether r was such a panic.
func FinishFirst(r any) (string, bool) {
	step, fn, ok := Unfinished(r)
	if !ok {
		return "", false
	}
	return fmt.Sprintf("%s.%s is not written yet: finish %s first (go test ./%s)", step, fn, step, step), true
}
