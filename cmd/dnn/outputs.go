package main

import (
	"errors"
	"os"
	"path/filepath"

	"dnn/internal/atomicfile"
)

// checkReportFolder returns an error unless the report can be written into
// folder dir: dir is a folder where index.html can be written, or it does
// not exist and the nearest folder above it that exists (where it will be
// made) is writable.
func checkReportFolder(dir string) error {
	st, err := os.Stat(dir)
	switch {
	case err == nil && !st.IsDir():
		return errors.New("that is a file; the report is a folder")
	case err == nil:
		return atomicfile.Check(filepath.Join(dir, "index.html"))
	}
	// The folder will be made, and those above it that do not exist:
	// the nearest one that exists must be a folder where files can be made.
	parent := filepath.Dir(filepath.Clean(dir))
	for parent != filepath.Dir(parent) {
		if _, err := os.Stat(parent); err == nil {
			break
		}
		parent = filepath.Dir(parent)
	}
	return atomicfile.CheckFolder(parent)
}
