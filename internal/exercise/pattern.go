package exercise

import (
	"regexp"
	"strings"
)

// runRegexp returns the -test.run pattern selecting the tests a pattern of
// Func.Tests names: "TestX/a_b" runs subtest a_b of TestX, "TestX/a*" its
// subtests starting with a, "ExampleF" that example.
func runRegexp(pat string) string {
	parts := strings.Split(pat, "/")
	for i, p := range parts {
		if prefix, ok := strings.CutSuffix(p, "*"); ok && i == len(parts)-1 {
			parts[i] = "^" + regexp.QuoteMeta(prefix)
		} else {
			parts[i] = "^" + regexp.QuoteMeta(p) + "$"
		}
	}
	return strings.Join(parts, "/")
}

// match reports whether a test name matches a pattern of Func.Tests.
func match(pattern, name string) bool {
	if prefix, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(name, prefix)
	}
	return pattern == name
}
