package exercise

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// WatchOptions tune Watch.
type WatchOptions struct {
	Interval time.Duration // how often the files are looked at; 0 means half a second
	Limits   Limits        // for each function graded
	// Grade grades steps; nil means RunTests.
	Grade func(ctx context.Context, root string, steps []Step) (Scoreboard, error)
	// Clear, if set, is written before each new grade (e.g. the terminal's
	// clear-screen sequence).
	Clear string
}

// Watch grades the first step that does not pass, then, each time a Go
// file of a step is saved, grades that step again, with a progress bar of
// its functions that pass; when the step being watched passes, it moves on
// to the next one that does not. It looks at the files' modification times
// (no dependency, no notification service) and returns nil when ctx is
// cancelled, for example by Ctrl-C.
func Watch(ctx context.Context, root string, w io.Writer, opts WatchOptions) error {
	if opts.Interval <= 0 {
		opts.Interval = 500 * time.Millisecond
	}
	grade := opts.Grade
	if grade == nil {
		grade = func(ctx context.Context, root string, steps []Step) (Scoreboard, error) {
			return RunTests(ctx, root, steps, opts.Limits)
		}
	}
	stopped := func(err error) error {
		if ctx.Err() != nil {
			fmt.Fprintln(w, "\nStopped watching.")
			return nil
		}
		return err
	}
	current, err := nextFailing(ctx, root, 0, grade, w, opts.Clear)
	if err != nil {
		return stopped(err)
	}
	seen := snapshot(root)
	tick := time.NewTicker(opts.Interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return stopped(nil)
		case <-tick.C:
		}
		now := snapshot(root)
		changed := changedStep(seen, now)
		seen = now
		if changed < 0 {
			continue
		}
		if current >= len(Steps) || changed < current {
			current = changed
		}
		if current, err = nextFailing(ctx, root, current, grade, w, opts.Clear); err != nil {
			return stopped(err)
		}
	}
}

// nextFailing grades the steps from Steps[i] on, one at a time, until one
// does not pass, and shows it; it returns that step's index, or len(Steps)
// when every step passes.
func nextFailing(ctx context.Context, root string, i int, grade func(context.Context, string, []Step) (Scoreboard, error), w io.Writer, clear string) (int, error) {
	var passed []string
	for ; i < len(Steps); i++ {
		s := Steps[i]
		b, err := grade(ctx, root, []Step{s})
		if err != nil {
			return i, err
		}
		if b.StepPassed(s.Dir) {
			passed = append(passed, s.Dir)
			continue
		}
		fmt.Fprint(w, clear)
		if len(passed) > 0 {
			fmt.Fprintf(w, "%s: passed\n\n", strings.Join(passed, ", "))
		}
		p, total := b.Score()
		fmt.Fprintf(w, "%s  %s  %d/%d functions pass\n\n", s.Dir, progressBar(p, total, 20), p, total)
		if err := b.Write(w); err != nil {
			return i, err
		}
		fmt.Fprintf(w, "\nWatching %s: save a file to grade it again, Ctrl-C to stop.\n", s.Dir)
		return i, nil
	}
	fmt.Fprint(w, clear)
	if len(passed) > 0 {
		fmt.Fprintf(w, "%s: passed\n\n", strings.Join(passed, ", "))
	}
	fmt.Fprintf(w, "Every step passes: well done. Still watching (Ctrl-C to stop).\n")
	return i, nil
}

// progressBar draws done out of total as [#####---------------].
func progressBar(done, total, width int) string {
	n := 0
	if total > 0 {
		n = done * width / total
	}
	return "[" + strings.Repeat("#", n) + strings.Repeat("-", width-n) + "]"
}

// snapshot returns the modification time and size of every Go file of the
// steps, by path.
func snapshot(root string) map[string]string {
	files := map[string]string{}
	for _, s := range Steps {
		paths, _ := filepath.Glob(filepath.Join(root, s.Dir, "*.go"))
		for _, p := range paths {
			if st, err := os.Stat(p); err == nil {
				files[p] = fmt.Sprint(st.ModTime().UnixNano(), st.Size())
			} else if !errors.Is(err, os.ErrNotExist) {
				files[p] = err.Error()
			}
		}
	}
	return files
}

// changedStep returns the index in Steps of the first step whose files
// differ between two snapshots, or -1.
func changedStep(before, after map[string]string) int {
	changed := map[string]bool{}
	for p, v := range after {
		if before[p] != v {
			changed[filepath.Base(filepath.Dir(p))] = true
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			changed[filepath.Base(filepath.Dir(p))] = true
		}
	}
	for i, s := range Steps {
		if changed[s.Dir] {
			return i
		}
	}
	return -1
}
