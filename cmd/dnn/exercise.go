package main

import (
	"io"

	"dnn/internal/learn"
)

// The learner's commands (exercise, grade, hint, watch) are those of
// cmd/learn, from package learn; each file of theirs registers one.
func init() { registerLearn("exercise") }

// registerLearn registers the learner's command called name.
func registerLearn(name string) {
	c, ok := learn.Lookup(name)
	if !ok {
		panic("cmd/dnn: no learner's command " + name)
	}
	register(c.Name, c.Summary, func(args []string, stdout io.Writer) error {
		return c.Run(learn.Env{Prog: learn.ProgName("dnn"), Stdout: stdout}, args)
	})
}
