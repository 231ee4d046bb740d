package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dnn/internal/npy"
	"dnn/matrix"
)

func TestCheckReportDir(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	os.WriteFile(file, []byte("x"), 0o644)
	os.MkdirAll(filepath.Join(dir, "broken", "index.html"), 0o755)
	tests := []struct {
		path string
		want string // a phrase of the error, "" for none
	}{
		{filepath.Join(dir, "new"), ""},
		{filepath.Join(dir, "new", "deeper"), ""},
		{filepath.Join(dir, "report.v2"), ""},
		{filepath.Join(dir, "out.html"), "give a folder, not a file name"},
		{filepath.Join(dir, "OUT.HTM"), "give a folder, not a file name"},
		{filepath.Join(dir, "params.npz"), "give a folder, not a file name"},
		{file, "that is a file"},
		{filepath.Join(file, "sub"), "is not a folder"},
		{filepath.Join(dir, "broken"), "is a folder"},
	}
	for _, tt := range tests {
		err := checkReportDir("-report", tt.path)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("checkReportDir(%q) error %v, want none", tt.path, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("checkReportDir(%q) error %v, want one saying %q", tt.path, err, tt.want)
		}
	}
}

func TestPictureSide(t *testing.T) {
	tests := []struct {
		name     string
		rows     int
		pictures bool
		want     int
	}{
		{"the course's pictures", 12288, true, 64},
		{"the course's data of 2×2 pictures", 12, true, 2},
		{"arrays of 12288 features", 12288, false, 64},
		{"arrays of 12 features", 12, false, 0},
		{"not square", 15, true, 0},
	}
	for _, tt := range tests {
		d := &data{TrainX: matrix.Zeros(tt.rows, 1), Pictures: tt.pictures}
		if got := dataPictureSide(d); got != tt.want {
			t.Errorf("dataPictureSide(%s) = %d, want %d", tt.name, got, tt.want)
		}
	}
}

// Trained on .npy arrays of 12288 features, the report shows the test
// pictures the model gets wrong and what each layer learned, and its
// title names the model and the data.
func TestTrainReportNpyPictures(t *testing.T) {
	dir := t.TempDir()
	const m = 8
	X, Y := learnableXY(12288, m)
	X = matrix.Apply(X, func(v float64) float64 { return (v + 1) / 2 }) // values in [0, 1], as pictures / 255
	wrong := matrix.Apply(Y, func(y float64) float64 { return 1 - y })  // the test labels, all flipped
	for name, a := range map[string]*matrix.Dense{"x.npy": X, "y.npy": Y, "ty.npy": wrong} {
		if err := os.WriteFile(filepath.Join(dir, name), npyBytes(t, npy.FromMatrix(a)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	args := []string{"train", "-x", "x.npy", "-y", "y.npy", "-test-x", "x.npy", "-test-y", "ty.npy", "-layers", "12288,3,1", "-iterations", "200", "-lr", "0.05", "-report", "rep"}
	_, stderr, status := runDNN(t, dir, args...)
	if status != 0 {
		t.Fatalf("dnn %s: exit status %d, stderr %q", quoteArgs(args), status, stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, "rep", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, want := range []string{
		"<title>2-layer model on x.npy</title>", "8 training pictures of 64×64 pixels (12288 inputs each), 8 test pictures.",
		"Mislabelled pictures", "predicted: class", "What each layer learned", "Layer 1: the weights W[1]", "W[1] minus its random start",
		"Layer 1: 3 ReLU units: the training pictures", "The blocks of the network", "W[1] (3, 12288)",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("dnn %s: the report lacks %q", quoteArgs(args), want)
		}
	}
}
