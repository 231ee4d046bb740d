package matrix

import (
	"math"
	"strconv"
	"strings"
)

// String formats m the way numpy's print(array) does with its default
// options, so that a learner can compare with the notebook by eye:
//
//	[[ 0.01624345 -0.00611756 -0.00528172]
//	 [-0.01072969  0.00865408 -0.02301539]]
//
// Like numpy, it rounds to 8 decimals and drops trailing zeros (0 prints as
// "0."), pads the fractions so the decimal points line up, and right-aligns
// every column to the widest element. It switches to scientific notation
// when numpy would: the largest magnitude is at least 1e8, the smallest
// nonzero one is below 1e-4, or their ratio exceeds 1e3. Unlike numpy it
// does not wrap rows longer than 75 characters.
func (m *Dense) String() string {
	cells := formatCells(m.rowMajor())
	width := 0
	for _, s := range cells {
		width = max(width, len(s))
	}
	var sb strings.Builder
	sb.WriteByte('[')
	for i := 0; i < m.rows; i++ {
		if i > 0 {
			sb.WriteString("\n ")
		}
		sb.WriteByte('[')
		for j := 0; j < m.cols; j++ {
			if j > 0 {
				sb.WriteByte(' ')
			}
			s := cells[i*m.cols+j]
			sb.WriteString(strings.Repeat(" ", width-len(s)))
			sb.WriteString(s)
		}
		sb.WriteByte(']')
	}
	sb.WriteByte(']')
	return sb.String()
}

// formatCells renders each value as numpy's default float formatter does:
// precision 8, trailing zeros removed, decimal points aligned by padding
// the fractional part to the longest one (numpy's "unique=True, trim='.'"
// mode), sign space kept for alignment.
func formatCells(data []float64) []string {
	var maxAbs, minAbs float64 = 0, math.Inf(1)
	finite := false
	for _, x := range data {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			continue
		}
		finite = true
		a := math.Abs(x)
		maxAbs = max(maxAbs, a)
		if a != 0 {
			minAbs = min(minAbs, a)
		}
	}
	sci := finite && (maxAbs >= 1e8 || (minAbs < 1e-4 && minAbs != math.Inf(1)) || (minAbs != math.Inf(1) && maxAbs/minAbs > 1e3))
	cells := make([]string, len(data))
	if sci {
		// numpy: the shortest mantissa (up to 8 digits) shared by all, exponent at least two digits.
		prec := 0
		for _, x := range data {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				continue
			}
			s := strconv.FormatFloat(x, 'e', -1, 64)
			mant := s[:strings.IndexByte(s, 'e')]
			if i := strings.IndexByte(mant, '.'); i >= 0 {
				prec = max(prec, min(8, len(mant)-i-1))
			}
		}
		for i, x := range data {
			cells[i] = special(x)
			if cells[i] == "" {
				cells[i] = strconv.FormatFloat(x, 'e', prec, 64)
				if prec == 0 {
					e := strings.IndexByte(cells[i], 'e')
					cells[i] = cells[i][:e] + "." + cells[i][e:]
				}
			}
		}
		return cells
	}
	// Fixed: each value rounded to 8 decimals then trimmed; pad the
	// fraction to the longest fraction so the points line up.
	frac := 0
	for i, x := range data {
		cells[i] = special(x)
		if cells[i] != "" {
			continue
		}
		s := strings.TrimRight(strconv.FormatFloat(x, 'f', 8, 64), "0")
		cells[i] = s
		frac = max(frac, len(s)-strings.IndexByte(s, '.')-1)
	}
	for i, s := range cells {
		if d := strings.IndexByte(s, '.'); d >= 0 {
			cells[i] = s + strings.Repeat(" ", frac-(len(s)-d-1))
			if frac == 0 {
				cells[i] = s
			}
		}
	}
	return cells
}

func special(x float64) string {
	switch {
	case math.IsNaN(x):
		return "nan"
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	}
	return ""
}
