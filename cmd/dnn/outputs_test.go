package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// When the report cannot be written after the parameters were saved, the
// error says where the parameters went. (The flags are checked before
// training; here the report's place is spoilt behind the check's back.)
func TestReportFailsAfterSave(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file.txt")
	if err := os.WriteFile(blocker, []byte("a file where a folder would go\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	X, Y := learnableXY(fixN, fixM)
	d := &data{TrainX: X, TrainY: Y, Classes: []string{"class 0", "class 1"}}
	save := filepath.Join(dir, "p.npz")
	f := trainFlags{model: "l-layer", lr: 0.01, iterations: 5, seed: 1, save: save, report: filepath.Join(blocker, "rep")}
	err := train(d, f, []int{fixN, 3, 1}, io.Discard, nil)
	want := "(the parameters were saved to " + save + ")"
	if err == nil || !strings.HasSuffix(err.Error(), want) {
		t.Errorf("train with a report that cannot be written: error %v, want one ending %q", err, want)
	}
	if _, err := os.Stat(save); err != nil {
		t.Errorf("the parameters were not saved: %v", err)
	}
}

func TestCheckReportFolder(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file.txt")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		dir  string
		want string // "" for no error
	}{
		{dir, ""},
		{filepath.Join(dir, "new", "deeper"), ""},
		{file, "that is a file; the report is a folder"},
		{filepath.Join(file, "rep"), file + " is not a folder"},
		{filepath.Join(file, "rep", "deeper"), file + " is not a folder"},
	}
	for _, tt := range tests {
		err := checkReportFolder(tt.dir)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("checkReportFolder(%s) = %q, want %q", tt.dir, got, tt.want)
		}
	}
}
