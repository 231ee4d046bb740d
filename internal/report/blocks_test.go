package report

import (
	"slices"
	"strings"
	"testing"
)

// texts returns every line written in the layout's blocks.
func texts(l *blockLayout) string {
	var s []string
	for _, b := range l.Blocks {
		s = append(s, b.Title)
		s = append(s, b.Lines...)
	}
	return strings.Join(s, "\n")
}

func TestBlockDiagram(t *testing.T) {
	dims, m := []int{12288, 20, 7, 5, 1}, 209
	d := newBlockDiagram(dims, m)
	if d.Wide == nil || d.Tall == nil {
		t.Fatalf("newBlockDiagram(%v, %d): wide %v, tall %v; want both layouts", dims, m, d.Wide != nil, d.Tall != nil)
	}
	for name, l := range map[string]*blockLayout{"wide": d.Wide, "tall": d.Tall} {
		t.Run(name, func(t *testing.T) {
			// The input, the cost, the start of backward, and two per layer.
			if got, want := len(l.Blocks), 3+2*4; got != want {
				t.Errorf("%d blocks, want %d", got, want)
			}
			all := texts(l)
			for _, want := range []string{
				"1: LINEAR → RELU", "4: LINEAR → SIGMOID", "1: LINEAR ← RELU", "4: LINEAR ← SIGMOID",
				"X = A[0]", "(12288, 209)",
				"W[1] (20, 12288)", "b[1] (20, 1)", "Z[1] (20, 209)", "A[1] (20, 209)",
				"W[2] (7, 20)", "W[3] (5, 7)", "W[4] (1, 5)", "A[4] (1, 209)",
				"dZ[1] (20, 209)", "dW[1] (20, 12288)", "db[1] (20, 1)", "dA[0] (12288, 209)",
				"dA[3] (5, 209)",
			} {
				if !strings.Contains(all, want) {
					t.Errorf("no block says %q", want)
				}
			}
			count := map[string]int{}
			for _, a := range l.Arrows {
				count[a.Class]++
				if a.Head == "" {
					t.Errorf("arrow %+v has no head", a)
				}
			}
			// A[0] to A[4]; dA[L] from the cost, then dA[4] to dA[1]; four caches.
			if want := map[string]int{"data": 5, "grad": 5, "cache": 4}; !equalCounts(count, want) {
				t.Errorf("arrows by class = %v, want %v", count, want)
			}
		})
	}
	// Forward goes left to right (wide) or down (tall), backward the other
	// way, and each cache from a forward block to its backward twin.
	for _, tt := range []struct {
		name   string
		l      *blockLayout
		wantTo map[string]string // arrow class → direction
	}{
		{"wide", d.Wide, map[string]string{"data": "right", "grad": "left", "cache": "down"}},
		{"tall", d.Tall, map[string]string{"data": "down", "grad": "up", "cache": "right"}},
	} {
		for _, a := range tt.l.Arrows {
			if got := direction(a); a.Label != nil && got != tt.wantTo[a.Class] {
				t.Errorf("%s: %s arrow %v goes %s, want %s", tt.name, a.Class, a.Label, got, tt.wantTo[a.Class])
			}
		}
	}
	// Every block inside the picture.
	for name, l := range map[string]*blockLayout{"wide": d.Wide, "tall": d.Tall} {
		for _, b := range l.Blocks {
			if b.X < 0 || b.Y < 0 || b.X+b.W > l.W || b.Y+b.H > l.H {
				t.Errorf("%s: block %q at (%v, %v) size %v×%v leaves the %v×%v picture", name, b.Title, b.X, b.Y, b.W, b.H, l.W, l.H)
			}
		}
	}
}

// direction says where an arrow points: right, left, down, up or aslant.
func direction(a arrow) string {
	switch {
	case a.Y1 == a.Y2 && a.X2 > a.X1:
		return "right"
	case a.Y1 == a.Y2 && a.X2 < a.X1:
		return "left"
	case a.X1 == a.X2 && a.Y2 > a.Y1:
		return "down"
	case a.X1 == a.X2 && a.Y2 < a.Y1:
		return "up"
	}
	return "aslant"
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// A deep network is only drawn in columns; without m the shapes say "m".
func TestBlockDiagramDeep(t *testing.T) {
	dims := []int{4, 3, 3, 3, 3, 3, 3, 1}
	d := newBlockDiagram(dims, 0)
	if d.Wide != nil {
		t.Errorf("newBlockDiagram(%d layers) has a wide layout, want only the tall one", len(dims)-1)
	}
	if all := texts(d.Tall); !strings.Contains(all, "Z[7] (1, m)") || !strings.Contains(all, "W[7] (1, 3)") {
		t.Errorf("newBlockDiagram(%v, 0) blocks lack Z[7] (1, m) or W[7] (1, 3):\n%s", dims, all)
	}
	var labels []string
	for _, a := range d.Tall.Arrows {
		if a.Class == "cache" {
			labels = append(labels, a.Label[0])
		}
	}
	if want := []string{"cache 1", "cache 2", "cache 3", "cache 4", "cache 5", "cache 6", "cache 7"}; !slices.Equal(labels, want) {
		t.Errorf("cache labels = %v, want %v", labels, want)
	}
}
