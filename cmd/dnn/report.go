package main

import (
	"math"
	"time"

	"dnn/internal/imageio"
	"dnn/internal/report"
	"dnn/step02_forward"
	"dnn/step06_model"
)

// newReport gathers what the HTML report shows.
func newReport(d *data, f trainFlags, dims []int, res step06_model.Result, trainAcc, testAcc float64, elapsed time.Duration) *report.Report {
	r := &report.Report{
		Title:         "Training report",
		Model:         modelName(f.model, dims),
		Layers:        dims,
		LearningRate:  f.lr,
		Iterations:    f.iterations,
		TrainAccuracy: trainAcc,
		TestAccuracy:  testAcc,
		HasTest:       d.TestX != nil,
		Elapsed:       elapsed,
	}
	for _, c := range res.Costs {
		r.Costs = append(r.Costs, report.Point{Iteration: c.Iteration, Cost: c.Value})
	}
	// Mislabelled pictures are shown if they are square, of any size (the
	// course's are 64×64): n[0] = side×side×3.
	side := int(math.Round(math.Sqrt(float64(mustRows(d.TrainX)) / 3)))
	if d.Pictures && d.TestX != nil && side*side*3 == mustRows(d.TrainX) {
		AL, _ := step02_forward.LModelForward(d.TestX, res.Parameters)
		probs := AL.RawData()
		for j, y := range d.TestY.RawData() {
			predicted := 0
			if probs[j] > 0.5 {
				predicted = 1
			}
			if float64(predicted) != y {
				r.Mislabelled = append(r.Mislabelled, report.Picture{
					Image:       imageio.FromColumn(d.TestX, j, side),
					Predicted:   d.Classes[predicted],
					Actual:      d.Classes[int(y)],
					Probability: probs[j],
				})
			}
		}
	}
	return r
}

func writeReport(dir string, r *report.Report) error { return report.Write(dir, r) }
