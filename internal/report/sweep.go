package report

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Sweep is a grid of training runs, the Idea → Code → Experiment loop of
// choosing hyperparameters, for WriteSweep.
type Sweep struct {
	Title string // the page's heading, naming the model and the data
	Data  string // one line on the data, e.g. how many examples train, dev and test
	Runs  []Run  // in the grid's order; run i is numbered i+1
	// HasDev and HasTest say which accuracies the runs have: a dev set held
	// out of the training set, and a test set.
	HasDev, HasTest bool
	Elapsed         time.Duration // the whole sweep, runs side by side
}

// Run is one training run of a sweep.
type Run struct {
	Layers       []int // n[0], ..., n[L]
	LearningRate float64
	Iterations   int
	Seed         uint32
	Costs        []Point // recorded every 100 iterations and at the last one
	// Stopped is set when training stopped because the cost became NaN or
	// infinite; Error says where. The run has no accuracies then.
	Stopped bool
	Error   string
	// OneClass is set when the trained network predicts the same class for
	// every training example: it is stuck, having learned nothing but which
	// class is the more common.
	OneClass bool

	TrainAccuracy, DevAccuracy, TestAccuracy float64 // fractions in [0, 1]
	Elapsed                                  time.Duration
}

// Diverged reports whether the run diverged: it stopped on a cost that is
// not a finite number, or its cost rose above where it started (gradient
// descent overshot instead of going down).
func (r Run) Diverged() bool { return r.Stopped || r.rose() }

func (r Run) rose() bool {
	for _, p := range r.Costs {
		if p.Cost > r.Costs[0].Cost {
			return true
		}
	}
	return false
}

// Name is the run's settings in a few words, e.g. "12288,7,1 α=0.0075".
func (s *Sweep) Name(i int) string {
	r := s.Runs[i]
	name := fmt.Sprintf("%s α=%s", joinInts(r.Layers, ","), strconv.FormatFloat(r.LearningRate, 'g', -1, 64))
	if s.varies(func(r Run) string { return strconv.Itoa(r.Iterations) }) {
		name += fmt.Sprintf(" %d it.", r.Iterations)
	}
	if s.varies(func(r Run) string { return strconv.Itoa(int(r.Seed)) }) {
		name += fmt.Sprintf(" seed %d", r.Seed)
	}
	return name
}

// varies reports whether key differs between runs.
func (s *Sweep) varies(key func(Run) string) bool {
	for _, r := range s.Runs {
		if key(r) != key(s.Runs[0]) {
			return true
		}
	}
	return false
}

// Ranking returns the runs that finished, best first, and what they are
// ranked on: the accuracy on the dev set if there is one, else on the test
// set; ties go to the lower final cost, then to the earlier run. It returns
// no runs if there is no held-out set.
func (s *Sweep) Ranking() ([]int, string) {
	on, acc := "dev", func(r Run) float64 { return r.DevAccuracy }
	switch {
	case s.HasDev:
	case s.HasTest:
		on, acc = "test", func(r Run) float64 { return r.TestAccuracy }
	default:
		return nil, ""
	}
	var rank []int
	for i, r := range s.Runs {
		if !r.Stopped {
			rank = append(rank, i)
		}
	}
	slices.SortStableFunc(rank, func(i, j int) int {
		a, b := s.Runs[i], s.Runs[j]
		return cmp.Or(cmp.Compare(acc(b), acc(a)), cmp.Compare(finalCost(a), finalCost(b)))
	})
	return rank, on
}

// Best returns the first run of the Ranking and what it was chosen on, or
// -1 if no run finished or there is no held-out set.
func (s *Sweep) Best() (int, string) {
	rank, on := s.Ranking()
	if len(rank) == 0 {
		return -1, on
	}
	return rank[0], on
}

// Choice says in words which run to pick and how far to trust its test
// accuracy.
func (s *Sweep) Choice() string {
	best, on := s.Best()
	switch {
	case best < 0 && (s.HasDev || s.HasTest):
		return "No run finished: the cost of every one stopped being a finite number. Try smaller learning rates."
	case best < 0:
		return "There is no held-out data (no test set, no -dev), so nothing here says how the runs do on examples they did not train on."
	}
	r := s.Runs[best]
	if on == "dev" {
		msg := fmt.Sprintf("Best on the dev set: run %d (%s), dev accuracy %s.", best+1, s.Name(best), percent(r.DevAccuracy))
		if s.HasTest {
			msg += fmt.Sprintf(" Its test accuracy, %s, played no part in the choice, so it is a fair estimate of how the model does on new examples.", percent(r.TestAccuracy))
		}
		return msg
	}
	return fmt.Sprintf("Highest test accuracy: run %d (%s), %s. Choosing a run by its test accuracy makes that figure optimistic: "+
		"the test set has become part of the training. Hold out a dev set from the training data with -dev 0.2, choose on it, "+
		"and keep the test set for the one model you chose.", best+1, s.Name(best), percent(r.TestAccuracy))
}

// finalCost returns the last recorded cost of r, or +Inf if it stopped.
func finalCost(r Run) float64 {
	if r.Stopped || len(r.Costs) == 0 {
		return math.Inf(1)
	}
	return r.Costs[len(r.Costs)-1].Cost
}

// Table returns the sweep as a table, one row per run: the same cells the
// command prints and the page shows.
func (s *Sweep) Table() (header []string, rows [][]string) {
	seeds := s.varies(func(r Run) string { return strconv.Itoa(int(r.Seed)) })
	header = []string{"run", "layers", "α", "iterations"}
	if seeds {
		header = append(header, "seed")
	}
	header = append(header, "final cost", "train acc.")
	if s.HasDev {
		header = append(header, "dev acc.")
	}
	if s.HasTest {
		header = append(header, "test acc.")
	}
	header = append(header, "time", "diverged")
	devRank := map[int]string{}
	if s.HasDev {
		header = append(header, "dev rank")
		rank, _ := s.Ranking()
		for k, i := range rank {
			devRank[i] = strconv.Itoa(k + 1)
		}
	}
	for i, r := range s.Runs {
		row := []string{strconv.Itoa(i + 1), joinInts(r.Layers, ","), strconv.FormatFloat(r.LearningRate, 'g', -1, 64), strconv.Itoa(r.Iterations)}
		if seeds {
			row = append(row, strconv.Itoa(int(r.Seed)))
		}
		acc := func(a float64) string {
			if r.Stopped {
				return "—"
			}
			return percent(a)
		}
		cost := "—"
		if !r.Stopped && len(r.Costs) > 0 {
			cost = strconv.FormatFloat(finalCost(r), 'f', 4, 64)
		}
		row = append(row, cost, acc(r.TrainAccuracy))
		if s.HasDev {
			row = append(row, acc(r.DevAccuracy))
		}
		if s.HasTest {
			row = append(row, acc(r.TestAccuracy))
		}
		diverged := "no"
		switch {
		case r.Stopped:
			diverged = "yes: cost not finite"
		case r.rose():
			diverged = "yes: cost rose"
		case r.OneClass:
			diverged = "stuck: one class for all"
		}
		row = append(row, seconds(r.Elapsed), diverged)
		if s.HasDev {
			row = append(row, cmp.Or(devRank[i], "—"))
		}
		rows = append(rows, row)
	}
	return header, rows
}

// WriteTable writes the table as aligned text columns.
func (s *Sweep) WriteTable(w io.Writer) error {
	header, rows := s.Table()
	width := make([]int, len(header))
	for _, r := range append([][]string{header}, rows...) {
		for j, c := range r {
			width[j] = max(width[j], len([]rune(c)))
		}
	}
	var b strings.Builder
	line := func(r []string) {
		for j, c := range r {
			pad := width[j] - len([]rune(c))
			if j > 0 {
				b.WriteString("  ")
			}
			if j == len(r)-1 {
				b.WriteString(c)
				break
			}
			if numeric(c) { // numbers to the right
				b.WriteString(strings.Repeat(" ", pad) + c)
			} else {
				b.WriteString(c + strings.Repeat(" ", pad))
			}
		}
		b.WriteString("\n")
	}
	line(header)
	for _, r := range rows {
		line(r)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// numeric reports whether a table cell is a figure (aligned to the right).
func numeric(c string) bool {
	if c == "—" {
		return true
	}
	c = strings.TrimSuffix(strings.TrimSuffix(c, "%"), "s")
	_, err := strconv.ParseFloat(c, 64)
	return err == nil
}

// seconds writes a run's time in seconds, e.g. "12.3s".
func seconds(d time.Duration) string {
	if d < 10*time.Second {
		return fmt.Sprintf("%.2fs", d.Seconds())
	}
	return fmt.Sprintf("%.1fs", d.Seconds())
}

func joinInts(v []int, sep string) string {
	s := make([]string, len(v))
	for i, n := range v {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, sep)
}
