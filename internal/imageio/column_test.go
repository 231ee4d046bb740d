package imageio

import (
	"image"
	"image/color"
	"math/rand/v2"
	"runtime"
	"testing"

	"dnn/matrix"
)

// The layout is the course's: pixel (r, c), channel k at row (r*size+c)*3+k,
// value/255.
func TestColumnLayout(t *testing.T) {
	const size = 5
	img := pattern(size, size)
	x := Column(img, size)
	if r, c := x.Dims(); r != size*size*3 || c != 1 {
		t.Fatalf("Column(5×5, %d) has shape %s, want (%d,1)", size, x.Shape(), size*size*3)
	}
	for r := 0; r < size; r++ {
		for c := 0; c < size; c++ {
			p := img.RGBAAt(c, r)
			for k, v := range []uint8{p.R, p.G, p.B} {
				row := (r*size+c)*3 + k
				if got, want := x.At(row, 0), float64(v)/255; got != want {
					t.Errorf("Column(5×5, 5).At(%d, 0) [pixel (%d,%d) channel %d] = %v, want %v", row, r, c, k, got, want)
				}
			}
		}
	}
}

// FromColumn(Column(img)) gives img back at the same size, and
// Column(FromColumn(X, j)) gives column j of X back bit for bit when X holds
// 8-bit levels divided by 255, as the course's data does.
func TestColumnRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		size int
		m    int
	}{
		{"1 pixel", 1, 1},
		{"8×8, 3 examples", 8, 3},
		{"64×64 like the course", 64, 2},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := tt.size * tt.size * 3
			X := matrix.Zeros(n, tt.m)
			for i := range X.RawData() {
				X.RawData()[i] = float64(rng.IntN(256)) / 255
			}
			for j := 0; j < tt.m; j++ {
				img := FromColumn(X, j, tt.size)
				got := Column(img, tt.size)
				for i := 0; i < n; i++ {
					if got.At(i, 0) != X.At(i, j) {
						t.Fatalf("Column(FromColumn(X, %d, %d), %d).At(%d, 0) = %v, want %v", j, tt.size, tt.size, i, got.At(i, 0), X.At(i, j))
					}
				}
				if d := maxDiff(FromColumn(Column(img, tt.size), 0, tt.size), img); d != 0 {
					t.Errorf("FromColumn(Column(img)) differs from img by %d levels", d)
				}
			}
		})
	}
}

func TestFromColumnClamps(t *testing.T) {
	X := matrix.New(3, 1, []float64{-0.5, 0.5, 1.5})
	got := FromColumn(X, 0, 1).RGBAAt(0, 0)
	want := color.RGBA{0, 128, 255, 255}
	if got != want {
		t.Errorf("FromColumn([-0.5 0.5 1.5]) pixel = %v, want %v", got, want)
	}
}

// fill returns a w×h picture where pixel (x, y) gets f(x, y) as grey level.
func fill(w, h int, f func(x, y int) uint8) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			v := f(x, y)
			img.SetRGBA(x, y, color.RGBA{v, v, v, 255})
		}
	}
	return img
}

// greys returns the red channel of Column(img, size) as 8-bit levels, row
// by row.
func greys(img image.Image, size int) []int {
	x := Column(img, size)
	var g []int
	for i := 0; i < size*size; i++ {
		g = append(g, int(x.At(3*i, 0)*255+0.5))
	}
	return g
}

func TestColumnResize(t *testing.T) {
	tests := []struct {
		name string
		img  image.Image
		size int
		want []int // grey levels of the result, row by row
	}{
		{"uniform 100×60 to 4", fill(100, 60, func(x, y int) uint8 { return 77 }), 4, repeat(77, 16)},
		// Each new pixel averages a 2×2 block of a checkerboard: 127.5 rounds up.
		{"checkerboard 4×4 to 2", fill(4, 4, func(x, y int) uint8 { return uint8(255 * ((x + y) % 2)) }), 2,
			[]int{128, 128, 128, 128}},
		// Stripes 0, 30, 60 shrunk from 3 to 2 columns: the middle pixel is
		// shared half and half: (0 + 0.5*30)/1.5 = 10, (0.5*30 + 60)/1.5 = 50.
		{"3 columns to 2", fill(3, 2, func(x, y int) uint8 { return uint8(30 * x) }), 2,
			[]int{10, 50, 10, 50}},
		// Enlarging 2 to 4: source positions -0.25 (edge), 0.25, 0.75, 1.25
		// (edge) give 0, 63.75, 191.25, 255.
		{"2 columns to 4", fill(2, 2, func(x, y int) uint8 { return uint8(255 * x) }), 4,
			[]int{0, 64, 191, 255, 0, 64, 191, 255, 0, 64, 191, 255, 0, 64, 191, 255}},
		// Shrinking one axis and enlarging the other.
		{"4×1 to 2×2", fill(4, 1, func(x, y int) uint8 { return uint8(40 * x) }), 2,
			[]int{20, 100, 20, 100}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := greys(tt.img, tt.size)
			for i := range tt.want {
				if got[i] != tt.want[i] {
					t.Fatalf("Column(%v, %d) grey levels = %v, want %v", tt.img.Bounds().Size(), tt.size, got, tt.want)
				}
			}
		})
	}
}

func repeat(v, n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = v
	}
	return s
}

// Transparent pixels count as white; half-transparent ones are blended.
func TestColumnTransparency(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 2, 1))
	img.SetNRGBA(0, 0, color.NRGBA{0, 0, 0, 0})
	img.SetNRGBA(1, 0, color.NRGBA{0, 0, 0, 128})
	x := Column(img, 1)                 // averages the two
	want := (255 + 255*127.0/255) / 2.0 // white, and black at 128/255 over white
	if got := x.At(0, 0) * 255; got != float64(to8(want)) {
		t.Errorf("Column(transparent, half-transparent black).At(0,0)*255 = %v, want %v", got, to8(want))
	}
}

// Every destination pixel's weights sum to 1, and every source pixel is
// used when shrinking.
func TestTaps(t *testing.T) {
	for _, src := range []int{1, 2, 3, 7, 64, 100, 641} {
		for _, dst := range []int{1, 2, 5, 64, 65, 200} {
			used := make([]bool, src)
			for j, tj := range taps(src, dst) {
				sum := 0.0
				for _, tp := range tj {
					if tp.i < 0 || tp.i >= src || tp.w <= 0 {
						t.Fatalf("taps(%d, %d)[%d] has tap %+v", src, dst, j, tp)
					}
					sum += tp.w
					used[tp.i] = true
				}
				if !matrix.Close(sum, 1, 1e-12, 0) {
					t.Errorf("taps(%d, %d)[%d] weights sum to %v, want 1", src, dst, j, sum)
				}
				// resize relies on the taps being consecutive and their
				// range moving forward.
				for k := 1; k < len(tj); k++ {
					if tj[k].i != tj[k-1].i+1 {
						t.Fatalf("taps(%d, %d)[%d] = %+v: source pixels not consecutive", src, dst, j, tj)
					}
				}
				if j > 0 {
					prev := taps(src, dst)[j-1]
					if tj[0].i < prev[0].i || tj[len(tj)-1].i < prev[len(prev)-1].i {
						t.Fatalf("taps(%d, %d)[%d] = %+v goes back from [%d] = %+v", src, dst, j, tj, j-1, prev)
					}
				}
			}
			if dst <= src {
				for i, u := range used {
					if !u {
						t.Errorf("taps(%d, %d) never uses source pixel %d", src, dst, i)
					}
				}
			}
		}
	}
}

// Resizing a tall picture keeps no more than a row and the result: a
// 16×200000 picture shrunk to 64×64 once kept 200000 resized rows (307 MB).
func TestResizeTallPictureMemory(t *testing.T) {
	img := image.NewGray(image.Rect(0, 0, 16, 200_000))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	px := resize(img, 64, 64)
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > 16<<20 {
		t.Errorf("resize(16×200000, 64, 64) allocated %d bytes, want at most 16 MiB", n)
	}
	for i, v := range px {
		if v != 0 {
			t.Fatalf("resize(black 16×200000, 64, 64)[%d] = %v, want 0", i, v)
		}
	}
}

func TestColumnPanics(t *testing.T) {
	tests := []struct {
		name string
		f    func()
	}{
		{"Column size 0", func() { Column(pattern(4, 4), 0) }},
		{"Column empty image", func() { Column(image.NewRGBA(image.Rect(0, 0, 0, 3)), 4) }},
		{"FromColumn wrong rows", func() { FromColumn(matrix.Zeros(12, 1), 0, 3) }},
		{"FromColumn column out of range", func() { FromColumn(matrix.Zeros(27, 2), 2, 3) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("%s did not panic", tt.name)
				}
			}()
			tt.f()
		})
	}
}
