package exercise

import (
	"regexp"
	"testing"
)

func TestRunPattern(t *testing.T) {
	steps := []Step{{Funcs: []Func{
		{Tests: []string{"TestA/x", "ExampleF"}},
		{Tests: []string{"TestA/y*", "TestB*", "TestC.D"}},
	}}}
	if got, want := runPattern(steps), `^(TestA|ExampleF|TestB.*|TestC\.D)$`; got != want {
		t.Errorf("runPattern = %q, want %q", got, want)
	}
	re := regexp.MustCompile(runPattern(Steps))
	for _, tt := range []struct {
		name string
		want bool
	}{
		{"TestLinearForward", true},
		{"ExampleLLayerModel", true},
		{"TestModelsRejectBadInput", true},
		{"TestCheck", false},
		{"TestCourseModels", false},
		{"ExampleLLayerModelSlow", false},
	} {
		if got := re.MatchString(tt.name); got != tt.want {
			t.Errorf("runPattern(Steps) matches %s = %v, want %v", tt.name, got, tt.want)
		}
	}
}
