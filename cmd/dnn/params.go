package main

import (
	"fmt"
	"strconv"
	"strings"

	"dnn/internal/npy"
	"dnn/matrix"
	"dnn/step01_init"
)

// saveParameters writes W1, b1, ..., WL, bL to an .npz file that np.load
// reads as a dictionary of float64 arrays, the notebook's parameters.
func saveParameters(path string, p step01_init.Parameters) error {
	var names []string
	arrays := map[string]*npy.Array{}
	for l := 1; l <= p.L(); l++ {
		w, b := "W"+strconv.Itoa(l), "b"+strconv.Itoa(l)
		names = append(names, w, b)
		arrays[w], arrays[b] = npy.FromMatrix(p.W[l]), npy.FromMatrix(p.B[l])
	}
	return npy.WriteNPZ(path, names, arrays)
}

// loadParameters reads parameters saved by saveParameters (or by numpy as
// np.savez(path, **parameters)), checking that the shapes chain together:
// W[l] is (n[l], n[l-1]), b[l] is (n[l], 1), every n[l] at least 1.
func loadParameters(path string) (step01_init.Parameters, error) {
	names, arrays, err := npy.ReadNPZ(path)
	if err != nil {
		return step01_init.Parameters{}, err
	}
	return parametersFrom(path, names, arrays)
}

// parametersFrom does loadParameters' work on the arrays read from the file
// at path, whose names, in the file's order, are names.
func parametersFrom(path string, names []string, arrays map[string]*npy.Array) (step01_init.Parameters, error) {
	L := 0
	for arrays["W"+strconv.Itoa(L+1)] != nil {
		L++
	}
	if L == 0 {
		return step01_init.Parameters{}, fmt.Errorf("%s holds no W1: not parameters saved by dnn train -save", path)
	}
	if len(arrays) != 2*L {
		gap := ""
		if next := strconv.Itoa(L + 1); arrays["b"+next] != nil {
			gap = ": it has b" + next + " but no W" + next
		}
		return step01_init.Parameters{}, fmt.Errorf("%s holds %s, want W1, b1, ..., WL, bL%s", path, strings.Join(names, ", "), gap)
	}
	p := step01_init.Parameters{W: make([]*matrix.Dense, L+1), B: make([]*matrix.Dense, L+1)}
	for l := 1; l <= L; l++ {
		for _, name := range []string{"W", "b"} {
			a := arrays[name+strconv.Itoa(l)]
			if a == nil {
				return p, fmt.Errorf("%s has no %s%d", path, name, l)
			}
			m, err := a.Matrix()
			if err == nil {
				err = checkFinite(m)
			}
			if err != nil {
				return p, fmt.Errorf("%s: %s%d %v", path, name, l, err)
			}
			if name == "W" {
				p.W[l] = m
			} else {
				p.B[l] = m
			}
		}
		n, nPrev := p.W[l].Dims()
		if n == 0 || nPrev == 0 {
			return p, fmt.Errorf("%s: W%d has shape %s: every layer needs at least 1 unit and 1 input", path, l, p.W[l].Shape())
		}
		if l > 1 {
			if prev, _ := p.W[l-1].Dims(); nPrev != prev {
				return p, fmt.Errorf("%s: W%d has shape %s but W%d has %d rows: the layers do not chain", path, l, p.W[l].Shape(), l-1, prev)
			}
		}
		if r, c := p.B[l].Dims(); r != n || c != 1 {
			return p, fmt.Errorf("%s: b%d has shape %s, want (%d,1) to match W%d %s", path, l, p.B[l].Shape(), n, l, p.W[l].Shape())
		}
	}
	if n, _ := p.W[L].Dims(); n != 1 {
		return p, fmt.Errorf("%s: W%d has %d rows; the last layer must have 1 unit", path, L, n)
	}
	return p, nil
}
