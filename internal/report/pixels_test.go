package report

import (
	"image"
	"image/color"
	"slices"
	"testing"
)

func TestSymmetricScale(t *testing.T) {
	tests := []struct {
		name string
		v    []float64
		want float64
	}{
		{"empty", nil, 0},
		{"zeros", []float64{0, 0}, 0},
		{"largest positive", []float64{0.1, -0.2, 0.3}, 0.3},
		{"largest negative", []float64{0.1, -0.5, 0.3}, 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := symmetricScale(tt.v); got != tt.want {
				t.Errorf("symmetricScale(%v) = %v, want %v", tt.v, got, tt.want)
			}
		})
	}
}

func TestLevel(t *testing.T) {
	tests := []struct {
		v, s float64
		want uint8
	}{
		{-2, 2, 0},
		{0, 2, 128},
		{2, 2, 255},
		{1, 2, 191},   // 127.5 + 63.75 = 191.25
		{-1, 2, 64},   // 127.5 - 63.75 = 63.75
		{5, 2, 255},   // beyond +s: clamped
		{-5, 2, 0},    // beyond -s: clamped
		{0.3, 0, 128}, // no scale: grey
	}
	for _, tt := range tests {
		if got := level(tt.v, tt.s); got != tt.want {
			t.Errorf("level(%v, %v) = %d, want %d", tt.v, tt.s, got, tt.want)
		}
	}
}

// The weight on pixel (r, c), channel k is w[(r*side+c)*3+k]: a single
// weight lights one channel of one pixel and leaves the rest grey.
func TestWeightTileLayout(t *testing.T) {
	const side = 3
	tests := []struct {
		name    string
		r, c, k int
		w       float64
	}{
		{"top left red", 0, 0, 0, 1},
		{"top right green", 0, 2, 1, 1},
		{"bottom left blue", 2, 0, 2, -1},
		{"middle red negative", 1, 1, 0, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := make([]float64, 3*side*side)
			w[(tt.r*side+tt.c)*3+tt.k] = tt.w
			img := weightTile(w, side, 1)
			if got := img.Bounds(); got != image.Rect(0, 0, side, side) {
				t.Fatalf("weightTile bounds = %v, want %d×%d", got, side, side)
			}
			for y := 0; y < side; y++ {
				for x := 0; x < side; x++ {
					want := color.RGBA{128, 128, 128, 255}
					if y == tt.r && x == tt.c {
						ch := []*uint8{&want.R, &want.G, &want.B}[tt.k]
						*ch = level(tt.w, 1)
					}
					if got := img.RGBAAt(x, y); got != want {
						t.Errorf("weightTile(w[%d] = %v) pixel (x %d, y %d) = %v, want %v", (tt.r*side+tt.c)*3+tt.k, tt.w, x, y, got, want)
					}
				}
			}
		})
	}
}

func TestWeightTilePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("weightTile(5 weights, side 1) did not panic")
		}
	}()
	weightTile(make([]float64, 5), 1, 1)
}

func TestTopK(t *testing.T) {
	tests := []struct {
		name string
		v    []float64
		k    int
		want []int
	}{
		{"largest first", []float64{0.1, 3, 2, 5}, 2, []int{3, 1}},
		{"ties to the lower index", []float64{1, 2, 2, 2}, 2, []int{1, 2}},
		{"k above the length", []float64{1, 3}, 5, []int{1, 0}},
		{"negatives", []float64{-3, -1, -2}, 1, []int{1}},
		{"zero k", []float64{1}, 0, []int{}},
		{"empty", nil, 3, []int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := topK(tt.v, tt.k); !slices.Equal(got, tt.want) {
				t.Errorf("topK(%v, %d) = %v, want %v", tt.v, tt.k, got, tt.want)
			}
		})
	}
}

func TestRampAt(t *testing.T) {
	r := ramp{{0, 0, 0, 255}, {200, 100, 0, 255}, {200, 200, 200, 255}}
	tests := []struct {
		t    float64
		want color.RGBA
	}{
		{0, color.RGBA{0, 0, 0, 255}},
		{0.25, color.RGBA{100, 50, 0, 255}},
		{0.5, color.RGBA{200, 100, 0, 255}},
		{0.75, color.RGBA{200, 150, 100, 255}},
		{1, color.RGBA{200, 200, 200, 255}},
		{-1, color.RGBA{0, 0, 0, 255}},      // clamped
		{2, color.RGBA{200, 200, 200, 255}}, // clamped
	}
	for _, tt := range tests {
		if got := r.at(tt.t); got != tt.want {
			t.Errorf("ramp.at(%v) = %v, want %v", tt.t, got, tt.want)
		}
	}
}

// Value i of a heat map is grid cell (row i/side, column i%side), row 0 at
// the top; values are divided by hi before they are coloured.
func TestHeatMap(t *testing.T) {
	r := ramp{{0, 0, 0, 255}, {255, 255, 255, 255}}
	v := []float64{0, 1, 2, 4}
	img := heatMap(v, 2, 4, r)
	tests := []struct {
		x, y int
		want uint8
	}{
		{0, 0, 0}, {1, 0, 64}, {0, 1, 128}, {1, 1, 255},
	}
	for _, tt := range tests {
		if got := img.RGBAAt(tt.x, tt.y).R; got != tt.want {
			t.Errorf("heatMap(%v, 2, 4) pixel (x %d, y %d) = %d, want %d", v, tt.x, tt.y, got, tt.want)
		}
	}
	dead := heatMap([]float64{0, 0, 0, 0}, 2, 0, r)
	if got := dead.RGBAAt(1, 1); got != r[0] {
		t.Errorf("heatMap(zeros, hi 0) pixel (1,1) = %v, want the ramp's start %v", got, r[0])
	}
}
