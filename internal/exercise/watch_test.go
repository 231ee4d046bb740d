package exercise_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"dnn/internal/exercise"
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitFor waits until the output contains want.
func waitFor(t *testing.T, out *syncBuffer, want string) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if strings.Contains(out.String(), want) {
			return
		}
	}
	t.Fatalf("watch printed\n%s\nnot %q", out.String(), want)
}

// TestWatch watches a project whose grades a fake grader decides: it shows
// the first step that does not pass with its progress bar, grades it again
// when one of its files is saved, moves on when it passes, and stops
// cleanly when cancelled.
func TestWatch(t *testing.T) {
	root := t.TempDir()
	for _, s := range exercise.Steps {
		writeFile(t, filepath.Join(root, s.Dir, "a.go"), "package "+s.Dir+"\n")
	}
	var mu sync.Mutex
	passing := map[string]int{"step01_init": 3, "step02_forward": 2} // functions that pass, by step
	grades := 0
	grade := func(ctx context.Context, root string, steps []exercise.Step) (exercise.Scoreboard, error) {
		mu.Lock()
		defer mu.Unlock()
		grades++
		var b exercise.Scoreboard
		for _, s := range steps {
			for i, f := range s.Funcs {
				r := exercise.Result{Step: s.Dir, Func: f, Passed: i < passing[s.Dir]}
				if !r.Passed {
					r.Messages = []string{"not yet"}
				}
				b.Results = append(b.Results, r)
			}
		}
		return b, nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	done := make(chan error)
	go func() {
		done <- exercise.Watch(ctx, root, out, exercise.WatchOptions{Interval: 5 * time.Millisecond, Grade: grade})
	}()
	waitFor(t, out, "step02_forward  [########------------]  2/5 functions pass")
	waitFor(t, out, "Watching step02_forward: save a file to grade it again, Ctrl-C to stop.")

	mu.Lock()
	before := grades
	passing["step02_forward"] = 5
	mu.Unlock()
	time.Sleep(20 * time.Millisecond)
	mu.Lock()
	if grades != before {
		t.Errorf("watch graded %d times with no file saved", grades-before)
	}
	mu.Unlock()
	writeFile(t, filepath.Join(root, "step02_forward", "a.go"), "package step02_forward\n\n// saved\n")
	waitFor(t, out, "step02_forward: passed")
	waitFor(t, out, "step03_cost  [--------------------]  0/1 functions pass")

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Watch returned %v when cancelled, want nil", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Watch did not return when cancelled")
	}
	if !strings.HasSuffix(out.String(), "Stopped watching.\n") {
		t.Errorf("watch ended with\n%s\nwant Stopped watching.", out.String())
	}
}
